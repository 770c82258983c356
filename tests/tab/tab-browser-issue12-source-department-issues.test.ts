import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { chromiumMissing } from './support/chromium.js';
import { useTabBrowser } from './support/tab-browser.js';
import { CALL, STAFF } from './support/tab-world.js';

/**
 * ４（２）提案募集方法: the department survey also asks about 「令和６年度取組み項目における課題等」.
 * In the tab's 提案 page: the question shows for the department track of the new-initiative
 * call, is gone for the individual track, and what is typed there is stored with the proposal.
 */
const skipReason = chromiumMissing;
if (skipReason) console.warn(`department-issues browser test skipped: ${skipReason}`);

describe.skipIf(skipReason !== undefined)('４（２）調査票の「令和６年度取組み項目における課題等」 on the tab’s proposal form', () => {
  const tab = useTabBrowser();

  it('asks the question on the department track only and stores the answer with the submitted proposal', async () => {
    const { page, errors } = await tab.signInAs(STAFF.planningChief.id, '#/proposals');
    await page.getByRole('button', { name: '新しい提案' }).click();
    const form = page.getByRole('form', { name: '新しい提案' });
    await form.waitFor();
    const question = form.getByLabel('令和６年度取組み項目における課題等');
    // A section chief starts on the department track (各部提案).
    await question.waitFor();
    await form.locator('select').nth(1).selectOption('individual');
    await expect(question.count()).resolves.toBe(0);
    await form.locator('select').nth(1).selectOption('department');
    await form.locator('input[name="title"]').fill('窓口予約の全庁展開');
    await form.locator('textarea[name="summary"]').fill('窓口の予約制を広げる');
    await form.locator('textarea[name="expectedEffect"]').fill('待ち時間の短縮');
    await question.fill('1-4 の代表電話の見直しは委託更新と時期が合わない。');
    await form.getByRole('button', { name: '提出する' }).click();
    await page.getByText(/提出しました。受付番号/).waitFor();
    const stored = (await tab.world.ctx.store.repositories.proposals.list({ callId: 'fy2024-new-initiative' })).filter(
      (proposal) => proposal.authorStaffId === STAFF.planningChief.id,
    );
    expect(stored.map((proposal) => [proposal.track, proposal.currentItemIssues])).toEqual([
      ['department', '1-4 の代表電話の見直しは委託更新と時期が合わない。'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('５（４）: a PT-theme call’s form names the plan period and offers the three perspectives with their ねらい as printed', async () => {
    const fy2024 = toDomain(parseProgrammeFile(fs.readFileSync('shared/programme/fy2024.yaml', 'utf8')));
    const plan = fy2024.plans[0]!;
    await tab.world.ctx.store.transaction(async (tx) => {
      await tx.plans.upsert(plan);
      await tx.calls.upsert({ ...CALL, id: 'theme-call', kind: 'ptTheme', title: '提案型プロジェクトチームのプロジェクト提案募集' });
    });
    const { page, errors } = await tab.signInAs(STAFF.author.id, '#/proposals');
    await page.getByRole('button', { name: '新しい提案' }).click();
    const form = page.getByRole('form', { name: '新しい提案' });
    await form.locator('select').first().selectOption('theme-call');
    const choice = form.locator('[data-perspective-choice]');
    await choice.waitFor();
    await expect(form.locator('[data-plan-period]').innerText()).resolves.toContain('令和6年度〜令和9年度');
    const text = await choice.innerText();
    for (const perspective of plan.perspectives) {
      expect(text).toContain(perspective.viewpoint);
      expect(text).toContain(perspective.aim);
    }
    expect(text).toContain('各所管課の既存事業のリニューアルに関するもの');
    await form.locator('input[name="title"]').fill('区民参加型の公園づくり');
    await form.locator('textarea[name="summary"]').fill('公園の再整備に区民が参加する');
    await form.locator('textarea[name="expectedEffect"]').fill('愛着のある公園');
    await choice.getByRole('radio').nth(2).check();
    await form.getByRole('button', { name: '提出する' }).click();
    await page.getByText(/提出しました。受付番号/).waitFor();
    const [stored] = await tab.world.ctx.store.repositories.proposals.list({ callId: 'theme-call' });
    expect(stored?.perspective).toBe('renewal');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
