import { describe, expect, it } from 'vitest';
import { markedAsTest } from '../../shared/notifications/test-send-marker.js';
import { cardLines } from '../../tab/web/pages/admin/card-text.js';

describe('the preview’s text of an Adaptive Card', () => {
  it('reads text blocks, facts and action titles in the order the card shows them, nested containers included', () => {
    const card = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: '会議の招集通知' },
        { type: 'Container', items: [{ type: 'FactSet', facts: [{ title: '日時', value: '令和6年6月20日（木）14:00' }] }] },
        { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '第1委員会室' }] }] }] },
        { type: 'Image', url: 'https://example.invalid/x.png' },
      ],
      actions: [{ type: 'Action.Submit', title: '出席' }],
    };
    expect(cardLines(card)).toEqual(['会議の招集通知', '日時: 令和6年6月20日（木）14:00', '第1委員会室', '[出席]']);
  });

  it('shows the test marker first, in the conversation’s language', () => {
    const message = { card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Reminder' }] } };
    expect(cardLines(markedAsTest(message, 'en').card)[0]).toMatch(/^\[Test\] /);
    expect(cardLines(markedAsTest(message, 'ja').card)).toEqual([expect.stringMatching(/^【テスト送信】/), 'Reminder']);
  });
});
