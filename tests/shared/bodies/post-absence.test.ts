import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain-error.js';
import { endPostAbsence, isPostAbsentAt, isPostVacantAt, makePostAbsence } from '../../../shared/bodies/post-absence.js';

const base = {
  id: 'a1',
  postId: 'kucho',
  kind: 'absent' as const,
  from: new Date('2024-06-01T00:00:00+09:00'),
  recordedByStaffId: 'clerk',
  recordedAt: new Date('2024-05-31T09:00:00+09:00'),
};

describe('absence or vacancy of a post over a period (要綱 art. 3(3))', () => {
  it('is in force from its start (inclusive) to its end (exclusive), open-ended without an end', () => {
    const week = makePostAbsence({ ...base, until: new Date('2024-06-08T00:00:00+09:00') });
    expect(isPostAbsentAt([week], 'kucho', new Date('2024-05-31T23:59:59+09:00'))).toBe(false);
    expect(isPostAbsentAt([week], 'kucho', new Date('2024-06-01T00:00:00+09:00'))).toBe(true);
    expect(isPostAbsentAt([week], 'kucho', new Date('2024-06-08T00:00:00+09:00'))).toBe(false);
    expect(isPostAbsentAt([week], 'fukukucho-1', new Date('2024-06-03T00:00:00+09:00'))).toBe(false);
    expect(isPostAbsentAt([makePostAbsence(base)], 'kucho', new Date('2030-01-01T00:00:00+09:00'))).toBe(true);
  });

  it('tells a vacancy from an absence', () => {
    const vacant = makePostAbsence({ ...base, kind: 'vacant' });
    expect(isPostVacantAt([vacant], 'kucho', new Date('2024-06-02T00:00:00+09:00'))).toBe(true);
    expect(isPostVacantAt([makePostAbsence(base)], 'kucho', new Date('2024-06-02T00:00:00+09:00'))).toBe(false);
  });

  it('refuses an end before the start, and ends a record only once', () => {
    expect(() => makePostAbsence({ ...base, until: new Date('2024-05-01T00:00:00+09:00') })).toThrow(DomainError);
    const ended = endPostAbsence(makePostAbsence(base), 'clerk', new Date('2024-06-03T00:00:00+09:00'));
    expect(isPostAbsentAt([ended], 'kucho', new Date('2024-06-03T00:00:00+09:00'))).toBe(false);
    expect(() => endPostAbsence(ended, 'clerk', new Date('2024-06-04T00:00:00+09:00'))).toThrow('absence.alreadyEnded');
  });
});
