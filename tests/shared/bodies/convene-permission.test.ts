import { describe, expect, it } from 'vitest';
import { conveneAuthority, defaultConveneBody, mayFollowAttendance } from '../../../shared/bodies/convene-permission.js';
import type { Body } from '../../../shared/bodies/body.js';
import { COUNCIL, staffMember } from '../../support/domain-fixtures.js';

const hq: Body = { ...COUNCIL, id: 'hq', kind: 'hq', secretariatMayConvene: true, roster: [{ postId: 'kucho', role: 'chair' }] };

describe('who may convene', () => {
  it('lets the mayor convene HQ as its chair', () => {
    expect(conveneAuthority(hq, staffMember({ id: 'mayor', postId: 'kucho' }))).toBe('chair');
  });

  it('lets the 庶務 secretariat (政策企画課) convene HQ on the chair’s behalf', () => {
    const clerk = staffMember({ id: 'clerk', unitId: 'seisaku-kikaku-ka' });
    expect(conveneAuthority(hq, clerk)).toBe('secretariatOnChairsBehalf');
  });

  it('lets only the 議長 convene the promotion council, not the secretariat staff', () => {
    expect(conveneAuthority(COUNCIL, staffMember({ id: 'chair', postId: 'seisaku-kikaku-kacho', unitId: 'seisaku-kikaku-ka' }))).toBe('chair');
    expect(conveneAuthority(COUNCIL, staffMember({ id: 'clerk', unitId: 'seisaku-kikaku-ka' }))).toBeUndefined();
  });

  it('refuses an ordinary council member', () => {
    expect(conveneAuthority(COUNCIL, staffMember({ id: 'finance', postId: 'zaisei-kacho', unitId: 'zaisei-ka' }))).toBeUndefined();
  });
});

describe('the convene form’s first body, and who follows the answers', () => {
  const council = COUNCIL;
  const planningChief = staffMember({ id: 'chair', postId: 'seisaku-kikaku-kacho', unitId: 'seisaku-kikaku-ka' });

  it('starts the council’s 議長 on 推進会議 though they may convene HQ as 政策企画課, and the mayor on 本部', () => {
    expect(defaultConveneBody([hq, council], planningChief)?.id).toBe('council');
    expect(defaultConveneBody([hq, council], staffMember({ id: 'mayor', postId: 'kucho' }))?.id).toBe('hq');
    expect(defaultConveneBody([council, hq], staffMember({ id: 'clerk', unitId: 'seisaku-kikaku-ka' }))?.id).toBe('hq');
    expect(defaultConveneBody([], planningChief)).toBeUndefined();
  });

  it('lets the convener and the secretariat follow a council meeting’s answers, not a member', () => {
    expect(mayFollowAttendance(council, planningChief)).toBe(true);
    expect(mayFollowAttendance(council, staffMember({ id: 'clerk', unitId: 'seisaku-kikaku-ka' }))).toBe(true);
    expect(mayFollowAttendance(council, staffMember({ id: 'finance', postId: 'zaisei-kacho', unitId: 'zaisei-ka' }))).toBe(false);
  });
});
