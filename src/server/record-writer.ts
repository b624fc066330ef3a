// Where the serving writes run. 'thread' (the default): a worker thread with its own connection
// to the records, so the fsync of every write happens off the event loop and a slow disk never
// stalls the requests being served; the main thread only reads. 'in-process': the same
// operations, grouped per loop turn on the main thread (no thread to start; for tools and tests).
// Either way writes are grouped (write-queue.ts) and answered once on disk.
import { Worker } from 'node:worker_threads';
import { type RecordsDb, RecordInputError, type RecordInputProblem, RecordsDbError, type RecordsDbProblem } from './records-db.ts';
import { recordWrites, type WriteOp, type WriteOps } from './record-writes.ts';
import { WriteQueue } from './write-queue.ts';

export type WriterMode = 'thread' | 'in-process';

export interface WriteStats {
  groups: number;
  writes: number;
  longestGroupMs: number;
}

export interface RecordWriter {
  call<K extends WriteOp>(op: K, ...args: Parameters<WriteOps[K]>): Promise<ReturnType<WriteOps[K]>>;
  stats(): Promise<WriteStats>;
  /** Finishes the writes already asked for, then stops. */
  close(): Promise<void>;
}

/** An error as it crosses the thread boundary; rebuilt into the same class on the other side. */
export type WireError = { kind: 'input'; problem: RecordInputProblem; message: string } | { kind: 'db'; problem: RecordsDbProblem; file: string; message: string } | { kind: 'other'; message: string };

export function toWire(error: unknown): WireError {
  if (error instanceof RecordInputError) return { kind: 'input', problem: error.problem, message: error.message };
  if (error instanceof RecordsDbError) return { kind: 'db', problem: error.problem, file: error.file, message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

function fromWire(error: WireError): Error {
  if (error.kind === 'input') return new RecordInputError(error.problem, error.message);
  if (error.kind === 'db') return new RecordsDbError(error.problem, error.file, error.message);
  return new Error(`the records writer failed: ${error.message}`);
}

export interface WriterRequest {
  id: number;
  op: WriteOp | 'stats' | 'close';
  args: unknown[];
}

export type WriterAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** Runs an operation by name (the worker and the in-process writer share this). */
export function runOp(ops: WriteOps, op: WriteOp, args: readonly unknown[]): unknown {
  return (ops[op] as (...a: readonly unknown[]) => unknown)(...args);
}

function inProcessWriter(db: RecordsDb): RecordWriter {
  const queue = new WriteQueue(db);
  const ops = recordWrites(db);
  return {
    call: (op, ...args) => queue.run(() => runOp(ops, op, args)) as Promise<ReturnType<WriteOps[typeof op]>>,
    stats: async () => ({ ...queue.stats }),
    close: async () => undefined,
  };
}

// The worker is TypeScript: it registers tsx's loader itself (the main thread's isn't inherited).
const WORKER_BOOT = `import('tsx/esm/api').then((api) => { api.register(); return import(require('node:worker_threads').workerData.entry); })`;

function threadWriter(db: RecordsDb): Promise<RecordWriter> {
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { entry: new URL('./record-writer-worker.ts', import.meta.url).href, file: db.file } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: WriterAnswer) => {
    const entry = waiting.get(answer.id);
    if (!entry) return;
    waiting.delete(answer.id);
    if (answer.ok) entry.resolve(answer.value);
    else entry.reject(fromWire(answer.error));
  });
  worker.on('error', (error) => failAll(new RecordsDbError('unreadable', db.file, `the records writer stopped: ${error.message}`)));
  worker.on('exit', () => failAll(new RecordsDbError('unreadable', db.file, 'the records writer has stopped')));
  const send = (op: WriterRequest['op'], args: unknown[]): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op, args } satisfies WriterRequest);
    });
  };
  const writer: RecordWriter = {
    call: (op, ...args) => send(op, args) as Promise<ReturnType<WriteOps[typeof op]>>,
    stats: () => send('stats', []) as Promise<WriteStats>,
    close: async () => {
      if (failure) return;
      const exited = new Promise((done) => worker.once('exit', done));
      await send('close', []).catch(() => undefined);
      await exited;
    },
  };
  // Ready once the worker answered once (it has opened the records).
  return writer.stats().then(() => writer);
}

export async function startRecordWriter(db: RecordsDb, mode: WriterMode = 'thread'): Promise<RecordWriter> {
  return mode === 'thread' ? threadWriter(db) : inProcessWriter(db);
}
