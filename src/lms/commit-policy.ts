/**
 * When the course commits to the LMS. Every commit costs a request on a strict LMS (a
 * synchronous one in Moodle's player, which may write hundreds of rows each time), so values
 * are gathered and sent on meaningful events (an attempt submitted, a lesson completed, a
 * status or score change), never more than once per `minGapMs`, while routine changes
 * (drafts, navigation) wait up to `routineDelayMs`. Leaving flushes at once.
 */

export type ChangeKind = 'meaningful' | 'routine';

export interface Clock {
  now(): number;
  /** Runs `run` after `ms`; returns a function that cancels it. */
  later(run: () => void, ms: number): () => void;
}

export const browserClock: Clock = {
  now: () => Date.now(),
  later: (run, ms) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

export interface CommitPolicyOptions {
  /** The least time between two commits the course starts by itself. */
  minGapMs: number;
  /** How long routine changes may wait. */
  routineDelayMs: number;
  clock: Clock;
}

/** A meaningful change goes within a minute; a draft or a page turn within five. */
export const DEFAULT_POLICY: Omit<CommitPolicyOptions, 'clock'> = { minGapMs: 60_000, routineDelayMs: 300_000 };

export class CommitPolicy {
  private lastCommit = Number.NEGATIVE_INFINITY;
  private dueAt = Number.POSITIVE_INFINITY;
  private cancel: (() => void) | undefined;
  private dirty = false;

  constructor(
    private readonly commit: () => void,
    private readonly options: CommitPolicyOptions,
  ) {}

  get pending(): boolean {
    return this.dirty;
  }

  /** Something changed on the LMS's side that must reach it. */
  changed(kind: ChangeKind): void {
    this.dirty = true;
    const now = this.options.clock.now();
    const earliest = this.lastCommit + this.options.minGapMs;
    const due = kind === 'meaningful' ? Math.max(now, earliest) : Math.max(now + this.options.routineDelayMs, earliest);
    if (due >= this.dueAt) return;
    this.cancel?.();
    this.dueAt = due;
    // Even an immediate commit waits for this task to end, so that what one event changes
    // (an attempt, its lesson's status, the score) travels in one commit.
    this.cancel = this.options.clock.later(() => this.flush(), Math.max(0, due - now));
  }

  /** Commits now when anything is waiting (leaving the page, or the timer is due). */
  flush(): void {
    if (!this.dirty) return;
    this.committedNow();
    this.commit();
  }

  /** Records a commit made outside the policy (the session's first, the last). */
  committedNow(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.dueAt = Number.POSITIVE_INFINITY;
    this.dirty = false;
    this.lastCommit = this.options.clock.now();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.dueAt = Number.POSITIVE_INFINITY;
  }
}
