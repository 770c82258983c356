import { Badge, Link, Table, tokens, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { MEETING_STATUS_LABELS, PROPOSAL_STATE_LABELS, TRACK_LABELS } from '../../../shared/i18n/labels.js';
import { formatFiscalYear } from '../../../shared/time/fiscal-year.js';
import { Countdown } from '../components/Countdown.js';
import { DateText } from '../components/DateText.js';
import { DeadlineText } from '../components/DeadlineText.js';
import { LoadView } from '../components/LoadView.js';
import { NoticeList } from '../components/NoticeList.js';
import { Section } from '../components/Section.js';
import { FiscalYearTimeline } from '../components/FiscalYearTimeline.js';
import { StackedBarChart } from '../components/StackedBarChart.js';
import { hrefOf } from '../components/use-hash-route.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { DashboardDto, MeetingSummaryDto, ProposalState } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { MyActionItems, OverdueActionItems } from './meetings/MinutesActionItems.js';

export function MeetingLine({ meeting }: { meeting: MeetingSummaryDto }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Link href={hrefOf('meetings', meeting.id)}>
        {locale === 'ja' ? meeting.bodyName : meeting.bodyNameEn} {t('ordinal', { n: meeting.ordinal })}
      </Link>{' '}
      <DateText value={meeting.startsAt} withTime /> · {MEETING_STATUS_LABELS[meeting.status][locale]}
    </>
  );
}

function MeetingList({ title, meetings, testId }: { title: string; meetings: readonly MeetingSummaryDto[]; testId: string }) {
  const { t } = useI18n();
  return (
    <div data-testid={testId} data-count={meetings.length}>
      <Text weight="semibold">{title}</Text>
      {meetings.length === 0 ? (
        <Text block>{t('noneWaiting')}</Text>
      ) : (
        <ul>
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              <MeetingLine meeting={meeting} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const STATE_COLOURS: Readonly<Record<ProposalState, string>> = {
  draft: tokens.colorNeutralForeground4,
  submitted: tokens.colorPaletteBlueBorderActive,
  underReview: tokens.colorPaletteMarigoldBorderActive,
  acceptedMidYear: tokens.colorPaletteGreenBorderActive,
  acceptedNextYear: tokens.colorPaletteTealBorderActive,
  deferred: tokens.colorPaletteBerryBorderActive,
  rejected: tokens.colorPaletteRedBorderActive,
  withdrawn: tokens.colorNeutralForeground4,
};

/** プログラムの状況: proposals of the open call by department and state, and PT progress reports; read apart from the dashboard. */
function ProgrammeOverview({ ptReporting }: { ptReporting: DashboardDto['ptReporting'] }) {
  const { t, locale } = useI18n();
  const overview = useLoad(() => programmeApi.dashboardOverview(), []);
  const schedule = useLoad(() => programmeApi.schedule(), []);
  const year = formatFiscalYear(ptReporting.fiscalYear, locale);
  return (
    <Section title={t('programmeOverview')} id="programme-overview">
      <LoadView load={overview} reload={overview.reload}>
        {(data) => (
          <>
            {data.calls.map((call) => (
              <StackedBarChart
                key={call.id}
                testId={`proposals-by-department-${call.id}`}
                title={t('proposalsByDepartment', { call: call.title })}
                rowHeader={t('department')}
                series={call.states.map((state) => ({ key: state, label: PROPOSAL_STATE_LABELS[state][locale], colour: STATE_COLOURS[state] }))}
                rows={call.departments.map((department) => ({
                  key: department.id ?? '',
                  label: department.name ?? t('unknownDepartment'),
                  values: call.states.map((state) => department.counts[state] ?? 0),
                }))}
              />
            ))}
          </>
        )}
      </LoadView>
      <StackedBarChart
        testId="pt-reporting-chart"
        title={t('ptReportingChart', { year })}
        rowHeader={t('navPts')}
        series={[
          { key: 'reported', label: t('ptReported'), colour: tokens.colorPaletteGreenBorderActive },
          { key: 'notYet', label: t('ptNotYetReported'), colour: tokens.colorNeutralForeground4 },
        ]}
        rows={[{ key: 'pts', label: t('navPts'), values: [ptReporting.reported, ptReporting.notYet] }]}
      />
      {schedule.state === 'ready' && <FiscalYearTimeline fiscalYear={ptReporting.fiscalYear} milestones={schedule.data.milestones} />}
    </Section>
  );
}

/** ホーム: my tasks first, then the next meetings, open calls with countdowns, and proposal counts. */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const dashboard = useLoad(() => programmeApi.dashboard(), []);
  return (
    <LoadView load={dashboard} reload={dashboard.reload}>
      {(data) => {
        const { drafts, rsvpsToAnswer, actionItems, overdueActionItems = [] } = data.tasks;
        // The secretariat's desk shows the review queue; only an administrator without it sees the line under my tasks.
        const desk = data.secretariatDesk;
        const reviewsWaiting = desk ? undefined : data.tasks.reviewsWaiting;
        const noTasks =
          drafts.length === 0 &&
          rsvpsToAnswer.length === 0 &&
          actionItems.length === 0 &&
          overdueActionItems.length === 0 &&
          !(reviewsWaiting && reviewsWaiting.submitted + reviewsWaiting.underReview > 0);
        return (
          <>
            {data.viewer.staffId && (
              <Section title={t('notices')} id="notices">
                <NoticeList notices={data.notices} />
              </Section>
            )}
            <Section title={t('myTasks')} id="my-tasks">
              {noTasks && <Text>{t('noTasks')}</Text>}
              <MyActionItems items={actionItems} onChanged={dashboard.reload} />
              {drafts.length > 0 && (
                <div>
                  <Text weight="semibold">{t('draftsToFinish')}</Text>
                  <ul>
                    {drafts.map((draft) => (
                      <li key={draft.id}>
                        <Link href={hrefOf('proposals', draft.id)}>{draft.title || '—'}</Link> ({draft.callTitle})
                        {draft.daysLeft !== undefined && <Countdown daysLeft={draft.daysLeft} open={draft.daysLeft >= 0} />}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {rsvpsToAnswer.length > 0 && (
                <div>
                  <Text weight="semibold">{t('rsvpsToAnswer')}</Text>
                  <ul>
                    {rsvpsToAnswer.map((meeting) => (
                      <li key={meeting.id}>
                        <MeetingLine meeting={meeting} />
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <OverdueActionItems items={overdueActionItems} />
              {reviewsWaiting && reviewsWaiting.submitted + reviewsWaiting.underReview > 0 && (
                <div>
                  <Text weight="semibold">{t('reviewsWaiting')}</Text>
                  <p>
                    <Link href={hrefOf('review')}>{t('reviewsWaitingText', reviewsWaiting)}</Link>
                  </p>
                </div>
              )}
            </Section>
            {data.viewer.staffId && (
              <Section title={t('myProposals')} id="my-proposals">
                {data.myProposals.length === 0 ? (
                  <Text>{t('noMyProposals')}</Text>
                ) : (
                  <ul data-testid="my-proposals">
                    {data.myProposals.map((proposal) => (
                      <li key={proposal.id} data-proposal-state={proposal.state}>
                        <Link href={hrefOf('proposals', proposal.id)}>{proposal.title || '—'}</Link> ({proposal.callTitle}・
                        {TRACK_LABELS[proposal.track][locale]}) <Badge appearance="tint">{PROPOSAL_STATE_LABELS[proposal.state][locale]}</Badge>
                        {proposal.decidedAt && (
                          <Text block size={200}>
                            {t('decidedAt')}: <DateText value={proposal.decidedAt} />
                            {proposal.decisionReason && (
                              <>
                                {' '}
                                · {t('reason')}: {proposal.decisionReason}
                              </>
                            )}
                          </Text>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
            )}
            {data.chairDesk && (
              <Section title={t('chairDesk')} id="chair-desk">
                <div data-testid="chair-desk">
                  <MeetingList title={t('convocationsToIssue')} meetings={data.chairDesk.convocationsToIssue} testId="convocations-to-issue" />
                  <MeetingList title={t('minutesToConfirm')} meetings={data.chairDesk.minutesToConfirm} testId="minutes-to-confirm" />
                </div>
              </Section>
            )}
            {desk && (
              <Section title={t('secretariatDesk')} id="secretariat-desk">
                <div data-testid="secretariat-desk">
                  <div data-testid="review-queue">
                    <Text weight="semibold">{t('reviewQueue')}</Text>
                    <ul>
                      {(['submitted', 'underReview'] as const).map((state) => (
                        <li key={state} data-state={state}>
                          {t('reviewQueueCount', { state: PROPOSAL_STATE_LABELS[state][locale], count: desk.reviewQueue[state] })}
                        </li>
                      ))}
                    </ul>
                    <Link href={hrefOf('review')}>{t('openReviewBoard')}</Link>
                  </div>
                  <MeetingList title={t('convocationsToPrepare')} meetings={desk.convocationsToPrepare} testId="convocations-to-prepare" />
                  <MeetingList title={t('convocationsAwaitingIssue')} meetings={desk.convocationsAwaitingIssue} testId="convocations-awaiting-issue" />
                  <p data-testid="failed-notifications">
                    {t('failedNotifications', { count: desk.failedNotifications })} <Link href={hrefOf('admin')}>{t('openAdmin')}</Link>
                  </p>
                </div>
              </Section>
            )}
            <Section title={t('nextMeetings')}>
              {data.nextMeetings.length === 0 ? (
                <Text>{t('empty')}</Text>
              ) : (
                <ul>
                  {data.nextMeetings.map((meeting) => (
                    <li key={meeting.id}>
                      <MeetingLine meeting={meeting} />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title={t('openCalls')}>
              {data.openCalls.length === 0 && <Text>{t('noOpenCall')}</Text>}
              {data.openCalls.map((call) => (
                <div key={call.id}>
                  <Text weight="semibold">{call.title}</Text>
                  <Table size="small" aria-label={call.title}>
                    <TableBody>
                      {call.tracks.map((track) => (
                        <TableRow key={track.kind}>
                          <TableCell>{TRACK_LABELS[track.kind][locale]}</TableCell>
                          <TableCell>
                            <DeadlineText closesAt={track.closesAt} />
                          </TableCell>
                          <TableCell>
                            <Countdown daysLeft={track.daysLeft} open={track.open} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              ))}
            </Section>
            <Section title={t('openRecruitments')} id="open-recruitments">
              {data.openRecruitments.length === 0 ? (
                <Text>{t('noOpenRecruitment')}</Text>
              ) : (
                <ul>
                  {data.openRecruitments.map((project) => (
                    <li key={project.id}>
                      <Link href={hrefOf('proposal-pt', project.id)}>{project.title}</Link> <DeadlineText closesAt={project.closesAt} />{' '}
                      <Countdown daysLeft={project.daysLeft} open />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title={t('ptProgress')} id="pt-reporting">
              <Text block data-testid="pt-reporting">
                {t('ptReportingSummary', { year: formatFiscalYear(data.ptReporting.fiscalYear, locale), ...data.ptReporting })}
              </Text>
              <Link href={hrefOf('pts')}>{t('ptListLink')}</Link>
            </Section>
            <Section title={t('proposalCounts')}>
              {Object.keys(data.proposalCounts).length === 0 ? (
                <Text>{t('empty')}</Text>
              ) : (
                <ul>
                  {(Object.entries(data.proposalCounts) as [ProposalState, number][]).map(([state, count]) => (
                    <li key={state}>
                      {PROPOSAL_STATE_LABELS[state][locale]}: {count}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <ProgrammeOverview ptReporting={data.ptReporting} />
          </>
        );
      }}
    </LoadView>
  );
}
