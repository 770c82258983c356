/** Run in a child process under different TZ values; prints what the time module computes. */
import { businessDayBefore, deadlineFromDate, fiscalYearOf, formatWarekiDateTime, jstDateOf, onOrBeforeBusinessDay } from '../../../shared/time/index.js';

const probe = {
  onOrBefore: ['2024-05-06', '2024-05-04', '2024-06-14', '2025-01-01', '2024-09-23'].map((date) => onOrBeforeBusinessDay(date)),
  dayBefore: ['2024-05-07', '2024-07-16', '2024-05-20'].map((date) => businessDayBefore(date)),
  deadline: deadlineFromDate('2024-05-17').toISOString(),
  jstDate: jstDateOf(new Date('2024-05-17T15:30:00Z')),
  wareki: formatWarekiDateTime(new Date('2024-06-14T00:00:00Z')),
  fiscal: fiscalYearOf(new Date('2025-03-31T14:59:59Z')),
};
process.stdout.write(JSON.stringify(probe));
