import type { IncomingMessage } from 'node:http';

/** A request refused before any use case runs: too large, not JSON, wrong media type. */
export class BodyProblem extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: 'body.tooLarge' | 'body.notJson' | 'body.unsupportedType',
  ) {
    super(code);
    this.name = 'BodyProblem';
  }
}

/**
 * Reads a JSON body of at most `maxBytes`: the declared Content-Length is checked first, then the
 * bytes actually streamed (a chunked body declares none). An empty body reads as `{}`.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new BodyProblem(413, 'body.tooLarge');
  }
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      reject(new BodyProblem(413, 'body.tooLarge'));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => reject(new BodyProblem(400, 'body.notJson')));
  });
  if (raw.length === 0) return {};
  if (type !== 'application/json') throw new BodyProblem(415, 'body.unsupportedType');
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new BodyProblem(400, 'body.notJson');
  }
}
