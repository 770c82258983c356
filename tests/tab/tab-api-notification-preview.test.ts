import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorSender } from '../../bot/notifications/connector-sender.js';
import { createNotificationRenderer } from '../../bot/notifications/notification-renderer.js';
import { createProcessSendBudget } from '../../server/notification-scheduler.js';
import { budgetedSender } from '../../shared/notifications/budgeted-sender.js';
import { conveneMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { cardText } from '../support/card-validator.js';
import { startConnectorStandIn, type ConnectorRequest, type ConnectorStandIn } from '../support/connector-stand-in.js';
import { conversationAt, notificationScheduler, subscribe } from '../support/notification-harness.js';
import { callApi } from './support/http-caller.js';
import { localToken, STAFF, startTabWorld, type TabWorld } from './support/tab-world.js';

describe('planned notifications: preview and test send from the tab', () => {
  let connector: ConnectorStandIn;
  let world: TabWorld;
  const tokens = new Map<string, string>();
  const hqChannel = () => conversationAt(connector, '19:hq-members@thread.tacv2', { name: '本部員チャネル' });
  const testChannel = () => conversationAt(connector, '19:secretariat@thread.tacv2', { name: '事務局チャネル' });
  const call = (as: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    callApi(world.baseUrl, tokens.get(as), method, path, body, headers);
  const cardOf = (request: ConnectorRequest | undefined) =>
    ((request?.body?.attachments as { content: Record<string, unknown> }[] | undefined) ?? [])[0]?.content;

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    world = await startTabWorld({
      auth: { mode: 'local' },
      notifications: (ctx) => ({
        renderer: createNotificationRenderer(ctx.store.repositories),
        sender: budgetedSender(createConnectorSender({}), createProcessSendBudget()),
      }),
    });
    for (const person of [STAFF.admin, STAFF.secretary, STAFF.author]) tokens.set(person.id, await localToken(world.baseUrl, person.id));
    await subscribe(world.ctx, hqChannel(), ['convocations'], { bodyId: 'hq' });
    await world.ctx.store.repositories.conversations.upsert(testChannel());
    await conveneMeeting(world.ctx, STAFF.mayor, {
      meetingId: 'preview-meeting',
      bodyId: 'hq',
      startsAt: new Date('2024-06-20T14:00:00+09:00'),
      endsAt: new Date('2024-06-20T15:00:00+09:00'),
      place: '第1委員会室',
      agenda: [{ title: '行政改革の進め方', kind: 'general' }],
      guests: [],
    });
  });
  afterAll(async () => {
    await world?.close();
    await connector?.close();
  });

  const plannedConvocation = async () => {
    const list = await call(STAFF.secretary.id, 'GET', '/api/v1/admin/notifications/planned');
    expect(list.status, list.text).toBe(200);
    const row = list.json().planned.find((entry: { conversationId: string }) => entry.conversationId === hqChannel().conversationId);
    expect(row).toMatchObject({ kind: 'convocations', conversationName: '本部員チャネル', dueAt: expect.stringMatching(/\+09:00$/) });
    return { row: row as { id: string }, targets: list.json().targets as { conversationId: string }[] };
  };

  it('lists the planned convocation and previews its card, naming the meeting', async () => {
    const { row, targets } = await plannedConvocation();
    expect(targets.map((target) => target.conversationId)).toEqual(expect.arrayContaining([hqChannel().conversationId, testChannel().conversationId]));
    const preview = await call(STAFF.secretary.id, 'GET', `/api/v1/admin/notifications/planned/${row.id}/preview`);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json().outcome).toBe('card');
    const text = cardText(preview.json().card);
    expect(text).toContain('会議の招集通知');
    expect(text).toContain('行政改革の進め方');
    expect(text).toContain('令和6年6月20日（木）14:00');
  });

  it('sends a marked test to the chosen conversation, leaves the row pending, and the scheduler later sends it once', async () => {
    const { row } = await plannedConvocation();
    const sent = await call(STAFF.admin.id, 'POST', `/api/v1/admin/notifications/planned/${row.id}/test-send`, {
      conversationId: testChannel().conversationId,
    });
    expect(sent.status, sent.text).toBe(200);
    const delivered = connector.received({ conversationId: testChannel().conversationId, delivered: true });
    expect(delivered).toHaveLength(1);
    const text = cardText(cardOf(delivered[0]));
    expect(text).toContain('【テスト送信】');
    expect(text).toContain('行政改革の進め方');
    expect(connector.received({ conversationId: hqChannel().conversationId })).toHaveLength(0);
    expect((await world.ctx.store.repositories.outbox.get(row.id))?.state).toBe('pending');
    expect((await world.ctx.store.repositories.audit.listFor('notification', row.id)).map((entry) => [entry.action, entry.actorStaffId])).toEqual([
      ['testSend', STAFF.admin.id],
    ]);

    const scheduler = notificationScheduler(world.ctx);
    expect((await scheduler.runOnce()).sent).toBeGreaterThanOrEqual(1);
    await scheduler.runOnce();
    const real = connector.received({ conversationId: hqChannel().conversationId, delivered: true });
    expect(real).toHaveLength(1);
    expect(cardText(cardOf(real[0]))).not.toContain('テスト送信');
    expect((await world.ctx.store.repositories.outbox.get(row.id))?.state).toBe('sent');
    expect(connector.received({ conversationId: testChannel().conversationId })).toHaveLength(1);
  });

  it('refuses a staff member, an unknown row or conversation, and a row no longer pending', async () => {
    const list = await call(STAFF.author.id, 'GET', '/api/v1/admin/notifications/planned');
    expect(list.status).toBe(403);
    const sentRow = (await world.ctx.store.repositories.outbox.listFor('preview-meeting', ['sent']))[0]!;
    expect((await call(STAFF.author.id, 'GET', `/api/v1/admin/notifications/planned/${sentRow.id}/preview`)).status).toBe(403);
    const body = { conversationId: testChannel().conversationId };
    expect((await call(STAFF.author.id, 'POST', `/api/v1/admin/notifications/planned/${sentRow.id}/test-send`, body)).status).toBe(403);
    expect((await call(STAFF.admin.id, 'POST', '/api/v1/admin/notifications/planned/no-such-row/test-send', body)).status).toBe(404);
    const stale = await call(STAFF.admin.id, 'POST', `/api/v1/admin/notifications/planned/${sentRow.id}/test-send`, body, { 'Accept-Language': 'en' });
    expect(stale.status).toBe(409);
    expect(stale.json().error.message).toContain('state: sent');
    expect(connector.received({ conversationId: testChannel().conversationId })).toHaveLength(1);
  });
});

describe('planned notifications without the bot wired', () => {
  let world: TabWorld;
  let token: string;
  beforeAll(async () => {
    world = await startTabWorld({ auth: { mode: 'local' } });
    token = await localToken(world.baseUrl, STAFF.secretary.id);
  });
  afterAll(() => world?.close());

  it('answers 503 with a localised message', async () => {
    // Never reached: nothing is sent without the bot's sender.
    await world.ctx.store.repositories.conversations.upsert(conversationAt({ url: 'http://127.0.0.1:9/' } as ConnectorStandIn, '19:nowhere@thread.tacv2'));
    await world.ctx.store.repositories.outbox.plan([
      {
        id: 'planned-1',
        occurrenceKey: 'test:1',
        seriesKey: 'test',
        conversationId: '19:nowhere@thread.tacv2',
        kind: 'convocations',
        subjectId: 'hq-2024-2',
        dueAt: new Date('2024-06-01T09:00:00+09:00'),
        expiresAt: new Date('2024-07-01T09:00:00+09:00'),
        payload: { type: 'convocation', meetingId: 'hq-2024-2' },
      },
    ]);
    const preview = await callApi(world.baseUrl, token, 'GET', '/api/v1/admin/notifications/planned/planned-1/preview', undefined, { 'Accept-Language': 'en' });
    expect(preview.status).toBe(503);
    expect(preview.json().error.message).toContain('not available');
  });

  it('still lists the planned rows, soonest first, each with its due time in Japan time', async () => {
    await world.ctx.store.repositories.outbox.plan([
      {
        id: 'planned-0',
        occurrenceKey: 'test:0',
        seriesKey: 'test',
        conversationId: '19:nowhere@thread.tacv2',
        kind: 'convocations',
        subjectId: 'hq-2024-2',
        dueAt: new Date('2024-05-20T09:00:00+09:00'),
        expiresAt: new Date('2024-07-01T09:00:00+09:00'),
        payload: { type: 'convocation', meetingId: 'hq-2024-2' },
      },
    ]);
    const list = await callApi(world.baseUrl, token, 'GET', '/api/v1/admin/notifications/planned');
    expect(list.status).toBe(200);
    expect(list.json().planned.map((row: { id: string; dueAt: string }) => [row.id, row.dueAt])).toEqual([
      ['planned-0', '2024-05-20T09:00:00+09:00'],
      ['planned-1', '2024-06-01T09:00:00+09:00'],
    ]);
  });
});
