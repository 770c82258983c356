import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a dotenv file as the Agents Toolkit writes them: `KEY=value`, `#` comments, optional
 * single or double quotes. Values are not expanded.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key, rest] = match as unknown as [string, string, string];
    values.set(key, unquote(rest));
  }
  return values;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (quoted) return quoted[2]!;
  return value.replace(/\s+#.*$/, '').trim();
}

/** The variables of one environment and the files they came from, for messages. */
export interface LoadedEnvironment {
  readonly name: string;
  readonly values: ReadonlyMap<string, string>;
  readonly files: readonly string[];
}

/**
 * Loads `env/.env.<name>` and, when present, `env/.env.<name>.user` (the ignored file that holds
 * the `SECRET_` values); a key set in both takes the `.user` value, as the toolkit does.
 */
export function loadEnvironment(envDir: string, name: string): LoadedEnvironment {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`environment name "${name}" may use letters, digits, - and _ only`);
  const main = path.join(envDir, `.env.${name}`);
  if (!fs.existsSync(main)) throw new Error(`environment file ${main} not found`);
  const files = [main];
  const values = parseEnvFile(fs.readFileSync(main, 'utf8'));
  const user = `${main}.user`;
  if (fs.existsSync(user)) {
    files.push(user);
    for (const [key, value] of parseEnvFile(fs.readFileSync(user, 'utf8'))) values.set(key, value);
  }
  return { name, values, files };
}
