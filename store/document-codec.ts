/**
 * Aggregates travel to jsonb and back. JSON has no instant type, so a `Date` is written as
 * `{"$instant": "<ISO>"}` and revived on the way out; `undefined` properties are dropped, as JSON does.
 */
const INSTANT_KEY = '$instant';

function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return { [INSTANT_KEY]: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) out[key] = encodeValue(inner);
    }
    return out;
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === INSTANT_KEY && typeof record[INSTANT_KEY] === 'string') {
      return new Date(record[INSTANT_KEY]);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = decodeValue(record[key]);
    return out;
  }
  return value;
}

/** The JSON text stored in a `doc` column. */
export function encodeDocument(value: unknown): string {
  return JSON.stringify(encodeValue(value));
}

/** Turns a `doc` column (already parsed by the driver, or still text) back into the aggregate. */
export function decodeDocument<T>(doc: unknown): T {
  return decodeValue(typeof doc === 'string' ? JSON.parse(doc) : doc) as T;
}

/**
 * A key-order-independent form for "did anything change?": jsonb does not keep key order, so two
 * equal aggregates may come back with their keys in another order.
 */
export function canonicalForm(value: unknown): string {
  const sortKeys = (inner: unknown): unknown => {
    if (Array.isArray(inner)) return inner.map(sortKeys);
    if (inner !== null && typeof inner === 'object') {
      return Object.fromEntries(
        Object.keys(inner)
          .sort()
          .map((key) => [key, sortKeys((inner as Record<string, unknown>)[key])]),
      );
    }
    return inner;
  };
  return JSON.stringify(sortKeys(encodeValue(value)));
}
