import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseItemNumbers } from '../../shared/plan/item-number.js';
import { axeViolations } from './support/axe.js';
import { chromiumMissing } from './support/chromium.js';
import { useTabBrowser } from './support/tab-browser.js';
import { STAFF, TEAMS } from './support/tab-world.js';

const skipReason = chromiumMissing;
if (skipReason) console.warn(`tab newcomer browser test skipped: ${skipReason}`);

/** An in-house practice whose unit is not recorded: its kind must read 庁内事例 with no separator after it. */
const UNOWNED_PRACTICE = {
  id: 'gp-2024-90',
  number: 90,
  fiscalYear: 2024,
  title: '窓口予約のオンライン化',
  origin: 'internal' as const,
  summary: '予約システムで窓口の待ち時間を短縮した事例',
  tags: [],
  status: 'planned' as const,
};

const goTo = (page: Page, hash: string) => page.evaluate((target) => ((globalThis as unknown as { location: { hash: string } }).location.hash = target), hash);

/** Issue 18, parts 3–4: the sign-in picker by role, localised errors with 再試行 only where it helps, and one order and one word everywhere. */
describe.skipIf(skipReason !== undefined)('newcomer paths, headless Chromium', () => {
  const tab = useTabBrowser(async (world) => {
    const repos = world.ctx.store.repositories;
    // Listed first in the source order and by id (body-pt-1-22 < body-pt-1-4): only a numeric sort puts it after 1-4.
    await repos.projectTeams.upsert({
      ...TEAMS[0]!,
      id: 'pt-1-22',
      bodyId: 'body-pt-1-22',
      items: parseItemNumbers('1-22'),
      title: '窓口業務の見直し',
      sortOrder: 0,
    });
    await repos.bodies.upsert({
      id: 'body-pt-1-22',
      kind: 'pt',
      name: 'PT 1-22',
      shortName: 'PT 1-22',
      nameEn: 'PT 1-22',
      roster: [],
      secretariatUnitIds: ['dx-ka'],
      secretariatMayConvene: true,
    });
    await repos.practices.upsert(UNOWNED_PRACTICE);
  });

  const openPicker = async (query = '') => {
    const page = await tab.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${tab.world.baseUrl}/tab/${query}`);
    await page.locator('[data-role-group]').first().waitFor();
    return { page, errors };
  };

  it('groups the sign-in picker under headings by role, highest role first, with the other roles as badges', async () => {
    const { page, errors } = await openPicker();
    const groups = await page
      .locator('[data-role-group]')
      .all()
      .then((found) => Promise.all(found.map((each) => each.getAttribute('data-role-group'))));
    expect(groups).toEqual(['hqChair', 'hqViceChair', 'councilChair', 'secretariat', 'staff', 'admin']);
    const headings = await page.locator('[data-role-group] h2').allTextContents();
    expect(headings).toEqual(['本部長', '副本部長', '議長', '事務局', '職員', '管理者']);
    const idsIn = (group: string) =>
      page
        .locator(`[data-role-group="${group}"] button[data-staff-id]`)
        .all()
        .then((found) => Promise.all(found.map((each) => each.getAttribute('data-staff-id'))));
    expect(await idsIn('hqChair')).toEqual([STAFF.mayor.id]);
    expect(await idsIn('hqViceChair')).toEqual([STAFF.deputy1.id, STAFF.deputy2.id]);
    // 政策企画課長: the council's 議長, HQ's 司会 (a member) and in the 庶務 unit — listed once, under 議長.
    expect(await idsIn('councilChair')).toEqual([STAFF.planningChief.id]);
    expect(await page.locator(`button[data-staff-id="${STAFF.planningChief.id}"]`).count()).toBe(1);
    const chiefBadges = await page.locator(`li:has(button[data-staff-id="${STAFF.planningChief.id}"]) [data-role-badge]`).allTextContents();
    expect(chiefBadges).toEqual(['事務局', '構成員（本部・推進会議）']);
    expect(await idsIn('secretariat')).toEqual([STAFF.secretary.id]);
    expect(await idsIn('admin')).toEqual([STAFF.admin.id]);
    const staffNames = await page.locator('[data-role-group="staff"] button[data-staff-id]').allTextContents();
    expect(staffNames).toEqual([...staffNames].sort(new Intl.Collator('ja').compare));
    expect(staffNames.length).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const theme of ['default', 'dark'] as const) {
    it(`has no axe violations on the sign-in picker and the practices page (${theme === 'default' ? 'light' : 'dark'})`, async () => {
      const picker = await openPicker(`?theme=${theme}`);
      expect(await axeViolations(picker.page)).toEqual([]);
      await picker.page.close();
      const { page, errors } = await tab.signInAs(STAFF.author.id, `?theme=${theme}`);
      await goTo(page, '#/practices');
      await page.locator(`[data-practice-id="${UNOWNED_PRACTICE.id}"]`).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // The error states are pages too: a refusal and a network failure.
      await page.route('**/api/v1/practices*', (route) => route.fulfill({ status: 403, body: 'Forbidden' }));
      await page.locator('form[role="search"] input').fill('Teams');
      await page.getByRole('button', { name: '検索' }).click();
      await page.locator('[data-load-error="final"]').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.unroute('**/api/v1/practices*');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('shows each practice with its description, kind and status, and an empty unit leaves no dangling separator', async () => {
    const { page, errors } = await tab.signInAs(STAFF.author.id);
    await goTo(page, '#/practices');
    const card = page.locator(`[data-practice-id="${UNOWNED_PRACTICE.id}"]`);
    await card.waitFor();
    expect(await card.locator('[data-field="description"]').textContent()).toBe(UNOWNED_PRACTICE.summary);
    expect(await card.locator('[data-field="kind"]').textContent()).toBe('庁内事例');
    expect(await card.locator('[data-practice-status]').textContent()).toBe('実施・運用開始予定');
    const owned = page.locator('[data-practice-id="gp-2024-2"]');
    expect(await owned.locator('[data-field="kind"]').textContent()).toBe('庁内事例 · ＤＸ推進担当課');
    expect(await owned.locator('[data-field="description"]').textContent()).toBe('チャネルで情報共有');
    // The glossary's word, the same as the bot's card.
    await owned.getByRole('button', { name: '自所属でも展開したい' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists PTs by item number, 1-4 before 1-22, in the PT list and the convene form’s body filter', async () => {
    const { page, errors } = await tab.signInAs(STAFF.ptSecretary.id);
    await goTo(page, '#/pts');
    await page.locator('tbody tr').first().waitFor();
    const items = await page.locator('tbody tr td:first-child').allTextContents();
    expect(items).toEqual(['1-4', '1-22', '1‐24']);
    await goTo(page, '#/meetings');
    await page.getByRole('button', { name: '会議を招集する' }).click();
    const select = page.locator('select[name="bodyId"]');
    await select.waitFor();
    const options = await select
      .locator('option')
      .all()
      .then((found) => Promise.all(found.map((each) => each.getAttribute('value'))));
    const pts = options.filter((value) => value?.startsWith('body-pt-'));
    expect(pts).toEqual(['body-pt-1-4', 'body-pt-1-22', 'body-pt-1-24']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in Japanese that the server cannot be reached and offers 再試行, which loads the page once the API is back', async () => {
    const { page, errors } = await tab.signInAs(STAFF.author.id);
    await page.route('**/api/v1/**', (route) => route.abort('failed'));
    await goTo(page, '#/practices');
    const failure = page.locator('[data-load-error="retryable"]');
    await failure.waitFor();
    const text = (await failure.textContent()) ?? '';
    expect(text).toContain('サーバーに接続できませんでした');
    expect(text).not.toMatch(/Failed to fetch|TypeError|NetworkError/);
    await page.unroute('**/api/v1/**');
    await failure.getByRole('button', { name: '再試行' }).click();
    await page.locator(`[data-practice-id="${UNOWNED_PRACTICE.id}"]`).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('maps 5xx and 429 to localised messages with 再試行, never the gateway’s own text', async () => {
    const { page } = await tab.signInAs(STAFF.author.id);
    for (const [status, expected] of [
      [503, 'サーバーで問題が発生しました'],
      [429, 'アクセスが集中しています'],
    ] as const) {
      await page.route('**/api/v1/practices*', (route) => route.fulfill({ status, contentType: 'text/html', body: '<h1>upstream connect error</h1>' }));
      await goTo(page, '#/pts');
      await goTo(page, '#/practices');
      const failure = page.locator('[data-load-error="retryable"]');
      await failure.waitFor();
      const text = (await failure.textContent()) ?? '';
      expect(text).toContain(expected);
      expect(text).not.toContain('upstream');
      await failure.getByRole('button', { name: '再試行' }).waitFor();
      await page.unroute('**/api/v1/practices*');
    }
    await page.close();
  });

  it('shows a 403 as its localised message that says whom to ask, without 再試行, and the server’s own 403 likewise', async () => {
    const { page } = await tab.signInAs(STAFF.author.id);
    await page.route('**/api/v1/practices*', (route) => route.fulfill({ status: 403, contentType: 'text/plain', body: 'Forbidden' }));
    await goTo(page, '#/practices');
    const failure = page.locator('[data-load-error="final"]');
    await failure.waitFor();
    const text = (await failure.textContent()) ?? '';
    expect(text).toContain('この操作を行う権限がありません');
    expect(text).toContain('政策企画課（事務局）に依頼してください');
    expect(text).not.toContain('Forbidden');
    expect(await failure.getByRole('button', { name: '再試行' }).count()).toBe(0);
    await page.unroute('**/api/v1/practices*');

    // The real API: the review board refuses ordinary staff with 403.
    await goTo(page, '#/review');
    const refused = page.locator('[data-load-error]').first();
    await refused.waitFor();
    expect(await refused.getAttribute('data-load-error')).toBe('final');
    expect(await refused.textContent()).toContain('政策企画課（事務局）');
    expect(await page.getByRole('button', { name: '再試行' }).count()).toBe(0);
    await page.close();
  });

  it('shows a 404 and a 409 without 再試行', async () => {
    const { page } = await tab.signInAs(STAFF.author.id);
    for (const [status, expected] of [
      [404, '見つかりませんでした'],
      [409, '別の操作で内容が変わった'],
    ] as const) {
      await page.route('**/api/v1/practices*', (route) => route.fulfill({ status, body: '' }));
      await goTo(page, '#/pts');
      await goTo(page, '#/practices');
      const failure = page.locator('[data-load-error="final"]');
      await failure.waitFor();
      expect(await failure.textContent()).toContain(expected);
      expect(await page.getByRole('button', { name: '再試行' }).count()).toBe(0);
      await page.unroute('**/api/v1/practices*');
    }
    await page.close();
  });
});
