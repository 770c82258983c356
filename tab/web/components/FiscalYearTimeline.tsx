import { Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { formatFiscalYear } from '../../../shared/time/fiscal-year.js';
import { jstDateOf } from '../../../shared/time/jst.js';
import { useI18n } from '../i18n/locale-context.js';
import type { MilestoneDto } from '../models/api-contract.js';
import { DateText } from './DateText.js';
import { monthTitle } from './MonthCalendar.js';

const WIDTH = 680;
const HEIGHT = 64;
const MARGIN = 20;
const AXIS_Y = 34;

/** Days from 1 April of the fiscal year, for an ISO date or a month (placed mid-month). */
function dayOfYear(fiscalYear: number, date: string): number {
  const start = Date.UTC(fiscalYear, 3, 1);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number | undefined];
  return (Date.UTC(year, month - 1, day ?? 15) - start) / 86_400_000;
}

/**
 * The fiscal year (April to March) as a line with its milestones and today marked, drawn as plain
 * SVG named by its title; the same milestones follow as a list in date order, today's place in it
 * said in words, so nothing depends on seeing the picture.
 */
export function FiscalYearTimeline({
  fiscalYear,
  milestones,
  today = jstDateOf(new Date()),
}: {
  fiscalYear: number;
  milestones: readonly MilestoneDto[];
  today?: string;
}) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const inYear = milestones.filter((milestone) => milestone.fiscalYear === fiscalYear);
  const length = dayOfYear(fiscalYear, `${fiscalYear + 1}-04-01`);
  const x = (date: string) => MARGIN + (Math.min(Math.max(dayOfYear(fiscalYear, date), 0), length) / length) * (WIDTH - 2 * MARGIN);
  const todayIn = dayOfYear(fiscalYear, today) >= 0 && dayOfYear(fiscalYear, today) < length;
  const months = Array.from({ length: 12 }, (_, index) => {
    const month = ((3 + index) % 12) + 1;
    return `${month >= 4 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, '0')}`;
  });
  const sorted = [...inYear].sort((a, b) => (a.date ?? a.month).localeCompare(b.date ?? b.month));
  const title = t('fiscalYearTimeline', { year: formatFiscalYear(fiscalYear, locale) });
  return (
    <figure data-testid="fiscal-year-timeline" style={{ margin: '12px 0' }}>
      <figcaption id={titleId}>
        <Text weight="semibold">{title}</Text>
      </figcaption>
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ width: '100%', maxWidth: WIDTH }}>
        <line x1={MARGIN} x2={WIDTH - MARGIN} y1={AXIS_Y} y2={AXIS_Y} stroke={tokens.colorNeutralStroke1} strokeWidth={2} />
        {months.map((month) => (
          <g key={month}>
            <line x1={x(`${month}-01`)} x2={x(`${month}-01`)} y1={AXIS_Y - 4} y2={AXIS_Y + 4} stroke={tokens.colorNeutralStroke1} />
            <text x={x(`${month}-01`) + 2} y={HEIGHT - 4} fontSize={10} fill={tokens.colorNeutralForeground2}>
              {Number(month.slice(5))}
              {locale === 'ja' ? '月' : ''}
            </text>
          </g>
        ))}
        {sorted.map((milestone) => (
          <circle key={milestone.id} cx={x(milestone.date ?? milestone.month)} cy={AXIS_Y} r={5} fill={tokens.colorBrandBackground} />
        ))}
        {todayIn && (
          <g data-today={today}>
            <line x1={x(today)} x2={x(today)} y1={8} y2={AXIS_Y + 8} stroke={tokens.colorPaletteRedBorderActive} strokeWidth={2} />
            <text x={x(today) + 3} y={14} fontSize={11} fill={tokens.colorPaletteRedForeground1}>
              {t('today')}
            </text>
          </g>
        )}
      </svg>
      <details>
        <summary>{t('timelineAsList')}</summary>
        <ol data-testid="fiscal-year-timeline-list">
          {sorted.map((milestone) => (
            <li key={milestone.id} data-past={(milestone.date ?? `${milestone.month}-31`) < today || undefined}>
              {milestone.date ? <DateText value={milestone.date} /> : monthTitle(milestone.month, locale)} {milestone.label}
            </li>
          ))}
        </ol>
        <Text block>{todayIn ? t('timelineToday', { date: today }) : t('timelineTodayOutside')}</Text>
      </details>
    </figure>
  );
}
