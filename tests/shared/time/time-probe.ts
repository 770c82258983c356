/** Run in a child process under different TZ values; prints what the time module computes. */
import { planDeadlineReminders } from '../../../shared/notifications/deadline-reminders.js';
import { planMeetingReminder } from '../../../shared/notifications/meeting-reminders.js';
import { FY2024_NEW_INITIATIVE_CALL } from '../../support/domain-fixtures.js';
import {
  businessDayBefore,
  deadlineFromDate,
  fiscalYearOf,
  formatDeadline,
  formatWarekiDateTime,
  jstDateOf,
  onOrBeforeBusinessDay,
} from '../../../shared/time/index.js';

const probe = {
  onOrBefore: ['2024-05-06', '2024-05-04', '2024-06-14', '2025-01-01', '2024-09-23'].map((date) => onOrBeforeBusinessDay(date)),
  dayBefore: ['2024-05-07', '2024-07-16', '2024-05-20'].map((date) => businessDayBefore(date)),
  deadline: deadlineFromDate('2024-05-17').toISOString(),
  jstDate: jstDateOf(new Date('2024-05-17T15:30:00Z')),
  wareki: formatWarekiDateTime(new Date('2024-06-14T00:00:00Z')),
  fiscal: fiscalYearOf(new Date('2025-03-31T14:59:59Z')),
  deadlineText: [new Date('2026-12-12T15:00:00Z'), new Date('2026-12-12T08:00:00Z')].flatMap((closesAt) => [
    formatDeadline(closesAt, 'ja'),
    formatDeadline(closesAt, 'en'),
  ]),
  // A deadline the day after the 2024-05-06 substitute holiday: the 1-day reminder moves to 2 May.
  deadlineReminders: planDeadlineReminders({
    ...FY2024_NEW_INITIATIVE_CALL,
    tracks: [{ kind: 'individual', channel: 'staffProposalSystem', deadlineDate: '2024-05-07', closesAt: deadlineFromDate('2024-05-07') }],
  }).map((occurrence) => occurrence.dueAt.toISOString()),
  meetingReminder: planMeetingReminder({
    id: 'm',
    bodyId: 'hq',
    ordinal: 1,
    fiscalYear: 2024,
    agenda: [],
    guests: [],
    history: [],
    demo: false,
    status: 'convened',
    startsAt: new Date('2024-07-16T01:00:00Z'),
    endsAt: new Date('2024-07-16T02:00:00Z'),
  })?.dueAt.toISOString(),
};
process.stdout.write(JSON.stringify(probe));
