import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.js';
import { useTabBrowser } from './support/tab-browser.js';
import { STAFF } from './support/tab-world.js';

const skipReason = chromiumMissing;
if (skipReason) console.warn(`tab practice-link browser test skipped: ${skipReason}`);

/** A card's "open in the app" for a good practice lands on `#/practices/<id>`: the tab shows that practice. */
describe.skipIf(skipReason !== undefined)('a link to one practice, headless Chromium', () => {
  const tab = useTabBrowser();

  it('scrolls to the practice the route names and marks it as the current one', async () => {
    const practices = (await tab.world.ctx.store.repositories.practices.list()).sort((a, b) => a.number - b.number);
    const last = practices.at(-1)!;
    const { page, errors } = await tab.signInAs(STAFF.author.id);
    const hash = `#/practices/${encodeURIComponent(last.id)}`;
    await page.evaluate((target) => ((globalThis as unknown as { location: { hash: string } }).location.hash = target), hash);
    const current = page.locator('[aria-current="true"]');
    await current.waitFor();
    expect(await current.getAttribute('data-practice-id')).toBe(last.id);
    expect(await current.textContent()).toContain(last.title);
    // The last of the list is below the fold until the page scrolls to it.
    const height = page.viewportSize()?.height ?? 0;
    await expect
      .poll(async () => {
        const box = await current.boundingBox();
        return box !== null && box.y >= 0 && box.y < height;
      })
      .toBe(true);
    expect(await page.locator('[data-practice-id][aria-current="true"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
