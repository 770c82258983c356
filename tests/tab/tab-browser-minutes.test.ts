import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumMissing } from './support/chromium.js';
import { MATERIALS_MEETING_ID, seedMaterials } from './support/materials-seed.js';
import { useTabBrowser } from './support/tab-browser.js';
import { STAFF } from './support/tab-world.js';

const skipReason = chromiumMissing;
if (skipReason) console.warn(`tab minutes browser test skipped: ${skipReason}`);

const meetingHash = `#/meetings/${MATERIALS_MEETING_ID}`;

/**
 * 議事録 from the tab, end to end: the secretariat records a summary and a decision with an action
 * item, the chair who presided confirms, and the owner closes the item from わたしのタスク.
 */
describe.skipIf(skipReason !== undefined)('minutes in the tab, in headless Chromium', () => {
  const tab = useTabBrowser(async (world) => {
    await seedMaterials(world.ctx);
    world.clock.set(new Date('2024-07-19T15:00:00+09:00'));
  });

  it('records, confirms and closes: the secretariat’s draft, the chair’s 確定する, the owner’s 完了にする; no axe violations', async () => {
    const axeFound: Record<string, unknown> = {};
    const check = async (name: string, page: Parameters<typeof axeViolations>[0]) => {
      const violations = await axeViolations(page);
      if (violations.length) axeFound[name] = violations;
    };

    const clerk = await tab.signInAs(STAFF.secretary.id, meetingHash);
    const editor = clerk.page.getByTestId('minutes-editor');
    await editor.waitFor();
    await editor.getByLabel(/^1\. 1-4 行政手続きのデジタル化/).fill('棚卸し結果について報告があった。');
    await editor.getByRole('button', { name: '決定事項を追加' }).click();
    const decision = editor.getByRole('group', { name: '決定事項1', exact: true });
    await decision.getByRole('button', { name: '対応事項を追加' }).click();
    // Saving with the decision's text empty shows the message next to the field, and sends nothing.
    await editor.getByRole('button', { name: '議事録を保存' }).click();
    await expect.poll(() => decision.getByText('入力してください。').count()).toBeGreaterThan(0);
    expect(await tab.world.ctx.store.repositories.minutes.get(MATERIALS_MEETING_ID)).toBeUndefined();

    await decision.getByLabel(/^決定内容/).fill('次年度の取組み項目として採用する。');
    await decision.getByLabel(/^決定の対象/).selectOption('proposal');
    await decision.getByLabel(/^提案/).selectOption('mat-1');
    await decision.getByLabel(/^審査結果/).selectOption('acceptedNextYear');
    await decision.getByLabel(/^対応事項の内容/).fill('実施計画案の作成');
    await decision.getByLabel(/^職員/).selectOption(STAFF.author.id);
    await decision.getByLabel(/^期限/).fill('2024-08-30');
    await editor.getByRole('button', { name: '議事録を保存' }).click();
    await clerk.page.getByText('議事録を保存しました。').waitFor();
    expect(clerk.errors).toEqual([]);
    await check('editor (default)', clerk.page);
    await clerk.page.close();
    const darkClerk = await tab.signInAs(STAFF.secretary.id, `?theme=dark${meetingHash}`);
    await darkClerk.page.getByTestId('minutes-editor').getByRole('group', { name: '決定事項1', exact: true }).waitFor();
    await check('editor (dark)', darkClerk.page);
    await darkClerk.page.close();

    const chair = await tab.signInAs(STAFF.mayor.id, meetingHash);
    await chair.page.getByTestId('minutes-view').waitFor();
    await chair.page.getByRole('button', { name: '確定する' }).click();
    await chair.page.getByRole('alert').filter({ hasText: '確定しますか' }).waitFor();
    await chair.page.getByTestId('confirm-minutes-yes').click();
    await chair.page.getByText('議事録を確定しました。').waitFor();
    await chair.page.locator('[data-minutes-status="confirmed"]').filter({ hasText: '確定済み' }).waitFor();
    expect(await chair.page.locator('[data-minutes-status="confirmed"]').innerText()).toContain('令和6年7月19日');
    expect(await chair.page.getByRole('button', { name: '確定する' }).count()).toBe(0);
    await chair.page.close();

    const owner = await tab.signInAs(STAFF.author.id);
    const tasks = owner.page.getByTestId('my-action-items');
    await tasks.getByText('実施計画案の作成').waitFor();
    expect(await tasks.innerText()).toContain('令和6年8月30日');
    await tasks.getByRole('button', { name: '完了にする: 実施計画案の作成' }).click();
    await tasks.getByLabel('対応内容（任意）').fill('計画案を事務局に提出した。');
    await tasks.getByRole('button', { name: '完了にする', exact: true }).click();
    await owner.page.getByText('「実施計画案の作成」を完了にしました。').waitFor();
    expect((await tab.world.ctx.store.repositories.actionItems.list({ meetingId: MATERIALS_MEETING_ID }))[0]).toMatchObject({
      status: 'done',
      doneNote: '計画案を事務局に提出した。',
    });

    // The confirmed minutes read the same for a member, with the decision and its action item.
    await owner.page.goto(`${tab.world.baseUrl}/tab/${meetingHash}`);
    const view = owner.page.getByTestId('minutes-view');
    await view.waitFor();
    expect(await view.innerText()).toContain('提案「');
    expect(await view.innerText()).toContain('実施計画案の作成 — 財政 主任');
    await owner.page.goto(`${tab.world.baseUrl}/tab/#/bodies/hq`);
    const record = owner.page.locator(`[data-minutes-confirmed="true"]`).filter({ hasText: '議事録確定' });
    await record.waitFor();
    // The body's record for the year: the meeting and what it decided.
    expect(await record.getByRole('list', { name: '決定事項' }).innerText()).toContain('次年度の取組み項目として採用する。');
    expect(owner.errors).toEqual([]);
    await owner.page.close();

    for (const theme of ['default', 'dark'] as const) {
      const member = await tab.signInAs(STAFF.author.id, `?theme=${theme}${meetingHash}`);
      await member.page.getByTestId('minutes-view').waitFor();
      await check(`confirmed minutes (${theme})`, member.page);
      await member.page.close();
    }
    expect(axeFound).toEqual({});
  }, 180_000);
});
