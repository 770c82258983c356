/**
 * Screenshots of every page of the tab, in the light and dark Teams themes and in Japanese and
 * English, written to `docs/screenshots/` (named in the README) so a reviewer can look without
 * running anything. The data is the tests' small programme on 10 May 2024 (JST), plus a few
 * proposals, a progress report and a PT meeting, so the pictures are the same on every run.
 *
 *   npx tsx bench/tab-screenshots.ts [--out docs/screenshots]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../server/config.js';
import { ManualClock } from '../shared/time/clock.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { conveneMeeting } from '../shared/use-cases/meeting-convocation.js';
import { decideProposal, startProposalReviews } from '../shared/use-cases/proposal-review.js';
import { submitProposal } from '../shared/use-cases/proposal-submission.js';
import { addProgressReport } from '../shared/use-cases/pt-progress.js';
import { createStore } from '../store/create-store.js';
import { buildIfChanged } from '../bin/build.js';
import { TAB_DIST_DIR } from '../tab/bundler/build-tab.js';
import { openTabPage, TAB_PAGES, type BrowserWindow } from '../tests/tab/support/tab-pages.js';
import { CALL, HQ_MEETING, NOW, seedProgramme, STAFF } from '../tests/tab/support/tab-seed.js';
import { serveTab } from '../tests/tab/support/tab-server.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(PROJECT_ROOT, 'docs', 'screenshots') } } });
const OUT = path.resolve(values.out);
const CHROMIUM = '/usr/bin/chromium';
const THEMES = { light: 'default', dark: 'dark' } as const;
const LOCALES = ['ja', 'en'] as const;
const STAFF_CSV = [
  'upn,display_name,grade,unit_id,post_id,app_roles,active',
  'author@city.example,財政 主任,係長級,zaisei-ka,,,true',
  'new.person@city.example,新人 職員,staff,zaisei-ka,,,',
].join('\n');

async function richerProgramme(ctx: UseCaseContext): Promise<void> {
  await seedProgramme(ctx);
  const proposals = [
    [STAFF.author, '窓口のキャッシュレス化', '全窓口で電子決済を導入する', '待ち時間の短縮'],
    [STAFF.outsider, '会議資料のペーパーレス化', '庁内会議の資料を電子化する', '印刷費の削減'],
    [STAFF.member1, '生成AIによる議事録作成', '会議の議事録作成を支援する', '作成時間の短縮'],
  ] as const;
  for (const [index, [author, title, summary, expectedEffect]] of proposals.entries()) {
    await submitProposal(ctx, author, { proposalId: `shot-${index + 1}`, callId: CALL.id, title, summary, expectedEffect, relatedItem: '1-4' });
  }
  await startProposalReviews(ctx, STAFF.secretary, ['shot-1', 'shot-2']);
  // The author's notice of a decision, shown on their dashboard (the demo author has no bot chat).
  await decideProposal(ctx, STAFF.secretary, {
    proposalId: 'shot-1',
    decision: 'acceptedNextYear',
    reason: '全窓口で効果が見込めるため、次年度の取組み項目とする',
  });
  await conveneMeeting(ctx, STAFF.ptSecretary, {
    meetingId: 'shot-pt-meeting',
    bodyId: 'body-pt-1-4',
    startsAt: new Date('2024-05-16T14:00:00+09:00'),
    endsAt: new Date('2024-05-16T15:00:00+09:00'),
    place: 'ＤＸ推進担当課 会議室',
    agenda: [{ title: '申請手続きの棚卸し', kind: 'general' }],
  });
  await addProgressReport(ctx, STAFF.ptSecretary, {
    reportId: 'shot-report',
    ptId: 'pt-1-4',
    meetingId: HQ_MEETING.id,
    structure: 'ＤＸ推進担当課を事務局に3課で構成',
    schedule: '7月の本部で中間報告',
    progress: '申請手続き120件の棚卸しを完了',
    issues: '所管課の人員不足',
  });
}

/** Page-specific states worth showing: the admin page with a staff CSV and the programme file previewed. */
async function prepare(page: Page, name: string): Promise<void> {
  if (name !== 'admin') return;
  const [staffInput, programmeInput] = [page.locator('input[type="file"]').nth(0), page.locator('input[type="file"]').nth(1)];
  await staffInput.setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(STAFF_CSV) });
  await page.getByTestId('staff-preview').waitFor();
  await programmeInput.setInputFiles(path.join(PROJECT_ROOT, 'shared/programme/fy2024.yaml'));
  await page.getByTestId('programme-preview').waitFor();
}

async function main(): Promise<void> {
  await fs.access(CHROMIUM);
  buildIfChanged({ targets: ['tab'] });
  const store = await createStore({});
  let counter = 0;
  const ctx: UseCaseContext = { store, clock: new ManualClock(NOW), newId: () => `shot-id-${++counter}` };
  await richerProgramme(ctx);
  const server = await serveTab(ctx, { auth: { mode: 'local' }, distDir: TAB_DIST_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  await fs.mkdir(OUT, { recursive: true });
  const written: string[] = [];
  try {
    for (const [themeName, theme] of Object.entries(THEMES)) {
      for (const locale of LOCALES) {
        const context = await browser.newContext({
          viewport: { width: 1280, height: 800 },
          deviceScaleFactor: 1,
          locale: locale === 'ja' ? 'ja-JP' : 'en-GB',
          timezoneId: 'Asia/Tokyo',
        });
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/tab/?theme=${theme}&locale=${locale}`);
        const shoot = async (name: string) => {
          const file = `${name}.${themeName}.${locale}.png`;
          await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
          await page.screenshot({ path: path.join(OUT, file), fullPage: true, animations: 'disabled', caret: 'hide' });
          written.push(file);
        };
        await page.locator(`button[data-staff-id="${STAFF.admin.id}"]`).waitFor();
        await shoot('sign-in');
        await page.locator(`button[data-staff-id="${STAFF.admin.id}"]`).click();
        await page.getByTestId('viewer-name').waitFor();
        for (const target of TAB_PAGES) {
          await openTabPage(page, target, locale);
          await prepare(page, target.name);
          await shoot(target.name);
        }
        // The chair convenes (要綱 art. 4); an administrator does not, so the form is shot as the 本部長.
        await page.getByRole('button', { name: locale === 'ja' ? 'サインアウト' : 'Sign out' }).click();
        await page.locator(`button[data-staff-id="${STAFF.mayor.id}"]`).click();
        await page.getByTestId('viewer-name').waitFor();
        await page.evaluate(() => ((globalThis as unknown as BrowserWindow).location.hash = '#/meetings'));
        await page.getByRole('button', { name: locale === 'ja' ? '会議を招集する' : 'Convene a meeting' }).click();
        await shoot('meetings-convene-form');
        // The proposer's view: the decision waiting under お知らせ, and its reason under 提案.
        await page.getByRole('button', { name: locale === 'ja' ? 'サインアウト' : 'Sign out' }).click();
        await page.locator(`button[data-staff-id="${STAFF.author.id}"]`).click();
        await page.getByTestId('viewer-name').waitFor();
        await page.evaluate(() => ((globalThis as unknown as BrowserWindow).location.hash = '#/'));
        await page.locator('li[data-notice-id]').first().waitFor();
        await shoot('home-proposer');
        await page.evaluate(() => ((globalThis as unknown as BrowserWindow).location.hash = '#/proposals'));
        await page.getByTestId('decision').first().waitFor();
        await shoot('proposals-proposer');
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
    await store.close();
  }
  const index = [
    '# Screenshots of the tab',
    '',
    'Written by `npx tsx bench/tab-screenshots.ts` (headless Chromium, 1280 px wide, full page) from the tests’ sample programme on 10 May 2024 JST, signed in as an administrator (who sees every page); `home-proposer` and `proposals-proposer` are a proposer’s own view after a decision.',
    '',
    '| page | light, 日本語 | light, English | dark, 日本語 | dark, English |',
    '|---|---|---|---|---|',
  ];
  for (const name of [...new Set(written.map((file) => file.split('.')[0]!))]) {
    index.push(`| ${name} | ${['light.ja', 'light.en', 'dark.ja', 'dark.en'].map((variant) => `[png](${name}.${variant}.png)`).join(' | ')} |`);
  }
  await fs.writeFile(path.join(OUT, 'README.md'), index.join('\n') + '\n');
  const sizes = await Promise.all(written.map(async (file) => (await fs.stat(path.join(OUT, file))).size));
  console.log(
    `wrote ${written.length} screenshots (${(sizes.reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(1)} MB) and README.md to ${path.relative(PROJECT_ROOT, OUT)}/`,
  );
}

await main();
