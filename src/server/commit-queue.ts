// Learners' commits, written in groups: every commit that arrives while the event loop is busy
// joins the next group, and a group is one transaction, so one fsync covers many commits
// instead of one each. Each commit is still answered only once its group is on disk, so an
// acknowledged commit survives a kill -9 as before. A commit refused inside a group (finished
// attempt, bad body) rolls back alone; the others in the group are kept.
import type { RecordsDb, SavedCommit } from './records-db.ts';

interface Pending {
  attemptId: number;
  body: unknown;
  resolve: (saved: SavedCommit) => void;
  reject: (error: unknown) => void;
}

export interface CommitQueueOptions {
  /** At most this many commits per transaction (bounds how long one group holds the loop). */
  maxGroup?: number;
}

export class CommitQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly maxGroup: number;
  /** Groups written and commits in them, for the load test's figures. */
  readonly stats = { groups: 0, commits: 0 };

  constructor(
    private readonly db: RecordsDb,
    options: CommitQueueOptions = {},
  ) {
    this.maxGroup = options.maxGroup ?? 64;
  }

  /** Resolves once the commit is on disk; rejects as `db.saveCommit` would. */
  save(attemptId: number, body: unknown): Promise<SavedCommit> {
    return new Promise((resolve, reject) => {
      this.pending.push({ attemptId, body, resolve, reject });
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
    const group = this.pending.splice(0, this.maxGroup);
    if (this.pending.length > 0) this.schedule();
    if (group.length === 0) return;
    const outcomes: ({ ok: true; saved: SavedCommit } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const item of group) {
          try {
            // Nested: a savepoint, so a refused commit undoes only itself.
            outcomes.push({ ok: true, saved: this.db.transaction(() => this.db.saveCommit(item.attemptId, item.body)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The group's transaction failed (disk full, I/O): nothing of it was kept.
      for (const item of group) item.reject(error);
      return;
    }
    this.stats.groups += 1;
    this.stats.commits += group.length;
    group.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.saved);
      else item.reject(outcome?.error);
    });
  }
}
