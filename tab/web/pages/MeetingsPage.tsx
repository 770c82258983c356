import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { MEETING_STATUS_LABELS, RSVP_LABELS, rosterRoleLabel, TRACK_LABELS } from '../../../shared/i18n/labels.js';
import { jstDateOf } from '../../../shared/time/jst.js';
import { safeMeetingLink } from '../../../shared/meetings/meeting-link.js';
import { DateText, TimeRangeText } from '../components/DateText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadView } from '../components/LoadView.js';
import { Section } from '../components/Section.js';
import { hrefOf } from '../components/use-hash-route.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { CallDto, MeetingDetailDto, RecruitmentSummaryDto, RsvpResponse } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { MeetingLine } from './DashboardPage.js';
import { initialMonth, MonthCalendar, type CalendarDeadline } from '../components/MonthCalendar.js';
import { ConveneMeetingForm } from './meetings/ConveneMeetingForm.js';
import { ManageMeeting } from './meetings/ManageMeeting.js';
import { MaterialsDownload } from './meetings/MaterialsDownload.js';
import { MinutesSection } from './meetings/MinutesSection.js';
import { PreparedConvocation } from './meetings/PreparedConvocation.js';
import { UnansweredReminder } from './meetings/UnansweredReminder.js';

/** 会議: a list or a month calendar (Japan time), and the convene form for those who may convene. */
/** The calls' track deadlines and the recruitments' closing days, for the calendar beside the meetings. */
async function calendarDeadlines(): Promise<{ calls: CallDto[]; recruitments: RecruitmentSummaryDto[] }> {
  const [calls, recruitments] = await Promise.all([programmeApi.calls(), programmeApi.recruitments().catch(() => [])]);
  return { calls, recruitments };
}

function localisedDeadlines(
  data: { calls: readonly CallDto[]; recruitments: readonly RecruitmentSummaryDto[] },
  locale: 'ja' | 'en',
  t: ReturnType<typeof useI18n>['t'],
): CalendarDeadline[] {
  return [
    ...data.calls.flatMap((call) =>
      call.tracks.map((track) => ({ date: track.deadlineDate, label: `${call.title}（${TRACK_LABELS[track.kind][locale]}）`, href: hrefOf('proposals') })),
    ),
    ...data.recruitments.map((recruitment) => ({
      // `closesAt` is the instant after the last day (00:00 of the next one): the deadline is the day before it.
      date: jstDateOf(new Date(Date.parse(recruitment.closesAt) - 1)),
      label: t('calendarRecruitmentDeadline', { title: recruitment.title }),
      href: hrefOf('proposal-pt', recruitment.id),
    })),
  ];
}

export function MeetingsPage({ view = 'list', month }: { view?: 'list' | 'calendar'; month?: string | undefined }) {
  const { t, locale } = useI18n();
  const meetings = useLoad(() => programmeApi.meetings(), []);
  const bodies = useLoad(() => programmeApi.bodies(), []);
  const teams = useLoad(() => programmeApi.projectTeams({}), []);
  const deadlines = useLoad(calendarDeadlines, []);
  const [conveneOpen, setConveneOpen] = useState(false);
  const [notice, setNotice] = useState<string>();
  const conveneable = bodies.state === 'ready' ? bodies.data.filter((body) => body.mayConvene || body.mayPrepare) : [];
  const prepareOnly = conveneable.length > 0 && conveneable.every((body) => !body.mayConvene);
  const formTitle = t(prepareOnly ? 'prepareConvocation' : 'conveneMeeting');
  return (
    <>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {conveneable.length > 0 && (
        <Section title={formTitle}>
          {conveneOpen ? (
            <ConveneMeetingForm
              bodies={conveneable}
              teams={teams.state === 'ready' ? teams.data : []}
              onConvened={(id, prepared) => {
                setNotice(t(prepared ? 'prepared' : 'convened'));
                setConveneOpen(false);
                meetings.reload();
                window.location.hash = hrefOf('meetings', id);
              }}
            />
          ) : (
            <div>
              <Button
                appearance="primary"
                onClick={() => {
                  setNotice(undefined);
                  setConveneOpen(true);
                }}
              >
                {formTitle}
              </Button>
            </div>
          )}
        </Section>
      )}
      <Section title={t('navMeetings')}>
        <TabList
          selectedValue={view}
          onTabSelect={(_, data) => (window.location.hash = hrefOf(data.value === 'calendar' ? 'calendar' : 'meetings'))}
          size="small"
          aria-label={t('navMeetings')}
        >
          <Tab value="list">{t('meetingList')}</Tab>
          <Tab value="calendar">{t('meetingCalendar')}</Tab>
        </TabList>
        <LoadView load={meetings} reload={meetings.reload} isEmpty={(list) => view === 'list' && list.length === 0}>
          {(list) =>
            view === 'calendar' ? (
              <MonthCalendar
                meetings={list}
                deadlines={deadlines.state === 'ready' ? localisedDeadlines(deadlines.data, locale, t) : []}
                month={month && /^\d{4}-\d{2}$/.test(month) ? month : initialMonth(list)}
                onMonthChange={(next) => (window.location.hash = hrefOf('calendar', next))}
              />
            ) : (
              <Table aria-label={t('navMeetings')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('navMeetings')}</TableHeaderCell>
                    <TableHeaderCell>{t('myAnswer')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((meeting) => (
                    <TableRow key={meeting.id}>
                      <TableCell>
                        <MeetingLine meeting={meeting} /> {meeting.demo && <Badge color="informative">{t('demo')}</Badge>}
                        {meeting.minutesConfirmed && (
                          <Badge color="success" appearance="outline">
                            {t('minutesConfirmedMark')}
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell>{meeting.myRsvp ? RSVP_LABELS[meeting.myRsvp][locale] : meeting.viewerExpected ? t('noAnswer') : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )
          }
        </LoadView>
      </Section>
    </>
  );
}

/** Who presides, in the body's own words: HQ 本部長 (要綱 art. 4), the council 議長 (art. 5). */
function Presiding({ presiding, bodyKind }: { presiding: MeetingDetailDto['presiding']; bodyKind: MeetingDetailDto['bodyKind'] }) {
  const { t } = useI18n();
  const name = [presiding.postTitle, presiding.displayName].filter(Boolean).join(' ');
  const chair = bodyKind === 'hq' ? t('presidingChairHq') : bodyKind === 'council' ? t('presidingChairCouncil') : t('presidingChair');
  const text =
    presiding.basis === 'chair'
      ? chair
      : presiding.basis === 'guideline'
        ? t('presidingGuideline', { name })
        : presiding.basis === 'outsideGuideline'
          ? t('presidingOutside', { name })
          : t('presidingNone');
  return <Text data-presiding={presiding.basis}>{text}</Text>;
}

/** The online meeting link: a link only when it is https, otherwise the text as stored. */
function OnlineLink({ url }: { url: string }) {
  const { t } = useI18n();
  const safe = safeMeetingLink(url);
  if (!safe)
    return (
      <Text>
        {url} {t('onlineLinkNotOpened')}
      </Text>
    );
  return (
    <Link href={safe} target="_blank" rel="noopener noreferrer">
      {t('joinOnline')}
    </Link>
  );
}

/** 出席 n / 欠席 n / 代理 n / 未回答 n, for the convener and the secretariat. */
function AttendanceTally({ tally }: { tally: NonNullable<MeetingDetailDto['attendance']> }) {
  const { t } = useI18n();
  return (
    <Text weight="semibold" data-testid="attendance-tally">
      {t('attendanceTallyLabel', { expected: tally.expected })}: {t('attendanceTally', { ...tally })}
    </Text>
  );
}

function RsvpForm({ meeting, onAnswered }: { meeting: MeetingDetailDto; onAnswered: () => void }) {
  const { t, locale } = useI18n();
  const [response, setResponse] = useState<RsvpResponse>(meeting.myRsvp ?? 'attend');
  const [proxyName, setProxyName] = useState('');
  const [error, setError] = useState<unknown>();
  const answer = async () => {
    setError(undefined);
    try {
      await programmeApi.answerRsvp(meeting.id, response, response === 'proxy' ? proxyName : undefined);
      onAnswered();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Section title={t('myAnswer')}>
      <RadioGroup value={response} onChange={(_, data) => setResponse(data.value as RsvpResponse)} aria-label={t('myAnswer')}>
        {(['attend', 'absent', 'proxy'] as const).map((value) => (
          <Radio key={value} value={value} label={RSVP_LABELS[value][locale]} />
        ))}
      </RadioGroup>
      {response === 'proxy' && (
        <Field label={t('proxyName')}>
          <Input value={proxyName} onChange={(_, data) => setProxyName(data.value)} maxLength={100} />
        </Field>
      )}
      <ErrorNotice error={error} />
      <Button appearance="primary" onClick={() => void answer()}>
        {t('answer')}
      </Button>
    </Section>
  );
}

/** One meeting: agenda, roster with RSVP states, guests, and who presides when the chair is absent. */
export function MeetingPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const meeting = useLoad(() => programmeApi.meeting(id), [id]);
  return (
    <>
      <Link href={hrefOf('meetings')}>{t('back')}</Link>
      <LoadView load={meeting} reload={meeting.reload}>
        {(data) => (
          <>
            <Section title={`${locale === 'ja' ? data.bodyName : data.bodyNameEn} ${t('ordinal', { n: data.ordinal })}`}>
              <Text>
                <TimeRangeText startsAt={data.startsAt} endsAt={data.endsAt} />
                {data.place ? ` · ${data.place}` : ''} · {MEETING_STATUS_LABELS[data.status][locale]}
              </Text>
              {data.onlineUrl && <OnlineLink url={data.onlineUrl} />}
              <Presiding presiding={data.presiding} bodyKind={data.bodyKind} />
            </Section>
            {data.status === 'prepared' && <PreparedConvocation meeting={data} onIssued={meeting.reload} />}
            {data.viewerExpected && data.status !== 'cancelled' && data.status !== 'held' && data.status !== 'prepared' && (
              <RsvpForm meeting={data} onAnswered={meeting.reload} />
            )}
            {data.mayManage && data.status !== 'cancelled' && data.status !== 'held' && <ManageMeeting meeting={data} onChanged={meeting.reload} />}
            {data.mayDownloadMaterials && <MaterialsDownload meetingId={data.id} />}
            <Section title={t('agenda')}>
              {data.agenda.length === 0 ? (
                <Text>{t('empty')}</Text>
              ) : (
                <ol>
                  {data.agenda.map((item, index) => (
                    <li key={index}>{item.ptId ? <Link href={hrefOf('pts', item.ptId)}>{item.title}</Link> : item.title}</li>
                  ))}
                </ol>
              )}
            </Section>
            <Section title={t('roster')}>
              {data.attendance && <AttendanceTally tally={data.attendance} />}
              {data.attendance && <UnansweredReminder meeting={data} onSent={meeting.reload} />}
              <Table aria-label={t('roster')} size="small">
                <TableBody>
                  {data.roster.map((line) => (
                    <TableRow key={line.postId}>
                      <TableCell>
                        {rosterRoleLabel(data.bodyKind, line, locale)}
                        {line.rank ? ` (${line.rank})` : ''}
                      </TableCell>
                      <TableCell>{line.postTitle}</TableCell>
                      <TableCell>{line.holders.length === 0 ? t('vacant') : line.holders.map((holder) => holder.displayName).join('、')}</TableCell>
                      <TableCell>
                        {line.holders
                          .map((holder) =>
                            holder.rsvp ? RSVP_LABELS[holder.rsvp][locale] + (holder.proxyName ? `（${holder.proxyName}）` : '') : t('noAnswer'),
                          )
                          .join('、')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {data.otherResponses.length > 0 && (
                <>
                  <Text weight="semibold">{t('otherResponses')}</Text>
                  <ul>
                    {data.otherResponses.map((other, index) => (
                      <li key={index}>
                        {other.displayName}: {RSVP_LABELS[other.rsvp][locale]}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Section>
            {(data.status === 'convened' || data.status === 'held') && <MinutesSection meeting={data} />}
            {data.history.length > 0 && (
              <Section title={t('history')}>
                <ul>
                  {data.history.map((change, index) => (
                    <li key={index}>
                      {t('previouslyAt')}
                      <DateText value={change.previousStartsAt} withTime />
                      {change.reason ? ` — ${change.reason}` : ''}
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            {data.guests.length > 0 && (
              <Section title={t('guests')}>
                <ul>
                  {data.guests.map((guest, index) => (
                    <li key={index}>
                      {guest.name}
                      {guest.affiliation ? `（${guest.affiliation}）` : ''}
                    </li>
                  ))}
                </ul>
              </Section>
            )}
          </>
        )}
      </LoadView>
    </>
  );
}
