import { describe, expect, it } from 'vitest';
import { conveneAuthority, convenerPostId, defaultConveneBody, mayFollowAttendance, mayPrepareConvocation } from '../../../shared/bodies/convene-permission.js';
import type { Body } from '../../../shared/bodies/body.js';
import type { PostAbsence } from '../../../shared/bodies/post-absence.js';
import { COUNCIL, staffMember } from '../../support/domain-fixtures.js';

const hq: Body = {
  ...COUNCIL,
  id: 'hq',
  kind: 'hq',
  secretariatMayConvene: true,
  roster: [
    { postId: 'kucho', role: 'chair' },
    { postId: 'fukukucho-2', role: 'viceChair', rank: 2 },
    { postId: 'fukukucho-1', role: 'viceChair', rank: 1 },
    { postId: 'kyoikucho', role: 'viceChair' },
  ],
};
const pt: Body = { ...COUNCIL, id: 'pt', kind: 'pt', secretariatUnitIds: ['dx-ka'], secretariatMayConvene: true, roster: [] };
const mayor = staffMember({ id: 'mayor', postId: 'kucho' });
const deputy1 = staffMember({ id: 'deputy1', postId: 'fukukucho-1' });
const deputy2 = staffMember({ id: 'deputy2', postId: 'fukukucho-2' });
const clerk = staffMember({ id: 'clerk', unitId: 'seisaku-kikaku-ka', grade: 'chief' });
const admin = staffMember({ id: 'admin', unitId: 'zaisei-ka', appRoles: ['admin'] });

const absence = (postId: string, kind: PostAbsence['kind'], from: string, until?: string): PostAbsence => ({
  id: `${postId}-${from}`,
  postId,
  kind,
  from: new Date(from),
  until: until ? new Date(until) : undefined,
  recordedByStaffId: 'clerk',
  recordedAt: new Date(from),
});
const at = (iso: string, absences: readonly PostAbsence[]) => ({ absences, at: new Date(iso) });

describe('who may convene (要綱 art. 3–5)', () => {
  it('lets the mayor convene HQ as its chair (art. 4)', () => {
    expect(conveneAuthority(hq, mayor)).toBe('chair');
  });

  it('does not let the 庶務 secretariat (政策企画課) convene HQ, even a 主任; it may prepare (art. 4, 7)', () => {
    expect(conveneAuthority(hq, clerk)).toBeUndefined();
    expect(mayPrepareConvocation(hq, clerk)).toBe(true);
    expect(mayPrepareConvocation(hq, deputy1)).toBe(false);
  });

  it('does not make an administrator a convener of any body', () => {
    expect(conveneAuthority(hq, admin)).toBeUndefined();
    expect(conveneAuthority(COUNCIL, admin)).toBeUndefined();
    expect(mayPrepareConvocation(hq, admin)).toBe(false);
  });

  it('lets only the 議長 convene the promotion council; its secretariat prepares (art. 5(3), 7)', () => {
    expect(conveneAuthority(COUNCIL, staffMember({ id: 'chair', postId: 'seisaku-kikaku-kacho', unitId: 'seisaku-kikaku-ka' }))).toBe('chair');
    expect(conveneAuthority(COUNCIL, clerk)).toBeUndefined();
    expect(mayPrepareConvocation(COUNCIL, clerk)).toBe(true);
  });

  it('refuses an ordinary council member', () => {
    expect(conveneAuthority(COUNCIL, staffMember({ id: 'finance', postId: 'zaisei-kacho', unitId: 'zaisei-ka' }))).toBeUndefined();
  });

  it('lets a PT secretariat convene its PT as before', () => {
    expect(conveneAuthority(pt, staffMember({ id: 'dx', unitId: 'dx-ka' }))).toBe('secretariat');
    expect(mayPrepareConvocation(pt, staffMember({ id: 'dx', unitId: 'dx-ka' }))).toBe(false);
  });
});

describe('the acting chair while the 本部長 is absent or the post vacant (art. 3(3)(4))', () => {
  const away = [absence('kucho', 'absent', '2024-06-01T00:00:00+09:00', '2024-06-08T00:00:00+09:00')];

  it('lets the 1st-rank deputy mayor convene HQ while the mayor is absent (art. 3(4)), and not the mayor', () => {
    expect(conveneAuthority(hq, deputy1, at('2024-06-03T10:00:00+09:00', away))).toBe('actingChair');
    expect(conveneAuthority(hq, mayor, at('2024-06-03T10:00:00+09:00', away))).toBeUndefined();
    expect(conveneAuthority(hq, deputy2, at('2024-06-03T10:00:00+09:00', away))).toBeUndefined();
  });

  it('gives the chair back exactly when the absence ends (its end is exclusive)', () => {
    expect(conveneAuthority(hq, deputy1, at('2024-06-08T00:00:00+09:00', away))).toBeUndefined();
    expect(conveneAuthority(hq, mayor, at('2024-06-08T00:00:00+09:00', away))).toBe('chair');
    expect(conveneAuthority(hq, deputy1, at('2024-05-31T23:59:59+09:00', away))).toBeUndefined();
  });

  it('treats a vacant chair post like an absent one, and its listed holder as not present (art. 3(3))', () => {
    const vacant = [absence('kucho', 'vacant', '2024-06-01T00:00:00+09:00')];
    expect(conveneAuthority(hq, mayor, at('2024-09-01T10:00:00+09:00', vacant))).toBeUndefined();
    expect(conveneAuthority(hq, deputy1, at('2024-09-01T10:00:00+09:00', vacant))).toBe('actingChair');
  });

  it('does not hand HQ to the 2nd-rank deputy when the 1st-rank one is absent too: art. 3(4) names only the 1st', () => {
    const both = [...away, absence('fukukucho-1', 'absent', '2024-06-01T00:00:00+09:00')];
    expect(convenerPostId(hq, at('2024-06-03T10:00:00+09:00', both))).toBeUndefined();
    expect(conveneAuthority(hq, deputy2, at('2024-06-03T10:00:00+09:00', both))).toBeUndefined();
  });

  it('gives the council’s 議長 no deputy: the guidelines name none (art. 5)', () => {
    const chairAway = [absence('seisaku-kikaku-kacho', 'absent', '2024-06-01T00:00:00+09:00')];
    expect(convenerPostId(COUNCIL, at('2024-06-03T10:00:00+09:00', chairAway))).toBeUndefined();
  });

  it('ignores an absence that was ended early from the instant it ended', () => {
    const ended = [{ ...away[0]!, endedAt: new Date('2024-06-05T12:00:00+09:00'), endedByStaffId: 'clerk' }];
    expect(conveneAuthority(hq, deputy1, at('2024-06-05T11:59:00+09:00', ended))).toBe('actingChair');
    expect(conveneAuthority(hq, mayor, at('2024-06-05T12:00:00+09:00', ended))).toBe('chair');
  });
});

describe('the convene form’s first body, and who follows the answers', () => {
  const council = COUNCIL;
  const planningChief = staffMember({ id: 'chair', postId: 'seisaku-kikaku-kacho', unitId: 'seisaku-kikaku-ka' });

  it('starts the council’s 議長 on 推進会議 though they may prepare HQ as 政策企画課, and the mayor on 本部', () => {
    expect(defaultConveneBody([hq, council], planningChief)?.id).toBe('council');
    expect(defaultConveneBody([hq, council], mayor)?.id).toBe('hq');
    expect(defaultConveneBody([council, hq], clerk)?.id).toBe('hq');
    expect(defaultConveneBody([], planningChief)).toBeUndefined();
  });

  it('lets the convener and the secretariat follow a council meeting’s answers, not a member', () => {
    expect(mayFollowAttendance(council, planningChief)).toBe(true);
    expect(mayFollowAttendance(council, clerk)).toBe(true);
    expect(mayFollowAttendance(council, staffMember({ id: 'finance', postId: 'zaisei-kacho', unitId: 'zaisei-ka' }))).toBe(false);
  });

  it('lets the acting chair follow HQ’s answers while the mayor is absent', () => {
    const away = [absence('kucho', 'absent', '2024-06-01T00:00:00+09:00')];
    expect(mayFollowAttendance(hq, deputy1)).toBe(false);
    expect(mayFollowAttendance(hq, deputy1, at('2024-06-03T10:00:00+09:00', away))).toBe(true);
  });
});
