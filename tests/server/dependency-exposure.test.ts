import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';

/**
 * The README's dependency audit says why the advisories left in restify 11's dependencies do not
 * reach the app. These keep those reasons true as code is added.
 */

function sourcesOf(...dirs: string[]): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'web'].includes(entry.name)) visit(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        found.push({ file: path.relative(PROJECT_ROOT, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  for (const dir of dirs) visit(path.join(PROJECT_ROOT, dir));
  return found;
}

const serverSources = sourcesOf('server', 'bot', 'tab', 'bin');

describe('restify plugins with open advisories stay unused', () => {
  it.each([
    ['bodyParser', 'formidable (GHSA-8cp3-66vr-3r4c)'],
    ['multipartBodyParser', 'formidable (GHSA-8cp3-66vr-3r4c)'],
    ['serveStatic', 'send (GHSA-m6fv-jmcg-4jfg)'],
    ['serveStaticFiles', 'send (GHSA-m6fv-jmcg-4jfg)'],
  ])('no code installs restify.plugins.%s, which would reach %s', (plugin) => {
    const users = serverSources.filter(({ text }) => new RegExp(`plugins\\.${plugin}\\b|\\b${plugin}\\s*\\(`).test(text)).map(({ file }) => file);
    expect(users).toEqual([]);
  });

  it('no route has two parameters in one path segment (find-my-way ReDoS, GHSA-rrr8-f88r-h8q6)', () => {
    const routes = serverSources.flatMap(({ file, text }) => [...text.matchAll(/['`](\/api\/[^'`\s]*)['`]/g)].map((match) => ({ file, route: match[1] ?? '' })));
    expect(routes.length).toBeGreaterThan(10);
    const multiParameter = routes.filter(({ route }) => route.split('/').some((segment) => (segment.match(/:/g) ?? []).length > 1));
    expect(multiParameter).toEqual([]);
  });
});
