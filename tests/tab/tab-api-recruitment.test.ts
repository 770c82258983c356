import { describe, expect, it } from 'vitest';
import { NOW, RECRUITMENT } from './support/tab-seed.js';
import { useTabApi } from './support/tab-api-session.js';

const VALID_TEAM = [
  { staffId: 'planning-chief', role: 'pm' },
  { staffId: 'pl-candidate', role: 'pl' },
  { staffId: 'author', role: 'member' },
  { staffId: 'outsider', role: 'member' },
  { staffId: 'member1', role: 'member' },
];

describe('proposal-based PT recruitment from the tab', () => {
  const api = useTabApi();
  const { call } = api;

  it('lists themes with their perspective and the viewer’s own application, but applicants only to the secretariat', async () => {
    const [project] = (await call('author', 'GET', '/api/v1/recruitment')).json();
    expect(project).toMatchObject({
      id: 'rp-1',
      perspective: 'crossCutting',
      open: true,
      applicationCount: 5,
      myApplication: { desiredRole: 'member', state: 'applied' },
    });
    const staffView = (await call('author', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(staffView).toMatchObject({ mayBuildTeam: false, applicants: [] });
    const secretariatView = (await call('secretary', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(secretariatView.mayBuildTeam).toBe(true);
    expect(Object.fromEntries(secretariatView.applicants.map((applicant: { staffId: string; grade: string }) => [applicant.staffId, applicant.grade]))).toEqual(
      {
        'planning-chief': 'sectionChief',
        'pl-candidate': 'subsectionChief',
        author: 'chief',
        outsider: 'staff',
        member1: 'chief',
      },
    );
  });

  it('takes an application as an individual, with the grade from the directory', async () => {
    const applied = await call('member2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'member', motivation: '窓口業務の経験を活かしたい' });
    expect(applied.status).toBe(201);
    expect(applied.json()).toMatchObject({ desiredRole: 'member', state: 'applied', appliedAt: NOW.toISOString() });
    expect(applied.json().replaced).toBeUndefined();
    const empty = await call('deputy2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'member', motivation: ' ' });
    expect(empty.status).toBe(422);
    expect(empty.json().error.message).toBe('志望動機を入力してください。');
    expect(
      (await api.world.ctx.store.repositories.recruitment.listApplications('rp-1')).find((application) => application.staffId === 'member2')
        ?.gradeAtApplication,
    ).toBe('staff');
  });

  it('tells the viewer their grade, so the form offers only the roles it can hold', async () => {
    expect((await call('member2', 'GET', '/api/v1/recruitment/rp-1')).json().viewerGrade).toBe('staff');
    expect((await call('planning-chief', 'GET', '/api/v1/recruitment/rp-1')).json().viewerGrade).toBe('sectionChief');
  });

  it('refuses a forged call for a role the grade cannot hold, in the caller’s language, and keeps the application as it was', async () => {
    const forged = await call('member2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'pm', motivation: 'PMをやりたい' });
    expect(forged.status).toBe(422);
    expect(forged.json().error).toMatchObject({
      code: 'recruitment.roleNotForGrade',
      message: 'プロジェクトマネージャーは部長級・課長級の職員が対象です（あなたの職層: 主事等）。',
    });
    const english = await call(
      'member2',
      'POST',
      '/api/v1/recruitment/rp-1/applications',
      { desiredRole: 'pl', motivation: 'PL' },
      { 'Accept-Language': 'en' },
    );
    expect(english.json().error.message).toBe('The project leader role is open to: subsection chief (your grade: staff).');
    const special = await call('deputy2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'member', motivation: '参加したい' });
    expect(special.status).toBe(422);
    expect(special.json().error.message).toContain('あなたの職層（特別職）で応募できる役割はありません。');
    const stored = await api.world.ctx.store.repositories.recruitment.findApplication('rp-1', 'member2');
    expect(stored).toMatchObject({ desiredRole: 'member', motivation: '窓口業務の経験を活かしたい' });
    expect(await api.world.ctx.store.repositories.recruitment.findApplication('rp-1', 'deputy2')).toBeUndefined();
  });

  it('replaces a second application, says what it replaced, and shows the secretariat the latest with its history', async () => {
    api.world.clock.set(new Date(NOW.getTime() + 3_600_000));
    const again = await call('member2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'member', motivation: '書き直した志望動機' });
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({
      desiredRole: 'member',
      appliedAt: new Date(NOW.getTime() + 3_600_000).toISOString(),
      replaced: { desiredRole: 'member', appliedAt: NOW.toISOString() },
    });
    const mine = (await call('member2', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(mine).toMatchObject({ applicationCount: 6, myApplication: { desiredRole: 'member', motivation: '書き直した志望動機' } });
    const applicants = (await call('secretary', 'GET', '/api/v1/recruitment/rp-1')).json().applicants as {
      staffId: string;
      motivation: string;
      earlierVersions: unknown[];
    }[];
    expect(applicants.filter((applicant) => applicant.staffId === 'member2')).toEqual([
      expect.objectContaining({ motivation: '書き直した志望動機', earlierVersions: [{ desiredRole: 'member', appliedAt: NOW.toISOString() }] }),
    ]);
    expect(applicants.find((applicant) => applicant.staffId === 'author')?.earlierVersions).toEqual([]);
    api.world.clock.set(NOW);
  });

  it('refuses to form the team while the public call is open, saying until when (５（５）: members come from the 公募)', async () => {
    const open = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: VALID_TEAM });
    expect(open.status).toBe(409);
    expect(open.json().error).toMatchObject({
      code: 'team.recruitmentOpen',
      message: '「窓口手続きのオンライン化」の公募は令和6年6月1日（土）0:00まで受付中です。締切後にチームを編成してください。',
    });
    const detail = (await call('secretary', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(detail).toMatchObject({
      recruitmentClosed: false,
      teamRules: { pmCount: 1, plCount: 1, minMembers: 3, maxMembers: 5, membersApproximate: true, membersAsPrinted: '３名～５名程度' },
    });
    expect(await api.world.ctx.store.repositories.recruitment.getTeam('rp-1')).toEqual([]);
  });

  it('refuses a team that breaks the rules, explaining every violation in Japanese or English, and saves nothing', async () => {
    api.world.clock.set(RECRUITMENT.closesAt);
    const broken = [
      { staffId: 'pl-candidate', role: 'pm' },
      { staffId: 'author', role: 'pl' },
      { staffId: 'outsider', role: 'member' },
      { staffId: 'outsider', role: 'member' },
    ];
    const ja = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: broken });
    expect(ja.status).toBe(422);
    expect(ja.json().error.fields.map((field: { message: string }) => field.message)).toEqual([
      '財政 係長さん（係長級）はPMになれません。PMは部長級・課長級の職員です。',
      '財政 主任さん（主任）はPLになれません。PLは係長級の職員です。',
      '保健 主事さんが複数の役割に入っています。個人として1つの役割で参加します。',
      '目安の人数を外れるため、確定の理由を入力してください。',
      'メンバーは「３名～５名程度」です（現在2名）。この人数で編成する場合は、事務局が理由を記録して確定してください。',
    ]);
    const en = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: broken }, { 'Accept-Language': 'en' });
    expect(en.json().error.fields[0].message).toBe('財政 係長 (subsection chief) cannot be PM: the PM must be director or section chief grade.');
    expect(await api.world.ctx.store.repositories.recruitment.getTeam('rp-1')).toEqual([]);
  });

  it('seats someone who did not apply only with a recorded reason (５（５）: an exception to the 公募)', async () => {
    const withAdmin = [...VALID_TEAM.slice(0, 4), { staffId: 'admin', role: 'member' }];
    const refused = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: withAdmin });
    expect(refused.status).toBe(422);
    expect(refused.json().error.fields.map((field: { message: string }) => field.message)).toEqual([
      '管理 者さんは公募に応募していません（または辞退しました）。例外として配置する場合は理由を記録してください。',
    ]);
    // The builder finds them by name (spaces not needed), after the applicants.
    const candidates = (await call('secretary', 'GET', '/api/v1/recruitment/rp-1/candidates?q=管理者')).json() as { staffId: string; applicant: boolean }[];
    const firstOther = candidates.findIndex((candidate) => !candidate.applicant);
    expect(
      candidates
        .slice(0, firstOther)
        .map((candidate) => candidate.staffId)
        .sort(),
    ).toEqual(['author', 'member1', 'member2', 'outsider', 'pl-candidate', 'planning-chief']);
    expect(candidates.slice(firstOther)).toEqual([expect.objectContaining({ staffId: 'admin', applicant: false, withdrawn: false })]);
    const withReason = [...VALID_TEAM.slice(0, 4), { staffId: 'admin', role: 'member', exceptionReason: '辞退者の交代として所属長が推薦' }];
    expect((await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: withReason })).status).toBe(200);
    const formed = (await call('secretary', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(formed.team.find((seat: { staffId: string }) => seat.staffId === 'admin')).toMatchObject({ exceptionReason: '辞退者の交代として所属長が推薦' });
    expect(formed.teamConfirmation).toBeUndefined();
    expect((await call('author', 'GET', '/api/v1/recruitment/rp-1/candidates?q=管理')).status).toBe(403);
  });

  it('warns at two members since 「３名～５名程度」 means about, and forms the team once the secretariat records why (５（５）)', async () => {
    const two = VALID_TEAM.slice(0, 4);
    const unconfirmed = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: two });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.json().error.fields.map((field: { field?: string }) => field.field)).toContain('confirmationReason');
    const confirmed = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: two, confirmationReason: '少人数で試行し、秋に追加公募する' });
    expect(confirmed.status).toBe(200);
    const formed = (await call('secretary', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(formed).toMatchObject({ status: 'teamFormed', teamConfirmation: { reason: '少人数で試行し、秋に追加公募する' } });
    const audit = await api.world.ctx.store.repositories.audit.listFor('recruitment', 'rp-1');
    expect(
      audit
        .filter((entry) => entry.action === 'saveTeam')
        .map((entry) => JSON.stringify(entry.after))
        .join(),
    ).toContain('少人数で試行し、秋に追加公募する');
  });

  it('refuses anyone but the secretariat with 403, then saves a valid team and marks the project formed', async () => {
    expect((await call('author', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: VALID_TEAM })).status).toBe(403);
    expect((await call('pt-secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: VALID_TEAM })).status).toBe(403);
    const saved = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: VALID_TEAM });
    expect(saved.status).toBe(200);
    const formed = (await call('secretary', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(formed).toMatchObject({ status: 'teamFormed', team: VALID_TEAM.map((seat) => expect.objectContaining(seat)) });
    // Each applicant's outcome is set with the team, so they can be told.
    expect(Object.fromEntries(formed.applicants.map((applicant: { staffId: string; state: string }) => [applicant.staffId, applicant.state]))).toEqual({
      'planning-chief': 'selected',
      'pl-candidate': 'selected',
      author: 'selected',
      outsider: 'selected',
      member1: 'selected',
      member2: 'notSelected',
    });
    const late = await call('member2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'member', motivation: '編成後' });
    expect(late.status).toBe(409);
  });
});
