import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/http-caller.js';
import { startTabWorld, type TabWorld } from './support/tab-world.js';
import { tokensForAllStaff } from './support/staff-tokens.js';

const VALID_TEAM = [
  { staffId: 'planning-chief', role: 'pm' },
  { staffId: 'pl-candidate', role: 'pl' },
  { staffId: 'author', role: 'member' },
  { staffId: 'outsider', role: 'member' },
  { staffId: 'member1', role: 'member' },
];

describe('proposal-based PT recruitment from the tab', () => {
  let world: TabWorld;
  let tokens = new Map<string, string>();
  beforeAll(async () => {
    world = await startTabWorld({ auth: { mode: 'local' } });
    tokens = await tokensForAllStaff(world.baseUrl);
  });
  afterAll(() => world?.close());
  const call = (as: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => callApi(world.baseUrl, tokens.get(as), method, path, body, headers);

  it('lists themes with their perspective and the viewer’s own application, but applicants only to the secretariat', async () => {
    const [project] = (await call('author', 'GET', '/api/v1/recruitment')).json();
    expect(project).toMatchObject({ id: 'rp-1', perspective: 'crossCutting', open: true, applicationCount: 5, myApplication: { desiredRole: 'member', state: 'applied' } });
    const staffView = (await call('author', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(staffView).toMatchObject({ mayBuildTeam: false, applicants: [] });
    const secretariatView = (await call('secretary', 'GET', '/api/v1/recruitment/rp-1')).json();
    expect(secretariatView.mayBuildTeam).toBe(true);
    expect(Object.fromEntries(secretariatView.applicants.map((applicant: { staffId: string; grade: string }) => [applicant.staffId, applicant.grade]))).toEqual({
      'planning-chief': 'sectionChief', 'pl-candidate': 'subsectionChief', author: 'chief', outsider: 'staff', member1: 'chief',
    });
  });

  it('takes an application as an individual, with the grade from the directory, once', async () => {
    const applied = await call('member2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'member', motivation: '窓口業務の経験を活かしたい' });
    expect(applied.status).toBe(201);
    expect((await call('member2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'pm', motivation: '再応募' })).json().desiredRole).toBe('member');
    const empty = await call('deputy2', 'POST', '/api/v1/recruitment/rp-1/applications', { desiredRole: 'member', motivation: ' ' });
    expect(empty.status).toBe(422);
    expect(empty.json().error.message).toBe('志望動機を入力してください。');
    expect((await world.ctx.store.repositories.recruitment.listApplications('rp-1')).find((application) => application.staffId === 'member2')?.gradeAtApplication).toBe('staff');
  });

  it('refuses a team that breaks the rules, explaining every violation in Japanese or English, and saves nothing', async () => {
    const broken = [{ staffId: 'pl-candidate', role: 'pm' }, { staffId: 'author', role: 'pl' }, { staffId: 'outsider', role: 'member' }, { staffId: 'outsider', role: 'member' }];
    const ja = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: broken });
    expect(ja.status).toBe(422);
    expect(ja.json().error.fields.map((field: { message: string }) => field.message)).toEqual([
      '財政 係長さん（係長級）はPMになれません。PMは部長級・課長級の職員です。',
      '財政 主任さん（主任）はPLになれません。PLは係長級の職員です。',
      'メンバーは3〜5名です（現在2名）。',
      '保健 主事さんが複数の役割に入っています。個人として1つの役割で参加します。',
    ]);
    const en = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: broken }, { 'Accept-Language': 'en' });
    expect(en.json().error.fields[0].message).toBe('財政 係長 (subsection chief) cannot be PM: the PM must be director or section chief grade.');
    expect(await world.ctx.store.repositories.recruitment.getTeam('rp-1')).toEqual([]);
  });

  it('refuses anyone but the secretariat with 403, then saves a valid team and marks the project formed', async () => {
    expect((await call('author', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: VALID_TEAM })).status).toBe(403);
    expect((await call('pt-secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: VALID_TEAM })).status).toBe(403);
    expect(await world.ctx.store.repositories.recruitment.getTeam('rp-1')).toEqual([]);
    const saved = await call('secretary', 'PUT', '/api/v1/recruitment/rp-1/team', { seats: VALID_TEAM });
    expect(saved.status).toBe(200);
    expect((await call('secretary', 'GET', '/api/v1/recruitment/rp-1')).json()).toMatchObject({ status: 'teamFormed', team: VALID_TEAM });
  });
});
