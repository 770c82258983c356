import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { buildIfChanged, type BuildOutcome, type TargetName } from '../../bin/build.js';
import { pgliteTemplatePath } from '../../store/pglite-template.js';
import { childEnvironment, PROJECT_ROOT, runCli, STACK_TRACE_LINE } from '../cli/run-cli.js';
import { ChildServer } from '../support/child-process.js';

/**
 * The README's first path: `npm install && npm start` builds and runs `node dist/server/main.js`
 * on an empty database, which imports the FY2024 programme and the demo directory; a restart
 * imports nothing twice.
 */

const MAIN = path.join(PROJECT_ROOT, 'dist/server/main.js');
const fy2024 = toDomain(parseProgrammeFile(fs.readFileSync(path.join(PROJECT_ROOT, 'shared/programme/fy2024.yaml'), 'utf8')));
const ENTITY_COUNT = (Object.values(fy2024) as (readonly unknown[])[]).reduce((sum, list) => sum + list.length, 0);
const DEMO_STAFF = fs.readFileSync(path.join(PROJECT_ROOT, 'shared/programme/demo-staff.csv'), 'utf8').trim().split('\n').length - 1;

/** `node dist/server/main.js`, as `npm start` runs it once built. */
const serverProcess = (env: NodeJS.ProcessEnv) => new ChildServer(process.execPath, [MAIN], { cwd: PROJECT_ROOT, env });

/** SIGTERM, as App Service sends it: the server drains (≤ SHUTDOWN_DRAIN_MS, 10 s) and exits. */
const terminate = (server: ChildServer) => server.stop('SIGTERM', 30_000);

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.json() };
}

describe('npm start path: node dist/server/main.js in local mode on a temporary PGlite DATA_DIR', { timeout: 360_000 }, () => {
  let tempRoot: string;
  let dataDir: string;
  let buildOutcome: Partial<Record<TargetName, BuildOutcome>> = {};
  const started: ChildServer[] = [];
  const start = () => {
    const server = serverProcess(childEnvironment(dataDir, { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development' }));
    started.push(server);
    return server;
  };

  beforeAll(() => {
    buildOutcome = buildIfChanged();
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-start-'));
    dataDir = path.join(tempRoot, 'data');
  }, 240_000);
  afterEach(() => {
    for (const server of started) server.kill();
  });
  afterAll(() => {
    if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
  });

  it('starts on an empty DATA_DIR, loads FY2024 and the demo directory, answers health and ready, and stops on SIGTERM', async () => {
    expect(Object.keys(buildOutcome).sort()).toEqual(['database', 'server', 'tab']);
    // The empty DATA_DIR below is filled from the build's initialised cluster (store/pglite-template.ts).
    expect(fs.existsSync(path.join(pgliteTemplatePath(path.join(PROJECT_ROOT, 'dist')), 'PG_VERSION'))).toBe(true);
    const server = start();
    const url = await server.listening();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);

    const health = await getJson(`${url}/api/health`);
    expect(health, server.transcript()).toEqual({ status: 200, body: { status: 'ok', db: 'ok' } });
    const ready = await getJson(`${url}/api/ready`);
    expect(ready.status, server.transcript()).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', checks: { db: 'ok' } });

    // The log says what the first start did, as JSON lines (pino) on stdout.
    expect(server.nonJsonStdout, server.transcript()).toEqual([]);
    expect(server.find('empty database: imported the FY2024 programme'), server.transcript()).toMatchObject({
      created: ENTITY_COUNT,
      updated: 0,
      unchanged: 0,
    });
    expect(server.find('local mode: imported the demo staff directory')).toMatchObject({ staff: DEMO_STAFF });
    expect(server.find(/^local mode: added demo items/)?.added).toEqual(['demo-call-open-now', 'demo-meeting-hq', 'demo-meeting-council', 'demo-recruitment']);
    expect(server.find('server listening')).toMatchObject({ database: 'pglite' });

    const stopped = await terminate(server);
    expect(stopped, server.transcript()).toMatchObject({ code: 0, signal: null });
    expect(server.find('shutting down')).toMatchObject({ signal: 'SIGTERM' });
    expect(server.stderr).not.toMatch(STACK_TRACE_LINE);
    // Nothing from Node either: no deprecation warning (restify 11's spdy printed DEP0111 here).
    expect(server.stderr).toBe('');
  });

  it('restarts on the same DATA_DIR healthy, importing nothing twice', async () => {
    const server = start();
    const url = await server.listening();
    expect(await getJson(`${url}/api/health`), server.transcript()).toEqual({ status: 200, body: { status: 'ok', db: 'ok' } });
    expect((await getJson(`${url}/api/ready`)).status).toBe(200);
    expect(server.find(/^empty database/), server.transcript()).toBeUndefined();
    expect(server.find(/demo staff directory/)).toBeUndefined();
    // The demo items are dated in the future, so the restart leaves them as they are.
    expect(server.find(/^local mode: added demo items/)).toBeUndefined();
    const stopped = await terminate(server);
    expect(stopped, server.transcript()).toMatchObject({ code: 0, signal: null });
    expect(server.stderr).toBe('');

    // The admin CLI reads the same data folder once the server has released it.
    const list = async (what: string) => {
      const run = await runCli(['list', what, '--json'], dataDir);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { id: string; demo?: boolean }[];
    };
    expect((await list('pts')).map((pt) => pt.id)).toEqual(fy2024.projectTeams.map((pt) => pt.id));
    expect(await list('bodies')).toHaveLength(fy2024.bodies.length);
    expect(await list('practices')).toHaveLength(13);
    expect(await list('milestones')).toHaveLength(fy2024.milestones.length);
    const calls = await list('calls');
    expect(calls.map((call) => call.id).sort()).toEqual(['demo-call-open-now', 'fy2024-new-initiative', 'fy2024-pt-theme']);
    expect(calls.filter((call) => call.demo)).toHaveLength(1);
  });

  it('refuses a non-loopback HOST in local mode with a message naming HOST, exit 1, no stack trace', async () => {
    const server = serverProcess(childEnvironment(path.join(tempRoot, 'never-created'), { PORT: '0', HOST: '0.0.0.0' }));
    started.push(server);
    const exit = await server.exited;
    expect(exit.code, server.transcript()).toBe(1);
    expect(server.stderr).toMatch(/HOST: local mode \(no MicrosoftAppId\) binds to loopback only, not "0\.0\.0\.0"/);
    expect(server.stderr).not.toMatch(STACK_TRACE_LINE);
    expect(fs.existsSync(path.join(tempRoot, 'never-created'))).toBe(false);
  });
});

describe('what is safe: one process per PGlite folder, a start killed mid-way, settings checked first', { timeout: 480_000 }, () => {
  let tempRoot: string;
  const started: ChildServer[] = [];
  const start = (dataDir: string, env: NodeJS.ProcessEnv = childEnvironment(dataDir, { PORT: '0', HOST: '127.0.0.1' })) => {
    const server = serverProcess(env);
    started.push(server);
    return server;
  };
  /** Bot credentials (not local mode): what a deployment sets, minus what each test leaves out. */
  const deployed = (dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...childEnvironment(dataDir, { PORT: '0', HOST: '127.0.0.1' }),
    MicrosoftAppId: 'e2e-app-id',
    MicrosoftAppPassword: 'e2e-app-secret-value',
    ...extra,
  });

  beforeAll(() => {
    buildIfChanged();
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-safe-'));
  }, 240_000);
  afterEach(() => {
    for (const server of started.splice(0)) server.kill();
  });
  afterAll(() => {
    if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
  });

  it('finishes on restart a first start killed right after it imported the programme, then refuses a second server and the admin CLI while it runs', async () => {
    const dataDir = path.join(tempRoot, 'killed');
    const first = start(dataDir);
    first.killOn('empty database: imported the FY2024 programme');
    expect((await first.exited).signal, first.transcript()).toBe('SIGKILL');
    expect(first.find('local mode: imported the demo staff directory'), first.transcript()).toBeUndefined();

    // The killed process left its lock behind; the restart sees it is stale and takes the folder.
    const server = start(dataDir);
    const url = await server.listening();
    expect(server.find(/^empty database/), server.transcript()).toBeUndefined();
    expect(server.find('local mode: imported the demo staff directory'), server.transcript()).toMatchObject({ staff: DEMO_STAFF });
    const staff = await getJson(`${url}/api/v1/local-auth/staff`);
    expect((staff.body as unknown[]).length).toBe(DEMO_STAFF);

    const second = start(dataDir);
    expect((await second.exited).code, second.transcript()).toBe(1);
    const [ja, en] = second.stderr.trim().split('\n');
    expect(ja).toContain(`データフォルダ ${dataDir} は別のプロセスが使用中です（pid ${server.pid}、`);
    expect(en).toContain(`The data folder ${dataDir} is in use by another process (pid ${server.pid} on `);
    expect(en).toContain('dist/server/main.js');
    expect(second.stderr).not.toMatch(STACK_TRACE_LINE);
    expect(second.find('server listening')).toBeUndefined();

    const csv = path.join(tempRoot, 'one-more.csv');
    fs.writeFileSync(csv, 'upn,display_name,grade,unit_id,post_id,app_roles,active\nnew.person@example.org,新 職員,staff,,,,true\n');
    const refusedJa = await runCli(['staff', 'import', csv], dataDir);
    expect(refusedJa.code).toBe(1);
    expect(refusedJa.stderr).toMatch(new RegExp(`^データフォルダ .* は別のプロセスが使用中です（pid ${server.pid}、.*タブの「管理」ページ`));
    const refusedEn = await runCli(['staff', 'import', csv, '--lang', 'en'], dataDir);
    expect(refusedEn.stderr).toMatch(/^The data folder .* is in use by another process .*Admin page/);
    expect(refusedEn.stderr).not.toMatch(STACK_TRACE_LINE);
    // The running server is untouched, and after it stops the CLI does the import.
    expect(((await getJson(`${url}/api/v1/local-auth/staff`)).body as unknown[]).length).toBe(DEMO_STAFF);
    expect(await getJson(`${url}/api/health`)).toEqual({ status: 200, body: { status: 'ok', db: 'ok' } });
    expect((await terminate(server)).code, server.transcript()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'app.lock'))).toBe(false);
    const imported = await runCli(['staff', 'import', csv, '--lang', 'en'], dataDir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/1 created/);
  });

  it('checks every setting before it touches the data folder: a missing tenant stops it with one line', async () => {
    const dataDir = path.join(tempRoot, 'never-created');
    const server = start(dataDir, deployed(dataDir, { EMBEDDED_DATABASE: 'single-instance' }));
    expect((await server.exited).code, server.transcript()).toBe(1);
    expect(server.stderr).toBe('ALLOWED_TENANT_IDS: the tab accepts sign-ins only from listed tenants; list at least one (or set MicrosoftAppTenantId)\n');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('refuses the embedded database with bot credentials unless a single instance is declared, and then warns at every start', async () => {
    const dataDir = path.join(tempRoot, 'embedded');
    const refused = start(dataDir, deployed(dataDir, { ALLOWED_TENANT_IDS: '11111111-1111-4111-8111-111111111111' }));
    expect((await refused.exited).code, refused.transcript()).toBe(1);
    expect(refused.stderr).toMatch(/^DATABASE_URL: required with MicrosoftAppId — .*EMBEDDED_DATABASE=single-instance/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(dataDir)).toBe(false);

    for (const round of ['first', 'warm']) {
      const server = start(dataDir, deployed(dataDir, { ALLOWED_TENANT_IDS: '11111111-1111-4111-8111-111111111111', EMBEDDED_DATABASE: 'single-instance' }));
      await server.listening();
      expect(server.find(/^EMBEDDED_DATABASE=single-instance: PGlite outside local mode/), `${round} start\n${server.transcript()}`).toMatchObject({
        level: 40,
        dataDir,
      });
      expect(server.find(/^local mode/), 'no demo data outside local mode').toBeUndefined();
      expect((await terminate(server)).code).toBe(0);
      expect(server.transcript()).not.toContain('e2e-app-secret-value');
    }
  });
});
