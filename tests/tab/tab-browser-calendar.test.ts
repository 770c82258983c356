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
});
