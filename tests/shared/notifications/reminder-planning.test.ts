import { describe, expect, it } from 'vitest';
import { selectDue } from '../../../shared/notifications/catch-up.js';
import { planDeadlineReminders } from '../../../shared/notifications/deadline-reminders.js';
import { planMeetingReminder } from '../../../shared/notifications/meeting-reminders.js';
import { reschedule, type Meeting } from '../../../shared/meetings/meeting.js';
import { deadlineFromDate, formatIsoJst } from '../../../shared/time/index.js';
import { FY2024_NEW_INITIATIVE_CALL as call } from '../../support/domain-fixtures.js';

const dueTimes = (track: 'department' | 'individual', deadlineDate = '2024-05-17') => {
  const individual = { ...call.tracks[1]!, deadlineDate, closesAt: deadlineFromDate(deadlineDate) };
  const planned = planDeadlineReminders({ ...call, tracks: [call.tracks[0]!, individual] }).filter((o) => o.track === track);
  return Object.fromEntries(planned.map((o) => [o.kind === 'closed' ? 'closed' : `d${o.offsetDays}`, formatIsoJst(o.dueAt)]));
};

describe('deadline reminders', () => {
  it('plans 7, 3, 1 days before and on the day at 09:00 JST, then a closed notice', () => {
    expect(dueTimes('department')).toEqual({
      d7: '2024-06-07T09:00:00+09:00',
      d3: '2024-06-11T09:00:00+09:00',
      d1: '2024-06-13T09:00:00+09:00',
      d0: '2024-06-14T09:00:00+09:00',
      closed: '2024-06-17T09:00:00+09:00',
    });
  });

  it('moves a reminder that falls on a weekend back to Friday', () => {
    // Individual track closes Fri 17 May 2024: 7 days before is Fri 10 May, 3 days before is Tue 14 May.
    expect(dueTimes('individual')).toMatchObject({ d7: '2024-05-10T09:00:00+09:00', d3: '2024-05-14T09:00:00+09:00' });
  });

  it('moves the 1-day reminder of a deadline on 2024-05-07 off the substitute holiday to 2 May', () => {
    expect(dueTimes('individual', '2024-05-07')).toMatchObject({ d1: '2024-05-02T09:00:00+09:00', d0: '2024-05-07T09:00:00+09:00' });
  });

  it('plans nothing before the call opens', () => {
    const lateOpening = { ...call, opensAt: new Date('2024-06-12T00:00:00+09:00') };
    const department = planDeadlineReminders(lateOpening).filter((o) => o.track === 'department' && o.kind === 'countdown');
    expect(department.map((o) => o.offsetDays)).toEqual([1, 0]);
  });

  it('follows the call’s own offsets and hour', () => {
    const planned = planDeadlineReminders({ ...call, reminderPolicy: { offsetsDays: [5, 2], hourJst: 17 } }).filter((o) => o.track === 'department');
    expect(planned.map((o) => formatIsoJst(o.dueAt))).toEqual(['2024-06-07T17:00:00+09:00', '2024-06-12T17:00:00+09:00', '2024-06-17T17:00:00+09:00']);
  });

  it('plans nothing for a draft call', () => {
    expect(planDeadlineReminders({ ...call, status: 'draft' })).toEqual([]);
  });
});

describe('catch-up after downtime', () => {
  const plan = planDeadlineReminders(call).filter((o) => o.track === 'department');

  it('sends only the latest due reminder of a series: never "7 days left" when 1 day is left', () => {
    const { send, skip } = selectDue(plan, new Date('2024-06-13T12:00:00+09:00'));
    expect(send.map((o) => o.offsetDays)).toEqual([1]);
    expect(skip.map((o) => o.offsetDays).sort()).toEqual([3, 7]);
  });

  it('sends no countdown once the deadline has passed, but sends the closed notice', () => {
    const { send, skip } = selectDue(plan, new Date('2024-06-17T10:00:00+09:00'));
    expect(send.map((o) => o.kind)).toEqual(['closed']);
    expect(skip).toHaveLength(4);
  });

  it('leaves reminders that are not yet due alone', () => {
    const { send, skip } = selectDue(plan, new Date('2024-06-01T00:00:00+09:00'));
    expect([send, skip]).toEqual([[], []]);
  });
});

describe('meeting reminders', () => {
  const meeting: Meeting = {
    id: 'm2',
    bodyId: 'hq',
    ordinal: 2,
    fiscalYear: 2024,
    startsAt: new Date('2024-07-16T10:00:00+09:00'),
    endsAt: new Date('2024-07-16T11:00:00+09:00'),
    agenda: [],
    guests: [],
    status: 'convened',
    history: [],
    demo: false,
  };

  it('is due the business day before at 09:00 JST (Friday before a Monday holiday)', () => {
    expect(formatIsoJst(planMeetingReminder(meeting)!.dueAt)).toBe('2024-07-12T09:00:00+09:00');
  });

  it('gets a new key and fingerprint when the meeting is moved, so the old one is recognised as stale', () => {
    const moved = reschedule(meeting, { startsAt: new Date('2024-07-23T10:00:00+09:00'), endsAt: new Date('2024-07-23T11:00:00+09:00') }, 's', new Date());
    const before = planMeetingReminder(meeting)!;
    const after = planMeetingReminder(moved)!;
    expect(after.key).not.toBe(before.key);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('is not planned for a meeting that is only planned or cancelled', () => {
    expect(planMeetingReminder({ ...meeting, status: 'planned' })).toBeUndefined();
    expect(planMeetingReminder({ ...meeting, status: 'cancelled' })).toBeUndefined();
  });
});
