import { describe, expect, it } from 'vitest';
import { MATERIALS_MEETING_ID, seedMaterials } from './support/materials-seed.js';
import { useTabApi } from './support/tab-api-session.js';
import { STAFF } from './support/tab-world.js';

const url = `/api/v1/meetings/${MATERIALS_MEETING_ID}/minutes`;

/** What the secretariat records for HQ's 第3回: who came, what was said, a decision on a proposal and one for a PT. */
const content = (overrides: Record<string, unknown> = {}) => ({
  attendance: [
    { staffId: STAFF.mayor.id, mark: 'present' },
    { staffId: STAFF.deputy1.id, mark: 'absent' },
    { staffId: STAFF.deputy2.id, mark: 'present' },
    { staffId: STAFF.planningChief.id, mark: 'proxy', proxyName: '企画 係長' },
    { staffId: STAFF.secretary.id, mark: 'present' },
  ],
  guestsPresent: ['外部 有識者'],
  summaries: [
    { agendaIndex: 0, summary: '1-4 の棚卸し結果について報告があった。' },
    { agendaIndex: 2, summary: '提案2件について審議した。' },
  ],
  decisions: [
    {
      id: 'd-proposal',
      agendaIndex: 2,
      text: '次年度の取組み項目として採用する。',
      subject: { kind: 'proposal', proposalId: 'mat-1', outcome: 'acceptedNextYear' },
      actions: [{ title: '実施計画案の作成', owner: { kind: 'staff', staffId: STAFF.author.id }, dueOn: '2024-08-30' }],
    },
    {
      id: 'd-pt',
      agendaIndex: 0,
      text: '次回本部会議で優先順位の根拠を報告すること。',
      subject: { kind: 'pt', ptId: 'pt-1-4', concern: 'reportRequested' },
      actions: [{ title: '優先順位の根拠の整理', owner: { kind: 'unit', unitId: 'dx-ka' }, dueOn: '2024-07-31' }],
    },
  ],
  ...overrides,
});

describe('minutes of a meeting, their confirmation and action items, over HTTP', () => {
  const api = useTabApi(seedMaterials);
  const { call } = api;

  it('has nothing to show before the meeting was held, not even to the secretariat', async () => {
    const before = await call('secretary', 'GET', url);
    expect(before.status).toBe(404);
    expect(before.json().error.code).toBe('minutes.notFound');
    api.world.clock.set(new Date('2024-07-19T15:00:00+09:00'));
  });

  it('gives the secretariat a draft from the answers, with names, posts and the agenda, that nothing has saved yet', async () => {
    const draft = await call('secretary', 'GET', url);
    expect(draft.status, draft.text).toBe(200);
    const json = draft.json();
    expect(json).toMatchObject({ status: 'draft', saved: false, mayEdit: true, mayConfirm: false });
    const line = (id: string) => json.attendance.find((entry: { staffId: string }) => entry.staffId === id);
    expect(line(STAFF.mayor.id)).toMatchObject({ displayName: '世田谷 太郎', postTitle: '区長', mark: 'present' });
    expect(line(STAFF.planningChief.id)).toMatchObject({ mark: 'proxy', proxyName: '企画 係長' });
    expect(line(STAFF.deputy2.id)).toMatchObject({ mark: 'absent' });
    expect(json.agenda.map((item: { title: string }) => item.title)[0]).toBe('1-4 行政手続きのデジタル化 進捗報告');
    expect(json.guests).toEqual([{ name: '外部 有識者', present: true }]);
    expect(json.choices.proposals.map((proposal: { id: string }) => proposal.id).sort()).toEqual(['mat-1', 'mat-2']);
    expect(json.choices.people.map((person: { id: string }) => person.id)).toContain(STAFF.author.id);
  });

  it('refuses a member of staff: no draft to read (404), no saving (403), and nothing written', async () => {
    const read = await call('author', 'GET', url);
    expect(read.status).toBe(404);
    expect(read.json().error.message).toBe('この会議の議事録はまだありません。');
    const save = await call('author', 'PUT', url, content());
    expect(save.status).toBe(403);
    expect(save.json().error.code).toBe('minutes.notAllowedToRecord');
    expect(await api.world.ctx.store.repositories.minutes.get(MATERIALS_MEETING_ID)).toBeUndefined();
  });

  it('refuses content that does not fit with 422 and a message in the caller’s language, naming the field', async () => {
    const attendance = [{ staffId: STAFF.mayor.id, mark: 'proxy' }];
    const ja = await call('secretary', 'PUT', url, content({ attendance }));
    expect(ja.status).toBe(422);
    expect(ja.json().error).toMatchObject({ code: 'minutes.proxyNameRequired', message: '代理出席の場合は代理出席者の氏名を入力してください。' });
    expect(ja.json().error.fields).toEqual([{ field: 'attendance', message: '代理出席の場合は代理出席者の氏名を入力してください。' }]);
    const en = await call('secretary', 'PUT', `${url}?locale=en`, content({ attendance }));
    expect(en.status).toBe(422);
    expect(en.json().error.message).toBe('Enter the name of the proxy who attended.');
    const noText = await call('secretary', 'PUT', url, content({ decisions: [{ ...content().decisions[0]!, text: ' ' }] }));
    expect(noText.status).toBe(422);
    expect(noText.json().error.fields[0].field).toBe('decisionText');
    // An unknown property is a malformed request, not content.
    expect((await call('secretary', 'PUT', url, { ...content(), extra: 1 })).status).toBe(400);
    expect(await api.world.ctx.store.repositories.minutes.get(MATERIALS_MEETING_ID)).toBeUndefined();
  });

  it('saves the secretariat’s draft and reads it back; the chair who presided may confirm it, nobody else', async () => {
    const saved = await call('secretary', 'PUT', url, content());
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', saved: true, mayEdit: true, mayConfirm: false, updatedByName: '事務局 花子' });
    const read = (await call('secretary', 'GET', url)).json();
    expect(read.agenda[0].summary).toBe('1-4 の棚卸し結果について報告があった。');
    expect(read.agenda[1].summary).toBe('');
    expect(read.decisions[0]).toMatchObject({
      subjectName: expect.stringContaining('窓口予約のオンライン化'),
      actions: [{ title: '実施計画案の作成', ownerName: '財政 主任', dueOn: '2024-08-30' }],
    });
    expect(read.decisions[1]).toMatchObject({ subjectName: '1-4 行政手続きのデジタル化', actions: [{ ownerName: 'ＤＸ推進担当課' }] });
    expect((await call('author', 'GET', url)).status).toBe(404);
    expect((await call('mayor', 'GET', url)).json()).toMatchObject({ status: 'draft', mayEdit: false, mayConfirm: true });
    expect((await call('deputy1', 'GET', url)).json()).toMatchObject({ mayConfirm: false });
    const refused = await call('deputy2', 'POST', `${url}/confirm`);
    expect(refused.status).toBe(403);
    expect(refused.json().error.code).toBe('minutes.notAllowedToConfirm');
    expect((await call('author', 'POST', `${url}/confirm`)).status).toBe(403);
  });

  it('confirms as the chair: read-only for everyone after, and the proposer sees the decision on their proposal', async () => {
    const confirmed = await call('mayor', 'POST', `${url}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', mayConfirm: false, mayEdit: false, confirmedByName: '世田谷 太郎' });
    expect(confirmed.json().confirmedAt).toBe('2024-07-19T06:00:00.000Z');
    expect((await call('author', 'GET', url)).json()).toMatchObject({ status: 'confirmed', mayEdit: false });
    const mine = (await call('author', 'GET', '/api/v1/proposals/mine')).json();
    expect(mine.find((proposal: { id: string }) => proposal.id === 'mat-1')).toMatchObject({ state: 'acceptedNextYear' });
    const again = await call('secretary', 'PUT', url, content());
    expect(again.status).toBe(409);
    expect(again.json().error.message).toBe('確定した議事録は変更できません。');
  });

  it('marks the meeting’s minutes as confirmed in the list, and shows the PT its decision', async () => {
    const list = (await call('author', 'GET', '/api/v1/meetings?bodyId=hq')).json();
    const flags = Object.fromEntries(list.map((meeting: { id: string; minutesConfirmed: boolean }) => [meeting.id, meeting.minutesConfirmed]));
    expect(flags).toMatchObject({ [MATERIALS_MEETING_ID]: true, 'hq-2024-2': false });
    const pt = (await call('author', 'GET', '/api/v1/project-teams/pt-1-4')).json();
    expect(pt.meetingDecisions).toEqual([
      {
        meetingId: MATERIALS_MEETING_ID,
        bodyName: '新たな行政経営への移行実現推進本部',
        bodyNameEn: 'Headquarters',
        ordinal: 3,
        startsAt: '2024-07-19T01:00:00.000Z',
        text: '次回本部会議で優先順位の根拠を報告すること。',
        concern: 'reportRequested',
      },
    ]);
    // The confirmed summary of the agenda item about 1-4 is on its page too; an empty one is not.
    expect(pt.meetingSummaries).toEqual([
      expect.objectContaining({ meetingId: MATERIALS_MEETING_ID, ordinal: 3, summary: '1-4 の棚卸し結果について報告があった。' }),
    ]);
    const other = (await call('author', 'GET', '/api/v1/project-teams/pt-1-24')).json();
    expect(other.meetingDecisions).toEqual([]);
    expect(other.meetingSummaries).toEqual([]);
  });

  it('lists the action item for its owner, on the dashboard too, and lets only them (or the secretariat) mark it done', async () => {
    const mine = (await call('author', 'GET', '/api/v1/action-items/mine')).json();
    expect(mine).toEqual([expect.objectContaining({ title: '実施計画案の作成', dueOn: '2024-08-30', ownerName: '財政 主任', ordinal: 3, overdue: false })]);
    const dashboard = (await call('author', 'GET', '/api/v1/dashboard')).json();
    expect(dashboard.tasks.actionItems.map((item: { title: string }) => item.title)).toEqual(['実施計画案の作成']);
    expect(dashboard.tasks.overdueActionItems).toBeUndefined();
    // The unit's item is every DX staff member's.
    expect((await call('pt-secretary', 'GET', '/api/v1/action-items/mine')).json().map((item: { title: string }) => item.title)).toEqual([
      '優先順位の根拠の整理',
    ]);

    const id = mine[0].id as string;
    const refused = await call('outsider', 'POST', `/api/v1/action-items/${encodeURIComponent(id)}/done`, { note: '' });
    expect(refused.status).toBe(403);
    expect(refused.json().error.code).toBe('action.notOwner');
    expect((await call('author', 'POST', '/api/v1/action-items/missing-item/done', {})).status).toBe(404);
    const done = await call('author', 'POST', `/api/v1/action-items/${encodeURIComponent(id)}/done`, { note: '計画案を事務局に提出した。' });
    expect(done.status, done.text).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneNote: '計画案を事務局に提出した。' });
    expect((await call('author', 'GET', '/api/v1/action-items/mine')).json()).toEqual([]);
  });

  it('shows the secretariat the items past their due date on the dashboard', async () => {
    api.world.clock.set(new Date('2024-08-01T09:00:00+09:00'));
    const secretariat = (await call('secretary', 'GET', '/api/v1/dashboard')).json();
    expect(secretariat.tasks.overdueActionItems).toEqual([
      expect.objectContaining({ title: '優先順位の根拠の整理', ownerName: 'ＤＸ推進担当課', overdue: true }),
    ]);
    const owner = (await call('pt-secretary', 'GET', '/api/v1/dashboard')).json();
    expect(owner.tasks.actionItems).toEqual([expect.objectContaining({ title: '優先順位の根拠の整理', overdue: true })]);
  });
});
