// Limits on work a stranger can make the server do: how many sign-ins (each creates a learner)
// per client address and in all, and how many passcode hashes run at once.

export interface WindowLimit {
  /** Allowed per window. */
  max: number;
  windowMs: number;
}

export type RateAnswer = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed-window counters per key plus one for everyone: a request counts against both and is
 * refused when either is spent. At most `maxKeys` keys are remembered (the oldest windows go first),
 * so a flood of addresses can't grow it without bound. Pure: time comes from `now`.
 */
export class WindowLimiter {
  private readonly keys = new Map<string, Window>();
  private readonly all: Window = { start: 0, count: 0 };
  private readonly now: () => number;

  constructor(
    private readonly perKey: WindowLimit,
    private readonly global: WindowLimit,
    options: { now?: () => number; maxKeys?: number } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  private readonly maxKeys: number;

  take(key: string): RateAnswer {
    const now = this.now();
    if (now - this.all.start >= this.global.windowMs) Object.assign(this.all, { start: now, count: 0 });
    let own = this.keys.get(key);
    if (!own || now - own.start >= this.perKey.windowMs) {
      own = { start: now, count: 0 };
      this.keys.delete(key);
      this.keys.set(key, own);
      for (const [oldKey] of this.keys) {
        if (this.keys.size <= this.maxKeys) break;
        this.keys.delete(oldKey);
      }
    }
    if (own.count >= this.perKey.max) return { allowed: false, retryAfterMs: own.start + this.perKey.windowMs - now };
    if (this.all.count >= this.global.max) return { allowed: false, retryAfterMs: this.all.start + this.global.windowMs - now };
    own.count += 1;
    this.all.count += 1;
    return { allowed: true };
  }
}

/**
 * Runs at most `concurrency` tasks at once with at most `maxWaiting` queued; past that, `run`
 * refuses at once (undefined). Passcode hashing goes through one of these: scrypt runs on the
 * libuv thread pool that also reads the course's files, so it must never fill that pool.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) return undefined;
      await new Promise<void>((resolveTurn) => this.waiting.push(resolveTurn));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
