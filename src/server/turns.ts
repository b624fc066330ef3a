// Requests take turns. A burst (200 learners' sign-ups or commits arriving in the same
// millisecond) would otherwise all be handled in one turn of the event loop, and nothing else,
// not a timer, not the next connection, not a manager's report, runs until the last is done.
// Here a turn hands requests to their handlers only until it has spent its budget; the rest wait,
// in arrival order, and are handed on in the next turns, with timers and I/O running between.
// Each request is still handled as soon as the ones before it are.

export interface TurnTakerOptions {
  /** How long one turn may spend starting handlers before the rest wait for the next turn (ms). */
  budgetMs?: number;
  now?: () => number;
}

export class TurnTaker {
  private readonly waiting: (() => void)[] = [];
  private readonly budgetMs: number;
  private readonly now: () => number;
  /** When the current turn started handing out work; undefined between turns. */
  private turnStarted: number | undefined;
  private scheduled = false;

  constructor(options: TurnTakerOptions = {}) {
    this.budgetMs = options.budgetMs ?? 15;
    this.now = options.now ?? (() => performance.now());
  }

  /** Requests waiting for a later turn. */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Runs `start` now when this turn's budget allows and no earlier request waits; else in a later turn. */
  run(start: () => void): void {
    if (this.waiting.length === 0 && this.withinBudget()) {
      start();
      return;
    }
    this.waiting.push(start);
    this.schedule();
  }

  private withinBudget(): boolean {
    const now = this.now();
    if (this.turnStarted === undefined) {
      this.turnStarted = now;
      // The turn ends when this loop iteration does.
      this.schedule();
      return true;
    }
    return now - this.turnStarted < this.budgetMs;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.turnStarted = undefined;
      this.drain();
    });
  }

  private drain(): void {
    if (this.waiting.length === 0) return;
    this.turnStarted = this.now();
    while (this.waiting.length > 0 && this.now() - this.turnStarted < this.budgetMs) this.waiting.shift()?.();
    // What is left (and the end of this turn) goes to the next iteration, after timers and I/O.
    this.schedule();
  }
}
