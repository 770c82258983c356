import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { conveneMeeting, prepareConvocation } from '../../shared/use-cases/meeting-convocation.js';
import { startProposalReviews } from '../../shared/use-cases/proposal-review.js';
import { saveProposalDraft, submitProposal } from '../../shared/use-cases/proposal-submission.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import type { TabNotificationTools } from '../../tab/api/index.js';
import { registeredTabRoutes } from './support/registered-routes.js';
import { useTabApi } from './support/tab-api-session.js';
import { CALL, HQ_MEETING, NOW, RECRUITMENT, STAFF } from './support/tab-world.js';

const FY2024_YAML = await fs.readFile(path.resolve(import.meta.dirname, '../../shared/programme/fy2024.yaml'), 'utf8');
const STAFF_CSV = ['upn,display_name,grade,unit_id,post_id,app_roles,active', 'new.person@city.example,新人 職員,staff,zaisei-ka,,,'].join('\n');

/** The characters the store cannot keep, as a JSON client sends them (`JSON.stringify` escapes both). */
const BAD = { NUL: '\u0000', 'lone surrogate': '\ud800' } as const;

const WRITING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The calendar clients' feeds: plain text for Outlook, not JSON; a secret they cannot match answers 404. */
const FEED_ROUTES = new Set(['/api/v1/ical/:file', '/api/v1/ical/:secret/:file']);

interface WritingCase {
  /** Who calls: someone the route lets through, so the valid body is really written. */
  readonly as: string;
  /** The concrete path (parameters filled in). */
  readonly path: string;
  /** A body the route accepts; `undefined` for a route that reads none. */
  readonly body?: Record<string, unknown>;
  /** The instant the valid body is sent at, when the route depends on it (a team after the call closes). */
  readonly clock?: Date;
  /** Whether the valid body changes the database (a preview or a sign-in does not). */
  readonly writes?: false;
}

const NUL_CHANNEL = '19:nul-channel@thread.tacv2';
const hqTimes = { startsAt: '2024-08-01T10:00:00+09:00', endsAt: '2024-08-01T11:00:00+09:00' };
const proposalBody = {
  callId: CALL.id,
  track: 'department',
  departmentUnitId: 'seisaku-keiei-bu',
  title: '件名',
  summary: '概要',
  relatedItem: '1-4',
  expectedEffect: '効果',
  perspective: 'crossCutting',
};

/**
 * Every writing route (`METHOD path` as registered) with a valid body, in the order they run:
 * a valid body is sent after every injected one, so a later route may rely on an earlier one.
 */
const WRITING_CASES: Readonly<Record<string, WritingCase>> = {
  'POST /api/v1/local-auth/token': { as: STAFF.author.id, path: '/api/v1/local-auth/token', body: { staffId: STAFF.author.id }, writes: false },
  'PUT /api/v1/me/preferences': { as: STAFF.member2.id, path: '/api/v1/me/preferences', body: { locale: 'ja' } },
  'POST /api/v1/notices/:id/read': { as: STAFF.author.id, path: '/api/v1/notices/nul-notice/read' },
  'PUT /api/v1/meetings/:id/rsvp': {
    as: STAFF.deputy1.id,
    path: `/api/v1/meetings/${HQ_MEETING.id}/rsvp`,
    body: { response: 'proxy', proxyName: '代理 太郎' },
  },
  'POST /api/v1/meetings': {
    as: STAFF.mayor.id,
    path: '/api/v1/meetings',
    body: {
      meetingId: 'nul-new',
      bodyId: 'hq',
      ...hqTimes,
      place: '第1委員会室',
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      agenda: ['予算の確認'],
      ptProgress: ['pt-1-4'],
      guests: [{ name: '外部 有識者', affiliation: '大学' }],
    },
  },
  'POST /api/v1/meetings/prepare': {
    as: STAFF.secretary.id,
    path: '/api/v1/meetings/prepare',
    body: {
      meetingId: 'nul-draft-new',
      bodyId: 'hq',
      ...hqTimes,
      place: '第1委員会室',
      agenda: ['予算の確認'],
      guests: [{ name: '外部 有識者', affiliation: '大学' }],
    },
  },
  'POST /api/v1/meetings/:id/issue': {
    as: STAFF.mayor.id,
    path: '/api/v1/meetings/nul-issue/issue',
    body: { guests: [{ name: '外部 有識者', affiliation: '大学' }] },
  },
  'POST /api/v1/meetings/:id/reschedule': {
    as: STAFF.mayor.id,
    path: '/api/v1/meetings/nul-reschedule/reschedule',
    body: { startsAt: '2024-08-02T10:00:00+09:00', endsAt: '2024-08-02T11:00:00+09:00', place: '第2委員会室', reason: '議場の都合' },
  },
  'POST /api/v1/meetings/:id/cancel': { as: STAFF.mayor.id, path: '/api/v1/meetings/nul-cancel/cancel' },
  'POST /api/v1/meetings/:id/rsvp-reminder': { as: STAFF.secretary.id, path: `/api/v1/meetings/${HQ_MEETING.id}/rsvp-reminder` },
  'PUT /api/v1/meetings/:id/minutes': {
    as: STAFF.secretary.id,
    path: '/api/v1/meetings/nul-held/minutes',
    // Minutes are written once the meeting has started.
    clock: new Date('2024-07-30T15:00:00+09:00'),
    body: {
      attendance: [
        { staffId: STAFF.mayor.id, mark: 'present' },
        { staffId: STAFF.deputy1.id, mark: 'proxy', proxyName: '代理 太郎' },
      ],
      guestsPresent: ['外部 有識者'],
      summaries: [{ agendaIndex: 0, summary: '予算について意見交換した。' }],
      decisions: [
        {
          id: 'd1',
          agendaIndex: 0,
          text: '次回までに試算する。',
          subject: { kind: 'general' },
          actions: [{ title: '費用の試算', owner: { kind: 'unit', unitId: 'zaisei-ka' }, dueOn: '2024-08-30' }],
        },
      ],
    },
  },
  'POST /api/v1/meetings/:id/minutes/confirm': { as: STAFF.mayor.id, path: '/api/v1/meetings/nul-held/minutes/confirm' },
  'POST /api/v1/action-items/:id/done': { as: STAFF.author.id, path: '/api/v1/action-items/nul-action/done', body: { note: '試算を提出した。' } },
  'POST /api/v1/project-teams/:id/progress-reports': {
    as: STAFF.ptSecretary.id,
    path: '/api/v1/project-teams/pt-1-4/progress-reports',
    body: { reportId: 'nul-report', meetingId: HQ_MEETING.id, structure: '体制', schedule: '予定', progress: '進捗', issues: '課題' },
  },
  'POST /api/v1/practices/:id/interest': { as: STAFF.author.id, path: '/api/v1/practices/gp-2024-2/interest' },
  'PUT /api/v1/proposals/:id': { as: STAFF.planningChief.id, path: '/api/v1/proposals/nul-draft', body: proposalBody },
  'POST /api/v1/proposals/:id/submit': { as: STAFF.planningChief.id, path: '/api/v1/proposals/nul-draft/submit', body: proposalBody },
  'POST /api/v1/proposals/:id/withdraw': { as: STAFF.author.id, path: '/api/v1/proposals/nul-withdraw/withdraw' },
  'POST /api/v1/review/start': { as: STAFF.secretary.id, path: '/api/v1/review/start', body: { proposalIds: ['nul-start'] } },
  'POST /api/v1/review/proposals/:id/decision': {
    as: STAFF.secretary.id,
    path: '/api/v1/review/proposals/nul-decide/decision',
    body: { decision: 'rejected', reason: '効果が見込めないため' },
  },
  'POST /api/v1/review/proposals/:id/notes': { as: STAFF.secretary.id, path: '/api/v1/review/proposals/nul-decide/notes', body: { text: '所管課に確認済み' } },
  'POST /api/v1/recruitment/:id/applications': {
    as: STAFF.member2.id,
    path: `/api/v1/recruitment/${RECRUITMENT.id}/applications`,
    body: { desiredRole: 'member', motivation: '参加したい' },
  },
  'PUT /api/v1/recruitment/:id/team': {
    as: STAFF.secretary.id,
    path: `/api/v1/recruitment/${RECRUITMENT.id}/team`,
    // A team is formed once the public call has closed.
    clock: RECRUITMENT.closesAt,
    body: {
      confirmationReason: '人数は目安どおり',
      seats: [
        { staffId: STAFF.planningChief.id, role: 'pm', exceptionReason: '応募者のため不要' },
        { staffId: STAFF.plCandidate.id, role: 'pl' },
        { staffId: STAFF.author.id, role: 'member' },
        { staffId: STAFF.outsider.id, role: 'member' },
        { staffId: STAFF.member1.id, role: 'member' },
      ],
    },
  },
  'POST /api/v1/absences': {
    as: STAFF.secretary.id,
    path: '/api/v1/absences',
    body: { postId: 'fukukucho-2', kind: 'absent', from: '2025-01-06T00:00:00+09:00', until: '2025-01-10T00:00:00+09:00', note: '出張' },
  },
  'POST /api/v1/absences/:id/end': { as: STAFF.secretary.id, path: '/api/v1/absences/nul-absence/end' },
  'POST /api/v1/calendar-feed/rotate': { as: STAFF.author.id, path: '/api/v1/calendar-feed/rotate' },
  // Audited: the row stays pending, but the test send is recorded.
  'POST /api/v1/admin/notifications/planned/:id/test-send': {
    as: STAFF.secretary.id,
    path: '/api/v1/admin/notifications/planned/nul-planned/test-send',
    body: { conversationId: NUL_CHANNEL },
  },
  'POST /api/v1/admin/staff-import/preview': { as: STAFF.admin.id, path: '/api/v1/admin/staff-import/preview', body: { csv: STAFF_CSV }, writes: false },
  'POST /api/v1/admin/staff-import/apply': { as: STAFF.admin.id, path: '/api/v1/admin/staff-import/apply', body: { csv: STAFF_CSV } },
  'POST /api/v1/admin/rollover': { as: STAFF.admin.id, path: '/api/v1/admin/rollover', body: { toYear: 2025 } },
  'PUT /api/v1/admin/staff/:id': { as: STAFF.admin.id, path: '/api/v1/admin/staff/outsider', body: { admin: true } },
  'POST /api/v1/admin/programme-import/preview': {
    as: STAFF.admin.id,
    path: '/api/v1/admin/programme-import/preview',
    body: { yaml: FY2024_YAML },
    writes: false,
  },
  // Last: the FY2024 programme replaces the small seeded one.
  'POST /api/v1/admin/programme-import/apply': { as: STAFF.admin.id, path: '/api/v1/admin/programme-import/apply', body: { yaml: FY2024_YAML } },
};

/** Every string in a body (and in its arrays and nested objects), by its path as the error names it. */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...at, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...at, key]));
  return [];
}

const named = (at: readonly (string | number)[]) =>
  at.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');

/** A copy of `body` with `bad` put in the middle of the string at `at`. */
function injected(body: unknown, at: readonly (string | number)[], bad: string): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at.at(-1)!;
  const text = parent[last] as string;
  const middle = Math.floor(text.length / 2);
  parent[last] = `${text.slice(0, middle)}${bad}${text.slice(middle)}`;
  return copy;
}

/** The bot's part as the test send needs it: any row renders as a short text, and Teams accepts every message. */
const stubNotifications = (): TabNotificationTools => ({
  renderer: { render: () => Promise.resolve({ kind: 'send', message: { text: '通知' } }) },
  sender: { send: () => Promise.resolve({ ok: true, activityId: 'activity-1' }) },
});

async function seedTargets(ctx: UseCaseContext): Promise<void> {
  await ctx.store.repositories.conversations.upsert({
    conversationId: NUL_CHANNEL,
    kind: 'channel',
    serviceUrl: 'http://127.0.0.1:9/',
    tenantId: 'tenant',
    botId: '28:local-bot',
    locale: 'ja',
    active: true,
    updatedAt: NOW,
  });
  await ctx.store.repositories.outbox.plan([
    {
      id: 'nul-planned',
      occurrenceKey: 'nul:planned',
      seriesKey: 'nul',
      conversationId: NUL_CHANNEL,
      kind: 'convocations',
      subjectId: HQ_MEETING.id,
      dueAt: new Date('2024-06-01T09:00:00+09:00'),
      expiresAt: new Date('2024-07-01T09:00:00+09:00'),
      payload: { type: 'convocation', meetingId: HQ_MEETING.id },
    },
  ]);
  for (const id of ['nul-reschedule', 'nul-cancel']) {
    await conveneMeeting(ctx, STAFF.mayor, {
      meetingId: id,
      bodyId: 'hq',
      startsAt: new Date('2024-07-30T10:00:00+09:00'),
      endsAt: new Date('2024-07-30T11:00:00+09:00'),
    });
  }
  await prepareConvocation(ctx, STAFF.secretary, {
    meetingId: 'nul-issue',
    bodyId: 'hq',
    startsAt: new Date('2024-07-31T10:00:00+09:00'),
    endsAt: new Date('2024-07-31T11:00:00+09:00'),
    guests: [{ name: '外部 有識者', affiliation: '大学' }],
  });
  // A later period of a deputy's post, so it changes nobody's authority in these tests.
  await ctx.store.repositories.postAbsences.insert({
    id: 'nul-absence',
    postId: 'fukukucho-2',
    kind: 'absent',
    from: new Date('2025-02-03T00:00:00+09:00'),
    recordedByStaffId: STAFF.secretary.id,
    recordedAt: NOW,
  });
  await conveneMeeting(ctx, STAFF.mayor, {
    meetingId: 'nul-held',
    bodyId: 'hq',
    startsAt: new Date('2024-07-30T10:00:00+09:00'),
    endsAt: new Date('2024-07-30T11:00:00+09:00'),
    agenda: [{ title: '予算の確認', kind: 'general' }],
    guests: [{ name: '外部 有識者', affiliation: '大学' }],
  });
  await ctx.store.repositories.actionItems.insertNew([
    {
      id: 'nul-action',
      meetingId: HQ_MEETING.id,
      bodyId: 'hq',
      decisionId: 'd1',
      title: '事例の調査',
      owner: { kind: 'staff', staffId: STAFF.author.id },
      dueOn: '2024-06-28',
      status: 'open',
      createdAt: NOW,
    },
  ]);
  const content = { callId: CALL.id, title: '提出済みの提案', summary: '概要', expectedEffect: '効果' };
  await saveProposalDraft(ctx, STAFF.author, { proposalId: 'nul-withdraw', callId: CALL.id, title: '取り下げる下書き' });
  await submitProposal(ctx, STAFF.author, { ...content, proposalId: 'nul-start' });
  await submitProposal(ctx, STAFF.outsider, { ...content, proposalId: 'nul-decide' });
  await startProposalReviews(ctx, STAFF.secretary, ['nul-decide']);
}

describe('text the store cannot keep (NUL, lone surrogates) is refused at the edge of the tab API', () => {
  const api = useTabApi(seedTargets, [], stubNotifications);
  const routes = registeredTabRoutes();
  // A person's first signed-in call links their account: done here, so a refused call has nothing else to write.
  beforeAll(async () => {
    for (const person of Object.values(STAFF)) expect((await api.call(person.id, 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('has a case for every writing route the API registers, and none for a route that is gone', () => {
    const writing = routes.filter((route) => WRITING_METHODS.has(route.method)).map((route) => `${route.method} ${route.path}`);
    expect(writing.length).toBeGreaterThan(20);
    expect(Object.keys(WRITING_CASES).sort()).toEqual([...writing].sort());
  });

  // Routes that read no body are covered by the path and query checks below.
  const withBodies = Object.entries(WRITING_CASES).flatMap(([route, { body, ...rest }]) => (body ? [[route, { body, ...rest }] as const] : []));

  describe.each(withBodies)('%s', (route, { as, path: url, body, writes, clock }) => {
    const method = route.split(' ')[0]!;
    const injections = stringPaths(body).flatMap((at) => Object.entries(BAD).map(([kind, bad]) => [named(at), kind, at, bad] as const));

    if (injections.length > 0)
      it.each(injections)('refuses %s with a %s: 400 naming the field, nothing written', async (field, _kind, at, bad) => {
        const before = await api.world.tables();
        const response = await api.call(as, method, url, injected(body, at, bad));
        expect(response.status, response.text).toBe(400);
        const { error } = response.json();
        expect(error.code).toBe('text.forbiddenCharacter');
        expect(error.message).toContain(`「${field}」に使用できない文字`);
        expect(error.fields).toEqual([{ field, message: error.message }]);
        expect(await api.world.tables()).toEqual(before);
      });

    it(`accepts the valid body${writes === false ? '' : ' and writes it'}`, async () => {
      if (clock) api.world.clock.set(clock);
      const before = await api.world.tables();
      const response = await api.call(as, method, url, body);
      if (clock) api.world.clock.set(NOW);
      expect(response.status, response.text).toBeLessThan(300);
      if (writes !== false) expect(await api.world.tables()).not.toEqual(before);
    });
  });

  /** A registered path with each parameter filled: `value` for the one named, a plain id for the others. */
  const fill = (pattern: string, name?: string, value?: string) => pattern.replace(/:(\w+)/g, (_whole, param: string) => (param === name ? value! : 'x'));
  const apiRoutes = routes.filter((route) => !FEED_ROUTES.has(route.path));
  const params = apiRoutes.flatMap((route) => [...route.path.matchAll(/:(\w+)/g)].map((match) => [`${route.method} ${route.path}`, match[1]!, route] as const));

  it.each(params)('%s refuses a NUL in the path parameter %s: 400 naming it, nothing written', async (_name, param, route) => {
    const before = await api.world.tables();
    const response = await api.call(STAFF.admin.id, route.method, fill(route.path, param, 'a%00b'), WRITING_METHODS.has(route.method) ? {} : undefined);
    expect(response.status, response.text).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'text.forbiddenCharacter', fields: [{ field: param }] });
    expect(response.json().error.message).toContain(`「${param}」に使用できない文字`);
    expect(await api.world.tables()).toEqual(before);
  });

  it.each(apiRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s refuses a NUL in the query string: 400 naming the parameter, nothing written',
    async (_name, route) => {
      const before = await api.world.tables();
      const response = await api.call(STAFF.admin.id, route.method, `${fill(route.path)}?q=a%00b`, WRITING_METHODS.has(route.method) ? {} : undefined);
      expect(response.status, response.text).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'text.forbiddenCharacter', fields: [{ field: 'q' }] });
      expect(await api.world.tables()).toEqual(before);
    },
  );

  it('refuses a NUL in a query parameter a route reads (the meeting list by body), rather than failing', async () => {
    const response = await api.call(STAFF.author.id, 'GET', '/api/v1/meetings?bodyId=hq%00');
    expect(response.status, response.text).toBe(400);
    expect(response.json().error.message).toContain('「bodyId」に使用できない文字');
  });

  it('answers a calendar feed whose secret holds a NUL as any unknown feed: 404', async () => {
    expect(routes.filter((route) => FEED_ROUTES.has(route.path))).toHaveLength(FEED_ROUTES.size);
    for (const url of [`/api/v1/ical/${'a'.repeat(21)}%00${'a'.repeat(21)}.ics`, `/api/v1/ical/${'a'.repeat(43)}/hq%00.ics`]) {
      expect((await api.call(undefined, 'GET', url)).status).toBe(404);
    }
  });

  it('refuses a programme file whose YAML escapes spell a NUL, naming the field, and imports nothing', async () => {
    const yaml = FY2024_YAML.replace('title: お問合せセンター運営業務の再構築', 'title: "お問合せセンター\\0運営業務の再構築"');
    expect(yaml).not.toBe(FY2024_YAML);
    const before = await api.world.tables();
    for (const step of ['preview', 'apply']) {
      const response = await api.call(STAFF.admin.id, 'POST', `/api/v1/admin/programme-import/${step}`, { yaml });
      expect(response.status, response.text).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'programme.forbiddenCharacter', fields: [{ field: 'pts[0].title' }] });
      expect(response.json().error.message).toContain('計画データの「pts[0].title」に使用できない文字');
    }
    expect(await api.world.tables()).toEqual(before);
  });

  it('names the field in English for someone who chose English', async () => {
    expect((await api.call(STAFF.outsider.id, 'PUT', '/api/v1/me/preferences', { locale: 'en' })).status).toBe(200);
    const response = await api.call(STAFF.outsider.id, 'PUT', '/api/v1/proposals/nul-english', { callId: CALL.id, title: 'a\u0000b' });
    expect(response.status).toBe(400);
    expect(response.json().error.message).toBe(
      '"title" contains a character that cannot be used (NUL, U+0000, or an unpaired surrogate). Remove it and try again.',
    );
    expect(await api.world.ctx.store.repositories.proposals.get('nul-english')).toBeUndefined();
  });
});
