import { describe, expect, it } from 'vitest';
import { conveneAuthority } from '../../../shared/bodies/convene-permission.js';
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
