/**
 * Characters text may not carry into the store: NUL (U+0000), which PostgreSQL text and jsonb
 * refuse, and UTF-16 surrogates without their pair, which are not Unicode text at all (jsonb
 * refuses their `\ud800` escape; UTF-8 encoders silently turn them into U+FFFD).
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters this finds
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/** The replacement character, which stands in for a character that could not be kept. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** The text with every forbidden character replaced by U+FFFD (for what Teams sends, which must not be refused). */
export function replaceForbiddenCharacters(text: string): string {
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, REPLACEMENT_CHARACTER) : text;
}

/** The 1-based line of the first forbidden character, or `undefined` when there is none. */
export function lineOfForbiddenCharacter(text: string): number | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

/** `['guests', 0, 'name']` → `guests[0].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * The path of the first string (or object key) holding a forbidden character in a parsed JSON or
 * YAML value, searched depth first in document order; `undefined` when the value is clean.
 */
export function findForbiddenText(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return hasForbiddenCharacter(value) ? [...path] : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findForbiddenText(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (hasForbiddenCharacter(key)) return [...path, key];
      const found = findForbiddenText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** A copy of a parsed JSON value with forbidden characters replaced in every string and key. */
export function replaceForbiddenDeep<T>(value: T): T {
  if (typeof value === 'string') return replaceForbiddenCharacters(value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => replaceForbiddenDeep(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [replaceForbiddenCharacters(key), replaceForbiddenDeep(item)])) as T;
  }
  return value;
}
