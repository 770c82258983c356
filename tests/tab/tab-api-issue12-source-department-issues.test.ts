import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTabWorld, type TabWorld } from './support/tab-world.js';
import { tokensForAllStaff } from './support/staff-tokens.js';

/**
 * ４（２）提案募集方法: the department survey also asks about 「令和６年度取組み項目における課題等」.
 * Through the tab's JSON API: kept on a department proposal, refused (localised 422) on an
 * individual one, and exported to the secretariat's CSV.
 */
const proposal = { callId: 'fy2024-new-initiative', title: '窓口予約の全庁展開', summary: '窓口の予約制を広げる', expectedEffect: '待ち時間の短縮' };
const ISSUES = '1-4 の代表電話の見直しは委託更新と時期が合わない。';

describe('４（２）調査票の「令和６年度取組み項目における課題等」 over the tab API', () => {
  let world: TabWorld;
  let tokens = new Map<string, string>();
  beforeAll(async () => {
    world = await startTabWorld({ auth: { mode: 'local' } });
    tokens = await tokensForAllStaff(world.baseUrl);
  });
  afterAll(() => world?.close());

  const call = async (as: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${world.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens.get(as)}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) };
  };

  it('keeps a department’s answer on its proposal and shows it back in 自分の提案', async () => {
    const submitted = await call('planning-chief', 'POST', '/api/v1/proposals/dept-issues-1/submit', {
      ...proposal,
      track: 'department',
      departmentUnitId: 'seisaku-keiei-bu',
      currentItemIssues: ISSUES,
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.json()).toMatchObject({ track: 'department', state: 'submitted', currentItemIssues: ISSUES });
    const mine = (await call('planning-chief', 'GET', '/api/v1/proposals/mine')).json();
    expect(mine.find((entry: { id: string }) => entry.id === 'dept-issues-1')?.currentItemIssues).toBe(ISSUES);
  });

  it('refuses it on an individual proposal with a localised 422 naming the field, and stores nothing', async () => {
    const ja = await call('author', 'POST', '/api/v1/proposals/ind-issues-1/submit', { ...proposal, track: 'individual', currentItemIssues: ISSUES });
    expect(ja.status).toBe(422);
    expect(ja.json().error.fields.map((field: { field: string }) => field.field)).toEqual(['currentItemIssues']);
    expect(ja.json().error.message).toContain('各部提案（調査票）でのみ回答できます');
    const en = await call(
      'author',
      'POST',
      '/api/v1/proposals/ind-issues-1/submit',
      { ...proposal, track: 'individual', currentItemIssues: ISSUES },
      { 'Accept-Language': 'en-US' },
    );
    expect(en.json().error.message).toContain('asked only in a department’s survey');
    expect(await world.ctx.store.repositories.proposals.get('ind-issues-1')).toBeUndefined();
  });

  it('refuses a non-string answer as bad input (400), not a server error', async () => {
    const response = await call('planning-chief', 'PUT', '/api/v1/proposals/dept-issues-2', {
      ...proposal,
      track: 'department',
      departmentUnitId: 'seisaku-keiei-bu',
      currentItemIssues: 42,
    });
    expect(response.status).toBe(400);
  });

  it('puts the answer in the secretariat’s CSV export under the survey’s heading', async () => {
    const csv = await call('secretary', 'GET', '/api/v1/review/export.csv?callId=fy2024-new-initiative');
    expect(csv.status).toBe(200);
    const header = csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header).toContain('"取組み項目における課題等"');
    expect(csv.text).toContain(ISSUES);
  });
});
