import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTabWorld, type TabWorld } from './support/tab-world.js';

describe('the built tab under /tab/', () => {
  let world: TabWorld;
  let distDir: string;
  beforeAll(async () => {
    distDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tab-dist-'));
    await fs.mkdir(path.join(distDir, 'assets'));
    await fs.writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>tab</title>');
    await fs.writeFile(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    world = await startTabWorld({ auth: { mode: 'local' }, distDir });
  });
  afterAll(async () => {
    await world?.close();
    await fs.rm(distDir, { recursive: true, force: true });
  });

  it('serves index.html with a CSP that lets only Teams (and itself) frame it, revalidated on every load', async () => {
    const response = await fetch(`${world.baseUrl}/tab/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' teams.microsoft.com *.teams.microsoft.com *.office.com *.cloud.microsoft",
    );
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('caches hashed assets for a year with the right content type', async () => {
    const response = await fetch(`${world.baseUrl}/tab/assets/index-abc123.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers app paths with index.html, a missing asset with 404, and never reads outside the build', async () => {
    expect(await (await fetch(`${world.baseUrl}/tab/meetings`)).text()).toContain('<title>tab</title>');
    expect((await fetch(`${world.baseUrl}/tab/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${world.baseUrl}/tab/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${world.baseUrl}/tab/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    // A malformed %-escape is refused by restify's router before the tab handler decodes it (it was a 500 on restify 11).
    for (const malformed of ['/tab/%E3%81', '/tab/%zz', '/tab/assets/%']) {
      expect((await fetch(`${world.baseUrl}${malformed}`)).status, malformed).toBe(404);
    }
    const redirect = await fetch(`${world.baseUrl}/tab`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/tab/');
  });
});
