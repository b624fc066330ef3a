// The records database's schema, as an ordered list of steps. Each step runs in one transaction
// with the bump of `PRAGMA user_version`, so a file is always at exactly one known version: a crash
// mid-migration leaves the previous version, never half of the next one.
// Never edit a released step: add a new one (a file out there may already be at that version).
import type Database from 'better-sqlite3';

export interface Migration {
  /** The `user_version` the file has once this step ran: 1, 2, 3… with no gaps. */
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * Marks a file as the course's records (`PRAGMA application_id`, "EMLR"), so the server never
 * adds its tables to some other application's SQLite file by mistake.
 */
export const APPLICATION_ID = 0x454d4c52;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'learners, their attempts, and the latest commit of each attempt',
    sql: `
      PRAGMA application_id = ${APPLICATION_ID};

      CREATE TABLE learners (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email      TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) <= 254),
        team       TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE attempts (
        id            INTEGER PRIMARY KEY,
        learner_id    TEXT NOT NULL REFERENCES learners (id),
        scorm_version TEXT NOT NULL CHECK (scorm_version IN ('1.2', '2004')),
        started_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        finished      INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1))
      ) STRICT;

      -- Reports read a learner's attempts by date; the date-range filter reads all of them by date.
      CREATE INDEX attempts_by_learner ON attempts (learner_id, updated_at);
      CREATE INDEX attempts_by_update ON attempts (updated_at);

      -- One current row per attempt, replaced by each commit: scorm-again sends the whole cmi tree
      -- every time, so older commits hold nothing the latest one lacks.
      CREATE TABLE commits (
        attempt_id  INTEGER PRIMARY KEY REFERENCES attempts (id),
        cmi_json    TEXT NOT NULL CHECK (json_valid(cmi_json)),
        received_at TEXT NOT NULL,
        sequence    INTEGER NOT NULL CHECK (sequence >= 1)
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'settings (the manager passcode hash)',
    sql: `
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    description: 'sessions kept across restarts (only a hash of each token is stored)',
    sql: `
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('learner', 'manager')),
        learner_id TEXT REFERENCES learners (id),
        attempt_id INTEGER REFERENCES attempts (id),
        csrf       TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
      CREATE INDEX sessions_by_learner ON sessions (learner_id);
    `,
  },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** A file at a schema version this code doesn't know: written by a newer release. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`schema version ${found} is newer than ${known}`);
    this.name = 'SchemaTooNewError';
  }
}

/** A migration step that failed; the file stays at `from`. */
export class MigrationError extends Error {
  constructor(
    readonly from: number,
    readonly to: number,
    options: { cause: unknown },
  ) {
    super(`migration ${from} → ${to} failed: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
    this.name = 'MigrationError';
  }
}

export function userVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings `db` up to the last of `migrations`, one transaction per step. The version is read
 * again inside each write transaction, so two processes starting on one file don't both run a step.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const known = migrations[migrations.length - 1]?.version ?? 0;
  const from = userVersion(db);
  for (const migration of migrations) {
    db.transaction(() => {
      const current = userVersion(db);
      if (current > known) throw new SchemaTooNewError(current, known);
      if (current >= migration.version) return;
      try {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      } catch (cause) {
        throw new MigrationError(current, migration.version, { cause });
      }
    }).immediate();
  }
  // With no step to run, still take the write lock once: a file another process holds for
  // writing, or can't be written, is reported now rather than at the first learner's commit.
  db.transaction(() => {
    const current = userVersion(db);
    if (current > known) throw new SchemaTooNewError(current, known);
  }).immediate();
  return { from, to: userVersion(db) };
}
