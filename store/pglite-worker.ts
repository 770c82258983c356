/**
 * The worker thread that owns PGlite (started by store/pglite-in-worker.ts): it opens the database
 * named in `workerData`, runs each statement posted to it and posts back the rows or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { PgliteWorkerData, PgliteWorkerMessage, PgliteWorkerRequest, TransferredError } from './pglite-in-worker.js';
import { openPglite, type PgliteOpening } from './pglite-template.js';

const port = parentPort;
if (!port) throw new Error('store/pglite-worker runs as a worker thread only');
const post = (message: PgliteWorkerMessage) => port.postMessage(message);

/** PostgreSQL's error fields (pg-protocol's `DatabaseError`: code, constraint, detail, …) survive the crossing; the stack stays here. */
function transferable(error: unknown): TransferredError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

async function open({ dataDir, templateDir }: PgliteWorkerData): Promise<{ pglite: PGlite; opening: PgliteOpening | 'in memory' }> {
  if (!dataDir) return { pglite: await PGlite.create(), opening: 'in memory' };
  return openPglite(dataDir, templateDir);
}

const answer = async (pglite: PGlite, request: PgliteWorkerRequest): Promise<void> => {
  try {
    if (request.kind === 'close') {
      await pglite.close();
      post({ kind: 'closed', id: request.id });
      port.close();
      return;
    }
    const result = await pglite.query(request.sql, request.parameters);
    post({ kind: 'result', id: request.id, rows: result.rows, affectedRows: result.affectedRows });
  } catch (error) {
    post({ kind: 'error', id: request.id, error: transferable(error) });
  }
};

try {
  const { pglite, opening } = await open(workerData as PgliteWorkerData);
  // `answer` settles every request with a reply, a failed close included, so it never rejects.
  port.on('message', (request: PgliteWorkerRequest) => void answer(pglite, request));
  post({ kind: 'opened', opening });
} catch (error) {
  post({ kind: 'failed', error: transferable(error) });
}
