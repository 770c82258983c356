import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tabDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TAB_DIST_DIR = path.join(tabDir, 'dist');

/** Builds the tab with Vite's JS API (what `npm run build:tab` does), for tests that need `tab/dist`. */
export async function buildTab(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(tabDir, 'bundler', 'vite.config.ts') });
}

/** Builds only when `tab/dist/index.html` is missing or older than the web sources. */
export async function ensureTabBuilt(): Promise<void> {
  const index = path.join(TAB_DIST_DIR, 'index.html');
  if (fs.existsSync(index) && newestSource(path.join(tabDir, 'web')) <= fs.statSync(index).mtimeMs) return;
  await buildTab();
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
