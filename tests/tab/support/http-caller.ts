/** What a test needs from an API answer: the status, the headers and the body as text or JSON. */
export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body as received, for binary downloads (.docx, .xlsx). */
  readonly bytes: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

/** Calls `/api/v1/…` on a test server with a bearer token (or none). */
export async function callApi(
  baseUrl: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<CallResult> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  return { status: response.status, headers: response.headers, text, bytes, json: () => JSON.parse(text) as unknown };
}
