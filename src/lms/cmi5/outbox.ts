/**
 * Statements on their way to the LRS: sent in order, one request at a time, so the LRS sees them
 * as the learner did them. A statement leaves the queue only when the LRS has stored it (or
 * already had it); the queue is handed to `persist` on every change, so a closed tab, a lost
 * network or an expired token loses nothing. Network failures and 5xx are retried with
 * back-off; a refused token (401/403) stops sending until the next launch brings a new one.
 * The latest state document rides along, after the statements.
 */
import type { Statement } from './statement-types.ts';
import type { XapiTransport } from './xapi-http.ts';

export type OutboxTrouble = 'retrying' | 'token-refused';

export interface OutboxOptions {
  /** Waits between retries (ms); the last one repeats. */
  retryDelaysMs: readonly number[];
  /** Failures in a row before the learner is told. */
  tellAfter: number;
  stateId: string;
  persist(pending: readonly Statement[]): void;
  onTrouble(trouble: OutboxTrouble): void;
  /** A statement the LRS refused as invalid (400): kept aside for support, never retried. */
  onRejected(statements: readonly Statement[]): void;
}

/** Keep-alive requests may carry 64 KB in all; stay well under it. */
const MAX_BATCH_BYTES = 48_000;
const MAX_BATCH = 50;

export class Outbox {
  private pending: Statement[] = [];
  private state: { document: unknown } | null = null;
  private sending = false;
  private failures = 0;
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly transport: XapiTransport,
    private readonly options: OutboxOptions,
  ) {}

  get queued(): readonly Statement[] {
    return this.pending;
  }

  /** True once the LRS refused the token: nothing more can reach it in this session. */
  get refused(): boolean {
    return this.stopped;
  }

  enqueue(...statements: Statement[]): void {
    this.pending.push(...statements);
    this.options.persist(this.pending);
    this.pump();
  }

  /** The last statements of the session, sent at once with the rest by flushOnExit. */
  enqueueForExit(...statements: Statement[]): void {
    this.pending.push(...statements);
    this.options.persist(this.pending);
    this.flushOnExit();
  }

  putState(document: unknown): void {
    this.state = { document };
    this.pump();
  }

  /** Tries again now (the browser came back online). */
  wake(): void {
    clearTimeout(this.timer);
    this.wakeUp?.();
  }

  /** Whether everything queued has reached the LRS. */
  get idle(): boolean {
    return !this.sending && this.pending.length === 0 && this.state === null;
  }

  /**
   * The page is going away: send what is not already on its way, with keep-alive requests that
   * outlive the page. What doesn't make it stays persisted for the next launch.
   */
  flushOnExit(): void {
    if (this.stopped) return;
    const inFlight = this.sending && this.failures === 0 ? this.inFlightIds : new Set<string>();
    const rest = this.pending.filter((s) => !inFlight.has(s.id));
    for (const batch of batches(rest)) void this.transport.postStatements(batch, true).then((status) => delivered(status) && this.remove(batch));
    const state = this.state;
    if (state) {
      void this.transport.putState(this.options.stateId, state.document, true).then((status) => {
        if (delivered(status) && this.state === state) this.state = null;
      });
    }
  }

  private inFlightIds = new Set<string>();

  private remove(batch: readonly Statement[]): void {
    const ids = new Set(batch.map((s) => s.id));
    this.pending = this.pending.filter((s) => !ids.has(s.id));
    this.options.persist(this.pending);
  }

  private pump(): void {
    if (this.sending || this.stopped) return;
    this.sending = true;
    void this.run().finally(() => {
      this.sending = false;
    });
  }

  private async run(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      let status: number;
      let batch: Statement[] = [];
      const state = this.state;
      if (this.pending.length > 0) {
        // A retry resends exactly the same batch: the LRS stores a batch whole or not at all, so
        // a 409 then means all of it got through on an earlier try.
        const retry = this.pending.filter((s) => this.inFlightIds.has(s.id));
        batch = retry.length > 0 ? retry : (batches(this.pending)[0] ?? []);
        this.inFlightIds = new Set(batch.map((s) => s.id));
        status = await this.transport.postStatements(batch, false);
      } else if (state) {
        status = await this.transport.putState(this.options.stateId, state.document, false);
      } else {
        return;
      }
      if (delivered(status)) {
        this.failures = 0;
        this.inFlightIds = new Set();
        if (batch.length > 0) this.remove(batch);
        else if (this.state === state) this.state = null;
        continue;
      }
      if (status === 401 || status === 403) {
        this.stopped = true;
        this.options.onTrouble('token-refused');
        return;
      }
      if (status === 400 && batch.length > 0) {
        this.inFlightIds = new Set();
        this.options.onRejected(batch);
        this.remove(batch);
        continue;
      }
      // The network, or the LRS is struggling (5xx, 429): wait and try again.
      this.failures += 1;
      if (this.failures === this.options.tellAfter) this.options.onTrouble('retrying');
      const delays = this.options.retryDelaysMs;
      const wait = delays[Math.min(this.failures, delays.length) - 1] ?? 1000;
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        this.timer = setTimeout(resolve, wait);
        // In Node (tests, tools) a retry must not keep the process alive on its own.
        (this.timer as { unref?: () => void }).unref?.();
      });
      this.wakeUp = null;
    }
  }
}

/** 2xx, or 409: the LRS already holds a statement with that id (an earlier try got through). */
function delivered(status: number): boolean {
  return (status >= 200 && status < 300) || status === 409;
}

function batches(statements: readonly Statement[]): Statement[][] {
  const out: Statement[][] = [];
  let current: Statement[] = [];
  let bytes = 0;
  for (const s of statements) {
    const size = JSON.stringify(s).length;
    if (current.length > 0 && (bytes + size > MAX_BATCH_BYTES || current.length >= MAX_BATCH)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(s);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
