import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, which the tab's browser tests drive through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or `undefined` when they can. */
export const chromiumMissing = fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (install the Debian package: apt-get install -y chromium)`;

/** Headless, as root on this machine kind, with no background traffic to a network that is closed. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Opens the tab, picks a person in local mode's "sign in as" list, and waits for the signed-in shell. */
export async function signInAs(context: BrowserContext, baseUrl: string, staffId: string, query = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/tab/${query}`);
  await page.locator(`button[data-staff-id="${staffId}"]`).click();
  await page.getByTestId('viewer-name').waitFor();
  return { page, errors };
}
