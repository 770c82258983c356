import type { Page } from 'playwright-core';

/** What page scripts see of the browser, typed here because the test project has no DOM library. */
export interface BrowserWindow {
  readonly location: { hash: string };
  readonly document: {
    querySelectorAll(selector: string): { length: number };
    readonly activeElement: { getAttribute(name: string): string | null; textContent: string | null } | null;
  };
}

type Role = 'heading' | 'columnheader' | 'button' | 'table';

/** Every page of the tab, with the element that shows it has loaded (by role and name, Japanese / English). */
export const TAB_PAGES = [
  { name: 'home', hash: '#/', role: 'heading', ready: { ja: 'わたしのタスク', en: 'My tasks' } },
  { name: 'meetings', hash: '#/meetings', role: 'columnheader', ready: { ja: 'わたしの回答', en: 'My answer' } },
  {
    name: 'calendar',
    hash: '#/calendar/2024-05',
    role: 'table',
    ready: { ja: '令和6年5月の会議と締切（日本時間）', en: 'Meetings and deadlines in May 2024 (Japan time)' },
  },
  { name: 'meeting', hash: '#/meetings/hq-2024-2', role: 'heading', ready: { ja: '出席者名簿', en: 'Roster' } },
  { name: 'bodies', hash: '#/bodies', role: 'heading', ready: { ja: '新たな行政経営への移行実現推進本部（本部）', en: 'Headquarters' } },
  { name: 'pts', hash: '#/pts', role: 'columnheader', ready: { ja: '個票', en: 'Item' } },
  { name: 'pt', hash: '#/pts/pt-1-4', role: 'heading', ready: { ja: '1-4 行政手続きのデジタル化', en: '1-4 行政手続きのデジタル化' } },
  { name: 'proposals', hash: '#/proposals', role: 'heading', ready: { ja: 'わたしの提案', en: 'My proposals' } },
  { name: 'review', hash: '#/review', role: 'button', ready: { ja: 'CSV出力', en: 'Export CSV' } },
  {
    name: 'proposal-pt',
    hash: '#/proposal-pt',
    role: 'heading',
    ready: { ja: '(a) 複数の所管課にまたがる横断的な取組み', en: '(a) Cross-cutting, several sections' },
  },
  { name: 'recruitment', hash: '#/proposal-pt/rp-1', role: 'heading', ready: { ja: '窓口手続きのオンライン化', en: '窓口手続きのオンライン化' } },
  { name: 'practices', hash: '#/practices', role: 'heading', ready: { ja: '好事例', en: 'Good practices' } },
  { name: 'schedule', hash: '#/schedule', role: 'heading', ready: { ja: '年間スケジュール', en: 'Annual schedule' } },
  { name: 'calendar-feed', hash: '#/calendar-feed', role: 'heading', ready: { ja: '予定表連携', en: 'Calendar feed' } },
  { name: 'admin', hash: '#/admin', role: 'heading', ready: { ja: '職員名簿の取込み（CSV）', en: 'Staff directory import (CSV)' } },
] as const satisfies readonly { name: string; hash: string; role: Role; ready: { ja: string; en: string } }[];

export type TabPage = (typeof TAB_PAGES)[number];

/** Goes to a page by its hash and waits for its content: no skeleton, no spinner. */
export async function openTabPage(page: Page, target: TabPage, locale: 'ja' | 'en'): Promise<void> {
  await page.evaluate((hash) => ((globalThis as unknown as BrowserWindow).location.hash = hash), target.hash);
  await page.getByRole(target.role, { name: target.ready[locale] }).first().waitFor();
  await page.waitForFunction(() => (globalThis as unknown as BrowserWindow).document.querySelectorAll('.fui-Skeleton, .fui-Spinner').length === 0);
}
