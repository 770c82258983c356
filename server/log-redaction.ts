/**
 * Secrets that travel in URLs must not reach the logs: the calendar feed's secret is the path
 * segment after `/api/v1/ical/` (only its hash is stored), and a query parameter named like a
 * credential (`token`, `code`, `secret`, `key`, `password`, `sig`) carries one. A bearer token
 * that ends up in an error message is cut out too. Applied by the logger to every line.
 */
const FEED_SECRET = /(\/api\/v1\/ical\/)[^/?#\s"]+/g;
const CREDENTIAL_PARAMETER = /((?:^|[?&])(?:[\w.-]*(?:token|code|secret|key|password|sig)[\w.-]*)=)[^&#\s"]*/gi;
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;

export const REDACTED = '[redacted]';

export function redactSecrets(text: string): string {
  if (!text.includes('/') && !text.includes('=') && !text.includes('eyJ')) return text;
  return text
    .replace(FEED_SECRET, (_match, prefix: string) => `${prefix}${REDACTED}`)
    .replace(CREDENTIAL_PARAMETER, (_match, name: string) => `${name}${REDACTED}`)
    .replace(JWT, REDACTED);
}

/** The fields of one log line with every string (nested objects and arrays included) redacted. */
export function redactLogFields<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    // Read before pino's error serializer would: the message and stack are not enumerable.
    return { type: value.name, message: redactSecrets(value.message), stack: redactSecrets(value.stack ?? '') } as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => redactLogFields(item, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactLogFields(item, depth + 1);
  return out as T;
}
