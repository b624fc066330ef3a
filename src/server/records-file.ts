// The records file on disk: how it is checked before use, and SQLite's failures as messages that
// name the file and say what to do. A file that fails a check is never written to: its bytes are
// read first without SQLite, then through a read-only connection.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID, SCHEMA_VERSION, userVersion } from './migrations.ts';

/** The records file's name inside the server's data folder (`--data`). */
export const RECORDS_FILE_NAME = 'records.db';

export type RecordsDbProblem =
  | 'not-a-database'
  | 'other-database'
  | 'corrupt'
  | 'too-new'
  | 'locked'
  | 'read-only'
  | 'unreadable'
  | 'disk-full'
  | 'io-error'
  | 'migration-failed'
  | 'backup-failed';

/** The records file can't be used; the message names the file and says what to do. */
export class RecordsDbError extends Error {
  constructor(
    readonly problem: RecordsDbProblem,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RecordsDbError';
  }
}

const RESTORE_HINT = 'see docs/self-hosted-records.md, "A damaged file"';

function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

/** A SQLite failure as a RecordsDbError that says what to do, or undefined when it's a bug of ours. */
export function fileProblem(error: unknown, file: string): RecordsDbError | undefined {
  if (error instanceof RecordsDbError) return error;
  const code = sqliteCode(error);
  if (code === undefined) return undefined;
  const detail = error instanceof Error ? error.message : String(error);
  const problem = (p: RecordsDbProblem, message: string) => new RecordsDbError(p, file, message, { cause: error });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return problem(
      'locked',
      `${file} is locked by another process (${detail}). Is another course server running on the same data folder? Stop it, or give this one another --data folder, then start again.`,
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return problem('not-a-database', `${file} is not a SQLite database (${detail}). It was left untouched. If it holds your records, restore a backup (${RESTORE_HINT}); otherwise point --data at a folder of its own.`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return problem('corrupt', `${file} is damaged (${detail}). It was left untouched and the server won't use it: restore the latest backup (${RESTORE_HINT}).`);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return problem('read-only', `${file} can't be written (${detail}). Check that the server's user may write to the file and its folder.`);
  }
  if (code === 'SQLITE_FULL') return problem('disk-full', `the disk holding ${file} is full (${detail}): nothing was saved. Free some space; the records so far are intact.`);
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return problem('unreadable', `cannot open ${file} (${detail}). Check that the path is a file the server's user may read and write.`);
  }
  if (code.startsWith('SQLITE_IOERR')) return problem('io-error', `reading or writing ${file} failed (${detail}): nothing was saved. Check the disk.`);
  return undefined;
}

/** Runs `task`, turning SQLite's file-level failures into RecordsDbErrors; other errors pass through. */
export function guarded<T>(file: string, task: () => T): T {
  try {
    return task();
  } catch (error) {
    throw fileProblem(error, file) ?? error;
  }
}


const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/**
 * Checks the bytes on disk without SQLite: a file that isn't SQLite, or is shorter than its header
 * says (cut off by a full disk or an interrupted copy), is refused before anything opens it.
 */
export function inspectBytes(file: string): 'missing' | 'empty' | 'present' {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code !== 'ENOENT') throw new RecordsDbError('unreadable', file, `cannot read ${file} (${String(code)}). Check the path and its permissions.`, { cause: error });
    if ((fileSize(`${file}-wal`) ?? 0) > 0) {
      throw new RecordsDbError(
        'unreadable',
        file,
        `${file} is missing but its write-ahead log ${file}-wal is there: the records file was moved or deleted. Put it back beside its -wal file (or restore a backup), then start again; a new empty file would lose the log.`,
      );
    }
    return 'missing';
  }
  if (!stats.isFile()) throw new RecordsDbError('unreadable', file, `${file} is not a file (a folder?). Point --data at a folder; the records go into ${RECORDS_FILE_NAME} inside it.`);
  if (stats.size === 0) return 'empty';

  const header = Buffer.alloc(100);
  let read: number;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new RecordsDbError('unreadable', file, `cannot read ${file} (${error instanceof Error ? error.message : String(error)}). Check its permissions.`, { cause: error });
  }
  if (read < 16 || !header.subarray(0, 16).equals(SQLITE_HEADER)) {
    throw new RecordsDbError(
      'not-a-database',
      file,
      `${file} is not a SQLite database (it doesn't start with "SQLite format 3"). It was left untouched. If it held your records, restore a backup (${RESTORE_HINT}); otherwise point --data at a folder of its own.`,
    );
  }
  const truncated = (why: string) =>
    new RecordsDbError('corrupt', file, `${file} is damaged: ${why}, as after a full disk or an interrupted copy. It was left untouched and the server won't use it: restore the latest backup (${RESTORE_HINT}).`);
  if (read < 100) throw truncated(`it is only ${stats.size} bytes long`);
  // With a -wal file beside it, SQLite may still have to finish copying pages into the file: the
  // size checks below are then SQLite's to make.
  if ((fileSize(`${file}-wal`) ?? 0) > 0) return 'present';
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw truncated(`its header names an impossible page size (${rawPageSize})`);
  if (stats.size % pageSize !== 0) throw truncated(`its size (${stats.size} bytes) is not a whole number of ${pageSize}-byte pages`);
  const pages = header.readUInt32BE(28);
  const headerSizeValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (pages > 0 && headerSizeValid && stats.size < pages * pageSize) {
    throw truncated(`it is ${stats.size} bytes long where its header says ${pages * pageSize}`);
  }
  // Without a -wal file the header is current: a foreign or too new file is refused before SQLite opens it.
  const applicationId = header.readInt32BE(68);
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) throw otherDatabase(file, applicationId);
  const version = header.readInt32BE(60);
  if (applicationId === APPLICATION_ID && version > SCHEMA_VERSION) throw tooNew(file, version);
  return 'present';
}

export function pragmaNumber(db: Database.Database, name: string): number {
  return Number(db.pragma(name, { simple: true }));
}

/** Checks an existing file's identity, version and integrity through `db`; throws RecordsDbError. */
export function inspectDatabase(db: Database.Database, file: string): void {
  const applicationId = pragmaNumber(db, 'application_id');
  const version = userVersion(db);
  const objects = Number(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sqlite_schema').get()?.n ?? 0);
  const empty = applicationId === 0 && version === 0 && objects === 0;
  if (!empty && applicationId !== APPLICATION_ID) throw otherDatabase(file, applicationId);
  if (version > SCHEMA_VERSION) throw tooNew(file, version);
  const problems = checkProblems(db, 'quick_check(5)');
  if (problems.length > 0) {
    const summary = problems.join('; ').slice(0, 300);
    throw new RecordsDbError('corrupt', file, `${file} is damaged: SQLite's check reports "${summary}". It was left untouched and the server won't use it: restore the latest backup (${RESTORE_HINT}).`);
  }
}

/** The problems an integrity pragma reports, one line each; [] when the file is sound. */
export function checkProblems(db: Database.Database, pragma: 'quick_check' | 'quick_check(5)' | 'integrity_check'): string[] {
  const rows = db.pragma(pragma) as Record<string, string>[];
  return rows
    .flatMap((row) => Object.values(row).flatMap((text) => text.split('\n')))
    .map((line) => line.trim())
    .filter((line) => line !== 'ok' && line !== '' && !line.startsWith('*** in database'));
}

function otherDatabase(file: string, applicationId: number): RecordsDbError {
  const whose = applicationId === 0 ? 'it has tables of its own' : `its application id is ${applicationId}`;
  return new RecordsDbError(
    'other-database',
    file,
    `${file} is a SQLite database, but not the course's records (${whose}). It was left untouched: point --data at a folder of its own.`,
  );
}

export function tooNew(file: string, version: number): RecordsDbError {
  return new RecordsDbError(
    'too-new',
    file,
    `${file} has schema version ${version}, but this course server knows versions up to ${SCHEMA_VERSION}: a newer release wrote it. Run that release again, or restore a backup made by this one. The file was left untouched.`,
  );
}

/** Inspects through a read-only connection: it can't write the file, whatever it finds. */
export function inspectReadOnly(file: string, timeout: number): 'checked' | 'needs-write' {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout });
    inspectDatabase(db, file);
    return 'checked';
  } catch (error) {
    // A rollback journal left by a crash (files other tools wrote) must be replayed, which a
    // read-only connection can't do: the read-write connection checks the file after replaying it.
    if (sqliteCode(error)?.startsWith('SQLITE_READONLY')) return 'needs-write';
    throw fileProblem(error, file) ?? error;
  } finally {
    db?.close();
  }
}
