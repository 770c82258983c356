import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfChanged } from '../../bin/build.js';
import { TAB_DIST_DIR } from '../../tab/bundler/build-tab.js';
import { startTabWorld, STAFF, type TabWorld } from './support/tab-world.js';

const CHROMIUM = '/usr/bin/chromium';
const skipReason = fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (install the Debian package: apt-get install -y chromium)`;
if (skipReason) console.warn(`tab browser tests skipped: ${skipReason}`);

describe.skipIf(skipReason !== undefined)('the tab in headless Chromium, local mode', () => {
  let world: TabWorld;
  let browser: Browser;
  beforeAll(async () => {
    buildIfChanged({ targets: ['tab'] });
    world = await startTabWorld({ auth: { mode: 'local' }, distDir: TAB_DIST_DIR });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  async function signInAs(staffId: string, query = ''): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${world.baseUrl}/tab/${query}`);
    await page.locator(`button[data-staff-id="${staffId}"]`).click();
    await page.getByTestId('viewer-name').waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  it('offers the "sign in as" picker and shows the dashboard in Japanese with 令和 dates and ISO on hover', async () => {
    const page = await signInAs(STAFF.author.id);
    await expect(page.getByTestId('viewer-name').textContent()).resolves.toContain(STAFF.author.displayName);
    await page.getByRole('heading', { name: 'わたしのタスク' }).waitFor();
    await page.getByText('受付中の募集').waitFor();
    const deadline = page.locator('time', { hasText: '令和6年5月17日（金）' }).first();
    await expect(deadline.getAttribute('title')).resolves.toBe('2024-05-17');
    // The same words as the bot's calls card: the last day, 「…まで」.
    await expect(deadline.textContent()).resolves.toBe('令和6年5月17日（金）まで');
    await page.getByText('あと7日').waitFor();
    const meeting = page.locator('time', { hasText: '令和6年5月24日（金）10:00' }).first();
    await expect(meeting.getAttribute('title')).resolves.toBe('2024-05-24T10:00:00+09:00');
    await page.close();
  });

  it('creates and submits a proposal, then the secretariat finds it on the review board and moves it to review', async () => {
    const author = await signInAs(STAFF.author.id, '#/proposals');
    await author.getByRole('button', { name: '新しい提案' }).click();
    await author.locator('input[name="title"]').fill('窓口のキャッシュレス化');
    await author.locator('textarea[name="summary"]').fill('全窓口で電子決済を導入する');
    await author.locator('textarea[name="expectedEffect"]').fill('待ち時間の短縮');
    await author.getByRole('button', { name: '提出する' }).click();
    await author.getByText(/提出しました。受付番号: R6-新規-\d{3}/).waitFor();
    await author.getByRole('cell', { name: /窓口のキャッシュレス化/ }).waitFor();
    await expect(author.getByRole('tab', { name: '審査ボード' }).count()).resolves.toBe(0);
    // A card's or an unfurled link's way in, #/proposals/<id>: a submitted proposal is shown, not opened in an empty editor.
    const submittedId = (await author.locator('tr', { hasText: '窓口のキャッシュレス化' }).getAttribute('data-proposal-id'))!;
    await author.close();
    const linked = await signInAs(STAFF.author.id, `#/proposals/${submittedId}`);
    await linked.locator(`tr[data-proposal-id="${submittedId}"][aria-current="true"]`).waitFor();
    await expect(linked.locator('input[name="title"]').count()).resolves.toBe(0);
    await linked.close();

    const secretary = await signInAs(STAFF.secretary.id, '#/review');
    const row = secretary.locator('tr', { hasText: '窓口のキャッシュレス化' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('提出済み');
    await row.getByRole('checkbox').check();
    await secretary.getByRole('button', { name: '選択した提案をヒアリング中にする' }).click();
    await secretary.locator('tr', { hasText: '窓口のキャッシュレス化' }).getByText('ヒアリング中').waitFor();
    await secretary.close();
  });

  it('switches to English with ?locale=en', async () => {
    const page = await signInAs(STAFF.secretary.id, '?locale=en');
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByRole('tab', { name: 'Review board' }).waitFor();
    await page.getByText('Open calls').waitFor();
    await page.locator('time', { hasText: 'Fri 17 May 2024' }).first().waitFor();
    await page.close();
  });

  it('switches language with the local-mode control and keeps working after a reload', async () => {
    const page = await signInAs(STAFF.author.id);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.close();
  });
});
