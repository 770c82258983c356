import { describe, expect, it } from 'vitest';
import { assertTrackOpen, isCallOpen, isTrackOpen } from '../../../shared/calls/proposal-call.js';
import { FY2024_NEW_INITIATIVE_CALL as call } from '../../support/domain-fixtures.js';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('FY2024 new-initiative call deadlines', () => {
  it('accepts an individual proposal at 2024-05-17 23:59 JST', () => {
    expect(isTrackOpen(call, 'individual', jst('2024-05-17T23:59:59'))).toBe(true);
  });

  it('refuses an individual proposal at 2024-05-18 00:00 JST, naming the deadline', () => {
    expect(isTrackOpen(call, 'individual', jst('2024-05-18T00:00:00'))).toBe(false);
    expect(() => assertTrackOpen(call, 'individual', jst('2024-05-18T00:00:00'))).toThrowError(/call.closed.*2024-05-17/);
  });

  it('still accepts department proposals after 17 May, until the end of 14 June', () => {
    expect(isTrackOpen(call, 'department', jst('2024-05-20T10:00:00'))).toBe(true);
    expect(isTrackOpen(call, 'department', jst('2024-06-14T23:59:59'))).toBe(true);
    expect(isTrackOpen(call, 'department', jst('2024-06-15T00:00:00'))).toBe(false);
  });

  it('is not open before the department heads’ meeting on 17 April', () => {
    expect(isCallOpen(call, jst('2024-04-16T12:00:00'))).toBe(false);
    expect(() => assertTrackOpen(call, 'department', jst('2024-04-16T12:00:00'))).toThrowError(/call.notYetOpen/);
  });

  it('keeps a draft call closed to everyone', () => {
    expect(isCallOpen({ ...call, status: 'draft' }, jst('2024-05-01T12:00:00'))).toBe(false);
  });
});
