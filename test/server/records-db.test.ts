// The self-hosted records database: schema and migrations, refusing bad files without touching
// them, validation, transactions, durability across a killed process, and backups.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { APPLICATION_ID, applyMigrations, MigrationError, MIGRATIONS, SCHEMA_VERSION } from '../../src/server/migrations.ts';
import {
  learnerSlug,
  MAX_COMMIT_BYTES,
  openRecordsDb,
  RecordInputError,
  type RecordInputProblem,
  type RecordsDb,
  RecordsDbError,
  type RecordsDbProblem,
  recordsFileIn,
  validateCommitBody,
} from '../../src/server/records-db.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODULE_URL = pathToFileURL(join(REPO_ROOT, 'src/server/records-db.ts')).href;

let root: string;
let counter = 0;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'records-db-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh folder for one test. */
function folder(): string {
  counter += 1;
  const dir = join(root, `t${counter}`);
  mkdirSync(dir);
  return dir;
}

function withDb<T>(file: string, work: (db: RecordsDb) => T): T {
  const db = openRecordsDb(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** A closed records file with `learners` learners, an attempt and a commit each (several pages). */
function filledFile(learners = 60): string {
  const file = join(folder(), 'records.db');
  withDb(file, (db) => {
    for (let i = 0; i < learners; i++) {
      const learner = db.upsertLearner({ name: `Learner ${i}`, email: `learner${i}@example.com`, team: i % 2 ? 'Sales' : 'Support' });
      const attempt = db.currentAttempt(learner.id, '2004');
      db.saveCommit(attempt.id, { cmi: { completion_status: 'incomplete', suspend_data: 'x'.repeat(500), counter: i } });
    }
  });
  return file;
}

function assertDbError(problem: RecordsDbProblem, file: string) {
  return (error: unknown) => {
    assert.ok(error instanceof RecordsDbError, `expected a RecordsDbError, got ${String(error)}`);
    assert.equal(error.problem, problem, error.message);
    assert.ok(error.message.includes(file), `the message names the file: ${error.message}`);
    return true;
  };
}

function assertInputError(problem: RecordInputProblem) {
  return (error: unknown) => {
    assert.ok(error instanceof RecordInputError, `expected a RecordInputError, got ${String(error)}`);
    assert.equal(error.problem, problem, error.message);
    return true;
  };
}

/** Opening `file` fails with `problem`, leaving its bytes exactly as they were. */
function assertRefusedUntouched(file: string, problem: RecordsDbProblem): RecordsDbError {
  const before = readFileSync(file);
  let caught: unknown;
  assert.throws(
    () => openRecordsDb(file, { busyTimeoutMs: 100 }),
    (error: unknown) => {
      caught = error;
      return assertDbError(problem, file)(error);
    },
  );
  assert.ok(readFileSync(file).equals(before), 'the file is unchanged');
  return caught as RecordsDbError;
}

const commit = (fields: Record<string, unknown> = {}) => ({ cmi: { completion_status: 'incomplete', ...fields } });

describe('records database: schema and migrations', () => {
  it('lists migrations 1, 2, 3… without gaps, ending at SCHEMA_VERSION', () => {
    assert.deepEqual(
      MIGRATIONS.map((m) => m.version),
      MIGRATIONS.map((_, i) => i + 1),
    );
    assert.equal(SCHEMA_VERSION, MIGRATIONS.length);
  });

  it('creates the folder and the file, migrated from empty, in WAL mode', () => {
    const file = join(folder(), 'new', 'data', 'records.db');
    withDb(file, (db) => {
      assert.equal(db.schemaVersion, SCHEMA_VERSION);
      assert.equal(db.stats().journalMode, 'wal');
      assert.deepEqual(db.integrityProblems(), []);
    });
    const raw = new Database(file, { readonly: true });
    try {
      assert.equal(raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      assert.equal(raw.pragma('application_id', { simple: true }), APPLICATION_ID);
      const names = raw.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
      assert.deepEqual(
        names.map((n) => n.name),
        ['attempts', 'attempts_by_learner', 'attempts_by_update', 'commits', 'learners', 'sessions', 'sessions_by_expiry', 'sessions_by_learner', 'settings'],
      );
    } finally {
      raw.close();
    }
  });

  it('takes an empty (0-byte) file as a new database', () => {
    const file = join(folder(), 'records.db');
    writeFileSync(file, '');
    withDb(file, (db) => assert.equal(db.schemaVersion, SCHEMA_VERSION));
  });

  it('upgrades a version-1 file and keeps its rows', () => {
    const file = join(folder(), 'records.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    applyMigrations(raw, MIGRATIONS.slice(0, 1));
    raw.prepare("INSERT INTO learners VALUES ('ana-at-example.com', 'Ana', 'ana@example.com', NULL, '2025-01-01T00:00:00.000Z')").run();
    assert.equal(raw.pragma('user_version', { simple: true }), 1);
    raw.close();
    withDb(file, (db) => {
      assert.equal(db.schemaVersion, SCHEMA_VERSION);
      assert.equal(db.learnerByEmail('ana@example.com')?.name, 'Ana');
      assert.equal(db.setting('anything'), undefined); // the settings table exists now
    });
  });

  it('rolls a failing migration step back whole: the version and the tables stay as they were', () => {
    const raw = new Database(join(folder(), 'records.db'));
    try {
      const broken = [...MIGRATIONS.slice(0, 1), { version: 2, description: 'broken', sql: 'CREATE TABLE half (a); INSERT INTO missing VALUES (1);' }];
      assert.throws(() => applyMigrations(raw, broken), MigrationError);
      assert.equal(raw.pragma('user_version', { simple: true }), 1);
      assert.deepEqual(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get(), { n: 0 });
    } finally {
      raw.close();
    }
  });

  it('keeps everything across close and reopen', () => {
    const file = join(folder(), 'records.db');
    const saved = withDb(file, (db) => {
      const learner = db.upsertLearner({ name: 'Ana López', email: 'Ana.Lopez@Example.com', team: 'Sales' });
      const attempt = db.currentAttempt(learner.id, '1.2');
      return { learner, attempt, commit: db.saveCommit(attempt.id, commit({ score: 80 })) };
    });
    withDb(file, (db) => {
      assert.deepEqual(db.learnerById(saved.learner.id), saved.learner);
      assert.deepEqual(db.currentAttempt(saved.learner.id, '1.2'), db.attemptById(saved.attempt.id));
      assert.deepEqual(db.latestCommit(saved.attempt.id), saved.commit);
    });
  });
});

describe('records database: files it refuses, untouched', () => {
  it('refuses a file newer than this code (user_version higher than known)', () => {
    const file = filledFile(3);
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const error = assertRefusedUntouched(file, 'too-new');
    assert.match(error.message, new RegExp(`schema version ${SCHEMA_VERSION + 1}.*up to ${SCHEMA_VERSION}`));
  });

  it('refuses a newer file whose new version is still in its write-ahead log (a newer server is running)', () => {
    const file = filledFile(3);
    const newer = new Database(file);
    try {
      newer.pragma('journal_mode = WAL');
      newer.pragma('wal_autocheckpoint = 0');
      newer.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
      assert.ok(readFileSync(`${file}-wal`).length > 0);
      assertRefusedUntouched(file, 'too-new');
    } finally {
      newer.close();
    }
  });

  it('refuses random bytes as not a database, creating no file beside it', () => {
    const dir = folder();
    const file = join(dir, 'records.db');
    writeFileSync(file, randomBytes(8192));
    const error = assertRefusedUntouched(file, 'not-a-database');
    assert.match(error.message, /restore a backup/);
    assert.deepEqual(readdirSync(dir), ['records.db']);
  });

  it('refuses a truncated database (cut at a page boundary, and mid-page)', () => {
    for (const cut of [(size: number) => Math.floor(size / 2 / 4096) * 4096, (size: number) => Math.floor(size / 2) + 7]) {
      const file = filledFile();
      truncateSync(file, cut(readFileSync(file).length));
      const error = assertRefusedUntouched(file, 'corrupt');
      assert.match(error.message, /damaged/);
    }
  });

  it('refuses a database with garbage written over some pages, after SQLite checks it', () => {
    const file = filledFile();
    const bytes = readFileSync(file);
    randomBytes(4096 * 4).copy(bytes, 4096 * 2);
    writeFileSync(file, bytes);
    assertRefusedUntouched(file, 'corrupt');
  });

  it("refuses another application's SQLite file instead of adding tables to it", () => {
    const file = join(folder(), 'records.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (9.5);');
    raw.close();
    assertRefusedUntouched(file, 'other-database');
  });

  it('refuses a database another process holds the write lock of, and opens once it is released', () => {
    const file = filledFile(2);
    const holder = new Database(file);
    try {
      holder.exec('BEGIN IMMEDIATE');
      const error = assertRefusedUntouched(file, 'locked');
      assert.match(error.message, /another course server/);
      holder.exec('ROLLBACK');
      withDb(file, (db) => assert.equal(db.stats().learners, 2));
    } finally {
      holder.close();
    }
  });

  it('reports a folder given as the file, and a records file missing beside its write-ahead log', () => {
    const dir = folder();
    assert.throws(() => openRecordsDb(dir), assertDbError('unreadable', dir));
    const file = join(dir, 'records.db');
    writeFileSync(`${file}-wal`, randomBytes(64));
    assert.throws(() => openRecordsDb(file), assertDbError('unreadable', file));
    assert.equal(existsSync(file), false);
  });

  it('puts records.db inside the data folder', () => {
    assert.equal(recordsFileIn('/srv/course/data'), '/srv/course/data/records.db');
  });
});

describe('records database: learners and attempts', () => {
  let db: RecordsDb;
  before(() => {
    db = openRecordsDb(join(folder(), 'records.db'), { now: () => new Date('2025-03-01T09:00:00.000Z') });
  });
  after(() => db.close());

  it('creates a learner with a slug id and a lowercase email, then updates them by email', () => {
    const ana = db.upsertLearner({ name: '  Ana López ', email: ' Ana.Lopez@Example.COM ', team: 'Sales' });
    assert.deepEqual(ana, { id: 'ana.lopez-at-example.com', name: 'Ana López', email: 'ana.lopez@example.com', team: 'Sales', createdAt: '2025-03-01T09:00:00.000Z' });
    assert.deepEqual(db.upsertLearner({ name: 'Ana María López', email: 'ana.lopez@example.com' }), { ...ana, name: 'Ana María López' });
    assert.equal(db.upsertLearner({ name: 'Ana', email: 'ana.lopez@example.com', team: null }).team, null);
    assert.equal(db.learnerByEmail('ANA.LOPEZ@example.com')?.id, ana.id);
    assert.equal(db.learnerByEmail('not an email'), undefined);
    assert.equal(db.learnerById('nobody'), undefined);
  });

  it('gives two emails with the same slug different ids', () => {
    const a = db.upsertLearner({ name: 'A', email: 'a+b@example.com' });
    const b = db.upsertLearner({ name: 'B', email: 'a-b@example.com' });
    assert.equal(a.id, learnerSlug('a+b@example.com'));
    assert.notEqual(a.id, b.id);
    assert.match(b.id, /^a-b-at-example\.com-[0-9a-f]{8}$/);
  });

  it('refuses bad names, emails and teams, and writes nothing', () => {
    const count = db.stats().learners;
    const bad: [Parameters<RecordsDb['upsertLearner']>[0], RecordInputProblem][] = [
      [{ name: '', email: 'x@example.com' }, 'invalid-name'],
      [{ name: '   ', email: 'x@example.com' }, 'invalid-name'],
      [{ name: 'é'.repeat(201), email: 'x@example.com' }, 'invalid-name'],
      [{ name: 'Line\nbreak', email: 'x@example.com' }, 'invalid-name'],
      [{ name: 'X', email: 'x@example.com', team: 't'.repeat(201) }, 'invalid-team'],
      [{ name: 'X', email: `${'a'.repeat(64)}@${'b'.repeat(186)}.com` }, 'invalid-email'],
      ...['', 'plain', '@example.com', 'x@', 'x@example', 'x@@example.com', 'x y@example.com', 'x@exa mple.com', '.x@example.com', 'x..y@example.com', 'x@-example.com', 'x@example.c', `${'a'.repeat(65)}@example.com`].map(
        (email): [Parameters<RecordsDb['upsertLearner']>[0], RecordInputProblem] => [{ name: 'X', email }, 'invalid-email'],
      ),
    ];
    for (const [input, problem] of bad) assert.throws(() => db.upsertLearner(input), assertInputError(problem), JSON.stringify(input));
    assert.equal(db.stats().learners, count);
    assert.equal(db.upsertLearner({ name: 'X'.repeat(200), email: `${'a'.repeat(64)}@${'b'.repeat(185)}.com` }).email.length, 254);
  });

  it("returns the learner's unfinished attempt per SCORM version, and a new one once it is finished", () => {
    const learner = db.upsertLearner({ name: 'Bo', email: 'bo@example.com' });
    const first = db.currentAttempt(learner.id, '2004');
    assert.equal(first.finished, false);
    assert.deepEqual(db.currentAttempt(learner.id, '2004'), first);
    const other = db.currentAttempt(learner.id, '1.2');
    assert.notEqual(other.id, first.id);
    assert.equal(db.finishAttempt(first.id).finished, true);
    assert.equal(db.finishAttempt(first.id).finished, true, 'finishing twice is harmless');
    const second = db.currentAttempt(learner.id, '2004');
    assert.notEqual(second.id, first.id);
    assert.notEqual(db.startAttempt(learner.id, '2004').id, second.id);
    assert.throws(() => db.currentAttempt('nobody', '2004'), assertInputError('unknown-learner'));
    assert.throws(() => db.currentAttempt(learner.id, '3' as '2004'), assertInputError('invalid-version'));
    assert.throws(() => db.finishAttempt(99_999), assertInputError('unknown-attempt'));
  });
});

describe('records database: commits', () => {
  let db: RecordsDb;
  let attemptId: number;
  before(() => {
    db = openRecordsDb(join(folder(), 'records.db'));
    const learner = db.upsertLearner({ name: 'Cy', email: 'cy@example.com' });
    attemptId = db.currentAttempt(learner.id, '2004').id;
  });
  after(() => db.close());

  it('keeps the latest commit per attempt with a sequence that grows by one', () => {
    const at = new Date('2025-03-02T10:00:00.000Z');
    assert.equal(db.saveCommit(attemptId, commit({ location: 'a' }), at).sequence, 1);
    assert.equal(db.saveCommit(attemptId, JSON.stringify(commit({ location: 'b' })), at).sequence, 2, 'JSON text (a sendBeacon body) is accepted');
    const third = db.saveCommit(attemptId, { ...commit({ location: 'c' }), adl: { nav: { request: 'continue' } } }, at);
    assert.equal(third.sequence, 3);
    assert.deepEqual(db.latestCommit(attemptId), third);
    assert.deepEqual(third.body, { cmi: { completion_status: 'incomplete', location: 'c' }, adl: { nav: { request: 'continue' } } });
    assert.equal(db.attemptById(attemptId)?.updatedAt, at.toISOString());
  });

  it('refuses what is not a JSON object with a cmi object within 1 MB, changing nothing', () => {
    const before = db.latestCommit(attemptId);
    const big = { cmi: { suspend_data: 'x'.repeat(MAX_COMMIT_BYTES) } };
    const cyclic: Record<string, unknown> = { cmi: {} };
    cyclic['self'] = cyclic;
    const cases: [unknown, RecordInputProblem][] = [
      [null, 'not-object'],
      [42, 'not-object'],
      [[commit()], 'not-object'],
      [undefined, 'not-object'],
      ['not json', 'not-json'],
      ['[1, 2]', 'not-object'],
      [cyclic, 'not-json'],
      [{ data: {} }, 'no-cmi'],
      [{ cmi: 'completed' }, 'no-cmi'],
      [{ cmi: [] }, 'no-cmi'],
      [big, 'too-large'],
      [JSON.stringify(big), 'too-large'],
    ];
    for (const [body, problem] of cases) {
      assert.throws(() => db.saveCommit(attemptId, body), assertInputError(problem), String(body).slice(0, 40));
      assert.throws(() => validateCommitBody(body), assertInputError(problem));
    }
    assert.deepEqual(db.latestCommit(attemptId), before);
    const fits = { cmi: { suspend_data: 'x'.repeat(MAX_COMMIT_BYTES - 40) } };
    assert.ok(JSON.stringify(fits).length <= MAX_COMMIT_BYTES);
    assert.equal(db.saveCommit(attemptId, fits).sequence, (before?.sequence ?? 0) + 1);
  });

  it('refuses commits to an unknown or a finished attempt', () => {
    assert.throws(() => db.saveCommit(12_345, commit()), assertInputError('unknown-attempt'));
    const learner = db.upsertLearner({ name: 'Di', email: 'di@example.com' });
    const attempt = db.currentAttempt(learner.id, '1.2');
    db.finishAttempt(attempt.id);
    assert.throws(() => db.saveCommit(attempt.id, commit()), assertInputError('attempt-finished'));
    assert.equal(db.latestCommit(attempt.id), undefined);
  });
});

describe('records database: transactions', () => {
  it('leaves no commit behind when the second step of saveCommit fails', () => {
    const file = join(folder(), 'records.db');
    withDb(file, (db) => {
      const learner = db.upsertLearner({ name: 'Ed', email: 'ed@example.com' });
      const attempt = db.currentAttempt(learner.id, '2004');
      db.saveCommit(attempt.id, commit({ location: 'kept' }));
      // The commit row is written first, then the attempt's updated_at: make the second write fail.
      const raw = new Database(file);
      raw.exec("CREATE TRIGGER fail_touch BEFORE UPDATE OF updated_at ON attempts BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
      try {
        assert.throws(() => db.saveCommit(attempt.id, commit({ location: 'lost' })), /simulated failure/);
        const latest = db.latestCommit(attempt.id);
        assert.equal(latest?.sequence, 1);
        assert.equal(latest?.body.cmi['location'], 'kept');
      } finally {
        raw.exec('DROP TRIGGER fail_touch');
        raw.close();
      }
    });
  });

  it('rolls a multi-step write back whole when it throws, and keeps it whole when it returns', () => {
    withDb(join(folder(), 'records.db'), (db) => {
      const before = db.stats();
      assert.throws(
        () =>
          db.transaction(() => {
            const learner = db.upsertLearner({ name: 'Fay', email: 'fay@example.com' });
            const attempt = db.startAttempt(learner.id, '2004');
            db.saveCommit(attempt.id, commit());
            db.saveCommit(attempt.id, { not: 'a commit' });
          }),
        assertInputError('no-cmi'),
      );
      assert.deepEqual(db.stats(), before);
      assert.equal(db.learnerByEmail('fay@example.com'), undefined);
      const made = db.transaction(() => {
        const learner = db.upsertLearner({ name: 'Fay', email: 'fay@example.com' });
        const attempt = db.startAttempt(learner.id, '2004');
        return db.saveCommit(attempt.id, commit());
      });
      assert.deepEqual(db.latestCommit(made.attemptId), made);
    });
  });
});

describe('records database: reports and stats', () => {
  it('lists each attempt with its learner and latest cmi, filtered', () => {
    let clock = new Date('2025-04-01T08:00:00.000Z');
    const db = openRecordsDb(join(folder(), 'records.db'), { now: () => clock });
    try {
      const ana = db.upsertLearner({ name: 'Ana', email: 'ana@example.com', team: 'Sales' });
      const bo = db.upsertLearner({ name: 'Bo', email: 'bo@example.com', team: 'Support' });
      const a1 = db.currentAttempt(ana.id, '2004');
      db.saveCommit(a1.id, commit({ completion_status: 'completed', score: { scaled: 0.9 } }), new Date('2025-04-02T08:00:00.000Z'));
      db.finishAttempt(a1.id, new Date('2025-04-02T09:00:00.000Z'));
      clock = new Date('2025-04-05T08:00:00.000Z');
      const b1 = db.currentAttempt(bo.id, '1.2');
      const all = db.listRecordsForReport();
      assert.deepEqual(all, [
        {
          learner_id: ana.id,
          learner_name: 'Ana',
          learner_email: 'ana@example.com',
          team: 'Sales',
          attempt_id: a1.id,
          scorm_version: '2004',
          started_at: '2025-04-01T08:00:00.000Z',
          updated_at: '2025-04-02T09:00:00.000Z',
          finished: true,
          commits: 1,
          received_at: '2025-04-02T08:00:00.000Z',
          cmi: { completion_status: 'completed', score: { scaled: 0.9 } },
        },
        {
          learner_id: bo.id,
          learner_name: 'Bo',
          learner_email: 'bo@example.com',
          team: 'Support',
          attempt_id: b1.id,
          scorm_version: '1.2',
          started_at: '2025-04-05T08:00:00.000Z',
          updated_at: '2025-04-05T08:00:00.000Z',
          finished: false,
          commits: 0,
          received_at: null,
          cmi: {},
        },
      ]);
      const ids = (filter: Parameters<RecordsDb['listRecordsForReport']>[0]) => db.listRecordsForReport(filter).map((r) => r.learner_id);
      assert.deepEqual(ids({ team: 'Support' }), [bo.id]);
      assert.deepEqual(ids({ finished: true }), [ana.id]);
      assert.deepEqual(ids({ learnerId: ana.id }), [ana.id]);
      assert.deepEqual(ids({ scormVersion: '1.2' }), [bo.id]);
      assert.deepEqual(ids({ updatedFrom: new Date('2025-04-03T00:00:00Z') }), [bo.id]);
      assert.deepEqual(ids({ updatedBefore: new Date('2025-04-03T00:00:00Z') }), [ana.id]);
      assert.deepEqual(
        db.listLearners({ team: 'Sales' }).map((l) => l.id),
        [ana.id],
      );
      const stats = db.stats();
      assert.deepEqual(
        { learners: stats.learners, attempts: stats.attempts, finished: stats.finishedAttempts, commits: stats.commits, last: stats.lastCommitAt },
        { learners: 2, attempts: 2, finished: 1, commits: 1, last: '2025-04-02T08:00:00.000Z' },
      );
      assert.ok(stats.sizeBytes > 0);
    } finally {
      db.close();
    }
  });
});

describe('records database: backups', () => {
  it('copies the records into one file that opens with the same rows, while the database stays open', async () => {
    const file = filledFile(5);
    const db = openRecordsDb(file);
    try {
      const dir = folder();
      const target = join(dir, 'backups', 'records-2025-04-01.db');
      const result = await db.backup(target);
      assert.equal(result.path, target);
      assert.equal(result.schemaVersion, SCHEMA_VERSION);
      assert.deepEqual(readdirSync(join(dir, 'backups')), ['records-2025-04-01.db'], 'no partial or -wal file left');
      db.upsertLearner({ name: 'After', email: 'after@example.com' });
      withDb(target, (copy) => {
        assert.deepEqual(copy.listRecordsForReport(), db.listRecordsForReport());
        assert.equal(copy.learnerByEmail('after@example.com'), undefined);
      });
      await assert.rejects(db.backup(target), assertDbError('backup-failed', target));
      await assert.rejects(db.backup(file, { overwrite: true }), assertDbError('backup-failed', file));
      await db.backup(target, { overwrite: true });
      withDb(target, (copy) => assert.equal(copy.learnerByEmail('after@example.com')?.name, 'After'));
    } finally {
      db.close();
    }
  });

  it('backs up from the command line, and refuses a missing source', async () => {
    const file = filledFile(3);
    const target = join(folder(), 'copy.db');
    const ok = await runNode(['src/cli/backup.ts', join(file, '..'), target]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Backed up 3 learners, 3 attempts/);
    withDb(target, (copy) => assert.equal(copy.stats().learners, 3));
    const missing = join(folder(), 'nothing');
    const refused = await runNode(['src/cli/backup.ts', join(missing, 'records.db'), join(missing, 'copy.db')]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /there are no records at/);
    assert.equal(existsSync(join(missing, 'records.db')), false);
  });
});

function runNode(args: string[], onLine?: (line: string, kill: () => void) => void): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine?.(line, () => child.kill('SIGKILL'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

describe('records database: durability', () => {
  it('keeps every acknowledged commit when the writing process is killed mid-loop (kill -9)', { timeout: 60_000 }, async () => {
    const dir = folder();
    const file = join(dir, 'records.db');
    const writer = join(dir, 'writer.mjs');
    // Five attempts committed in turn (12 KB each), and every 25th write a new learner, attempt and commit in one
    // transaction; a line on stdout acknowledges each write once it returned. It stops by itself
    // after 20 s in case the kill never comes.
    writeFileSync(
      writer,
      `import { openRecordsDb } from ${JSON.stringify(MODULE_URL)};
const db = openRecordsDb(process.argv[2]);
const attempts = [];
for (let i = 0; i < 5; i++) {
  const learner = db.upsertLearner({ name: 'Writer ' + i, email: 'writer' + i + '@example.com' });
  attempts.push(db.currentAttempt(learner.id, '2004').id);
}
const deadline = Date.now() + 20000;
for (let i = 1; Date.now() < deadline; i++) {
  if (i % 25 === 0) {
    const made = db.transaction(() => {
      const learner = db.upsertLearner({ name: 'New ' + i, email: 'new' + i + '@example.com' });
      const attempt = db.startAttempt(learner.id, '1.2');
      db.saveCommit(attempt.id, { cmi: { counter: i } });
      return { learner, attempt };
    });
    process.stdout.write('new ' + made.learner.id + ' ' + made.attempt.id + ' ' + i + '\\n');
  } else {
    const attemptId = attempts[i % attempts.length];
    const saved = db.saveCommit(attemptId, { cmi: { counter: i, suspend_data: 'x'.repeat(12000) } });
    process.stdout.write('ack ' + attemptId + ' ' + saved.sequence + ' ' + i + '\\n');
  }
}
`,
    );
    // Killed somewhere after 300 to 700 writes: past the first WAL checkpoint (about 1,000 pages).
    const killAt = 300 + Math.floor(Math.random() * 400);
    let acks = 0;
    const run = await runNode([writer, file], (line, kill) => {
      if (line.startsWith('ack ') && ++acks === killAt) kill();
    });
    assert.equal(run.signal, 'SIGKILL', `the writer was killed, not finished: ${run.stderr}`);
    const lines = run.stdout.split('\n').slice(0, -1); // the last piece may be half a line
    const lastAck = new Map<number, { sequence: number; counter: number }>();
    const created: { learnerId: string; attemptId: number; counter: number }[] = [];
    for (const line of lines) {
      const [kind, a, b, c] = line.split(' ');
      if (kind === 'ack') lastAck.set(Number(a), { sequence: Number(b), counter: Number(c) });
      else if (kind === 'new') created.push({ learnerId: a ?? '', attemptId: Number(b), counter: Number(c) });
    }
    assert.ok(lastAck.size === 5 && created.length >= 10, `acknowledged ${lines.length} writes`);

    withDb(file, (db) => {
      assert.deepEqual(db.integrityProblems(), []);
      for (const [attemptId, acked] of lastAck) {
        const stored = db.latestCommit(attemptId);
        assert.ok(stored, `attempt ${attemptId} has its commits`);
        // The one write in flight at the kill may or may not be there; nothing acknowledged is lost.
        assert.ok(stored.sequence >= acked.sequence, `attempt ${attemptId}: sequence ${stored.sequence} < acknowledged ${acked.sequence}`);
        const counter = Number(stored.body.cmi['counter']);
        assert.ok(stored.sequence === acked.sequence ? counter === acked.counter : counter > acked.counter);
      }
      for (const made of created) {
        assert.ok(db.learnerById(made.learnerId), `learner ${made.learnerId}`);
        assert.equal(db.attemptById(made.attemptId)?.learnerId, made.learnerId);
        assert.equal(db.latestCommit(made.attemptId)?.body.cmi['counter'], made.counter);
      }
    });
  });
});
