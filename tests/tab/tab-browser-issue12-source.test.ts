import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { axeViolations } from './support/axe.js';
import { chromiumMissing } from './support/chromium.js';
import { useTabBrowser } from './support/tab-browser.js';
import { HQ, STAFF } from './support/tab-world.js';

const skipReason = chromiumMissing;
if (skipReason) console.warn(`tab browser tests of issue 12 (rules 7–9) skipped: ${skipReason}`);

const FY2024 = toDomain(parseProgrammeFile(fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/programme/fy2024.yaml'), 'utf8')));
const fromFile = <T extends { id: string }>(list: readonly T[], id: string): T => list.find((entry) => entry.id === id)!;

/** Where users meet what the document states: 会議体 (所掌事項, 施行日), the PT page (5-13's topic leads), 提案型PT (perspectives). */
describe.skipIf(skipReason !== undefined)('the bodies page and the PT page in headless Chromium (issue 12, rules 7–9)', () => {
  const tab = useTabBrowser(async (world) => {
    await world.ctx.store.transaction(async (tx) => {
      const hq = fromFile(FY2024.bodies, 'hq');
      await tx.bodies.upsert({
        ...HQ,
        guideline: hq.guideline,
        effectiveFrom: hq.effectiveFrom,
        purpose: hq.purpose,
        remit: hq.remit,
        remitSource: hq.remitSource,
      });
      await tx.units.upsert(fromFile(FY2024.units, 'saigai-taisaku-ka'));
      await tx.bodies.upsert(fromFile(FY2024.bodies, 'pt-5-13'));
      await tx.projectTeams.upsert(fromFile(FY2024.projectTeams, 'pt-5-13'));
    });
  });

  it('要綱 第２条・附則: 会議体 shows HQ’s 所掌事項, in force from 令和6年4月1日, and the plan period, without axe violations', async () => {
    const { page, errors } = await tab.signInAs(STAFF.author.id);
    await page.getByRole('tab', { name: '会議体', exact: true }).click();
    const hq = page.locator('#body-hq');
    await hq.getByText('所掌事項（新たな行政経営への移行実現推進本部設置要綱 第２条）').waitFor();
    const text = (await hq.textContent()) ?? '';
    for (const expected of [
      '「新たな行政経営への移行実現プラン」に関すること。',
      '新たな行政経営への移行の推進に関すること。',
      '前２号に掲げるもののほか、新たな行政経営への移行の推進に必要な事項',
      '令和6年4月1日',
      '区長（長）',
    ]) {
      expect(text).toContain(expected);
    }
    expect((await page.locator('[data-plan-period]').textContent()) ?? '').toContain('令和6年度〜令和9年度');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('２（２） 5-13: the PT page marks topics ① and ⑥ as led by 災害対策課', async () => {
    const { page, errors } = await tab.signInAs(STAFF.author.id);
    await page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/pts/pt-5-13'));
    await page.getByRole('heading', { name: '5-13 地区・地域防災力の強化' }).waitFor();
    const led = page.locator('ol[data-field="topics"] li[data-topic-lead="saigai-taisaku-ka"]');
    expect(await led.allTextContents()).toEqual(['在宅避難の推進 災害対策課中心', '物資供給体制の整備 災害対策課中心']);
    expect(await page.locator('ol[data-field="topics"] li').count()).toBe(6);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('５（４）: 提案型PT shows the three perspectives with their ねらい as printed', async () => {
    const { page } = await tab.signInAs(STAFF.author.id);
    await page.getByRole('tab', { name: '提案型PT', exact: true }).click();
    const perspectives = page.locator('[data-plan-perspectives] li');
    await perspectives.first().waitFor();
    expect(await perspectives.count()).toBe(3);
    expect((await perspectives.nth(1).textContent()) ?? '').toContain(
      'ねらい: 様々な職員の柔軟な発想を新たな事業の展開に活かすとともに、新規事業の企画・立案にかかわる経験の機会を拡充する。',
    );
    await page.close();
  });
});
