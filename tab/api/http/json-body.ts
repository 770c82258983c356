import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../../shared/domain-error.js';
import { findForbiddenText, formatPath } from '../../../shared/text/forbidden-characters.js';

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
 * Refuses text the store cannot keep (NUL, unpaired surrogates) anywhere in a parsed value, naming
 * its place: the JSON path in a body (`guests[0].name`), the name of a query or path parameter.
 */
export function refuseForbiddenText(value: unknown): void {
  const found = findForbiddenText(value);
  if (!found) return;
  const path = formatPath(found) || 'body';
  throw new DomainError('text.forbiddenCharacter', { path }, path);
}

/**
 * Reads a JSON body of at most `maxBytes`: the declared Content-Length is checked first, then the
 * bytes actually streamed (a chunked body declares none). An empty body reads as `{}`. Text the
 * store cannot keep is refused here, so no route can forget to.
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
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new BodyProblem(400, 'body.notJson');
  }
  refuseForbiddenText(value);
  return value;
}
