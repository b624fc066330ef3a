// The self-hosted server's learner records: one SQLite file (better-sqlite3), one row per learner,
// one per attempt, and the latest scorm-again commit of each attempt. No HTTP here.
//
// Durability: WAL journal with `synchronous = FULL`, every write in one transaction, so a commit
// this module has returned from survives a killed process or a power cut. Safety: a file that
// isn't a readable records database stops the start with a message naming it, and is never
// written to: it is first inspected through a read-only connection.
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { isPlainObject } from '../content/json-values.ts';
import { makePrivateFolder, restrictRecordFiles } from './data-folder.ts';
import { applyMigrations, MigrationError, SchemaTooNewError, userVersion } from './migrations.ts';
import {
  checkDate,
  cleanName,
  cleanTeam,
  type CommitBody,
  isScormVersion,
  learnerSlug,
  normalizeEmail,
  RecordInputError,
  SCORM_VERSIONS,
  type ScormVersion,
  validateCommitBody,
} from './record-input.ts';
import {
  checkProblems,
  fileProblem,
  fileSize,
  guarded,
  inspectBytes,
  inspectDatabase,
  inspectReadOnly,
  pragmaNumber,
  RECORDS_FILE_NAME,
  RecordsDbError,
  tooNew,
} from './records-file.ts';

export {
  type CommitBody,
  isScormVersion,
  learnerSlug,
  MAX_COMMIT_BYTES,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_TEAM_LENGTH,
  normalizeEmail,
  RecordInputError,
  type RecordInputProblem,
  SCORM_VERSIONS,
  type ScormVersion,
  validateCommitBody,
} from './record-input.ts';
export { RECORDS_FILE_NAME, RecordsDbError, type RecordsDbProblem } from './records-file.ts';

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** The records file of a data folder. */
export function recordsFileIn(dataDir: string): string {
  return resolve(dataDir, RECORDS_FILE_NAME);
}

// ---------------------------------------------------------------------------------------------
// Records

export interface Learner {
  /** A stable slug of the work email (`ana.lopez-at-example.com`); not a secret. */
  id: string;
  name: string;
  /** Lowercase. */
  email: string;
  team: string | null;
  createdAt: string;
}

export interface LearnerInput {
  name: string;
  email: string;
  /** Omitted: keep the learner's team as it is; null or blank: no team. */
  team?: string | null | undefined;
}

export interface Attempt {
  id: number;
  learnerId: string;
  scormVersion: ScormVersion;
  startedAt: string;
  updatedAt: string;
  finished: boolean;
}

export interface SavedCommit {
  attemptId: number;
  /** 1 for an attempt's first commit, then 2, 3…: one more per saved commit. */
  sequence: number;
  receivedAt: string;
  body: CommitBody;
}

/** One attempt as the report reads it: the names of `npm run report`'s input, plus the attempt. */
export interface ReportRecord {
  learner_id: string;
  learner_name: string;
  learner_email: string;
  team: string | null;
  attempt_id: number;
  scorm_version: ScormVersion;
  started_at: string;
  updated_at: string;
  finished: boolean;
  /** How many commits the attempt received (0: launched, nothing committed yet). */
  commits: number;
  received_at: string | null;
  /** The latest commit's `cmi` tree; `{}` before the first commit. */
  cmi: Record<string, unknown>;
  /** Set when the stored row could not be read (damaged): the report skips it with this warning. */
  damaged?: string;
}

export interface ReportFilter {
  learnerId?: string | undefined;
  team?: string | undefined;
  scormVersion?: ScormVersion | undefined;
  finished?: boolean | undefined;
  /** Attempts last updated at or after this instant. */
  updatedFrom?: Date | undefined;
  /** Attempts last updated before this instant. */
  updatedBefore?: Date | undefined;
}

export interface RecordsStats {
  file: string;
  schemaVersion: number;
  journalMode: string;
  learners: number;
  attempts: number;
  finishedAttempts: number;
  commits: number;
  lastCommitAt: string | null;
  /** The database's pages; the -wal file holds recent writes not yet copied into it. */
  sizeBytes: number;
  walBytes: number;
}

/** A signed-in person, as stored: only a hash of the cookie's token is kept. */
export interface SessionRow {
  tokenHash: string;
  kind: 'learner' | 'manager';
  learnerId: string | null;
  attemptId: number | null;
  /** The token state-changing requests of this session must carry. */
  csrf: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface BackupResult {
  path: string;
  bytes: number;
  schemaVersion: number;
}

export interface OpenOptions {
  /** How long a write waits for another process's write lock before failing as 'locked'. */
  busyTimeoutMs?: number;
  /** The clock for created/started/updated times (tests). */
  now?: () => Date;
}

export interface RecordsDb {
  readonly file: string;
  readonly schemaVersion: number;
  /** Creates the learner, or updates the name (and the team, if given) of the one with that email. */
  upsertLearner(input: LearnerInput): Learner;
  /** Creates the learner; undefined (and nothing written) when that email already has a record. */
  createLearner(input: LearnerInput): Learner | undefined;
  learnerById(id: string): Learner | undefined;
  learnerByEmail(email: string): Learner | undefined;
  listLearners(filter?: { team?: string | undefined }): Learner[];
  /** A new attempt. */
  startAttempt(learnerId: string, version: ScormVersion, at?: Date): Attempt;
  /** The learner's latest unfinished attempt of that SCORM version, or a new one. */
  currentAttempt(learnerId: string, version: ScormVersion, at?: Date): Attempt;
  attemptById(id: number): Attempt | undefined;
  /**
   * Saves a commit body (an object, or its JSON text) as the attempt's current record. When this
   * returns, the commit is on disk. Throws RecordInputError, having changed nothing, when the
   * body isn't a JSON object with a `cmi` object within MAX_COMMIT_BYTES, or the attempt is
   * unknown or finished.
   */
  saveCommit(attemptId: number, body: unknown, receivedAt?: Date): SavedCommit;
  latestCommit(attemptId: number): SavedCommit | undefined;
  /** Marks the attempt finished (idempotent): the next currentAttempt starts a new one. */
  finishAttempt(attemptId: number, at?: Date): Attempt;
  listRecordsForReport(filter?: ReportFilter): ReportRecord[];
  stats(): RecordsStats;
  /** SQLite's full integrity check: [] when the file is sound. */
  integrityProblems(): string[];
  setting(key: string): string | undefined;
  /** Settings whose key starts with `prefix`, as key → value. */
  settingsWithPrefix(prefix: string): Map<string, string>;
  deleteSetting(key: string): void;
  putSession(row: SessionRow): void;
  sessionByHash(tokenHash: string): SessionRow | undefined;
  renewSession(tokenHash: string, expiresAt: number): void;
  deleteSession(tokenHash: string): void;
  /** Ends every session of a learner (their link was revoked). */
  deleteLearnerSessions(learnerId: string): void;
  /** Forgets sessions that expired before `now` (epoch ms); returns how many. */
  purgeSessions(now: number): number;
  /** Stores a setting; with onlyIfAbsent, keeps an existing one and returns false. */
  putSetting(key: string, value: string, options?: { onlyIfAbsent?: boolean }): boolean;
  /**
   * Runs `work` (synchronous) as one write transaction: everything it wrote, or nothing if it throws.
   * The functions above may be called inside it.
   */
  transaction<T>(work: () => T): T;
  /** A consistent copy of the records, taken while the server runs, checked, then renamed into place. */
  backup(toPath: string, options?: { overwrite?: boolean }): Promise<BackupResult>;
  close(): void;
}

/** Opens the records file, creating it (and its folder) when missing; see RecordsDbError for refusals. */
export function openRecordsDb(path: string, options: OpenOptions = {}): RecordsDb {
  const file = resolve(path);
  const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const state = inspectBytes(file);
  const inspection = state === 'present' ? inspectReadOnly(file, timeout) : 'checked';
  if (state === 'missing') {
    try {
      makePrivateFolder(dirname(file));
      // Created 0600 here, before SQLite opens it: its -wal and -shm then get the same mode.
      closeSync(openSync(file, 'a', 0o600));
    } catch (error) {
      throw new RecordsDbError('unreadable', file, `cannot create the folder of ${file} (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file, { timeout });
  } catch (error) {
    throw fileProblem(error, file) ?? new RecordsDbError('unreadable', file, `cannot open ${file} (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(timeout))}`);
    if (inspection === 'needs-write') inspectDatabase(db, file);
    db.pragma('journal_mode = WAL');
    // FULL: the WAL is synced at every commit, so an acknowledged commit survives a power cut too.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db);
    restrictRecordFiles(file);
    return new SqliteRecordsDb(db, file, options.now ?? (() => new Date()));
  } catch (error) {
    db.close();
    if (error instanceof SchemaTooNewError) throw tooNew(file, error.found);
    const known = fileProblem(error, file);
    if (known) throw known;
    if (error instanceof MigrationError) {
      throw new RecordsDbError('migration-failed', file, `could not upgrade ${file} from schema version ${error.from} to ${error.to} (${error.message}). The file stays at version ${error.from}; report this, with the file's backup.`, { cause: error });
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The records

interface LearnerRow {
  id: string;
  name: string;
  email: string;
  team: string | null;
  created_at: string;
}

interface AttemptRow {
  id: number;
  learner_id: string;
  scorm_version: string;
  started_at: string;
  updated_at: string;
  finished: number;
}

interface CommitRow {
  attempt_id: number;
  cmi_json: string;
  received_at: string;
  sequence: number;
}

interface SessionDbRow {
  token_hash: string;
  kind: string;
  learner_id: string | null;
  attempt_id: number | null;
  csrf: string;
  expires_at: number;
}

interface ReportRow {
  learner_id: string;
  learner_name: string;
  learner_email: string;
  team: string | null;
  attempt_id: number;
  scorm_version: string;
  started_at: string;
  updated_at: string;
  finished: number;
  sequence: number | null;
  received_at: string | null;
  cmi_json: string | null;
}

const toLearner = (row: LearnerRow): Learner => ({ id: row.id, name: row.name, email: row.email, team: row.team, createdAt: row.created_at });

function toAttempt(row: AttemptRow): Attempt {
  if (!isScormVersion(row.scorm_version)) throw new Error(`attempt ${row.id} has an unknown SCORM version ${row.scorm_version}`);
  return { id: row.id, learnerId: row.learner_id, scormVersion: row.scorm_version, startedAt: row.started_at, updatedAt: row.updated_at, finished: row.finished === 1 };
}

function parseStoredBody(json: string): CommitBody {
  const parsed: unknown = JSON.parse(json);
  if (isPlainObject(parsed) && isPlainObject(parsed['cmi'])) return parsed as CommitBody;
  return { cmi: {} };
}

const toCommit = (row: CommitRow): SavedCommit => ({ attemptId: row.attempt_id, sequence: row.sequence, receivedAt: row.received_at, body: parseStoredBody(row.cmi_json) });

class SqliteRecordsDb implements RecordsDb {
  readonly schemaVersion: number;
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    readonly file: string,
    private readonly now: () => Date,
  ) {
    this.schemaVersion = userVersion(db);
    this.statements = {
      learnerById: db.prepare<[string], LearnerRow>('SELECT * FROM learners WHERE id = ?'),
      learnerByEmail: db.prepare<[string], LearnerRow>('SELECT * FROM learners WHERE email = ?'),
      insertLearner: db.prepare<[string, string, string, string | null, string], LearnerRow>(
        'INSERT INTO learners (id, name, email, team, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
      ),
      updateLearner: db.prepare<[string, string | null, string], LearnerRow>('UPDATE learners SET name = ?, team = ? WHERE id = ? RETURNING *'),
      attemptById: db.prepare<[number], AttemptRow>('SELECT * FROM attempts WHERE id = ?'),
      openAttempt: db.prepare<[string, string], AttemptRow>(
        'SELECT * FROM attempts WHERE learner_id = ? AND scorm_version = ? AND finished = 0 ORDER BY started_at DESC, id DESC LIMIT 1',
      ),
      insertAttempt: db.prepare<[string, string, string, string], AttemptRow>(
        'INSERT INTO attempts (learner_id, scorm_version, started_at, updated_at, finished) VALUES (?, ?, ?, ?, 0) RETURNING *',
      ),
      touchAttempt: db.prepare<[string, number], AttemptRow>('UPDATE attempts SET updated_at = ? WHERE id = ? RETURNING *'),
      finishAttempt: db.prepare<[string, number], AttemptRow>('UPDATE attempts SET finished = 1, updated_at = ? WHERE id = ? AND finished = 0 RETURNING *'),
      upsertCommit: db.prepare<[number, string, string], CommitRow>(
        `INSERT INTO commits (attempt_id, cmi_json, received_at, sequence) VALUES (?, ?, ?, 1)
         ON CONFLICT (attempt_id) DO UPDATE SET cmi_json = excluded.cmi_json, received_at = excluded.received_at, sequence = commits.sequence + 1
         RETURNING *`,
      ),
      commitOf: db.prepare<[number], CommitRow>('SELECT * FROM commits WHERE attempt_id = ?'),
      setting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      putSetting: db.prepare<[string, string, string]>(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      ),
      addSetting: db.prepare<[string, string, string]>('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING'),
      settingsLike: db.prepare<[string, string], { key: string; value: string }>("SELECT key, value FROM settings WHERE key >= ? AND key < ? ORDER BY key"),
      deleteSetting: db.prepare<[string]>('DELETE FROM settings WHERE key = ?'),
      putSession: db.prepare<[string, string, string | null, number | null, string, number]>(
        'INSERT INTO sessions (token_hash, kind, learner_id, attempt_id, csrf, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      sessionByHash: db.prepare<[string], SessionDbRow>('SELECT * FROM sessions WHERE token_hash = ?'),
      renewSession: db.prepare<[number, string]>('UPDATE sessions SET expires_at = ? WHERE token_hash = ?'),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
      deleteLearnerSessions: db.prepare<[string]>('DELETE FROM sessions WHERE learner_id = ?'),
      purgeSessions: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at < ?'),
    };
  }

  /** A write transaction: IMMEDIATE takes the write lock up front (a deferred one can fail to upgrade). */
  private write<T>(work: () => T): T {
    return guarded(this.file, () => this.db.transaction(work).immediate());
  }

  private read<T>(work: () => T): T {
    return guarded(this.file, work);
  }

  private clock(at: Date | undefined, what: string): string {
    return checkDate(at ?? this.now(), what);
  }

  upsertLearner(input: LearnerInput): Learner {
    const name = cleanName(input.name);
    const email = normalizeEmail(input.email);
    const team = input.team === undefined ? undefined : cleanTeam(input.team);
    const createdAt = this.clock(undefined, 'the time');
    return this.write(() => {
      const existing = this.statements.learnerByEmail.get(email);
      if (existing) {
        const row = this.statements.updateLearner.get(name, team === undefined ? existing.team : team, existing.id);
        if (!row) throw new Error(`learner ${existing.id} vanished mid-transaction`);
        return toLearner(row);
      }
      // Two emails can share a slug (a+b@x.com, a-b@x.com): the later one gets a hash suffix.
      const slug = learnerSlug(email);
      const id = this.statements.learnerById.get(slug) ? `${slug}-${createHash('sha256').update(email).digest('hex').slice(0, 8)}` : slug;
      const row = this.statements.insertLearner.get(id, name, email, team ?? null, createdAt);
      if (!row) throw new Error('inserting a learner returned nothing');
      return toLearner(row);
    });
  }

  createLearner(input: LearnerInput): Learner | undefined {
    const email = normalizeEmail(input.email);
    return this.write(() => (this.statements.learnerByEmail.get(email) ? undefined : this.upsertLearner(input)));
  }

  learnerById(id: string): Learner | undefined {
    return this.read(() => {
      const row = this.statements.learnerById.get(id);
      return row && toLearner(row);
    });
  }

  learnerByEmail(email: string): Learner | undefined {
    let normalized: string;
    try {
      normalized = normalizeEmail(email);
    } catch {
      return undefined;
    }
    return this.read(() => {
      const row = this.statements.learnerByEmail.get(normalized);
      return row && toLearner(row);
    });
  }

  listLearners(filter: { team?: string | undefined } = {}): Learner[] {
    return this.read(() => {
      const rows =
        filter.team === undefined
          ? this.db.prepare<[], LearnerRow>('SELECT * FROM learners ORDER BY name, id').all()
          : this.db.prepare<[string], LearnerRow>('SELECT * FROM learners WHERE team = ? ORDER BY name, id').all(filter.team);
      return rows.map(toLearner);
    });
  }

  private checkedStart(learnerId: string, version: ScormVersion, at: Date | undefined): { version: ScormVersion; at: string } {
    if (!isScormVersion(version)) throw new RecordInputError('invalid-version', `the SCORM version must be ${SCORM_VERSIONS.join(' or ')}`);
    const time = this.clock(at, 'the start time');
    if (!this.statements.learnerById.get(learnerId)) throw new RecordInputError('unknown-learner', `there is no learner ${learnerId}`);
    return { version, at: time };
  }

  private insertAttempt(learnerId: string, version: ScormVersion, at: string): Attempt {
    const row = this.statements.insertAttempt.get(learnerId, version, at, at);
    if (!row) throw new Error('inserting an attempt returned nothing');
    return toAttempt(row);
  }

  startAttempt(learnerId: string, version: ScormVersion, at?: Date): Attempt {
    return this.write(() => {
      const start = this.checkedStart(learnerId, version, at);
      return this.insertAttempt(learnerId, start.version, start.at);
    });
  }

  currentAttempt(learnerId: string, version: ScormVersion, at?: Date): Attempt {
    return this.write(() => {
      const start = this.checkedStart(learnerId, version, at);
      const open = this.statements.openAttempt.get(learnerId, start.version);
      return open ? toAttempt(open) : this.insertAttempt(learnerId, start.version, start.at);
    });
  }

  attemptById(id: number): Attempt | undefined {
    return this.read(() => {
      const row = this.statements.attemptById.get(id);
      return row && toAttempt(row);
    });
  }

  saveCommit(attemptId: number, body: unknown, receivedAt?: Date): SavedCommit {
    const { json } = validateCommitBody(body);
    const at = this.clock(receivedAt, 'the commit time');
    return this.write(() => {
      const attempt = this.statements.attemptById.get(attemptId);
      if (!attempt) throw new RecordInputError('unknown-attempt', `there is no attempt ${attemptId}`);
      if (attempt.finished === 1) throw new RecordInputError('attempt-finished', `attempt ${attemptId} is finished; commits go to the learner's current attempt`);
      const row = this.statements.upsertCommit.get(attemptId, json, at);
      if (!row) throw new Error('saving a commit returned nothing');
      this.statements.touchAttempt.run(at, attemptId);
      return toCommit(row);
    });
  }

  latestCommit(attemptId: number): SavedCommit | undefined {
    return this.read(() => {
      const row = this.statements.commitOf.get(attemptId);
      return row && toCommit(row);
    });
  }

  finishAttempt(attemptId: number, at?: Date): Attempt {
    const time = this.clock(at, 'the finish time');
    return this.write(() => {
      const finished = this.statements.finishAttempt.get(time, attemptId) ?? this.statements.attemptById.get(attemptId);
      if (!finished) throw new RecordInputError('unknown-attempt', `there is no attempt ${attemptId}`);
      return toAttempt(finished);
    });
  }

  listRecordsForReport(filter: ReportFilter = {}): ReportRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.learnerId !== undefined) {
      where.push('l.id = ?');
      params.push(filter.learnerId);
    }
    if (filter.team !== undefined) {
      where.push('l.team = ?');
      params.push(filter.team);
    }
    if (filter.scormVersion !== undefined) {
      where.push('a.scorm_version = ?');
      params.push(filter.scormVersion);
    }
    if (filter.finished !== undefined) {
      where.push('a.finished = ?');
      params.push(filter.finished ? 1 : 0);
    }
    if (filter.updatedFrom !== undefined) {
      where.push('a.updated_at >= ?');
      params.push(checkDate(filter.updatedFrom, 'the start of the date range'));
    }
    if (filter.updatedBefore !== undefined) {
      where.push('a.updated_at < ?');
      params.push(checkDate(filter.updatedBefore, 'the end of the date range'));
    }
    const sql = `
      SELECT l.id AS learner_id, l.name AS learner_name, l.email AS learner_email, l.team AS team,
             a.id AS attempt_id, a.scorm_version, a.started_at, a.updated_at, a.finished,
             c.sequence, c.received_at, c.cmi_json
      FROM attempts a
      JOIN learners l ON l.id = a.learner_id
      LEFT JOIN commits c ON c.attempt_id = a.id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY l.name, l.id, a.started_at, a.id`;
    return this.read(() =>
      this.db
        .prepare<(string | number)[], ReportRow>(sql)
        .all(...params)
        .map((row): ReportRecord => {
          const record: ReportRecord = {
            learner_id: row.learner_id,
            learner_name: row.learner_name,
            learner_email: row.learner_email,
            team: row.team,
            attempt_id: row.attempt_id,
            scorm_version: isScormVersion(row.scorm_version) ? row.scorm_version : '2004',
            started_at: row.started_at,
            updated_at: row.updated_at,
            finished: row.finished === 1,
            commits: row.sequence ?? 0,
            received_at: row.received_at,
            cmi: {},
          };
          // One damaged row must not take the whole report down: it is handed on marked, and skipped.
          if (!isScormVersion(row.scorm_version)) return { ...record, damaged: `the attempt's SCORM version "${String(row.scorm_version).slice(0, 20)}" is unknown` };
          if (row.cmi_json === null) return record;
          try {
            return { ...record, cmi: parseStoredBody(row.cmi_json).cmi };
          } catch {
            return { ...record, damaged: 'the stored commit is not readable JSON' };
          }
        }),
    );
  }

  stats(): RecordsStats {
    return this.read(() => {
      const counts = this.db
        .prepare<[], { learners: number; attempts: number; finished: number; commits: number; last: string | null }>(
          `SELECT (SELECT count(*) FROM learners) AS learners,
                  (SELECT count(*) FROM attempts) AS attempts,
                  (SELECT count(*) FROM attempts WHERE finished = 1) AS finished,
                  (SELECT coalesce(sum(sequence), 0) FROM commits) AS commits,
                  (SELECT max(received_at) FROM commits) AS last`,
        )
        .get();
      return {
        file: this.file,
        schemaVersion: userVersion(this.db),
        journalMode: String(this.db.pragma('journal_mode', { simple: true })),
        learners: counts?.learners ?? 0,
        attempts: counts?.attempts ?? 0,
        finishedAttempts: counts?.finished ?? 0,
        commits: counts?.commits ?? 0,
        lastCommitAt: counts?.last ?? null,
        sizeBytes: pragmaNumber(this.db, 'page_count') * pragmaNumber(this.db, 'page_size'),
        walBytes: fileSize(`${this.file}-wal`) ?? 0,
      };
    });
  }

  integrityProblems(): string[] {
    return this.read(() => checkProblems(this.db, 'integrity_check'));
  }

  setting(key: string): string | undefined {
    return this.read(() => this.statements.setting.get(key)?.value);
  }

  settingsWithPrefix(prefix: string): Map<string, string> {
    // key >= prefix AND key < prefix + U+FFFF: an index range, no LIKE escaping.
    return this.read(() => new Map(this.statements.settingsLike.all(prefix, `${prefix}\uffff`).map((r) => [r.key, r.value])));
  }

  deleteSetting(key: string): void {
    this.write(() => this.statements.deleteSetting.run(key));
  }

  putSession(row: SessionRow): void {
    this.write(() => this.statements.putSession.run(row.tokenHash, row.kind, row.learnerId, row.attemptId, row.csrf, row.expiresAt));
  }

  sessionByHash(tokenHash: string): SessionRow | undefined {
    return this.read(() => {
      const row = this.statements.sessionByHash.get(tokenHash);
      if (!row || (row.kind !== 'learner' && row.kind !== 'manager')) return undefined;
      return { tokenHash: row.token_hash, kind: row.kind, learnerId: row.learner_id, attemptId: row.attempt_id, csrf: row.csrf, expiresAt: row.expires_at };
    });
  }

  renewSession(tokenHash: string, expiresAt: number): void {
    this.write(() => this.statements.renewSession.run(expiresAt, tokenHash));
  }

  deleteSession(tokenHash: string): void {
    this.write(() => this.statements.deleteSession.run(tokenHash));
  }

  deleteLearnerSessions(learnerId: string): void {
    this.write(() => this.statements.deleteLearnerSessions.run(learnerId));
  }

  purgeSessions(now: number): number {
    return this.write(() => this.statements.purgeSessions.run(now).changes);
  }

  putSetting(key: string, value: string, options: { onlyIfAbsent?: boolean } = {}): boolean {
    const at = this.clock(undefined, 'the time');
    return this.write(() => (options.onlyIfAbsent ? this.statements.addSetting : this.statements.putSetting).run(key, value, at).changes > 0);
  }

  transaction<T>(work: () => T): T {
    return this.write(work);
  }

  async backup(toPath: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
    const dest = resolve(toPath);
    const fail = (message: string, cause?: unknown) => new RecordsDbError('backup-failed', dest, message, { cause });
    if ([this.file, `${this.file}-wal`, `${this.file}-shm`].includes(dest)) throw fail(`a backup can't replace the records file itself (${dest}); choose another path`);
    if (existsSync(dest) && !options.overwrite) throw fail(`${dest} already exists; choose another name, or remove it first`);
    const partial = `${dest}.partial-${process.pid}-${Date.now()}`;
    const removePartial = () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
    };
    try {
      mkdirSync(dirname(dest), { recursive: true });
      await this.db.backup(partial);
      // Check the copy before it takes the name, and make it one self-contained file (no -wal).
      const copy = new Database(partial);
      let schemaVersion: number;
      try {
        copy.pragma('journal_mode = DELETE');
        const problems = checkProblems(copy, 'quick_check');
        if (problems.length > 0) throw fail(`the copy failed SQLite's check (${problems.join('; ')})`);
        schemaVersion = userVersion(copy);
      } finally {
        copy.close();
      }
      // A copy of everyone's records: as private as the original.
      chmodSync(partial, 0o600);
      renameSync(partial, dest);
      return { path: dest, bytes: statSync(dest).size, schemaVersion };
    } catch (error) {
      removePartial();
      if (error instanceof RecordsDbError) throw error;
      throw fail(`backing up ${this.file} to ${dest} failed (${error instanceof Error ? error.message : String(error)})`, error);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
