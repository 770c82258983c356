import { describe, expect, it } from 'vitest';
import { decideProposal, startProposalReviews } from '../../shared/use-cases/proposal-review.js';
import { submitProposal } from '../../shared/use-cases/proposal-submission.js';
import { axeViolations } from './support/axe.js';
import { chromiumMissing } from './support/chromium.js';
import { useTabBrowser } from './support/tab-browser.js';
import { callApi } from './support/http-caller.js';
import { localToken, STAFF } from './support/tab-world.js';

const skipReason = chromiumMissing;
if (skipReason) console.warn(`tab notice browser tests skipped: ${skipReason}`);

/**
 * The proposer without the bot: the decision waits on the dashboard as unread (お知らせ), with its
 * reason and what follows, also under 提案; the person's language choice is kept for the next visit.
 */
describe.skipIf(skipReason !== undefined)('notices and language in the tab, headless Chromium', () => {
  const tab = useTabBrowser(async (world) => {
    const input = {
      proposalId: 'decided-in-tab',
      callId: 'fy2024-new-initiative',
      track: 'individual' as const,
      title: '庁内郵便の電子化',
      summary: '庁内の文書送付を電子化する',
      expectedEffect: '配送時間の短縮',
    };
    await submitProposal(world.ctx, STAFF.author, input);
    await startProposalReviews(world.ctx, STAFF.secretary, [input.proposalId]);
    await decideProposal(world.ctx, STAFF.secretary, { proposalId: input.proposalId, decision: 'acceptedMidYear', reason: '全庁で早期に効果が出るため' });
  });

  const signInAs = tab.signInAs;

  for (const theme of ['default', 'dark'] as const) {
    it(`shows the unread decision with its reason on the dashboard, without axe violations (${theme})`, async () => {
      const { page, errors } = await signInAs(STAFF.author.id, `?theme=${theme}`);
      const notice = page.locator('li[data-unread="true"]', { hasText: '庁内郵便の電子化' });
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      for (const expected of ['未読', '採用（年度途中追加）', '全庁で早期に効果が出るため', '常任委員会']) expect(text).toContain(expected);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('marks the notice read, and 提案 shows the decision, its reason and what happens next', async () => {
    const { page } = await signInAs(STAFF.author.id);
    const notice = page.locator('li[data-notice-id]', { hasText: '庁内郵便の電子化' });
    await notice.getByRole('button', { name: '既読にする' }).click();
    await page.locator('li[data-unread="false"]', { hasText: '庁内郵便の電子化' }).waitFor();
    await page.reload();
    await page.locator('li[data-unread="false"]', { hasText: '庁内郵便の電子化' }).waitFor();

    await page.getByRole('tab', { name: '提案', exact: true }).click();
    const row = page.locator('tr', { hasText: '庁内郵便の電子化' });
    const decision = row.getByTestId('decision');
    await decision.waitFor();
    const text = (await decision.textContent()) ?? '';
    expect(text).toContain('理由: 全庁で早期に効果が出るため');
    expect(text).toContain('今後の流れ: 年度途中の追加項目として計画に加え');
    await page.getByRole('columnheader', { name: '操作' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('tells the secretariat on the board that the proposer could only be told on the dashboard', async () => {
    const { page } = await signInAs(STAFF.secretary.id, '#/review');
    const row = page.locator('tr', { hasText: '庁内郵便の電子化' }).first();
    await row.locator('[data-field="notified"]').waitFor();
    expect(await row.locator('[data-field="notified"]').textContent()).toContain('未達: ボット未インストール');
    await page.close();
  });

  it('keeps the language a person chose for their next visit and for the bot', async () => {
    const { page } = await signInAs(STAFF.outsider.id);
    await page.getByRole('heading', { name: 'わたしのタスク' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.close();

    // A new visit without ?locale=: the stored choice wins over the default Japanese.
    const fresh = await tab.browser.newContext();
    const again = await fresh.newPage();
    await again.goto(`${tab.world.baseUrl}/tab/`);
    await again.locator(`button[data-staff-id="${STAFF.outsider.id}"]`).click();
    await again.getByRole('heading', { name: 'My tasks' }).waitFor();
    await fresh.close();
    const me = await callApi(tab.world.baseUrl, await localToken(tab.world.baseUrl, STAFF.outsider.id), 'GET', '/api/v1/me');
    expect(me.json()).toMatchObject({ preferredLocale: 'en' });
  });
});
