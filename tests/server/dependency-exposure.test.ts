import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';

/**
 * The README's dependency audit says why the advisory left in restify 12's dependencies (formidable)
 * does not reach the app. These keep that reason true as code is added. (restify 11's find-my-way
 * and send advisories went with the upgrade: restify 12 uses fixed releases of both.)
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
  ])('no code installs restify.plugins.%s, which would reach %s', (plugin) => {
    const users = serverSources.filter(({ text }) => new RegExp(`plugins\\.${plugin}\\b|\\b${plugin}\\s*\\(`).test(text)).map(({ file }) => file);
    expect(users).toEqual([]);
  });
});
