// The data folder holds staff names, work emails, drafts and results: only the account that
// runs the server may read it (files 0600, a folder the server makes 0700), and only one server
// at a time may use it (a second one would hand out sessions and links the first doesn't know of
// at the same moment, and both would rate-limit apart).
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'server.lock';

/** Creates the folder (0700) if missing; an existing one is left as its owner set it. */
export function makePrivateFolder(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** The records file and its SQLite companions, readable and writable by the owner only. */
export function restrictRecordFiles(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(path, 0o600);
    } catch {
      // Not there (yet): SQLite gives its -wal and -shm the database file's mode when it makes them.
    }
  }
}

/** Another server holds the data folder; the message says which and what to do. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`another course server (process ${pid}) is already using ${dir}. Stop it first, or give this one another --data folder.`);
    this.name = 'DataFolderLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process (a lock file with its pid, 0600), or throws
 * DataFolderLockedError while another live process holds it. A lock left by a process that
 * died (kill -9, a power cut) is taken over. Returns the release function.
 */
export function lockDataFolder(dir: string): () => void {
  const path = join(dir, LOCK_FILE_NAME);
  for (let round = 0; round < 2; round++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        // Only our own lock: a successor may have taken over a lock it thought stale.
        if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataFolderLockedError(dir, pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the lock ${path}`);
}
