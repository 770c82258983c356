import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conveneMeeting, prepareConvocation } from '../../shared/use-cases/meeting-convocation.js';
import { callApi } from './support/http-caller.js';
import { CLIENT_ID, OTHER_TENANT, startEntraStandIn, TAB_DOMAIN, TENANT, type EntraStandIn } from './support/entra-stand-in.js';
import { HQ_MEETING, STAFF, startTabWorld, type TabWorld } from './support/tab-world.js';

/** Who calls: four directory roles with valid Teams SSO tokens, and three tokens the validator must refuse. */
const PERSONAS = ['staff', 'secretariat', 'chair', 'admin', 'otherTenant', 'badToken', 'expiredToken'] as const;
type Persona = (typeof PERSONAS)[number];
type Role = Extract<Persona, 'staff' | 'secretariat' | 'chair' | 'admin'>;
const PEOPLE: Record<Role, { id: string; upn: string }> = { staff: STAFF.author, secretariat: STAFF.secretary, chair: STAFF.mayor, admin: STAFF.admin };

const ALL: readonly Role[] = ['staff', 'secretariat', 'chair', 'admin'];
const REVIEWERS: readonly Role[] = ['secretariat', 'admin'];
/** Only the chair convenes HQ (要綱 art. 4); neither the secretariat nor an admin does. */
const CONVENERS: readonly Role[] = ['chair'];
/** The secretariat (庶務, art. 7) prepares convocations for the chair to issue. */
const PREPARERS: readonly Role[] = ['secretariat'];
/** Who follows the answers and may send the once-only reminder. */
const FOLLOWERS: readonly Role[] = ['secretariat', 'chair', 'admin'];
const ADMINS: readonly Role[] = ['admin'];
/** HQ's materials pack: its 庶務 and administrators, not the chair as such. */
const MATERIALS: readonly Role[] = ['secretariat', 'admin'];
/** HQ's 庶務 records the minutes (art. 7); the chair who presided confirms them. */
const RECORDERS: readonly Role[] = ['secretariat'];
const PRESIDING: readonly Role[] = ['chair'];
/** An action item is its owner's (the staff persona's) or the body's secretariat's to close. */
const ACTION_CLOSERS: readonly Role[] = ['staff', 'secretariat'];
const chairPresentMinutes = { attendance: [{ staffId: STAFF.mayor.id, mark: 'present' }], guestsPresent: [], summaries: [], decisions: [] };

interface Row {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** `{persona}` is replaced by the caller's persona. */
  readonly path: string;
  readonly allowed: readonly Role[];
  /** A body per caller, so an allowed call never collides with another's record. */
  readonly body?: (persona: Persona) => unknown;
}

const hqMeeting = (persona: Persona) => ({
  meetingId: `matrix-${persona}`,
  bodyId: 'hq',
  startsAt: '2024-08-01T10:00:00+09:00',
  endsAt: '2024-08-01T11:00:00+09:00',
});
const proposal = { callId: 'fy2024-new-initiative', title: '権限確認', summary: '概要', expectedEffect: '効果' };
const csv = 'upn,display_name,grade,unit_id,post_id,app_roles,active\noutsider@city.example,保健 主事,staff,kenko-bu,,,true\n';

/**
 * Every endpoint of `/api/v1/` that takes a bearer token. "Allowed" means the caller gets past
 * authentication and authorisation: the answer may still be 404, 409 or 422 about the data.
 */
const MATRIX: readonly Row[] = [
  { method: 'GET', path: '/api/v1/me', allowed: ALL },
  { method: 'GET', path: '/api/v1/dashboard', allowed: ALL },
  { method: 'GET', path: '/api/v1/dashboard/overview', allowed: ALL },
  { method: 'GET', path: '/api/v1/bodies', allowed: ALL },
  { method: 'GET', path: '/api/v1/bodies/hq', allowed: ALL },
  { method: 'GET', path: '/api/v1/plan', allowed: ALL },
  { method: 'GET', path: '/api/v1/meetings', allowed: ALL },
  { method: 'GET', path: '/api/v1/meetings/hq-2024-2', allowed: ALL },
  { method: 'GET', path: '/api/v1/meetings/hq-2024-2/materials.docx', allowed: MATERIALS },
  { method: 'PUT', path: '/api/v1/meetings/hq-2024-2/rsvp', allowed: ['secretariat', 'chair'], body: () => ({ response: 'attend' }) },
  { method: 'GET', path: '/api/v1/meetings/hq-2024-2/minutes', allowed: ALL },
  // Each caller works on the minutes of a held meeting of their own, so one caller's save or confirmation is not another's.
  { method: 'PUT', path: '/api/v1/meetings/matrix-held-{persona}/minutes', allowed: RECORDERS, body: () => chairPresentMinutes },
  { method: 'POST', path: '/api/v1/meetings/matrix-held-{persona}/minutes/confirm', allowed: PRESIDING },
  { method: 'GET', path: '/api/v1/action-items/mine', allowed: ALL },
  { method: 'POST', path: '/api/v1/action-items/matrix-action/done', allowed: ACTION_CLOSERS, body: () => ({ note: '' }) },
  { method: 'POST', path: '/api/v1/meetings', allowed: CONVENERS, body: hqMeeting },
  {
    method: 'POST',
    path: '/api/v1/meetings/matrix-target/reschedule',
    allowed: CONVENERS,
    body: () => ({ startsAt: '2024-08-02T10:00:00+09:00', endsAt: '2024-08-02T11:00:00+09:00' }),
  },
  { method: 'POST', path: '/api/v1/meetings/matrix-target/cancel', allowed: CONVENERS },
  { method: 'POST', path: '/api/v1/meetings/hq-2024-2/rsvp-reminder', allowed: FOLLOWERS },
  {
    method: 'POST',
    path: '/api/v1/meetings/prepare',
    allowed: PREPARERS,
    body: (persona) => ({ ...hqMeeting(persona), meetingId: `matrix-prepared-${persona}` }),
  },
  { method: 'POST', path: '/api/v1/meetings/matrix-draft/issue', allowed: CONVENERS, body: () => ({ guests: [] }) },
  { method: 'GET', path: '/api/v1/absences', allowed: REVIEWERS },
  // A later period of a deputy's post, so the rows after this one still see the chair as present.
  {
    method: 'POST',
    path: '/api/v1/absences',
    allowed: REVIEWERS,
    body: () => ({ postId: 'fukukucho-2', kind: 'absent', from: '2025-01-06T00:00:00+09:00', until: '2025-01-10T00:00:00+09:00' }),
  },
  { method: 'POST', path: '/api/v1/absences/matrix-missing/end', allowed: REVIEWERS },
  { method: 'GET', path: '/api/v1/project-teams', allowed: ALL },
  { method: 'GET', path: '/api/v1/project-teams/pt-1-4', allowed: ALL },
  {
    method: 'POST',
    path: '/api/v1/project-teams/pt-1-4/progress-reports',
    allowed: ADMINS,
    body: (persona) => ({ reportId: `report-${persona}`, meetingId: 'hq-2024-2', structure: '', schedule: '', progress: '進捗', issues: '' }),
  },
  { method: 'GET', path: '/api/v1/practices', allowed: ALL },
  { method: 'POST', path: '/api/v1/practices/gp-2024-2/interest', allowed: ALL },
  { method: 'GET', path: '/api/v1/schedule', allowed: ALL },
  { method: 'GET', path: '/api/v1/calls', allowed: ALL },
  { method: 'GET', path: '/api/v1/proposals/mine', allowed: ALL },
  // Each author works on a proposal of their own; someone else's is refused as proposal.notAuthor (403).
  { method: 'PUT', path: '/api/v1/proposals/matrix-draft-{persona}', allowed: ALL, body: () => ({ callId: proposal.callId, title: '下書き' }) },
  { method: 'POST', path: '/api/v1/proposals/matrix-draft-{persona}/submit', allowed: ALL, body: () => proposal },
  { method: 'POST', path: '/api/v1/proposals/matrix-draft-{persona}/withdraw', allowed: ALL },
  { method: 'POST', path: '/api/v1/proposals/matrix-draft-staff/withdraw', allowed: ['staff'] },
  { method: 'GET', path: '/api/v1/review/proposals', allowed: REVIEWERS },
  { method: 'GET', path: '/api/v1/review/export.xlsx', allowed: REVIEWERS },
  { method: 'POST', path: '/api/v1/review/start', allowed: REVIEWERS, body: () => ({ proposalIds: ['matrix-missing'] }) },
  { method: 'POST', path: '/api/v1/review/proposals/matrix-missing/decision', allowed: REVIEWERS, body: () => ({ decision: 'rejected', reason: '理由' }) },
  { method: 'POST', path: '/api/v1/review/proposals/matrix-missing/notes', allowed: REVIEWERS, body: () => ({ text: 'メモ' }) },
  { method: 'GET', path: '/api/v1/review/export.csv', allowed: REVIEWERS },
  { method: 'GET', path: '/api/v1/recruitment', allowed: ALL },
  { method: 'GET', path: '/api/v1/recruitment/rp-1', allowed: ALL },
  { method: 'POST', path: '/api/v1/recruitment/rp-1/applications', allowed: ALL, body: () => ({ desiredRole: 'member', motivation: '参加したい' }) },
  { method: 'PUT', path: '/api/v1/recruitment/rp-1/team', allowed: REVIEWERS, body: () => ({ seats: [] }) },
  { method: 'GET', path: '/api/v1/recruitment/rp-1/candidates?q=%E8%B2%A1%E6%94%BF', allowed: REVIEWERS },
  { method: 'GET', path: '/api/v1/calendar-feed', allowed: ALL },
  { method: 'POST', path: '/api/v1/calendar-feed/rotate', allowed: ALL },
  { method: 'GET', path: '/api/v1/admin/notifications', allowed: REVIEWERS },
  { method: 'GET', path: '/api/v1/admin/notifications/planned', allowed: REVIEWERS },
  { method: 'GET', path: '/api/v1/admin/notifications/planned/matrix-missing/preview', allowed: REVIEWERS },
  {
    method: 'POST',
    path: '/api/v1/admin/notifications/planned/matrix-missing/test-send',
    allowed: REVIEWERS,
    body: () => ({ conversationId: '19:matrix@thread.tacv2' }),
  },
  { method: 'POST', path: '/api/v1/admin/staff-import/preview', allowed: ADMINS, body: () => ({ csv }) },
  { method: 'POST', path: '/api/v1/admin/staff-import/apply', allowed: ADMINS, body: () => ({ csv }) },
  { method: 'POST', path: '/api/v1/admin/programme-import/preview', allowed: ADMINS, body: () => ({ yaml: 'x: 1' }) },
  { method: 'POST', path: '/api/v1/admin/programme-import/apply', allowed: ADMINS, body: () => ({ yaml: 'x: 1' }) },
  { method: 'POST', path: '/api/v1/admin/rollover', allowed: ADMINS, body: () => ({ toYear: 2025 }) },
  { method: 'GET', path: '/api/v1/admin/staff', allowed: ADMINS },
  { method: 'PUT', path: '/api/v1/admin/staff/outsider', allowed: ADMINS, body: () => ({ active: true }) },
];

/** A held HQ meeting per persona with draft minutes (the chair present), and an action item of the staff persona. */
async function seedHeldMeetings(world: TabWorld): Promise<void> {
  const repos = world.ctx.store.repositories;
  for (const [index, persona] of PERSONAS.entries()) {
    const meetingId = `matrix-held-${persona}`;
    await repos.meetings.insert({
      ...HQ_MEETING,
      id: meetingId,
      ordinal: 100 + index,
      startsAt: new Date('2024-05-01T10:00:00+09:00'),
      endsAt: new Date('2024-05-01T11:00:00+09:00'),
    });
    await repos.minutes.save({
      meetingId,
      bodyId: 'hq',
      status: 'draft',
      attendance: [{ staffId: STAFF.mayor.id, mark: 'present' }],
      guestsPresent: [],
      summaries: [],
      decisions: [],
      updatedAt: world.clock.now(),
      updatedByStaffId: STAFF.secretary.id,
    });
  }
  await repos.actionItems.insertNew([
    {
      id: 'matrix-action',
      meetingId: 'matrix-held-staff',
      bodyId: 'hq',
      decisionId: 'd1',
      title: '権限確認',
      owner: { kind: 'staff', staffId: STAFF.author.id },
      dueOn: '2024-06-28',
      status: 'open',
      createdAt: world.clock.now(),
    },
  ]);
}

describe('authorisation matrix of the tab API (Teams SSO tokens)', () => {
  let entra: EntraStandIn;
  let world: TabWorld;
  const tokens = new Map<Persona, string>();
  beforeAll(async () => {
    entra = await startEntraStandIn();
    world = await startTabWorld({ auth: { mode: 'entra', clientId: CLIENT_ID, domain: TAB_DOMAIN, allowedTenantIds: [TENANT], jwksUrl: entra.jwksUrl } });
    for (const role of ALL) tokens.set(role, await entra.sign({ preferred_username: PEOPLE[role].upn, oid: `oid-${PEOPLE[role].id}` }));
    tokens.set(
      'otherTenant',
      await entra.sign({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, preferred_username: STAFF.admin.upn }),
    );
    tokens.set('badToken', await entra.sign({ preferred_username: STAFF.admin.upn }, { key: 'stranger' }));
    tokens.set('expiredToken', await entra.sign({ preferred_username: STAFF.admin.upn }, { expiresInSeconds: -600 }));
    await prepareConvocation(world.ctx, STAFF.secretary, {
      meetingId: 'matrix-draft',
      bodyId: 'hq',
      startsAt: new Date('2024-07-31T10:00:00+09:00'),
      endsAt: new Date('2024-07-31T11:00:00+09:00'),
    });
    await conveneMeeting(world.ctx, STAFF.mayor, {
      meetingId: 'matrix-target',
      bodyId: 'hq',
      startsAt: new Date('2024-07-30T10:00:00+09:00'),
      endsAt: new Date('2024-07-30T11:00:00+09:00'),
    });
    await seedHeldMeetings(world);
  });
  afterAll(async () => {
    await world?.close();
    await entra?.close();
  });

  const expected = (row: Row) =>
    Object.fromEntries(
      PERSONAS.map((persona) => [persona, (ALL as readonly Persona[]).includes(persona) ? (row.allowed.includes(persona as Role) ? 'allowed' : 403) : 401]),
    );
  const outcome = (status: number) => (status === 401 || status === 403 ? status : status >= 500 ? `error ${status}` : 'allowed');

  it.each(MATRIX.map((row) => [`${row.method} ${row.path}`, row] as const))('%s answers each caller as the matrix says', async (_name, row) => {
    const actual: Record<string, number | string> = {};
    for (const persona of PERSONAS) {
      const response = await callApi(
        world.baseUrl,
        tokens.get(persona),
        row.method,
        row.path.replace('{persona}', persona),
        row.body?.(persona) ?? (row.method === 'GET' ? undefined : {}),
      );
      actual[persona] = outcome(response.status);
      if (response.status === 401) expect(response.json().error.code).toBe('auth.unauthenticated');
    }
    expect(actual).toEqual(expected(row));
  });

  it('wrote nothing for the callers it refused', async () => {
    const repos = world.ctx.store.repositories;
    expect(await repos.meetings.get('matrix-staff')).toBeUndefined();
    expect(await repos.meetings.get('matrix-secretariat')).toBeUndefined();
    expect(await repos.meetings.get('matrix-admin')).toBeUndefined();
    expect(await repos.meetings.get('matrix-chair')).toMatchObject({ status: 'convened', convenedByStaffId: 'mayor' });
    expect((await repos.meetings.get('matrix-prepared-secretariat'))?.status).toBe('prepared');
    for (const persona of ['staff', 'chair', 'admin']) expect(await repos.meetings.get(`matrix-prepared-${persona}`)).toBeUndefined();
    expect(await repos.meetings.get('matrix-draft')).toMatchObject({ status: 'convened', convenedByStaffId: 'mayor' });
    expect((await repos.postAbsences.list()).map((absence) => absence.recordedByStaffId).sort()).toEqual(['admin', 'secretary']);
    const reports = (await repos.projectTeams.listProgressReports('pt-1-4')).map((report) => report.id);
    expect(reports).toEqual(['report-admin']);
    expect(await repos.calls.get('fy2025-new-initiative')).toBeDefined();
    expect((await repos.audit.listFor('call', 'fy2025-new-initiative')).map((entry) => entry.actorStaffId)).toEqual(['admin']);
    expect(await repos.calendarFeeds.get(STAFF.admin.id)).toBeDefined();
    expect((await repos.audit.listFor('calendarFeed', STAFF.admin.id)).map((entry) => entry.action)).toEqual(['create']);
    const minutesStatus = async (persona: Persona) => (await repos.minutes.get(`matrix-held-${persona}`))?.status;
    expect(await minutesStatus('chair')).toBe('confirmed');
    for (const persona of ['staff', 'secretariat', 'admin'] as const) expect(await minutesStatus(persona)).toBe('draft');
    expect((await repos.audit.listFor('minutes', 'matrix-held-secretariat')).map((entry) => entry.actorStaffId)).toEqual([STAFF.secretary.id]);
    expect((await repos.audit.listFor('minutes', 'matrix-held-staff')).map((entry) => entry.action)).toEqual([]);
    expect((await repos.actionItems.get('matrix-action'))?.doneByStaffId).toBe(STAFF.author.id);
  });
});
