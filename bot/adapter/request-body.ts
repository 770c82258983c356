import type { IncomingMessage } from 'node:http';
import { replaceForbiddenDeep } from '../../shared/text/forbidden-characters.js';

/** The inbound activity as parsed JSON, or why the request is refused before anything runs. */
export type ActivityBody =
  { readonly ok: true; readonly activity: Record<string, unknown> } | { readonly ok: false; readonly status: 400 | 413; readonly reason: string };

/**
 * Reads and parses the request body, refusing one larger than `maxBytes` before parsing it: the
 * declared Content-Length first, then the bytes actually streamed (chunked bodies declare none).
 */
export async function readActivityBody(req: IncomingMessage, maxBytes: number): Promise<ActivityBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardRest(req);
    return { ok: false, status: 413, reason: 'declared body too large' };
  }
  const raw = await readAtMost(req, maxBytes);
  if (raw === 'too large') return { ok: false, status: 413, reason: 'streamed body too large' };
  if (raw === 'incomplete') return { ok: false, status: 400, reason: 'body incomplete' };
  return parseActivity(raw);
}

function readAtMost(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too large' | 'incomplete'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.off('end', onEnd);
      discardRest(req);
      resolve('too large');
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.once('end', onEnd);
    // A client that goes away mid-body leaves nothing to answer; resolving lets the handler finish.
    req.once('error', () => resolve('incomplete'));
    req.once('close', () => {
      if (!req.complete) resolve('incomplete');
    });
  });
}

/**
 * Lets the client finish sending into the void, so it can read the 413 instead of a reset
 * connection; the server's request timeout still bounds how long that may take.
 */
function discardRest(req: IncomingMessage): void {
  req.resume();
}

function parseActivity(raw: Buffer): ActivityBody {
  let value: unknown;
  try {
    // What Teams sends is not ours to refuse: a NUL or a lone surrogate in a chat name, a display
    // name, a message or a card's input, which the store cannot keep, becomes U+FFFD everywhere.
    value = replaceForbiddenDeep(JSON.parse(raw.toString('utf8')));
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  if (!isRecord(value) || typeof value.type !== 'string') return { ok: false, status: 400, reason: 'not an activity' };
  // Replies go to serviceUrl, and the token's serviceurl claim is only compared when one is given.
  if (typeof value.serviceUrl !== 'string' || !isRecord(value.conversation) || typeof value.conversation.id !== 'string') {
    return { ok: false, status: 400, reason: 'activity lacks serviceUrl or conversation.id' };
  }
  return { ok: true, activity: value };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
