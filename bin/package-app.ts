/**
 * Builds and validates the Teams app package for one environment, offline:
 *
 *   tsx bin/package-app.ts --env dev [--env-dir env] [--app-package appPackage] [--out file.zip]
 *
 * Reads env/.env.<env> (+ .env.<env>.user), substitutes `${{VAR}}` in the manifest and its
 * localisation files, writes appPackage/build/appPackage.<env>.zip and validates it. Exits 1 with
 * a message per problem.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEnvironment } from './app-package/env-file.js';
import { buildAppPackage, PackageError } from './app-package/package-builder.js';
import { validateAppPackage } from './app-package/validate-package.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      env: { type: 'string' },
      'env-dir': { type: 'string', default: path.join(projectRoot, 'env') },
      'app-package': { type: 'string', default: path.join(projectRoot, 'appPackage') },
      out: { type: 'string' },
    },
  });
  if (!values.env) {
    process.stderr.write('usage: package-app --env <name> [--env-dir dir] [--app-package dir] [--out file.zip]\n');
    return 2;
  }
  const appPackageDir = path.resolve(values['app-package']);
  const outFile = path.resolve(values.out ?? path.join(appPackageDir, 'build', `appPackage.${values.env}.zip`));
  const environment = loadEnvironment(path.resolve(values['env-dir']), values.env, process.env);
  const { zipPath } = buildAppPackage({ appPackageDir, environment, outFile });
  process.stdout.write(`wrote ${path.relative(process.cwd(), zipPath) || zipPath}\n`);

  const results = await validateAppPackage(zipPath);
  let failed = 0;
  for (const { check, problems } of results) {
    process.stdout.write(`${problems.length === 0 ? '✓' : '✗'} ${check}\n`);
    for (const problem of problems) process.stdout.write(`    ${problem}\n`);
    failed += problems.length;
  }
  if (failed > 0) {
    process.stderr.write(`app package for "${values.env}" is invalid: ${failed} problem(s)\n`);
    return 1;
  }
  process.stdout.write(`app package for "${values.env}" is valid\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof PackageError || (error instanceof Error && /not found|environment name/.test(error.message));
    process.stderr.write(`package-app: ${known && error instanceof Error ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
