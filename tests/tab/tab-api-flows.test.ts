import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTabWorld, STAFF, type TabWorld } from './support/tab-world.js';
import { tokensForAllStaff } from './support/staff-tokens.js';

const draft = {
  callId: 'fy2024-new-initiative',
  title: 'ペーパーレス会議の全庁展開',
  summary: '会議資料を電子化する',
  relatedItem: '１‐４',
  expectedEffect: '印刷費の削減',
};

describe('tab API flows in local mode over HTTP', () => {
  let world: TabWorld;
  let tokens = new Map<string, string>();
  beforeAll(async () => {
    world = await startTabWorld({ auth: { mode: 'local' }, maxBodyBytes: 16 * 1024 });
    tokens = await tokensForAllStaff(world.baseUrl);
  });
  afterAll(() => world?.close());

  const call = async (as: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${world.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens.get(as)}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    // Raw bytes, decoded without stripping a BOM (fetch's text() would drop it).
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    return { status: response.status, headers: response.headers, bytes, text, json: () => JSON.parse(text) };
  };
  const stored = (id: string) => world.ctx.store.repositories.proposals.get(id);

  it('shows a dashboard with open calls counted down per track in Japan days', async () => {
    const dashboard = (await call('author', 'GET', '/api/v1/dashboard')).json();
    expect(dashboard.viewer).toMatchObject({ staffId: 'author', department: { id: 'seisaku-keiei-bu' } });
    const [open] = dashboard.openCalls;
    expect(open.tracks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'individual', deadlineDate: '2024-05-17', daysLeft: 7, open: true }),
        expect.objectContaining({ kind: 'department', deadlineDate: '2024-06-14', daysLeft: 35, open: true }),
      ]),
    );
    expect(dashboard.tasks.reviewsWaiting).toBeUndefined();
    expect(dashboard.nextMeetings.map((meeting: { id: string }) => meeting.id)).toEqual(['hq-2024-2']);
  });

  it('lists an RSVP to answer for a roster member and records the answer through the use case', async () => {
    const before = (await call('deputy1', 'GET', '/api/v1/dashboard')).json();
    expect(before.tasks.rsvpsToAnswer.map((meeting: { id: string }) => meeting.id)).toEqual(['hq-2024-2']);
    expect((await call('deputy1', 'PUT', '/api/v1/meetings/hq-2024-2/rsvp', { response: 'attend' })).status).toBe(200);
    expect((await call('deputy1', 'GET', '/api/v1/dashboard')).json().tasks.rsvpsToAnswer).toEqual([]);
    const refused = await call('outsider', 'PUT', '/api/v1/meetings/hq-2024-2/rsvp', { response: 'attend' });
    expect(refused.status).toBe(403);
    expect((await world.ctx.store.repositories.meetings.listRsvps('hq-2024-2')).some((rsvp) => rsvp.staffId === 'outsider')).toBe(false);
  });

  it('shows the 1st-rank deputy mayor as acting chair when the mayor has declined', async () => {
    const meeting = (await call('outsider', 'GET', '/api/v1/meetings/hq-2024-2')).json();
    expect(meeting.presiding).toEqual({ basis: 'guideline', postTitle: '副区長（第1順位）', displayName: STAFF.deputy1.displayName });
    expect(meeting.roster.find((line: { postId: string }) => line.postId === 'kucho').holders[0].rsvp).toBe('absent');
    expect(meeting.guests).toEqual([{ name: '外部 有識者', affiliation: '大学' }]);
  });

  it('saves a draft, edits it, submits it with a receipt number, and a repeated submit changes nothing', async () => {
    const saved = await call('author', 'PUT', '/api/v1/proposals/p-1', { callId: draft.callId, title: '下書き' });
    expect(saved.status).toBe(200);
    expect(saved.json()).toMatchObject({ state: 'draft', editable: true, track: 'individual' });
    const submitted = (await call('author', 'POST', '/api/v1/proposals/p-1/submit', draft)).json();
    expect(submitted).toMatchObject({ state: 'submitted', receiptNumber: 'R6-新規-001', relatedItemKey: '1-4', editable: false });
    expect((await call('author', 'POST', '/api/v1/proposals/p-1/submit', draft)).json().receiptNumber).toBe('R6-新規-001');
    const mine = (await call('author', 'GET', '/api/v1/proposals/mine')).json();
    expect(mine).toHaveLength(1);
    expect(mine[0]).not.toHaveProperty('notes');
  });

  it('refuses an incomplete submission with every missing field, localised, and keeps the draft', async () => {
    await call('author', 'PUT', '/api/v1/proposals/p-2', { callId: draft.callId, title: '件名だけ' });
    const ja = await call('author', 'POST', '/api/v1/proposals/p-2/submit', { callId: draft.callId, title: '件名だけ' });
    expect(ja.status).toBe(422);
    expect(ja.json().error.fields.map((field: { field: string }) => field.field)).toEqual(['summary', 'expectedEffect']);
    expect(ja.json().error.message).toContain('概要を入力してください');
    const en = await call('author', 'POST', '/api/v1/proposals/p-2/submit', { callId: draft.callId, title: '件名だけ' }, { 'Accept-Language': 'en-US' });
    expect(en.json().error.message).toContain('Enter the summary');
    expect((await stored('p-2'))?.state).toBe('draft');
  });

  it("refuses to touch someone else's proposal (403) and leaves it unchanged", async () => {
    const response = await call('outsider', 'PUT', '/api/v1/proposals/p-1', { ...draft, title: '乗っ取り' });
    expect(response.status).toBe(403);
    expect((await stored('p-1'))?.title).toBe(draft.title);
  });

  it('refuses the review board, bulk review, decisions, notes and export to ordinary staff with 403, changing nothing', async () => {
    expect((await call('author', 'GET', '/api/v1/review/proposals')).status).toBe(403);
    const start = await call('author', 'POST', '/api/v1/review/start', { proposalIds: ['p-1'] });
    expect(start.status).toBe(403);
    expect(start.json().error.message).toBe('この操作を行う権限がありません。権限が必要な場合は、政策企画課（事務局）に依頼してください。');
    expect((await call('outsider', 'POST', '/api/v1/review/proposals/p-1/decision', { decision: 'rejected', reason: 'x' })).status).toBe(403);
    expect((await call('outsider', 'POST', '/api/v1/review/proposals/p-1/notes', { text: 'x' })).status).toBe(403);
    expect((await call('author', 'GET', '/api/v1/review/export.csv')).status).toBe(403);
    expect((await stored('p-1'))?.state).toBe('submitted');
    expect(await world.ctx.store.repositories.proposals.listReviewNotes('p-1')).toEqual([]);
  });

  it('lets the secretariat move proposals to review in bulk, decide with a reason and keep private notes', async () => {
    const board = (await call('secretary', 'GET', '/api/v1/review/proposals')).json();
    expect(board.map((proposal: { id: string }) => proposal.id)).toEqual(['p-1']);
    expect(board[0]).toMatchObject({ authorName: STAFF.author.displayName, authorUnitName: '財政課', notes: [] });
    expect((await call('secretary', 'POST', '/api/v1/review/start', { proposalIds: ['p-1'] })).json()).toEqual({ moved: ['p-1'] });
    const noReason = await call('secretary', 'POST', '/api/v1/review/proposals/p-1/decision', { decision: 'acceptedNextYear', reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(noReason.json().error.message).toBe('判断の理由を入力してください。');
    expect((await call('secretary', 'POST', '/api/v1/review/proposals/p-1/notes', { text: '財政課と要調整' })).status).toBe(201);
    const decided = await call('secretary', 'POST', '/api/v1/review/proposals/p-1/decision', { decision: 'acceptedNextYear', reason: '次年度に計画化' });
    expect(decided.json()).toMatchObject({ state: 'acceptedNextYear', decisionReason: '次年度に計画化' });
    const after = (await call('secretary', 'GET', '/api/v1/review/proposals?state=acceptedNextYear')).json();
    expect(after[0].notes).toEqual([expect.objectContaining({ authorName: STAFF.secretary.displayName, text: '財政課と要調整' })]);
    expect((await call('author', 'GET', '/api/v1/proposals/mine')).json()[0]).not.toHaveProperty('notes');
  });

  it('exports the CSV as a UTF-8-with-BOM attachment with formula-looking text neutralised', async () => {
    await call('author', 'POST', '/api/v1/proposals/p-3/submit', { ...draft, title: '=HYPERLINK("http://evil")' });
    const csv = await call('secretary', 'GET', '/api/v1/review/export.csv?callId=fy2024-new-initiative');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''%E6%8F%90%E6%A1%88/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.startsWith('\uFEFF"受付番号"')).toBe(true);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.text).toContain('\r\n');
  });

  it('filters PTs by category, unit and status', async () => {
    const threeLayer = (await call('author', 'GET', '/api/v1/project-teams?category=threeLayer')).json();
    expect(threeLayer.map((team: { items: string }) => team.items)).toEqual(['1‐24']);
    expect((await call('author', 'GET', '/api/v1/project-teams?unitId=zaisei-ka')).json()).toHaveLength(2);
    expect((await call('author', 'GET', '/api/v1/project-teams?status=closed')).json()).toEqual([]);
    expect((await call('author', 'GET', '/api/v1/project-teams?category=bogus')).status).toBe(400);
    const detail = (await call('author', 'GET', '/api/v1/project-teams/pt-1-4')).json();
    expect(detail).toMatchObject({ items: '1-4', membersOpenEnded: true, secretariat: [{ id: 'dx-ka', name: 'ＤＸ推進担当課' }] });
  });

  it('searches practices across full-width text and counts "roll out here" once per person', async () => {
    const found = (await call('author', 'GET', `/api/v1/practices?q=${encodeURIComponent('ai')}`)).json();
    expect(found.map((practice: { id: string }) => practice.id)).toEqual(['gp-2024-3']);
    expect((await call('author', 'POST', '/api/v1/practices/gp-2024-3/interest')).json()).toEqual({ interestCount: 1 });
    expect((await call('author', 'POST', '/api/v1/practices/gp-2024-3/interest')).json()).toEqual({ interestCount: 1 });
    expect((await call('outsider', 'POST', '/api/v1/practices/gp-2024-3/interest')).json()).toEqual({ interestCount: 2 });
    expect((await call('author', 'POST', '/api/v1/practices/nope/interest')).status).toBe(404);
  });

  it('lists the schedule in date order, and flags the source’s out-of-order month to the secretariat only', async () => {
    const months = (schedule: { milestones: { month: string; outOfOrder: boolean }[] }) =>
      schedule.milestones.map((milestone) => `${milestone.month}${milestone.outOfOrder ? '!' : ''}`);
    const forStaff = (await call('author', 'GET', '/api/v1/schedule')).json();
    expect(forStaff.flagged).toBe(0);
    expect(months(forStaff)).toEqual(['2024-04', '2024-04', '2024-06', '2024-08']);
    const forSecretariat = (await call('secretary', 'GET', '/api/v1/schedule')).json();
    expect(forSecretariat.flagged).toBe(1);
    expect(months(forSecretariat)).toEqual(['2024-04', '2024-04!', '2024-06', '2024-08']);
  });

  it('refuses unknown fields, wrong types, non-JSON and oversized bodies before any use case runs', async () => {
    const extra = await call('author', 'PUT', '/api/v1/proposals/p-9', { ...draft, state: 'acceptedMidYear' });
    expect(extra.status).toBe(400);
    expect(extra.json().error.code).toBe('input.invalid');
    expect((await call('author', 'PUT', '/api/v1/proposals/p-9', { ...draft, title: 42 })).status).toBe(400);
    expect((await call('author', 'PUT', '/api/v1/proposals/p-9', '{not json')).status).toBe(400);
    expect((await call('author', 'PUT', '/api/v1/proposals/p-9', draft, { 'Content-Type': 'text/plain' })).status).toBe(415);
    const huge = await call('author', 'PUT', '/api/v1/proposals/p-9', { ...draft, summary: 'あ'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await call('author', 'PUT', '/api/v1/proposals/bad%20id', draft)).status).toBe(404);
    expect(await stored('p-9')).toBeUndefined();
  });

  it('lets an account outside the directory read but not act', async () => {
    const issuer = await fetch(`${world.baseUrl}/api/v1/local-auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ staffId: 'author' }),
    });
    expect(issuer.status).toBe(200);
    await world.ctx.store.repositories.staff.upsert({ ...STAFF.outsider, active: false });
    try {
      const reading = await call('outsider', 'GET', '/api/v1/meetings');
      expect(reading.status).toBe(200);
      const acting = await call('outsider', 'PUT', '/api/v1/proposals/p-10', draft);
      expect(acting.status).toBe(403);
      expect(acting.json().error.code).toBe('staff.notInDirectory');
    } finally {
      await world.ctx.store.repositories.staff.upsert(STAFF.outsider);
    }
  });
});
