import { describe, expect, it } from 'vitest';
import { jstDateOf } from '../../shared/time/jst.js';
import { axeViolations } from './support/axe.js';
import { chromiumMissing } from './support/chromium.js';
import { useTabBrowser } from './support/tab-browser.js';
import { STAFF } from './support/tab-world.js';

if (chromiumMissing) console.warn(`calendar browser tests skipped: ${chromiumMissing}`);

describe.skipIf(chromiumMissing !== undefined)('the meetings calendar in headless Chromium', () => {
  const tab = useTabBrowser();

  it('shows the calls’ deadlines and the recruitment’s last day beside the meetings, on their days in Japan', async () => {
    const { page, errors } = await tab.signInAs(STAFF.author.id, '#/calendar/2024-05');
    await page.getByText('令和6年5月の会議と締切（日本時間）').waitFor();
    const individual = page.locator('td[data-date="2024-05-17"] a[data-kind="deadline"]');
    await expect(individual.first().textContent()).resolves.toMatch(/^締切 .+（.+）$/);
    await expect(individual.first().getAttribute('href')).resolves.toBe('#/proposals');
    const recruitment = page.locator('td[data-date="2024-05-31"] a[data-kind="deadline"]', { hasText: '窓口手続きのオンライン化（公募）' });
    await expect(recruitment.getAttribute('href')).resolves.toBe('#/proposal-pt/rp-1');
    await expect(page.locator('td[data-date="2024-06-01"] a[data-kind="deadline"]').count()).resolves.toBe(0);
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks today, in Japan, on this month’s page', async () => {
    const today = jstDateOf(new Date());
    const { page } = await tab.signInAs(STAFF.author.id, `#/calendar/${today.slice(0, 7)}`);
    const marked = page.locator('td[aria-current="date"]');
    await marked.waitFor();
    await expect(marked.getAttribute('data-date')).resolves.toBe(today);
    await expect(marked.textContent()).resolves.toContain('今日');
    await expect(page.locator('td[aria-current="date"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('draws the fiscal year’s milestones on the home page with today marked, and lists them in date order', async () => {
    const { page, errors } = await tab.signInAs(STAFF.author.id);
    // The seeded programme is FY2024: the page is told it is 10 May 2024 in Japan.
    await page.clock.setFixedTime(new Date('2024-05-10T10:00:00+09:00'));
    await page.reload();
    const timeline = page.getByTestId('fiscal-year-timeline');
    await timeline.waitFor();
    await expect(timeline.getByRole('img', { name: '令和6年度の予定' }).count()).resolves.toBe(1);
    await expect(timeline.locator('g[data-today="2024-05-10"]').count()).resolves.toBe(1);
    await timeline.getByText('一覧で見る').click();
    const items = await page.getByTestId('fiscal-year-timeline-list').locator('li').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    expect(items.join('\n')).toContain('令和6年4月');
    await timeline.getByText('今日（2024-05-10）は赤い線の位置です。').waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
