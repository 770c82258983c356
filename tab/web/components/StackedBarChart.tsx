import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n } from '../i18n/locale-context.js';

export interface ChartSeries {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

export interface ChartRow {
  readonly key: string;
  readonly label: string;
  /** One value per series, in the series' order. */
  readonly values: readonly number[];
}

const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
const LABEL_WIDTH = 200;
const BAR_WIDTH = 480;
const TOTAL_WIDTH = 60;

/**
 * Horizontal stacked bars drawn as plain SVG (no chart library: the cheapest one that fits React 19
 * would cost more than the tab's whole size budget leaves). The picture is one `img` named by the
 * title and described by a sentence; the same figures follow as a table, and a legend names each
 * colour in words, so nothing is told by colour alone.
 */
export function StackedBarChart({
  title,
  rowHeader,
  series,
  rows,
  testId,
}: {
  title: string;
  /** What the rows are (部, PT), the table's first column header. */
  rowHeader: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  testId: string;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const descId = useId();
  const totals = rows.map((row) => row.values.reduce((sum, value) => sum + value, 0));
  const max = Math.max(1, ...totals);
  const height = rows.length * ROW_HEIGHT + 4;
  const description = rows
    .map((row, index) =>
      t('chartRowDescription', {
        label: row.label,
        total: totals[index] ?? 0,
        parts: series.flatMap((each, at) => ((row.values[at] ?? 0) > 0 ? [`${each.label} ${row.values[at]}`] : [])).join('、'),
      }),
    )
    .join(' ');
  return (
    <figure data-testid={testId} style={{ margin: `${tokens.spacingVerticalM} 0` }}>
      <figcaption>
        <Text weight="semibold">{title}</Text>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + TOTAL_WIDTH} ${height}`}
        style={{ width: '100%', maxWidth: LABEL_WIDTH + BAR_WIDTH + TOTAL_WIDTH, height: 'auto', display: 'block' }}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {rows.map((row, index) => {
          const y = index * ROW_HEIGHT + 2;
          let x = LABEL_WIDTH;
          return (
            <g key={row.key}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + BAR_HEIGHT / 2}
                dominantBaseline="middle"
                textAnchor="end"
                fontSize={13}
                style={{ fill: tokens.colorNeutralForeground1 }}
              >
                {row.label}
              </text>
              {series.map((each, at) => {
                const width = ((row.values[at] ?? 0) / max) * BAR_WIDTH;
                const rect = width > 0 ? <rect key={each.key} x={x} y={y} width={width} height={BAR_HEIGHT} style={{ fill: each.colour }} /> : null;
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize={13} style={{ fill: tokens.colorNeutralForeground1 }}>
                {totals[index]}
              </text>
            </g>
          );
        })}
      </svg>
      <ul aria-label={t('chartLegend')} style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyle: 'none', padding: 0 }}>
        {series.map((each) => (
          <li key={each.key}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, marginInlineEnd: 4, background: each.colour }} />
            {each.label}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('chartAsTable')}</summary>
        <Table size="small" aria-label={title}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{rowHeader}</TableHeaderCell>
              {series.map((each) => (
                <TableHeaderCell key={each.key} scope="col">
                  {each.label}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t('chartTotal')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow key={row.key}>
                <TableCell>{row.label}</TableCell>
                {series.map((each, at) => (
                  <TableCell key={each.key}>{row.values[at] ?? 0}</TableCell>
                ))}
                <TableCell>{totals[index]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}
