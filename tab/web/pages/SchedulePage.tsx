import { Badge, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { formatFiscalYear } from '../../../shared/time/fiscal-year.js';
import { DateText } from '../components/DateText.js';
import { LoadView } from '../components/LoadView.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import { programmeApi } from '../services/programme-api.js';

function monthLabel(month: string, locale: 'ja' | 'en'): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return locale === 'ja'
    ? `令和${year - 2018}年${number}月`
    : `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][number - 1]} ${year}`;
}

/** The fiscal-year timeline in date order; the secretariat also sees where the source lists a month out of order. */
export function SchedulePage() {
  const { t, locale } = useI18n();
  const schedule = useLoad(() => programmeApi.schedule(), []);
  return (
    <Section title={t('milestones')}>
      <LoadView load={schedule} reload={schedule.reload} isEmpty={(data) => data.milestones.length === 0}>
        {(data) => (
          <>
            {data.flagged > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>{t('flaggedCount', { count: data.flagged })}</MessageBarBody>
              </MessageBar>
            )}
            <Table aria-label={t('milestones')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('month')}</TableHeaderCell>
                  <TableHeaderCell>{t('title')}</TableHeaderCell>
                  <TableHeaderCell />
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.milestones.map((milestone) => (
                  <TableRow key={milestone.id} data-out-of-order={milestone.outOfOrder || undefined}>
                    <TableCell>
                      {formatFiscalYear(milestone.fiscalYear, locale)} ·{' '}
                      {milestone.date ? <DateText value={milestone.date} /> : monthLabel(milestone.month, locale)}
                    </TableCell>
                    <TableCell>{milestone.label}</TableCell>
                    <TableCell>{milestone.outOfOrder && <Badge color="warning">{t('outOfOrder')}</Badge>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </LoadView>
    </Section>
  );
}
