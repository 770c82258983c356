import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumMissing } from './support/chromium.js';
import {
  CHAIRED_MEETING_ID,
  DECIDED_PROPOSAL,
  DEPUTISED_MEETING_ID,
  PLANNED_MEETING_ID,
  PREPARED_MEETING_ID,
  seedDashboard,
} from './support/dashboard-seed.js';
import { useTabBrowser } from './support/tab-browser.js';
import { STAFF } from './support/tab-world.js';

const skipReason = chromiumMissing;
if (skipReason) console.warn(`tab dashboard-by-role browser test skipped: ${skipReason}`);

/** ホーム by role: what each person sees first, and what they do not; axe-clean in light and dark. */
describe.skipIf(skipReason !== undefined)('the dashboard by role, in headless Chromium', () => {
  const tab = useTabBrowser((world) => seedDashboard(world.ctx));

  async function openHome(staffId: string, theme: 'default' | 'dark' = 'default'): Promise<{ page: Page; errors: string[] }> {
    const opened = await tab.signInAs(staffId, theme === 'dark' ? '?theme=dark' : '');
    await opened.page.getByRole('heading', { name: 'わたしのタスク' }).waitFor();
    return opened;
  }

  async function expectNoAxeViolations(staffId: string): Promise<void> {
    const found: Record<string, unknown> = {};
    for (const theme of ['default', 'dark'] as const) {
      const { page } = await openHome(staffId, theme);
      // The overview is read after the dashboard: check the page with its charts drawn.
      await page.getByTestId('proposals-by-department-fy2024-new-initiative').waitFor();
      await page
        .locator('#programme-overview details')
        .first()
        .evaluate((details) => ((details as unknown as { open: boolean }).open = true));
      const violations = await axeViolations(page);
      if (violations.length) found[theme] = violations;
      await page.close();
    }
    expect(found).toEqual({});
  }

  it('shows staff their proposals with the decision, the open recruitment counted down and a PT summary, and no review queue', async () => {
    const { page, errors } = await openHome(STAFF.author.id);
    const mine = page.getByTestId('my-proposals');
    await mine.getByRole('link', { name: DECIDED_PROPOSAL.title }).waitFor();
    const decided = mine.locator('li[data-proposal-state="acceptedNextYear"]');
    expect(await decided.innerText()).toContain('採用（次年度項目）');
    expect(await decided.innerText()).toContain(DECIDED_PROPOSAL.reason);
    expect(await mine.locator('li[data-proposal-state="submitted"]').count()).toBe(1);

    const recruitments = page.locator('#open-recruitments');
    await recruitments.getByRole('link', { name: '窓口手続きのオンライン化' }).waitFor();
    expect(await recruitments.innerText()).toContain('あと21日');
    await page.getByText('あと7日').first().waitFor();

    expect(await page.getByTestId('pt-reporting').innerText()).toBe('令和6年度の進捗報告: 報告済み 0 PT・未報告 2 PT');
    expect(await page.getByText('進捗報告なし').count()).toBe(0);
    await page.getByRole('link', { name: 'PTの一覧を見る' }).waitFor();

    expect(await page.getByTestId('secretariat-desk').count()).toBe(0);
    expect(await page.getByTestId('chair-desk').count()).toBe(0);

    // The charts: one picture named and described in words, a legend, and the same figures as a table.
    const chart = page.getByTestId('proposals-by-department-fy2024-new-initiative');
    const picture = chart.getByRole('img', { name: /部ごとの提案の状況/ });
    await picture.waitFor();
    expect(await picture.locator('desc').textContent()).toBe(
      '保健福祉政策部: 計2件（提出済み 1、ヒアリング中 1）。 政策経営部: 計1件（採用（次年度項目） 1）。',
    );
    await chart.getByText('表で見る').click();
    const row = chart.getByRole('row', { name: /保健福祉政策部/ });
    expect((await row.getByRole('cell').allTextContents()).join('|')).toBe('保健福祉政策部|1|1|0|0|0|0|0|2');
    const pts = page.getByTestId('pt-reporting-chart');
    expect(await pts.getByRole('img').getAttribute('aria-labelledby')).toBeTruthy();
    expect(await pts.locator('desc').textContent()).toBe('PT: 計2件（未報告 2）。');
    expect(errors).toEqual([]);
    await page.close();
    await expectNoAxeViolations(STAFF.author.id);
  }, 120_000);

  const meetingLink = (page: Page, testId: string, meetingId: string) => page.getByTestId(testId).locator(`a[href$="#/meetings/${meetingId}"]`);

  it('shows HQ 庶務 the review queue by state, the convocations to prepare and to be issued, and the failed notifications', async () => {
    const { page, errors } = await openHome(STAFF.secretary.id);
    const queue = page.getByTestId('review-queue');
    await queue.waitFor();
    expect(await queue.locator('li[data-state="submitted"]').innerText()).toBe('提出済み 2件');
    expect(await queue.locator('li[data-state="underReview"]').innerText()).toBe('ヒアリング中 1件');
    await queue.getByRole('link', { name: '審査ボードを開く' }).waitFor();
    await meetingLink(page, 'convocations-to-prepare', PLANNED_MEETING_ID).waitFor();
    await meetingLink(page, 'convocations-awaiting-issue', PREPARED_MEETING_ID).waitFor();
    const failed = page.getByTestId('failed-notifications');
    expect(await failed.innerText()).toContain('送信に失敗した通知 1件');
    expect(await failed.getByRole('link', { name: '管理を開く' }).getAttribute('href')).toMatch(/#\/admin$/);
    // The queue is on the desk, not a second time under my tasks; the secretariat issues and confirms nothing.
    expect(await page.locator('#my-tasks').getByText('審査待ち').count()).toBe(0);
    expect(await page.getByTestId('chair-desk').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    await expectNoAxeViolations(STAFF.secretary.id);
  }, 120_000);

  it('shows the 区長 the convocation to issue and the minutes to confirm, and the deputy only the minutes they presided', async () => {
    const { page, errors } = await openHome(STAFF.mayor.id);
    await meetingLink(page, 'convocations-to-issue', PREPARED_MEETING_ID).waitFor();
    await meetingLink(page, 'minutes-to-confirm', CHAIRED_MEETING_ID).waitFor();
    expect(await page.getByTestId('minutes-to-confirm').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('secretariat-desk').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();

    const deputy = await openHome(STAFF.deputy1.id);
    await meetingLink(deputy.page, 'minutes-to-confirm', DEPUTISED_MEETING_ID).waitFor();
    expect(await deputy.page.getByTestId('convocations-to-issue').innerText()).toContain('ありません。');
    await deputy.page.close();
    await expectNoAxeViolations(STAFF.mayor.id);
  }, 120_000);
});
