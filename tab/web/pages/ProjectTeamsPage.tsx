import { Badge, Field, Link, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { DateText } from '../components/DateText.js';
import { LoadView } from '../components/LoadView.js';
import { PlanPeriod } from '../components/PlanSummary.js';
import { Section } from '../components/Section.js';
import { hrefOf } from '../components/use-hash-route.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/messages.js';
import type { PtCategory, PtStatus } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { MeetingLine } from './DashboardPage.js';
import { ProgressReportForm } from './pts/ProgressReportForm.js';

const CATEGORY_KEYS: Record<PtCategory, MessageKey> = { crossDepartmental: 'crossDepartmental', threeLayer: 'threeLayer' };
const STATUS_KEYS: Record<PtStatus, MessageKey> = { active: 'ptActive', paused: 'ptPaused', closed: 'ptClosed' };
const REPORT_LABELS = {
  structure: 'reportStructure',
  schedule: 'reportSchedule',
  progress: 'reportProgress',
  issues: 'reportIssues',
} as const satisfies Record<string, MessageKey>;

/** PTs filtered by category, unit and status (the unit list comes from the PTs themselves). */
export function ProjectTeamsPage() {
  const { t } = useI18n();
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState('');
  const [unitId, setUnitId] = useState('');
  const everything = useLoad(() => programmeApi.projectTeams({}), []);
  const teams = useLoad(() => programmeApi.projectTeams({ category, status, unitId }), [category, status, unitId]);
  const plan = useLoad(() => programmeApi.plan(), []);
  const units = everything.state === 'ready' ? [...new Map(everything.data.flatMap((team) => team.secretariat).map((unit) => [unit.id, unit])).values()] : [];
  return (
    <Section title={t('navPts')}>
      {plan.state === 'ready' && <PlanPeriod plan={plan.data} />}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Field label={t('category')}>
          <Select value={category} onChange={(_, data) => setCategory(data.value)}>
            <option value="">{t('all')}</option>
            {(Object.keys(CATEGORY_KEYS) as PtCategory[]).map((value) => (
              <option key={value} value={value}>
                {t(CATEGORY_KEYS[value])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('secretariat')}>
          <Select value={unitId} onChange={(_, data) => setUnitId(data.value)}>
            <option value="">{t('all')}</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('status')}>
          <Select value={status} onChange={(_, data) => setStatus(data.value)}>
            <option value="">{t('all')}</option>
            {(Object.keys(STATUS_KEYS) as PtStatus[]).map((value) => (
              <option key={value} value={value}>
                {t(STATUS_KEYS[value])}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <LoadView load={teams} reload={teams.reload} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <Table aria-label={t('navPts')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('itemNumber')}</TableHeaderCell>
                <TableHeaderCell>{t('title')}</TableHeaderCell>
                <TableHeaderCell>{t('secretariat')}</TableHeaderCell>
                <TableHeaderCell>{t('status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((team) => (
                <TableRow key={team.id}>
                  <TableCell>{team.items}</TableCell>
                  <TableCell>
                    <Link href={hrefOf('pts', team.id)}>{team.title}</Link>{' '}
                    {team.category === 'threeLayer' && <Badge color="informative">{t('threeLayer')}</Badge>}
                  </TableCell>
                  <TableCell>{team.secretariat.map((unit) => unit.name).join('、')}</TableCell>
                  <TableCell>{t(STATUS_KEYS[team.status])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </LoadView>
    </Section>
  );
}

/** One PT: topics, secretariat, member units, unassigned units, progress reports and meetings. */
export function ProjectTeamPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const team = useLoad(() => programmeApi.projectTeam(id), [id]);
  return (
    <>
      <Link href={hrefOf('pts')}>{t('back')}</Link>
      <LoadView load={team} reload={team.reload}>
        {(data) => (
          <>
            <Section title={`${data.items} ${data.title}`}>
              <Text>
                {t(CATEGORY_KEYS[data.category])} · {t(STATUS_KEYS[data.status])}
              </Text>
              <Text weight="semibold">{t('topics')}</Text>
              <ol data-field="topics">
                {data.topics.map((topic) => (
                  <li key={topic.number} value={topic.number} data-topic-lead={topic.lead?.id}>
                    {topic.text}
                    {topic.lead && (
                      <>
                        {' '}
                        <Badge appearance="outline">{t('topicLead', { unit: topic.lead.name })}</Badge>
                      </>
                    )}
                  </li>
                ))}
              </ol>
              <Text>
                <strong>{t('secretariat')}:</strong> {data.secretariat.map((unit) => unit.name).join('、')}
              </Text>
              <Text>
                <strong>{t('members')}:</strong> {data.members.map((unit) => unit.name).join('、')}
                {data.membersOpenEnded ? ` ${t('andOthers')}` : ''}
              </Text>
              {data.viewerUnitExpected && <Text data-testid="viewer-unit-expected">{t('viewerUnitExpected')}</Text>}
              {data.unassigned.length > 0 && (
                <Text>
                  <strong>{t('unassigned')}:</strong> {data.unassigned.map((unit) => unit.name).join('、')}
                </Text>
              )}
              {data.notes.map((note, index) => (
                <Text key={index} italic>
                  {note}
                </Text>
              ))}
            </Section>
            <Section title={t('progressReports')}>
              {data.progressReports.length === 0 ? (
                <Text>{t('empty')}</Text>
              ) : (
                <ul>
                  {data.progressReports.map((report) => {
                    const meeting =
                      data.reportableMeetings.find((candidate) => candidate.id === report.meetingId) ??
                      data.meetings.find((candidate) => candidate.id === report.meetingId);
                    return (
                      <li key={report.id} data-report-id={report.id}>
                        <DateText value={report.reportedAt} />
                        {meeting && (
                          <>
                            {' '}
                            · <MeetingLine meeting={meeting} />
                          </>
                        )}
                        <dl style={{ margin: '4px 0 12px' }}>
                          {(['structure', 'schedule', 'progress', 'issues'] as const)
                            .filter((field) => report[field])
                            .map((field) => (
                              <div key={field}>
                                <dt style={{ fontWeight: 600 }}>{t(REPORT_LABELS[field])}</dt>
                                <dd style={{ marginInlineStart: 16, whiteSpace: 'pre-wrap' }}>{report[field]}</dd>
                              </div>
                            ))}
                        </dl>
                      </li>
                    );
                  })}
                </ul>
              )}
            </Section>
            {data.meetingSummaries.length > 0 && (
              <Section title={t('ptMeetingSummaries')} id="pt-meeting-summaries">
                <ul>
                  {data.meetingSummaries.map((entry, index) => (
                    <li key={`${entry.meetingId}-${index}`}>
                      <Link href={hrefOf('meetings', entry.meetingId)}>
                        {locale === 'ja' ? entry.bodyName : entry.bodyNameEn} {t('ordinal', { n: entry.ordinal })}
                      </Link>{' '}
                      <DateText value={entry.startsAt} /> · {entry.agendaTitle}
                      <Text block style={{ whiteSpace: 'pre-wrap' }}>
                        {entry.summary}
                      </Text>
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            <Section title={t('ptMeetingDecisions')} id="pt-meeting-decisions">
              {data.meetingDecisions.length === 0 ? (
                <Text>{t('empty')}</Text>
              ) : (
                <ul>
                  {data.meetingDecisions.map((decision, index) => (
                    <li key={`${decision.meetingId}-${index}`}>
                      <Link href={hrefOf('meetings', decision.meetingId)}>
                        {locale === 'ja' ? decision.bodyName : decision.bodyNameEn} {t('ordinal', { n: decision.ordinal })}
                      </Link>{' '}
                      <DateText value={decision.startsAt} /> ·{' '}
                      <Badge appearance="outline">{t(decision.concern === 'direction' ? 'ptConcernDirection' : 'ptConcernReportRequested')}</Badge>
                      <Text block style={{ whiteSpace: 'pre-wrap' }}>
                        {decision.text}
                      </Text>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            {data.mayReport && (
              <Section title={t('addProgressReport')}>
                <ProgressReportForm ptId={data.id} meetings={data.reportableMeetings} onAdded={team.reload} />
              </Section>
            )}
            <Section title={t('navMeetings')}>
              {data.meetings.length === 0 ? (
                <Text>{t('empty')}</Text>
              ) : (
                <ul>
                  {data.meetings.map((meeting) => (
                    <li key={meeting.id}>
                      <MeetingLine meeting={meeting} />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </LoadView>
    </>
  );
}
