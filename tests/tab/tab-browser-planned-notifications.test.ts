import { afterAll, describe, expect, it } from 'vitest';
import { createConnectorSender } from '../../bot/notifications/connector-sender.js';
import { createNotificationRenderer } from '../../bot/notifications/notification-renderer.js';
import { createProcessSendBudget } from '../../server/notification-scheduler.js';
import { budgetedSender } from '../../shared/notifications/budgeted-sender.js';
import { conveneMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connector-stand-in.js';
import { conversationAt, subscribe } from '../support/notification-harness.js';
import { axeViolations } from './support/axe.js';
import { chromiumMissing } from './support/chromium.js';
import { useTabBrowser } from './support/tab-browser.js';
import { STAFF } from './support/tab-world.js';

if (chromiumMissing) console.warn(`planned notifications browser test skipped: ${chromiumMissing}`);

describe.skipIf(chromiumMissing !== undefined)('planned notifications on the admin page, in headless Chromium', () => {
  let connector: ConnectorStandIn;
  const tab = useTabBrowser(
    async (world) => {
      connector = await startConnectorStandIn();
      await subscribe(world.ctx, conversationAt(connector, '19:hq-members@thread.tacv2', { name: '本部員チャネル' }), ['convocations'], { bodyId: 'hq' });
      await world.ctx.store.repositories.conversations.upsert(conversationAt(connector, '19:secretariat@thread.tacv2', { name: '事務局チャネル' }));
      await conveneMeeting(world.ctx, STAFF.mayor, {
        meetingId: 'planned-in-browser',
        bodyId: 'hq',
        startsAt: new Date('2024-06-20T14:00:00+09:00'),
        endsAt: new Date('2024-06-20T15:00:00+09:00'),
        agenda: [{ title: '行政改革の進め方', kind: 'general' }],
        guests: [],
      });
    },
    {
      notifications: (ctx) => ({
        renderer: createNotificationRenderer(ctx.store.repositories),
        sender: budgetedSender(createConnectorSender({}), createProcessSendBudget()),
      }),
    },
  );

  afterAll(async () => {
    await connector?.close();
  });

  it('previews the planned convocation’s card as text and test-sends it to the chosen channel, leaving the real one planned', async () => {
    const { page, errors } = await tab.signInAs(STAFF.secretary.id, '#/admin');
    const row = page.locator('tr[data-outbox-id]', { hasText: '本部員チャネル' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: 'プレビュー' }).click();
    await row.getByText('行政改革の進め方').waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);

    await page.locator('select[name="test-target"]').selectOption({ label: '事務局チャネル' });
    await row.getByRole('button', { name: 'テスト送信' }).click();
    await page
      .getByText(/事務局チャネル/)
      .filter({ hasText: /送信/ })
      .first()
      .waitFor();
    const received = connector.received({ conversationId: '19:secretariat@thread.tacv2', delivered: true });
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received[0]!.body)).toContain('テスト送信');
    expect(connector.received({ conversationId: '19:hq-members@thread.tacv2', delivered: true })).toEqual([]);
    const pending = (await tab.world.ctx.store.repositories.outbox.listPending(100)).filter((entry) => entry.conversationId === '19:hq-members@thread.tacv2');
    expect(pending.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
