import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/http-caller.js';
import { localToken, startTabWorld, STAFF, type TabWorld } from './support/tab-world.js';

const FY2024_YAML = await fs.readFile(path.resolve(import.meta.dirname, '../../shared/programme/fy2024.yaml'), 'utf8');
const CSV = [
  'upn,display_name,grade,unit_id,post_id,app_roles,active',
  'author@city.example,財政 主任,係長級,zaisei-ka,,,true',
  'new.person@city.example,新人 職員,staff,zaisei-ka,,,',
  'outsider@city.example,保健 主事,staff,kenko-bu,,,true',
].join('\n');

describe('administration from the tab', () => {
  let world: TabWorld;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    world = await startTabWorld({ auth: { mode: 'local' } });
    for (const person of [STAFF.admin, STAFF.secretary]) tokens.set(person.id, await localToken(world.baseUrl, person.id));
  });
  afterAll(() => world?.close());
  const call = (as: string, path: string, body: unknown, headers?: Record<string, string>) =>
    callApi(world.baseUrl, tokens.get(as), 'POST', path, body, headers);

  it('previews a staff CSV field by field and writes nothing until applied', async () => {
    const preview = await call('admin', '/api/v1/admin/staff-import/preview', { csv: CSV });
    expect(preview.status).toBe(200);
    expect(preview.json().counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(preview.json().lines).toEqual(
      expect.arrayContaining([
        { outcome: 'updated', upn: 'author@city.example', displayName: '財政 主任', changes: [{ field: 'grade', before: 'chief', after: 'subsectionChief' }] },
        expect.objectContaining({ outcome: 'created', upn: 'new.person@city.example' }),
      ]),
    );
    expect((await world.ctx.store.repositories.staff.get('author'))?.grade).toBe('chief');
    expect(await world.ctx.store.repositories.staff.findByUpn('new.person@city.example')).toBeUndefined();

    expect((await call('admin', '/api/v1/admin/staff-import/apply', { csv: CSV })).status).toBe(200);
    expect((await world.ctx.store.repositories.staff.get('author'))?.grade).toBe('subsectionChief');
    expect(await world.ctx.store.repositories.staff.findByUpn('new.person@city.example')).toMatchObject({ displayName: '新人 職員' });
  });

  it('reports every bad CSV line with its number and changes nothing', async () => {
    const bad = await call('admin', '/api/v1/admin/staff-import/apply', { csv: `${CSV}\nbroken,,boss,nowhere,,,` }, { 'Accept-Language': 'en' });
    expect(bad.status).toBe(422);
    expect(bad.json().error.fields.map((field: { message: string }) => field.message)).toEqual([
      'CSV line 5: upn "broken"',
      'CSV line 5: display_name is empty',
      'CSV line 5: grade "boss"',
      'CSV line 5: unknown unit_id "nowhere"',
    ]);
  });

  it('shows the programme file’s trap report in Japanese and English before importing, then imports it', async () => {
    const preview = (await call('admin', '/api/v1/admin/programme-import/preview', { yaml: FY2024_YAML })).json();
    expect(preview.counts).toMatchObject({ projectTeams: 12, practices: 13 });
    const outOfOrder = preview.traps.find((trap: { code: string }) => trap.code === 'milestone.outOfOrder');
    expect(outOfOrder.ja).toContain('前の項目より前の月');
    expect(outOfOrder.en).toContain('is earlier than the entry before it');
    expect(preview.summary).toBeUndefined();
    expect(await world.ctx.store.repositories.projectTeams.get('pt-2-24')).toBeUndefined();
    const applied = (await call('admin', '/api/v1/admin/programme-import/apply', { yaml: FY2024_YAML })).json();
    expect(applied.summary.created).toBeGreaterThan(50);
    expect(await world.ctx.store.repositories.projectTeams.get('pt-2-24')).toBeDefined();
    const broken = await call('admin', '/api/v1/admin/programme-import/preview', { yaml: 'fiscalYear: [' });
    expect(broken.status).toBe(422);
    expect(broken.json().error.message).toContain('YAML');
  });

  it('rolls the fiscal year over into drafts, and a second run copies nothing', async () => {
    const first = (await call('admin', '/api/v1/admin/rollover', { toYear: 2025 })).json();
    expect(first.calls.map((copy: { id: string }) => copy.id)).toContain('fy2025-new-initiative');
    expect((await world.ctx.store.repositories.calls.get('fy2025-new-initiative'))?.status).toBe('draft');
    const second = (await call('admin', '/api/v1/admin/rollover', { toYear: 2025 })).json();
    expect(second.calls).toEqual([]);
    expect(second.skippedIds).toContain('fy2025-new-initiative');
  });

  it('refuses the secretariat (not an administrator) with 403 before reading the upload', async () => {
    for (const [endpoint, body] of [
      ['staff-import/apply', { csv: CSV }],
      ['programme-import/apply', { yaml: FY2024_YAML }],
      ['rollover', { toYear: 2026 }],
    ] as const) {
      expect((await call('secretary', `/api/v1/admin/${endpoint}`, body)).status).toBe(403);
    }
    expect(await world.ctx.store.repositories.calls.get('fy2026-new-initiative')).toBeUndefined();
  });

  it('shows the secretariat where notifications go: each channel with what it subscribed to, and the delivery counts', async () => {
    const repos = world.ctx.store.repositories;
    await repos.conversations.upsert({
      conversationId: '19:secretariat@thread.tacv2',
      kind: 'channel',
      name: '事務局',
      serviceUrl: 'https://smba.trafficmanager.net/jp/',
      tenantId: 't',
      botId: '28:bot',
      channelId: '19:secretariat@thread.tacv2',
      locale: 'ja',
      active: true,
      updatedAt: new Date(),
    });
    await repos.subscriptions.save({
      conversationId: '19:secretariat@thread.tacv2',
      kinds: ['convocations', 'proposalDeadlines'],
      bodyId: 'hq',
      updatedAt: new Date(),
    });
    const response = await callApi(world.baseUrl, tokens.get(STAFF.secretary.id), 'GET', '/api/v1/admin/notifications');
    expect(response.status).toBe(200);
    const overview = response.json();
    expect(overview.conversations).toContainEqual({
      conversationId: '19:secretariat@thread.tacv2',
      kind: 'channel',
      name: '事務局',
      kinds: ['convocations', 'proposalDeadlines'],
      bodyId: 'hq',
    });
    expect(overview.outbox).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 });
  });

  it('lists the directory with units, posts and roles, finds people by any part of them, and changes access with an audit entry', async () => {
    const get = (as: string, path: string) => callApi(world.baseUrl, tokens.get(as), 'GET', path);
    const put = (as: string, id: string, body: unknown) => callApi(world.baseUrl, tokens.get(as), 'PUT', `/api/v1/admin/staff/${id}`, body);
    const everyone = (await get('admin', '/api/v1/admin/staff')).json();
    expect(everyone.total).toBe(everyone.staff.length);
    expect(everyone.staff.find((person: { staffId: string }) => person.staffId === 'secretary')).toMatchObject({
      displayName: '事務局 花子',
      unitName: '政策企画課',
      roles: ['secretariat'],
      active: true,
    });
    const ids = async (q: string) =>
      (await get('admin', `/api/v1/admin/staff?q=${encodeURIComponent(q)}`)).json().staff.map((person: { staffId: string }) => person.staffId);
    // A unit's name, and a UPN typed in full-width letters, find the person.
    expect(await ids('政策企画')).toContain('secretary');
    expect(await ids('政策企画')).not.toContain('outsider');
    expect(await ids('ＳＥＣＲＥＴＡＲＹ@')).toEqual(await ids('secretary@'));
    expect(await ids('ＳＥＣＲＥＴＡＲＹ@')).toContain('secretary');
    expect((await get('secretary', '/api/v1/admin/staff')).status).toBe(403);

    const deactivated = await put('admin', 'outsider', { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.json()).toMatchObject({ staffId: 'outsider', active: false });
    expect((await world.ctx.store.repositories.audit.listFor('staff', 'outsider')).map((entry) => entry.action)).toContain('updateAccess');
    expect((await put('admin', 'outsider', { active: true })).json()).toMatchObject({ active: true });

    expect((await put('admin', 'secretary', { admin: true })).json().roles).toEqual(['secretariat', 'admin']);
    expect((await get('secretary', '/api/v1/admin/staff')).status).toBe(200);
    expect((await put('admin', 'secretary', { admin: false })).json().roles).toEqual(['secretariat']);
  });

  it('refuses an administrator locking themselves out, an empty change and an unknown person, in words', async () => {
    const put = (id: string, body: unknown, locale = 'ja') =>
      callApi(world.baseUrl, tokens.get('admin'), 'PUT', `/api/v1/admin/staff/${id}`, body, { 'accept-language': locale });
    const self = await put('admin', { admin: false });
    expect(self.status).toBe(409);
    expect(self.json().error.message).toContain('自分の管理者権限を外したりすることはできません');
    expect((await put('admin', { active: false }, 'en')).json().error.message).toContain('Ask another administrator');
    expect((await put('outsider', {})).status).toBe(400);
    expect((await put('outsider', { active: 'no' })).status).toBe(400);
    expect((await put('nobody', { active: true })).status).toBe(404);
    expect((await world.ctx.store.repositories.staff.get('admin'))?.appRoles).toEqual(['admin']);
  });
});
