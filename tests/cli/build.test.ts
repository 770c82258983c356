import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIfChanged } from '../../bin/build.js';
import { pgliteTemplatePath } from '../../store/pglite-template.js';
import { PROJECT_ROOT } from './run-cli.js';

/**
 * `npm start` runs `bin/build.ts` before the server: a second start must not rebuild what has not
 * changed (issue 13), and a change must never be missed. The project here is a throw-away copy
 * whose `tsc` and `vite` are scripts that record each run and write what the real ones write.
 */
describe('npm start builds what changed, and only that', () => {
  let root: string;
  const runs = () => (fs.existsSync(path.join(root, 'runs.log')) ? fs.readFileSync(path.join(root, 'runs.log'), 'utf8').trim().split('\n') : []);
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  };
  const fakeTool = (name: string, output: string, extra = '') =>
    write(
      `node_modules/.bin/${name}`,
      `#!/bin/sh\n${extra}\necho ${name} >> "${root}/runs.log"\nrm -rf "$(dirname "${root}/${output}")"\nmkdir -p "$(dirname "${root}/${output}")"\necho built > "${root}/${output}"\n`,
    );

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-if-changed-'));
    fakeTool('tsc', 'dist/server/main.js');
    fakeTool('vite', 'tab/dist/index.html');
    write(
      'node_modules/.bin/tsx',
      `#!/bin/sh\necho tsx >> "${root}/runs.log"\nmkdir -p "${pgliteTemplatePath(path.join(root, 'dist'))}"\necho 17 > "${pgliteTemplatePath(path.join(root, 'dist'))}/PG_VERSION"\n`,
    );
    for (const tool of ['tsc', 'vite', 'tsx']) fs.chmodSync(path.join(root, 'node_modules/.bin', tool), 0o755);
    write('node_modules/@electric-sql/pglite/package.json', '{"version":"0.5.16"}');
    write('package-lock.json', '{}');
    write('shared/time/jst.ts', 'export const zone = "Asia/Tokyo";\n');
    write('server/main.ts', 'console.log(1);\n');
    write('tab/web/App.tsx', 'export const App = () => null;\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds everything on the first start and nothing on the second', () => {
    expect(buildIfChanged({ root })).toEqual({ server: 'built', tab: 'built', database: 'built' });
    expect(buildIfChanged({ root })).toEqual({ server: 'up to date', tab: 'up to date', database: 'up to date' });
    expect(runs()).toEqual(['tsc', 'vite', 'tsx']);
  });

  it('makes a new database template when PGlite is upgraded, and only then', () => {
    buildIfChanged({ root });
    write('shared/time/jst.ts', 'export const zone = "UTC";\n');
    expect(buildIfChanged({ root }).database).toBe('up to date');
    write('node_modules/@electric-sql/pglite/package.json', '{"version":"0.6.0"}');
    expect(buildIfChanged({ root }).database).toBe('built');
  });

  it('rebuilds the tab alone for a tab change, and both for a change in the shared library the tab imports', () => {
    buildIfChanged({ root });
    write('tab/web/App.tsx', 'export const App = () => "変更";\n');
    expect(buildIfChanged({ root, targets: ['server', 'tab'] })).toEqual({ server: 'up to date', tab: 'built' });
    write('shared/time/jst.ts', 'export const zone = "UTC";\n');
    expect(buildIfChanged({ root, targets: ['server', 'tab'] })).toEqual({ server: 'built', tab: 'built' });
    expect(runs()).toEqual(['tsc', 'vite', 'tsx', 'vite', 'tsc', 'vite']);
  });

  it('goes by content, not by modification time (a checkout touches every file)', () => {
    buildIfChanged({ root });
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'server/main.ts'), later, later);
    expect(buildIfChanged({ root })).toEqual({ server: 'up to date', tab: 'up to date', database: 'up to date' });
  });

  it('rebuilds when the output is gone, and always with --force', () => {
    buildIfChanged({ root });
    fs.rmSync(path.join(root, 'dist'), { recursive: true });
    expect(buildIfChanged({ root }).server).toBe('built');
    expect(buildIfChanged({ root, force: true })).toEqual({ server: 'built', tab: 'built', database: 'built' });
  });

  it('reports a failed build with its output and builds again next time', () => {
    write('node_modules/.bin/tsc', '#!/bin/sh\necho "server/main.ts(1,1): error TS2304" >&2\nexit 2\n');
    expect(() => buildIfChanged({ root })).toThrow(/building the server failed \(exit 2\)[\s\S]*TS2304/);
    fakeTool('tsc', 'dist/server/main.js');
    expect(buildIfChanged({ root }).server).toBe('built');
  });

  it('builds once when two starts ask at the same moment: the second waits for the first', async () => {
    fakeTool('tsc', 'dist/server/main.js', 'sleep 1');
    const script = `import { buildIfChanged } from ${JSON.stringify(path.join(PROJECT_ROOT, 'bin/build.ts'))}; console.log(JSON.stringify(buildIfChanged({ root: ${JSON.stringify(root)} })));`;
    const once = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['--eval', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}`))));
      });
    const outcomes = (await Promise.all([once(), once()])).map((line) => JSON.parse(line) as Record<string, string>);
    expect(outcomes.map((outcome) => outcome.server).sort()).toEqual(['built', 'up to date']);
    expect(runs().filter((tool) => tool === 'tsc')).toHaveLength(1);
    expect(fs.existsSync(path.join(root, 'node_modules/.cache/build-locks/server.lock'))).toBe(false);
  });
});
