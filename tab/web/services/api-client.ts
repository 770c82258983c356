import type { ApiErrorBody } from '../models/api-contract.js';
import { translate, type MessageKey } from '../i18n/messages.js';
import { currentToken, signOut } from './auth-session.js';

/**
 * A refused or failed API call, with a localised message the page may show as it is. `retryable`
 * says whether trying again can help (the network, a timeout, the server's own trouble), so the
 * page offers 再試行 only then; a refusal (403) or a missing item (404) would only fail again.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly { field?: string | undefined; message: string }[] = [],
    readonly retryable = false,
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

const localised = (key: MessageKey) => translate(language === 'en' ? 'en' : 'ja', key);

/** Long enough for a slow import; short enough that a hung proxy turns into a message with a retry. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Statuses whose failure is the server's or the network's, not the request's: a retry may succeed. */
const isRetryableStatus = (status: number) => status >= 500 || status === 429 || status === 408;

/** The tab's own message for a status, used whenever the server's answer carries none we can trust. */
function messageKeyOfStatus(status: number): MessageKey {
  if (status === 429) return 'errorBusy';
  if (status === 408) return 'errorTimeout';
  if (status >= 500) return 'errorServer';
  if (status === 401) return 'errorUnauthenticated';
  if (status === 403) return 'errorForbidden';
  if (status === 404) return 'errorNotFound';
  if (status === 409) return 'errorConflict';
  return 'errorBadRequest';
}

/** The server's error body when it has the shape our API writes (a proxy's HTML page does not). */
async function readErrorBody(response: Response): Promise<ApiErrorBody['error'] | undefined> {
  const parsed = (await response.json().catch(() => undefined)) as Partial<ApiErrorBody> | undefined;
  const error = parsed?.error;
  return error && typeof error.code === 'string' && typeof error.message === 'string' && error.message.length > 0 ? error : undefined;
}

/**
 * Turns a failed response into an {@link ApiError}. A refusal (4xx) keeps the server's localised
 * message, which names the rule (and, for 403, whom to ask); the server's trouble (5xx, 429)
 * always reads as the tab's own message, since a gateway may answer with text of its own.
 */
async function failureOf(response: Response): Promise<ApiError> {
  const status = response.status;
  const body = await readErrorBody(response);
  if (isRetryableStatus(status)) return new ApiError(status, body?.code ?? `http.${status}`, localised(messageKeyOfStatus(status)), [], true);
  if (!body) return new ApiError(status, `http.${status}`, localised(messageKeyOfStatus(status)));
  return new ApiError(status, body.code, body.message, body.fields ?? []);
}

/** Calls `fetch` with a deadline; a rejection (offline, server down, CORS) or the deadline becomes a retryable {@link ApiError}. */
async function fetchWithDeadline(path: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(path, { ...init, signal: controller.signal });
  } catch {
    // The browser's own text ("Failed to fetch", "NetworkError when…") is English and says nothing useful.
    const timedOut = controller.signal.aborted;
    throw new ApiError(0, timedOut ? 'client.timeout' : 'client.network', localised(timedOut ? 'errorTimeout' : 'errorNetwork'), [], true);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The one place that calls `fetch`: adds the bearer token and the language, turns every failure
 * into an {@link ApiError} with a localised message, and signs a local session out when the
 * server refuses its token.
 */
export async function request(method: string, path: string, body?: unknown, options: { anonymous?: boolean } = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (!options.anonymous) {
    const token = await currentToken();
    if (token) headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchWithDeadline(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.ok) return response;
  const failure = await failureOf(response);
  if (response.status === 401 && !options.anonymous) signOut();
  throw failure;
}

export async function requestJson<T>(method: string, path: string, body?: unknown, options: { anonymous?: boolean } = {}): Promise<T> {
  const response = await request(method, path, body, options);
  try {
    return (await response.json()) as T;
  } catch {
    // A 200 that is not JSON comes from something in between (a captive portal, a proxy page).
    throw new ApiError(response.status, 'client.badResponse', localised('errorUnexpected'), [], true);
  }
}

/** What a page shows for any failure: an {@link ApiError}'s message, else a generic localised one, never raw error text. */
export function describeFailure(error: unknown): { message: string; retryable: boolean } {
  if (error instanceof ApiError) return { message: error.message, retryable: error.retryable };
  return { message: localised('errorUnexpected'), retryable: true };
}
