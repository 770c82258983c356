import { describe, expect, it } from 'vitest';
import { expectedAttendees, tallyAttendance, unansweredAttendees } from '../../../shared/meetings/attendance-tally.js';
import type { Rsvp } from '../../../shared/meetings/rsvp.js';
import { COUNCIL, staffMember } from '../../support/domain-fixtures.js';

const at = new Date('2024-05-20T00:00:00Z');
const answer = (staffId: string, response: Rsvp['response']): Rsvp => ({
  meetingId: 'c1',
  staffId,
  response,
  answeredAt: at,
  ...(response === 'proxy' ? { proxyName: '代理 一郎' } : {}),
});

const chair = staffMember({ id: 'chair', postId: 'seisaku-kikaku-kacho', unitId: 'seisaku-kikaku-ka' });
const finance = staffMember({ id: 'finance', postId: 'zaisei-kacho', unitId: 'zaisei-ka' });
const clerk = staffMember({ id: 'clerk', unitId: 'seisaku-kikaku-ka' });
const retired = staffMember({ id: 'retired', postId: 'zaisei-kacho', unitId: 'zaisei-ka', active: false });
const outsider = staffMember({ id: 'outsider', unitId: 'kenko-bu' });

describe('the attendance tally of a council meeting', () => {
  const expected = expectedAttendees(COUNCIL, [chair, finance, clerk, retired, outsider]);

  it('expects the roster’s post holders and the 庶務 secretariat, not former or unrelated staff', () => {
    expect(expected.map((person) => person.id)).toEqual(['chair', 'finance', 'clerk']);
  });

  it('counts attend, absent, proxy and unanswered so they add up to those expected', () => {
    expect(tallyAttendance(expected, [])).toEqual({ attend: 0, absent: 0, proxy: 0, unanswered: 3, expected: 3 });
    expect(tallyAttendance(expected, [answer('chair', 'attend'), answer('finance', 'proxy')])).toEqual({
      attend: 1,
      absent: 0,
      proxy: 1,
      unanswered: 1,
      expected: 3,
    });
    expect(tallyAttendance(expected, [answer('chair', 'absent'), answer('finance', 'absent'), answer('clerk', 'attend')])).toEqual({
      attend: 1,
      absent: 2,
      proxy: 0,
      unanswered: 0,
      expected: 3,
    });
  });

  it('leaves out the answer of someone no longer expected', () => {
    expect(tallyAttendance(expected, [answer('outsider', 'attend'), answer('retired', 'absent')])).toEqual({
      attend: 0,
      absent: 0,
      proxy: 0,
      unanswered: 3,
      expected: 3,
    });
  });

  it('names who has not answered', () => {
    expect(unansweredAttendees(expected, [answer('finance', 'attend')]).map((person) => person.id)).toEqual(['chair', 'clerk']);
  });
});
