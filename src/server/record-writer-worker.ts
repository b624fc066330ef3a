// The records writer thread (see record-writer.ts): its own connection to the records file,
// writes grouped per turn of its own event loop, each answered once its group is on disk.
import { parentPort, workerData } from 'node:worker_threads';
import { openRecordsDb } from './records-db.ts';
import { recordWrites } from './record-writes.ts';
import { runOp, toWire, type WriterAnswer, type WriterRequest } from './record-writer.ts';
import { WriteQueue } from './write-queue.ts';

const port = parentPort;
if (!port) throw new Error('record-writer-worker.ts runs as a worker thread');
const { file } = workerData as { file: string };
const db = openRecordsDb(file);
const queue = new WriteQueue(db);
const ops = recordWrites(db);
const answer = (message: WriterAnswer) => port.postMessage(message);

port.on('message', (request: WriterRequest) => {
  if (request.op === 'stats') return answer({ id: request.id, ok: true, value: { ...queue.stats } });
  if (request.op === 'close') {
    // After the writes already queued: a last empty group lands behind them.
    void queue.run(() => undefined).then(() => {
      db.close();
      answer({ id: request.id, ok: true, value: undefined });
      port.close();
    });
    return;
  }
  const op = request.op;
  queue.run(() => runOp(ops, op, request.args)).then(
    (value) => answer({ id: request.id, ok: true, value }),
    (error: unknown) => answer({ id: request.id, ok: false, error: toWire(error) }),
  );
});
