import type { ApiErrorBody } from '../models/api-contract.js';
import { currentToken, signOut } from './auth-session.js';

/** A refused or failed API call, with the server's localised message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly { field?: string | undefined; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let language = 'ja';

/** The language the server answers errors in (the tab's locale). */
export function setApiLanguage(locale: string): void {
  language = locale;
}

/**
 * The one place that calls `fetch`: adds the bearer token and the language, turns error bodies
 * into {@link ApiError}, and signs a local session out when the server refuses its token.
 */
export async function request(method: string, path: string, body?: unknown, options: { anonymous?: boolean } = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (!options.anonymous) {
    const token = await currentToken();
    if (token) headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.ok) return response;
  const fallback = { error: { code: 'http.' + response.status, message: `HTTP ${response.status}` } };
  const failure = (await response.json().catch(() => fallback)) as ApiErrorBody;
  if (response.status === 401 && !options.anonymous) signOut();
  throw new ApiError(response.status, failure.error.code, failure.error.message, failure.error.fields ?? []);
}

export async function requestJson<T>(method: string, path: string, body?: unknown, options: { anonymous?: boolean } = {}): Promise<T> {
  return (await (await request(method, path, body, options)).json()) as T;
}
