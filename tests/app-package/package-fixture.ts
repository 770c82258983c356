import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const APP_PACKAGE_DIR = path.join(PROJECT_ROOT, 'appPackage');

/** Values a provisioned dev environment would hold (made-up ids). */
export const FILLED_DEV_ENV = `
TEAMSFX_ENV=dev
APP_NAME_SUFFIX=-dev
TEAMS_APP_ID=3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8
BOT_ID=11111111-2222-4333-8444-555555555555
AAD_APP_CLIENT_ID=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee
BOT_DOMAIN=gyoseidev01-app.azurewebsites.net
DEVELOPER_WEBSITE_URL=https://www.city.example.jp/gyosei-keiei/
PRIVACY_URL=https://www.city.example.jp/gyosei-keiei/privacy.html
TERMS_OF_USE_URL=https://www.city.example.jp/gyosei-keiei/terms.html
`;

/** A temporary folder with env/.env.dev filled and a copy of appPackage/ that a test may break. */
export function makeWorkspace(envText = FILLED_DEV_ENV): { root: string; envDir: string; appPackageDir: string; outFile: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  const envDir = path.join(root, 'env');
  const appPackageDir = path.join(root, 'appPackage');
  fs.mkdirSync(envDir);
  fs.writeFileSync(path.join(envDir, '.env.dev'), envText);
  fs.cpSync(APP_PACKAGE_DIR, appPackageDir, { recursive: true, filter: (source) => !source.includes(`${path.sep}build`) });
  return { root, envDir, appPackageDir, outFile: path.join(root, 'out', 'appPackage.dev.zip') };
}

/** Rewrites a JSON file of the workspace's appPackage copy. */
export function editJson(file: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}
