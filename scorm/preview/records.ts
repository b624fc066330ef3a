// The preview LMS's learner records on disk: one JSON file per SCORM version, `{ "cmi": {…} }` as
// scorm-again commits it. Writes go to a temporary file renamed over the record, so a crash or a
// second commit mid-write never leaves half a record; operations on one version run in order.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScormVersion } from './version.ts';
import { isPlainObject } from '../../src/content/json-values.ts';

/** What the LMS keeps for a learner: the `cmi` tree of the last commit. */
export interface LearnerRecord {
  cmi: Record<string, unknown>;
}

/**
 * The learner record in a commit body (`{ "cmi": {…} }`), or why it isn't one. The body is read
 * as JSON whatever its Content-Type: scorm-again's final commit comes by sendBeacon as text/plain.
 */
export function parseCommit(body: string): { ok: true; record: LearnerRecord } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
  if (!isPlainObject(parsed)) return { ok: false, reason: 'the body is not a JSON object' };
  const cmi = parsed['cmi'];
  if (!isPlainObject(cmi)) return { ok: false, reason: 'the body has no "cmi" object' };
  return { ok: true, record: { cmi } };
}

export class RecordStore {
  private readonly queues = new Map<ScormVersion, Promise<unknown>>();
  private counter = 0;

  constructor(readonly dir: string) {}

  fileOf(version: ScormVersion): string {
    return join(this.dir, `record-${version}.json`);
  }

  /** The saved record and when it was saved, or undefined when there is none. */
  read(version: ScormVersion): Promise<{ record: LearnerRecord; savedAt: Date } | undefined> {
    return this.inOrder(version, async () => {
      const file = this.fileOf(version);
      let text: string;
      let savedAt: Date;
      try {
        [text, savedAt] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtime)]);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      const parsed = parseCommit(text);
      // A record edited by hand into something unreadable is treated as no record, like a new attempt.
      return parsed.ok ? { record: parsed.record, savedAt } : undefined;
    });
  }

  write(version: ScormVersion, record: LearnerRecord): Promise<void> {
    return this.inOrder(version, () => this.writeNow(version, record));
  }

  private async writeNow(version: ScormVersion, record: LearnerRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(version);
    this.counter += 1;
    const temp = `${file}.${process.pid}.${this.counter}.tmp`;
    try {
      await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Reads, changes and writes the record in one step (a strict commit carries only some elements). */
  update(version: ScormVersion, change: (cmi: Record<string, unknown> | undefined) => Record<string, unknown>): Promise<void> {
    return this.inOrder(version, async () => {
      const text = await readFile(this.fileOf(version), 'utf8').catch((error: unknown) => {
        if (isMissing(error)) return undefined;
        throw error;
      });
      const parsed = text === undefined ? undefined : parseCommit(text);
      await this.writeNow(version, { cmi: change(parsed?.ok ? parsed.record.cmi : undefined) });
    });
  }

  /** Deletes the record: the next launch is a new attempt. */
  reset(version: ScormVersion): Promise<void> {
    return this.inOrder(version, () => rm(this.fileOf(version), { force: true }));
  }

  private inOrder<T>(version: ScormVersion, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(version) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(
      version,
      next.catch(() => undefined),
    );
    return next;
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
