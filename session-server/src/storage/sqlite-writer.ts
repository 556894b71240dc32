// The SQLite store's writer thread: it commits the group commit's batches on a connection of its
// own, so the fsync of a commit never blocks the event loop that serves the sockets. It answers
// each batch only after COMMIT returned (synchronous=FULL): what the main thread acknowledges is on disk.
import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseSync } from 'node:sqlite';
import { batchWriter, PRAGMAS, type WireBatch } from './sqlite-batch.ts';

const db = new DatabaseSync((workerData as { file: string }).file);
db.exec(PRAGMAS);
const writer = batchWriter(db);

parentPort!.on('message', (message: { id: number; batch: WireBatch } | { forget: string | null } | 'close') => {
  if (message === 'close') {
    db.close();
    return parentPort!.close();
  }
  if ('forget' in message) return writer.forget(message.forget);
  try {
    writer.write(message.batch);
    parentPort!.postMessage({ id: message.id });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
