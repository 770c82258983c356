/** `${{NAME}}`, the Agents Toolkit's placeholder syntax (an optional `env:` prefix is accepted). */
const PLACEHOLDER = /\$\{\{\s*(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Placeholders that may legitimately resolve to an empty string: a production environment has no
 * name suffix. Any other empty value means provisioning has not filled it in yet.
 */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

export interface Substitution {
  readonly text: string;
  /** Placeholder names with no value (or an empty one), in order of first appearance. */
  readonly unresolved: readonly string[];
}

/** Replaces every `${{NAME}}` in a text with the environment's value, collecting the unresolved ones. */
export function substitutePlaceholders(text: string, values: ReadonlyMap<string, string>): Substitution {
  const unresolved: string[] = [];
  const result = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined || (value === '' && !MAY_BE_EMPTY.has(name))) {
      if (!unresolved.includes(name)) unresolved.push(name);
      return whole;
    }
    return jsonStringContent(value);
  });
  return { text: result, unresolved };
}

/** Every placeholder name used in a text. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** Values land inside JSON strings, so quotes and backslashes must stay escaped. */
function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
