import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { PROPOSAL_STATE_LABELS } from '../../../../shared/i18n/labels.js';
import { DateText } from '../../components/DateText.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { AttendanceMarkDto, MinutesDecisionDto, MinutesDto } from '../../models/api-contract.js';

export const MARK_LABEL: Record<AttendanceMarkDto, MessageKey> = { present: 'markPresent', absent: 'markAbsent', proxy: 'markProxy' };

/** What a decision decides, in words: the proposal and its outcome, the PT and what is asked of it, or the kind. */
export function useSubjectText(): (decision: MinutesDecisionDto) => string {
  const { t, locale } = useI18n();
  return (decision) => {
    const subject = decision.subject;
    const name = decision.subjectName ?? '';
    if (subject.kind === 'proposal') return t('subjectProposalOf', { name, outcome: PROPOSAL_STATE_LABELS[subject.outcome][locale] });
    if (subject.kind === 'pt')
      return t('subjectPtOf', { name, concern: t(subject.concern === 'direction' ? 'ptConcernDirection' : 'ptConcernReportRequested') });
    return t(subject.kind === 'schedule' ? 'subjectSchedule' : 'subjectGeneral');
  };
}

/** Who recorded the minutes and, once confirmed, who confirmed them and when (令和, Japan time). */
export function MinutesStatus({ minutes }: { minutes: MinutesDto }) {
  const { t } = useI18n();
  if (minutes.status === 'confirmed') {
    return (
      <Text block data-minutes-status="confirmed">
        <Badge color="success">{t('minutesConfirmedBadge')}</Badge> {minutes.confirmedAt && <DateText value={minutes.confirmedAt} withTime />}{' '}
        {t('minutesConfirmedBy', { name: minutes.confirmedByName ?? '' })}
      </Text>
    );
  }
  return (
    <>
      <Text block data-minutes-status="draft">
        <Badge color="warning">{t('minutesDraftBadge')}</Badge> {t('minutesDraftNotice')}
      </Text>
      <Text block size={200}>
        {minutes.saved ? (
          <>
            {t('minutesUpdatedBy', { name: minutes.updatedByName })} <DateText value={minutes.updatedAt} withTime />
          </>
        ) : (
          t('minutesUnsaved')
        )}
      </Text>
    </>
  );
}

/** Minutes as members read them: attendance, 議事の概要 per agenda item, 決定事項 with their 対応事項. */
export function MinutesView({ minutes }: { minutes: MinutesDto }) {
  const { t } = useI18n();
  const subjectText = useSubjectText();
  const guests = minutes.guests.filter((guest) => guest.present);
  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="minutes-view">
      <MinutesStatus minutes={minutes} />
      <div>
        <Text as="h3" weight="semibold" block>
          {t('minutesAttendance')}
        </Text>
        <Table size="small" aria-label={t('minutesAttendance')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('roster')}</TableHeaderCell>
              <TableHeaderCell>{t('minutesAttendance')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {minutes.attendance.map((line) => (
              <TableRow key={line.staffId}>
                <TableCell>
                  {line.postTitle ? `${line.postTitle} ` : ''}
                  {line.displayName}
                </TableCell>
                <TableCell>
                  {t(MARK_LABEL[line.mark])}
                  {line.mark === 'proxy' && line.proxyName ? `（${line.proxyName}）` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {guests.length > 0 && (
          <Text block>
            {t('guestsPresent')}: {guests.map((guest) => guest.name).join('、')}
          </Text>
        )}
      </div>
      <div>
        <Text as="h3" weight="semibold" block>
          {t('agendaSummaries')}
        </Text>
        <ol>
          {minutes.agenda.map((item) => (
            <li key={item.index}>
              <Text weight="semibold" block>
                {item.title}
              </Text>
              <Text block style={{ whiteSpace: 'pre-wrap' }}>
                {item.summary || t('noSummary')}
              </Text>
            </li>
          ))}
        </ol>
      </div>
      <div>
        <Text as="h3" weight="semibold" block>
          {t('decisionsHeading')}
        </Text>
        {minutes.decisions.length === 0 ? (
          <Text>{t('empty')}</Text>
        ) : (
          <ol data-testid="minutes-decisions">
            {minutes.decisions.map((decision) => (
              <li key={decision.id}>
                <Text block style={{ whiteSpace: 'pre-wrap' }}>
                  {decision.text}
                </Text>
                <Text block size={200}>
                  {t('decisionConcerns')}: {subjectText(decision)}
                  {decision.agendaIndex !== undefined && minutes.agenda[decision.agendaIndex]
                    ? `（${t('decisionAgendaItem')}: ${minutes.agenda[decision.agendaIndex]!.title}）`
                    : ''}
                </Text>
                {decision.actions.length > 0 && (
                  <>
                    <Text block weight="semibold" size={200}>
                      {t('actionsHeading')}
                    </Text>
                    <ul>
                      {decision.actions.map((action, index) => (
                        <li key={index}>
                          {action.title} — {action.ownerName} — {t('dueOn')} <DateText value={action.dueOn} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
