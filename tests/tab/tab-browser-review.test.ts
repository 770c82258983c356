import fs from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfChanged } from '../../bin/build.js';
import { TAB_DIST_DIR } from '../../tab/bundler/build-tab.js';
import { axeViolations } from './support/axe.js';
import { REVIEW_PROPOSALS, seedReviewProposals } from './support/review-seed.js';
import type { BrowserWindow } from './support/tab-pages.js';
import { startTabWorld, STAFF, type TabWorld } from './support/tab-world.js';

const CHROMIUM = '/usr/bin/chromium';
const skipReason = fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (install the Debian package: apt-get install -y chromium)`;
if (skipReason) console.warn(`review board browser tests skipped: ${skipReason}`);

/** What the page script reads to tell whether the page scrolls sideways. */
type ScrollingWindow = BrowserWindow & { document: { documentElement: { scrollWidth: number; clientWidth: number } } };
const HEADERS = { ja: ['選択', '受付番号', '件名', '提案元・提案者', '状態', '操作'], en: ['Select', 'Receipt', 'Title', 'From', 'State', 'Actions'] };

describe.skipIf(skipReason !== undefined)('the review board in headless Chromium shows what was proposed', () => {
  let world: TabWorld;
  let browser: Browser;
  beforeAll(async () => {
    buildIfChanged({ targets: ['tab'] });
    world = await startTabWorld({ auth: { mode: 'local' }, distDir: TAB_DIST_DIR });
    await seedReviewProposals(world.ctx);
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

  async function openBoard(viewport: { width: number; height: number }, query = ''): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ viewport })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${world.baseUrl}/tab/${query}#/review`);
    await page.locator(`button[data-staff-id="${STAFF.secretary.id}"]`).click();
    await page.locator(`tr[data-proposal-id="${REVIEW_PROPOSALS.sameItem.proposalId}"]`).waitFor();
    return { page, errors };
  }
  const row = (page: Page, id: string) => page.locator(`tr[data-proposal-id="${id}"]`);
  const scrollsSideways = (page: Page) =>
    page.evaluate(() => {
      const root = (globalThis as unknown as ScrollingWindow).document.documentElement;
      return root.scrollWidth > root.clientWidth;
    });
  /** Buttons whose box leaves their table cell or the viewport, or whose label is cut. */
  async function cutButtons(page: Page, buttons: Locator): Promise<string[]> {
    const width = page.viewportSize()!.width;
    const cut: string[] = [];
    for (const button of await buttons.all()) {
      const box = (await button.boundingBox())!;
      const cell = (await button.locator('xpath=ancestor::td[1]').boundingBox())!;
      const clipped = await button.evaluate((element) => {
        const node = element as unknown as { scrollWidth: number; clientWidth: number };
        return node.scrollWidth > node.clientWidth;
      });
      if (box.x < cell.x || box.x + box.width > cell.x + cell.width + 0.5 || box.x + box.width > width || clipped)
        cut.push(`${await button.textContent()} at ${Math.round(box.x)}+${Math.round(box.width)} in a cell ${Math.round(cell.x)}+${Math.round(cell.width)}`);
    }
    return cut;
  }

  it('at 1280×800 shows each proposal’s related item, perspective, origin and author, and its whole summary and expected effect on request', async () => {
    const { page, errors } = await openBoard({ width: 1280, height: 800 });
    const department = row(page, REVIEW_PROPOSALS.department.proposalId);
    await department.getByText('関連個票: 1-4 行政手続きのデジタル化').waitFor();
    await department.getByText('保健福祉政策部', { exact: true }).waitFor();
    await department.getByText(`${STAFF.member1.displayName}（保健福祉政策部）`).waitFor();
    const theme = row(page, REVIEW_PROPOSALS.theme.proposalId);
    await theme.getByText('関連個票: 1‐24 三層構造の見直し').waitFor();
    await theme.getByText('視点: (a) 複数の所管課にまたがる横断的な取組み').waitFor();
    await theme.getByText('職員個人', { exact: true }).waitFor();
    await theme.getByText(`${STAFF.author.displayName}（財政課）`).waitFor();

    const toggle = department.getByRole('button', { name: '内容を表示' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(department.getByRole('button', { name: '内容を閉じる' }).getAttribute('aria-expanded')).resolves.toBe('true');
    const detail = page.locator(`tr[data-detail-of="${REVIEW_PROPOSALS.department.proposalId}"]`);
    await detail.getByText('期待される効果').waitFor();
    const [summary, effect, sameItem] = await detail.locator('dd').allInnerTexts();
    expect(summary).toBe(REVIEW_PROPOSALS.department.summary);
    expect(effect).toBe(REVIEW_PROPOSALS.department.expectedEffect);
    expect(sameItem).toMatch(new RegExp(`R6-新規-\\d{3} ${REVIEW_PROPOSALS.sameItem.title}`));
    // A closed detail is out of sight, not just scrolled away.
    await expect(page.locator(`tr[data-detail-of="${REVIEW_PROPOSALS.theme.proposalId}"]`).isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('at 1280×800 fits without scrolling sideways, with a header on every column and every button whole inside its cell', async () => {
    const { page } = await openBoard({ width: 1280, height: 800 });
    await expect(page.getByRole('columnheader').allInnerTexts()).resolves.toEqual(HEADERS.ja);
    expect(await scrollsSideways(page)).toBe(false);
    const addNote = page.getByRole('table').getByRole('button', { name: 'メモを追加' });
    await expect(addNote.count()).resolves.toBe(3);
    expect(await cutButtons(page, addNote)).toEqual([]);
    await page.getByRole('button', { name: 'すべての内容を表示' }).click();
    await page.locator(`tr[data-detail-of="${REVIEW_PROPOSALS.theme.proposalId}"]`).getByText('期待される効果').waitFor();
    // Still no sideways scroll with every summary open, an unbroken URL included.
    expect(await scrollsSideways(page)).toBe(false);
    expect(await cutButtons(page, page.getByRole('table').getByRole('button'))).toEqual([]);
    await page.context().close();
  });

  it('shows typed Markdown and HTML as plain text', async () => {
    const { page } = await openBoard({ width: 1280, height: 800 });
    await row(page, REVIEW_PROPOSALS.theme.proposalId).getByText(REVIEW_PROPOSALS.theme.title).waitFor();
    await expect(page.locator('table b, table a').count()).resolves.toBe(0);
    await page.context().close();
  });

  for (const locale of ['ja', 'en'] as const) {
    it(`does not overflow at 1024 px wide (${locale}), closed or open`, async () => {
      const { page } = await openBoard({ width: 1024, height: 768 }, `?locale=${locale}`);
      await expect(page.getByRole('columnheader').allInnerTexts()).resolves.toEqual(HEADERS[locale]);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await cutButtons(page, page.getByRole('table').getByRole('button'))).toEqual([]);
      await page.getByRole('button', { name: locale === 'ja' ? 'すべての内容を表示' : 'Show all content' }).click();
      await page
        .locator(`tr[data-detail-of="${REVIEW_PROPOSALS.theme.proposalId}"]`)
        .getByText(locale === 'ja' ? '期待される効果' : 'Expected effect')
        .waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      expect(await cutButtons(page, page.getByRole('table').getByRole('button'))).toEqual([]);
      await page.context().close();
    });
  }

  for (const theme of ['default', 'dark'] as const) {
    it(`has no WCAG 2.1 A/AA violations (axe-core) with the content closed and open, ${theme === 'default' ? 'light' : 'dark'} theme`, async () => {
      const { page, errors } = await openBoard({ width: 1280, height: 800 }, `?theme=${theme}`);
      const closed = await axeViolations(page);
      await page.getByRole('button', { name: 'すべての内容を表示' }).click();
      await page.locator(`tr[data-detail-of="${REVIEW_PROPOSALS.theme.proposalId}"]`).getByText('期待される効果').waitFor();
      const open = await axeViolations(page);
      expect({ closed, open }).toEqual({ closed: [], open: [] });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
