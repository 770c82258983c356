import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-kit.js';
import { reviewCard, type ReviewItem } from '../../bot/cards/review-card.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { PROPOSAL_LIMITS } from '../../shared/proposals/proposal-content.js';
import type { Proposal } from '../../shared/proposals/proposal.js';

const CHROMIUM = '/usr/bin/chromium';
const skipReason = fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (install the Debian package: apt-get install -y chromium)`;
if (skipReason) console.warn(`narrow card rendering tests skipped: ${skipReason}`);
const resolve = createRequire(import.meta.url).resolve;
/** Teams on a phone: the narrowest card a person reads. */
const CARD_WIDTH = 320;

const now = new Date('2024-05-10T01:00:00Z');
const sentence = '来庁者の待ち時間を減らし、相談内容に応じた職員を配置できるよう、オンライン予約と電話予約を組み合わせて運用する。';
const longJapanese = (length: number) => sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
const base = { callId: 'c', authorStaffId: 's', submittedAt: now, createdAt: now, updatedAt: now } as const;
const items: ReviewItem[] = [
  {
    proposal: {
      ...base,
      id: 'dept',
      track: 'department',
      departmentUnitId: 'kenko-bu',
      state: 'submitted',
      receiptNumber: 'R6-新規-001',
      title: longJapanese(PROPOSAL_LIMITS.title),
      summary: longJapanese(600),
      expectedEffect: longJapanese(300),
      relatedItemKey: '3-13',
    } satisfies Proposal,
    authorName: '保健 主任',
    authorUnitName: '保健福祉政策部 高齢福祉課 地域包括ケア推進担当',
    departmentName: '保健福祉政策部',
    relatedItem: { number: '3‐13', title: '補助金・助成金等の申請・受付等業務の効率化' },
    sameItem: [{ receiptNumber: 'R6-新規-002', title: longJapanese(80) }],
  },
  {
    proposal: {
      ...base,
      id: 'theme',
      track: 'individual',
      state: 'underReview',
      receiptNumber: 'R6-提案PT-001',
      title: '集会施設の多機能化',
      summary: `参考資料: https://example.jp/${'a'.repeat(120)}`,
      expectedEffect: 'Effect'.repeat(40),
      perspective: 'renewal',
      relatedItemKey: '5-11',
    } satisfies Proposal,
    authorName: 'Taro Setagaya-Longname-Without-Spaces',
    relatedItem: { number: '5-11' },
  },
];

/** What the page script needs of the DOM and the SDK's UMD build (the test project has no DOM library). */
interface Box {
  readonly right: number;
  readonly width: number;
}
interface Node {
  readonly className: string;
  readonly tagName: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getBoundingClientRect(): Box;
  querySelectorAll(selector: string): ArrayLike<Node>;
  replaceChildren(...children: unknown[]): void;
}
interface PageGlobals {
  readonly document: { getElementById(id: string): Node };
  readonly AdaptiveCards: { AdaptiveCard: new () => { parse(json: unknown): void; render(): unknown } };
}

describe.skipIf(skipReason !== undefined)('the review card rendered by the Adaptive Cards SDK 320 px wide', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.setContent(`<!doctype html><html lang="ja"><body style="margin:0"><div id="card" style="width:${CARD_WIDTH}px"></div></body></html>`);
    await page.addStyleTag({ path: resolve('adaptivecards/dist/adaptivecards.css') });
    await page.addScriptTag({ path: resolve('adaptivecards/dist/adaptivecards.js') });
    await page.waitForFunction(() => 'AdaptiveCards' in globalThis);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Renders the card and lists every element whose right edge passes the card's, with the card's scroll and client widths. */
  const render = (card: AdaptiveCard) =>
    page.evaluate(
      (json) => {
        const globals = globalThis as unknown as PageGlobals;
        const host = globals.document.getElementById('card');
        const parsed = new globals.AdaptiveCards.AdaptiveCard();
        parsed.parse(json);
        host.replaceChildren(parsed.render());
        const edge = host.getBoundingClientRect().right;
        const outside = Array.from(host.querySelectorAll('*'))
          .filter((element) => element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().right > edge + 0.5)
          .map((element) => `${element.tagName}.${element.className} right=${Math.round(element.getBoundingClientRect().right)}`);
        return {
          scrollWidth: host.scrollWidth,
          clientWidth: host.clientWidth,
          outside: outside.slice(0, 5),
          text: (host as unknown as { innerText: string }).innerText,
        };
      },
      card as unknown as Record<string, unknown>,
    );

  for (const locale of ['ja', 'en'] as const satisfies readonly Locale[]) {
    for (const interactive of [true, false]) {
      it(`keeps every element inside the card, ${locale}, ${interactive ? 'with the review buttons' : 'status only'}`, async () => {
        const rendered = await render(reviewCard({ locale, items, interactive }));
        expect(rendered.outside).toEqual([]);
        expect(rendered.scrollWidth).toBeLessThanOrEqual(rendered.clientWidth);
        // The content is all there, wrapped rather than cut.
        expect(rendered.text).toContain('補助金・助成金等の申請・受付等業務の効率化');
        expect(rendered.text.replace(/\s/g, '')).toContain(longJapanese(600));
        expect(rendered.text).toContain(locale === 'ja' ? '期待される効果' : 'Expected effect');
      });
    }
  }
});
