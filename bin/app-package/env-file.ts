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
 * Loads an environment the way the Agents Toolkit does for `atk package` (fx-core's envUtil.readEnv):
 * a variable set in the process wins, then `env/.env.<name>`, then `env/.env.<name>.user` (the
 * ignored file that holds the `SECRET_` values). An empty value gives way to the next level, and a
 * placeholder may name a process variable that no file holds. `TEAMSFX_ENV` is the environment's
 * name. A `crypto_` value is one the toolkit encrypted with its project key, which only the toolkit
 * reads: it is left out, so a placeholder that needs it is reported as missing.
 */
export function loadEnvironment(envDir: string, name: string, processEnv: Readonly<Record<string, string | undefined>> = {}): LoadedEnvironment {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`environment name "${name}" may use letters, digits, - and _ only`);
  const main = path.join(envDir, `.env.${name}`);
  if (!fs.existsSync(main)) throw new Error(`environment file ${main} not found`);
  const user = `${main}.user`;
  const files = fs.existsSync(user) ? [main, user] : [main];
  const values = parseEnvFile(fs.readFileSync(main, 'utf8'));
  if (files.length > 1) {
    for (const [key, value] of parseEnvFile(fs.readFileSync(user, 'utf8'))) {
      if (!values.get(key)) values.set(key, value);
    }
  }
  values.set('TEAMSFX_ENV', name);
  for (const [key, value] of values) {
    if (value.startsWith('crypto_')) values.delete(key);
  }
  for (const [key, fromProcess] of Object.entries(processEnv)) {
    if (fromProcess) values.set(key, fromProcess);
  }
  return { name, values, files };
}
