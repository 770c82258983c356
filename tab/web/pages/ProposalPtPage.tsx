import { Badge, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { PERSPECTIVE_LABELS, TEAM_ROLE_LABELS } from '../../../shared/i18n/labels.js';
import { PERSPECTIVES } from '../../../shared/proposals/proposal.js';
import { formatDateTime } from '../../../shared/time/reiwa.js';
import { DateText } from '../components/DateText.js';
import { DeadlineText } from '../components/DeadlineText.js';
import { LoadView } from '../components/LoadView.js';
import { PlanPerspectives, PlanPeriod } from '../components/PlanSummary.js';
import { Section } from '../components/Section.js';
import { hrefOf } from '../components/use-hash-route.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/messages.js';
import type { RecruitmentSummaryDto } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { ApplicationForm } from './proposal-pt/ApplicationForm.js';
import { TeamBuilder } from './proposal-pt/TeamBuilder.js';

const STATUS_KEYS: Record<RecruitmentSummaryDto['status'], MessageKey> = { recruiting: 'recruiting', closed: 'recruitmentClosed', teamFormed: 'teamFormed' };

function Window({ project }: { project: RecruitmentSummaryDto }) {
  const { t } = useI18n();
  return (
    <Text size={200}>
      {t('applicationsOpen')}: <DateText value={project.opensAt} /> · {t('deadline')}: <DeadlineText closesAt={project.closesAt} />{' '}
      <Badge appearance="tint" color={project.open ? 'brand' : 'subtle'}>
        {project.open ? t('recruiting') : t(STATUS_KEYS[project.status] === 'recruiting' ? 'recruitmentClosed' : STATUS_KEYS[project.status])}
      </Badge>
    </Text>
  );
}

/** 提案型PT: selected themes by perspective (a)(b)(c), each with its call for members. */
export function ProposalPtPage() {
  const { t, locale } = useI18n();
  const projects = useLoad(() => programmeApi.recruitments(), []);
  const plan = useLoad(() => programmeApi.plan(), []);
  return (
    <>
      <Section title={t('navProposalPt')}>
        <Text>{t('proposalPtIntro')}</Text>
        {plan.state === 'ready' && (
          <>
            <PlanPeriod plan={plan.data} />
            <PlanPerspectives plan={plan.data} />
          </>
        )}
      </Section>
      <LoadView load={projects} reload={projects.reload} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <>
            {PERSPECTIVES.map((perspective) => {
              const themes = list.filter((project) => project.perspective === perspective);
              return (
                <Section key={perspective} title={PERSPECTIVE_LABELS[perspective][locale]}>
                  {themes.length === 0 ? (
                    <Text>{t('noThemes')}</Text>
                  ) : (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {themes.map((project) => (
                        <li key={project.id} style={{ marginBottom: 8 }}>
                          <Link href={hrefOf('proposal-pt', project.id)}>{project.title}</Link> {project.demo && <Badge color="informative">{t('demo')}</Badge>}
                          <div>
                            <Window project={project} />
                          </div>
                          <Text size={200}>
                            {t('applicationCount', { count: project.applicationCount })}
                            {project.myApplication ? ` · ${t('applied')}` : ''}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </Section>
              );
            })}
          </>
        )}
      </LoadView>
    </>
  );
}

/** One theme: its call, the viewer's application, and (secretariat) the applicants and the team builder. */
export function RecruitmentPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const project = useLoad(() => programmeApi.recruitment(id), [id]);
  const [notice, setNotice] = useState<string>();
  return (
    <>
      <Link href={hrefOf('proposal-pt')}>{t('back')}</Link>
      <LoadView load={project} reload={project.reload}>
        {(data) => (
          <>
            <Section title={data.title}>
              <Text>{PERSPECTIVE_LABELS[data.perspective][locale]}</Text>
              <Text>{data.description}</Text>
              <Window project={data} />
            </Section>
            <Section title={t('apply')}>
              {notice && (
                <MessageBar intent="success" role="status">
                  <MessageBarBody>{notice}</MessageBarBody>
                </MessageBar>
              )}
              {!data.open ? (
                <Text>
                  {t('notRecruiting')}
                  {data.myApplication &&
                    ` ${t('yourApplication', { role: TEAM_ROLE_LABELS[data.myApplication.desiredRole][locale], date: formatDateTime(new Date(data.myApplication.appliedAt), locale) })}`}
                </Text>
              ) : data.viewerGrade ? (
                <ApplicationForm
                  key={data.myApplication?.appliedAt ?? 'new'}
                  project={data}
                  grade={data.viewerGrade}
                  onApplied={(message) => {
                    setNotice(message);
                    project.reload();
                  }}
                />
              ) : (
                <Text>{t('notInDirectory')}</Text>
              )}
            </Section>
            {data.mayBuildTeam && (
              <Section title={t('teamBuilder')}>
                <TeamBuilder project={data} onSaved={project.reload} />
              </Section>
            )}
          </>
        )}
      </LoadView>
    </>
  );
}
