import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { MEETING_STATUS_LABELS } from '../../../shared/i18n/labels.js';
import { addDays, jstDateOf, jstDateTimeParts, weekdayOf } from '../../../shared/time/jst.js';
import { useI18n } from '../i18n/locale-context.js';
import type { MeetingSummaryDto } from '../models/api-contract.js';
import { hrefOf } from './use-hash-route.js';

const WEEKDAYS = { ja: ['日', '月', '火', '水', '木', '金', '土'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] } as const;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top', height: '84px', padding: '4px' },
  outside: { backgroundColor: tokens.colorNeutralBackground3 },
  day: { fontWeight: tokens.fontWeightSemibold },
  entry: { display: 'block', fontSize: tokens.fontSizeBase200, marginTop: '2px' },
  cancelled: { textDecorationLine: 'line-through' },
  deadline: { display: 'block', fontSize: tokens.fontSizeBase200, marginTop: '2px', color: tokens.colorPaletteDarkOrangeForeground1 },
  today: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  todayLabel: { marginInlineStart: '4px', fontSize: tokens.fontSizeBase100, color: tokens.colorBrandForeground1 },
});

/** A deadline on the calendar (a call's track, a recruitment's closing day), on its day in Japan. */
export interface CalendarDeadline {
  readonly date: string;
  readonly label: string;
  readonly href: string;
}

/** `2024-05` → `令和6年5月` / `May 2024`. */
export function monthTitle(month: string, locale: 'ja' | 'en'): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return locale === 'ja' ? `令和${year - 2018}年${number}月` : `${MONTHS_EN[number - 1]} ${year}`;
}

export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month to open on: the one holding the meeting nearest to now, else this month (both in Japan). */
export function initialMonth(meetings: readonly MeetingSummaryDto[], now = new Date()): string {
  const nearest = [...meetings].sort((a, b) => Math.abs(Date.parse(a.startsAt) - now.getTime()) - Math.abs(Date.parse(b.startsAt) - now.getTime()))[0];
  return jstDateOf(nearest ? new Date(nearest.startsAt) : now).slice(0, 7);
}

/**
 * A month grid (Sunday first) of meetings and deadlines by their date in Japan, today marked, with
 * previous/next month buttons.
 */
export function MonthCalendar({
  meetings,
  deadlines = [],
  month,
  onMonthChange,
  today = jstDateOf(new Date()),
}: {
  meetings: readonly MeetingSummaryDto[];
  deadlines?: readonly CalendarDeadline[];
  month: string;
  onMonthChange: (month: string) => void;
  today?: string;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const first = `${month}-01`;
  const start = addDays(first, -weekdayOf(first));
  const byDate = new Map<string, MeetingSummaryDto[]>();
  for (const meeting of meetings) {
    const date = jstDateOf(new Date(meeting.startsAt));
    byDate.set(date, [...(byDate.get(date) ?? []), meeting]);
  }
  const weeks: string[][] = [];
  for (let cursor = start; cursor.slice(0, 7) <= month || weeks.length === 0;) {
    const week = Array.from({ length: 7 }, (_, index) => addDays(cursor, index));
    weeks.push(week);
    cursor = addDays(cursor, 7);
    if (cursor.slice(0, 7) > month) break;
  }
  const deadlinesOn = new Map<string, CalendarDeadline[]>();
  for (const deadline of deadlines) deadlinesOn.set(deadline.date, [...(deadlinesOn.get(deadline.date) ?? []), deadline]);
  const inMonth = [
    ...meetings.filter((meeting) => jstDateOf(new Date(meeting.startsAt)).startsWith(month)),
    ...deadlines.filter((deadline) => deadline.date.startsWith(month)),
  ];
  const title = monthTitle(month, locale);
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <Button size="small" onClick={() => onMonthChange(shiftMonth(month, -1))}>
          {t('previousMonth')}
        </Button>
        <strong aria-live="polite">{title}</strong>
        <Button size="small" onClick={() => onMonthChange(shiftMonth(month, 1))}>
          {t('nextMonth')}
        </Button>
      </div>
      <table className={styles.table} data-month={month}>
        <caption style={{ textAlign: 'start', marginBottom: 4 }}>{t('calendarCaption', { month: title })}</caption>
        <thead>
          <tr>
            {WEEKDAYS[locale].map((day) => (
              <th key={day} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((date) => (
                <td
                  key={date}
                  className={`${styles.cell} ${date.startsWith(month) ? '' : styles.outside} ${date === today ? styles.today : ''}`}
                  data-date={date}
                  aria-current={date === today ? 'date' : undefined}
                >
                  <span className={styles.day}>{Number(date.slice(8))}</span>
                  {date === today && <span className={styles.todayLabel}>{t('today')}</span>}
                  {(deadlinesOn.get(date) ?? []).map((deadline) => (
                    <Link key={`${deadline.href}-${deadline.label}`} href={deadline.href} className={styles.deadline} data-kind="deadline">
                      {t('deadlineEntry', { label: deadline.label })}
                    </Link>
                  ))}
                  {(byDate.get(date) ?? []).map((meeting) => {
                    const { hour, minute } = jstDateTimeParts(new Date(meeting.startsAt));
                    const time = `${hour}:${String(minute).padStart(2, '0')}`;
                    return (
                      <Link
                        key={meeting.id}
                        href={hrefOf('meetings', meeting.id)}
                        className={`${styles.entry} ${meeting.status === 'cancelled' ? styles.cancelled : ''}`}
                      >
                        {time} {locale === 'ja' ? meeting.bodyName : meeting.bodyNameEn} {t('ordinal', { n: meeting.ordinal })}
                        {meeting.status === 'cancelled' ? `（${MEETING_STATUS_LABELS.cancelled[locale]}）` : ''}
                      </Link>
                    );
                  })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {inMonth.length === 0 && <p>{t('noMeetingsThisMonth')}</p>}
    </div>
  );
}
