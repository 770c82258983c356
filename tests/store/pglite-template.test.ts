import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../store/create-store.js';
import { LOCK_FILE_NAME } from '../../store/data-folder-lock.js';
import { openPglite, pgliteTemplatePath, writePgliteTemplate } from '../../store/pglite-template.js';

/**
 * A first start on an empty DATA_DIR copies the cluster the build initialised, instead of running
 * initdb (issue 13: first start ≤ 3 s). What a person would notice if it went wrong: a database
 * that lost what it held, or one that will not open.
 */
describe('the embedded database starts from the build’s initialised cluster', () => {
  let root: string;
  let templateDir: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-template-'));
    templateDir = path.join(root, 'dist');
    await writePgliteTemplate(templateDir);
  }, 120_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('names the template for the installed PGlite, so another version’s is never opened', () => {
    expect(path.basename(pgliteTemplatePath(templateDir))).toMatch(/^pglite-\d+\.\d+\.\d+-cluster$/);
    expect(fs.existsSync(path.join(pgliteTemplatePath(templateDir), 'PG_VERSION'))).toBe(true);
    expect(fs.readdirSync(templateDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('fills an empty folder from the template, migrates it, and keeps what is written across a restart', async () => {
    const dataDir = path.join(root, 'fresh');
    const first = await openPglite(dataDir, templateDir);
    expect(first.opening).toBe('from template');
    await first.pglite.close();

    const store = await createStore({ dataDir, pgliteTemplateDir: templateDir });
    expect(await store.ping()).toBe(true);
    await store.transaction(async (repositories) => {
      await repositories.audit.record({ entityType: 'test', entityId: 'x', action: 'template.test', at: new Date('2024-05-01T00:00:00Z') });
    });
    await store.close();

    const again = await openPglite(dataDir, templateDir);
    expect(again.opening).toBe('existing cluster');
    const rows = await again.pglite.query<{ action: string }>(`select action from audit_log where action = 'template.test'`);
    expect(rows.rows).toEqual([{ action: 'template.test' }]);
    await again.pglite.close();
  }, 120_000);

  it('copies again over a copy cut short, which lacks the marker written last', async () => {
    const dataDir = path.join(root, 'cut-short');
    fs.mkdirSync(path.join(dataDir, 'base'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'base', 'half-a-file'), 'x');
    fs.writeFileSync(path.join(dataDir, LOCK_FILE_NAME), 'held');
    const opened = await openPglite(dataDir, templateDir);
    expect(opened.opening).toBe('from template');
    expect((await opened.pglite.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await opened.pglite.close();
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8')).toBe('held');
  }, 120_000);

  it('never overwrites a folder that already holds a cluster', async () => {
    const dataDir = path.join(root, 'kept');
    const store = await createStore({ dataDir });
    await store.transaction(async (repositories) => {
      await repositories.audit.record({ entityType: 'test', entityId: 'x', action: 'kept.row', at: new Date('2024-05-01T00:00:00Z') });
    });
    await store.close();
    const reopened = await createStore({ dataDir, pgliteTemplateDir: templateDir });
    await reopened.close();
    const check = await openPglite(dataDir, templateDir);
    expect(check.opening).toBe('existing cluster');
    expect((await check.pglite.query(`select 1 from audit_log where action = 'kept.row'`)).rows).toHaveLength(1);
    await check.pglite.close();
  }, 120_000);

  it('initialises as before when there is no template, or when the template is unreadable', async () => {
    const none = await openPglite(path.join(root, 'no-template'), path.join(root, 'nowhere'));
    expect(none.opening).toBe('initdb');
    await none.pglite.close();

    const brokenDir = path.join(root, 'broken-dist');
    fs.mkdirSync(brokenDir);
    // A template folder with the marker but no cluster behind it (a copy cut short by hand, say).
    fs.mkdirSync(pgliteTemplatePath(brokenDir), { recursive: true });
    fs.writeFileSync(path.join(pgliteTemplatePath(brokenDir), 'PG_VERSION'), 'not a cluster');
    const dataDir = path.join(root, 'broken');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, LOCK_FILE_NAME), 'held');
    const broken = await openPglite(dataDir, brokenDir);
    expect(broken.opening).toBe('initdb');
    expect((await broken.pglite.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await broken.pglite.close();
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8')).toBe('held');
  }, 120_000);
});
