// The server's writes, in groups: every write that arrives while the event loop is busy (a
// learner's commit, a sign-up) joins the next group, and a group is one transaction, so one
// fsync covers many writes instead of one each, and a burst of requests read in one loop turn
// doesn't run a synchronous fsync apiece. Each write is still answered only once its group is on
// disk, so an acknowledged commit survives a kill -9 as before. A write that throws inside a
// group rolls back alone (a savepoint); the others in the group are kept.
import type { RecordsDb } from './records-db.ts';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface WriteQueueOptions {
  /** At most this many writes per transaction. */
  maxGroup?: number;
  /**
   * A group takes no more writes once its writes have run this long (ms): every write in a group
   * waits for the whole group, so a burst goes in several short groups, answered one after another.
   */
  maxGroupMs?: number;
  /** The clock groups are timed by (ms). */
  now?: () => number;
}

export class WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly maxGroup: number;
  private readonly maxGroupMs: number;
  private readonly now: () => number;
  /** Groups written, writes in them, and the longest a group held the event loop (ms), for the load test's figures. */
  readonly stats = { groups: 0, writes: 0, longestGroupMs: 0 };

  constructor(
    private readonly db: RecordsDb,
    options: WriteQueueOptions = {},
  ) {
    this.maxGroup = options.maxGroup ?? 256;
    this.maxGroupMs = options.maxGroupMs ?? 10;
    this.now = options.now ?? (() => performance.now());
  }

  /** Runs `work` (synchronous, database calls only) in the next group; resolves once that is on disk. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate: after the I/O callbacks of this loop turn, so requests read in the same
    // turn share the group.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const group: Pending[] = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const started = this.now();
    try {
      this.db.transaction(() => {
        while (group.length < this.maxGroup && this.pending.length > 0 && (group.length === 0 || this.now() - started < this.maxGroupMs)) {
          const item = this.pending.shift();
          if (!item) break;
          group.push(item);
          try {
            // Nested: a savepoint, so a write that throws undoes only itself.
            outcomes.push({ ok: true, value: this.db.transaction(item.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The group's transaction failed (disk full, I/O): nothing of it was kept. Failing before
      // any write ran (no transaction could start) fails the writes that were next, not forever.
      for (const item of group.length > 0 ? group : this.pending.splice(0, this.maxGroup)) item.reject(error);
      if (this.pending.length > 0) this.schedule();
      return;
    }
    if (this.pending.length > 0) this.schedule();
    this.stats.longestGroupMs = Math.max(this.stats.longestGroupMs, this.now() - started);
    this.stats.groups += 1;
    this.stats.writes += group.length;
    group.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }
}
