import { Badge, Link, Text } from '@fluentui/react-components';
import { fiscalYearOf, formatFiscalYear } from '../../../shared/time/fiscal-year.js';
import { DateText } from '../components/DateText.js';
import { LoadView } from '../components/LoadView.js';
import { PlanPeriod } from '../components/PlanSummary.js';
import { Section } from '../components/Section.js';
import { hrefOf } from '../components/use-hash-route.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { BodyDetailDto, MeetingSummaryDto } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { MeetingLine } from './DashboardPage.js';

/** HQ and the promotion council as the guideline sets them up; PTs have their own page. */
async function loadBodies(): Promise<BodyDetailDto[]> {
  const bodies = (await programmeApi.bodies()).filter((body) => body.kind === 'hq' || body.kind === 'council');
  return Promise.all(bodies.map((body) => programmeApi.body(body.id)));
}

function RosterLine({ entry }: { entry: BodyDetailDto['roster'][number] }) {
  const { t } = useI18n();
  const role = entry.role === 'chair' ? t('chairRole') : entry.role === 'viceChair' ? t('viceChairRole') : undefined;
  const notes = [role, entry.rank ? t('rankOrder', { rank: entry.rank }) : undefined, entry.moderator ? t('moderatorRole') : undefined].filter(Boolean);
  return (
    <li data-post-id={entry.postId}>
      {entry.title}
      {notes.length > 0 ? `（${notes.join('・')}）` : ''}
    </li>
  );
}

/** A body's meetings by fiscal year, the latest year first and each year in date order. */
function BodyMeetings({ body }: { body: BodyDetailDto }) {
  const { t, locale } = useI18n();
  const meetings = useLoad(() => programmeApi.meetings({ bodyId: body.id }), [body.id]);
  const name = locale === 'ja' ? body.name : body.nameEn;
  return (
    <LoadView load={meetings} reload={meetings.reload}>
      {(list) => {
        const years = new Map<number, MeetingSummaryDto[]>();
        for (const meeting of list) {
          const year = fiscalYearOf(new Date(meeting.startsAt));
          years.set(year, [...(years.get(year) ?? []), meeting]);
        }
        if (years.size === 0) return <Text>{t('noBodyMeetings')}</Text>;
        return (
          <>
            {[...years.entries()]
              .sort(([a], [b]) => b - a)
              .map(([year, inYear]) => (
                <Section key={year} title={t('bodyMeetings', { body: name, year: formatFiscalYear(year, locale) })} id={`body-meetings-${year}`}>
                  <ul data-field="meetings">
                    {[...inYear]
                      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
                      .map((meeting) => (
                        <li key={meeting.id} data-minutes-confirmed={meeting.minutesConfirmed}>
                          <MeetingLine meeting={meeting} />{' '}
                          {meeting.minutesConfirmed && (
                            <Badge color="success" appearance="outline">
                              {t('minutesConfirmedMark')}
                            </Badge>
                          )}
                          {body.decisions.some((decision) => decision.meetingId === meeting.id) && (
                            <ul data-field="decisions" aria-label={t('bodyDecisions')}>
                              {body.decisions
                                .filter((decision) => decision.meetingId === meeting.id)
                                .map((decision, index) => (
                                  <li key={index}>{decision.text}</li>
                                ))}
                            </ul>
                          )}
                        </li>
                      ))}
                  </ul>
                </Section>
              ))}
          </>
        );
      }}
    </LoadView>
  );
}

/**
 * 会議体: each body's 所掌事項, purpose, effective date, secretariat and roster; the plan's period
 * above. With `focusId` (`#/bodies/<id>`, what a channel tab for one body opens) only that body,
 * followed by its meetings year by year.
 */
export function BodiesPage({ focusId }: { focusId?: string | undefined } = {}) {
  const { t, locale } = useI18n();
  const bodies = useLoad(loadBodies, []);
  const plan = useLoad(() => programmeApi.plan(), []);
  return (
    <>
      {plan.state === 'ready' && !focusId && (
        <Section title={plan.data.name}>
          <PlanPeriod plan={plan.data} withGuideline />
        </Section>
      )}
      {focusId && <Link href={hrefOf('bodies')}>{t('allBodies')}</Link>}
      <LoadView
        load={bodies}
        reload={bodies.reload}
        isEmpty={(list) => list.length === 0 || (focusId !== undefined && !list.some((body) => body.id === focusId))}
      >
        {(list) => (
          <>
            {list
              .filter((body) => !focusId || body.id === focusId)
              .map((body) => (
                <Section key={body.id} title={locale === 'ja' ? `${body.name}（${body.shortName}）` : body.nameEn} id={`body-${body.id}`}>
                  {body.purpose && (
                    <Text block>
                      <strong>{t('purpose')}:</strong> {body.purpose}
                    </Text>
                  )}
                  {body.effectiveFrom && (
                    <Text block data-field="effectiveFrom">
                      <strong>{t('effectiveFrom')}:</strong> <DateText value={body.effectiveFrom} />
                      {body.guideline ? `（${body.guideline}）` : ''}
                    </Text>
                  )}
                  {body.remit.length > 0 && (
                    <div data-field="remit">
                      <Text weight="semibold" block>
                        {t('remit')}
                        {body.remitSource ? `（${body.remitSource}）` : ''}
                      </Text>
                      <ol>
                        {body.remit.map((item) => (
                          <li key={item.number} value={item.number}>
                            {item.text}
                          </li>
                        ))}
                      </ol>
                    </div>
                  )}
                  <Text block>
                    <strong>{t('secretariat')}:</strong> {body.secretariat.map((unit) => unit.name).join('、')}
                  </Text>
                  <Text weight="semibold" block>
                    {t('bodyRoster')}（{body.roster.length}）
                  </Text>
                  <ul data-field="roster">
                    {body.roster.map((entry) => (
                      <RosterLine key={entry.postId} entry={entry} />
                    ))}
                  </ul>
                </Section>
              ))}
            {list
              .filter((body) => body.id === focusId)
              .map((body) => (
                <BodyMeetings key={body.id} body={body} />
              ))}
          </>
        )}
      </LoadView>
    </>
  );
}
