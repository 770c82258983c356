import { Badge, Button, Field, Link, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { PERSPECTIVE_LABELS } from '../../../shared/i18n/labels.js';
import { PERSPECTIVES } from '../../../shared/proposals/proposal.js';
import { DateText } from '../components/DateText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadView } from '../components/LoadView.js';
import { Section } from '../components/Section.js';
import { hrefOf } from '../components/use-hash-route.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/messages.js';
import type { RecruitmentDetailDto, RecruitmentSummaryDto, TeamRole } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { ROLE_LABELS } from './proposal-pt/role-labels.js';
import { TeamBuilder } from './proposal-pt/TeamBuilder.js';

const STATUS_KEYS: Record<RecruitmentSummaryDto['status'], MessageKey> = { recruiting: 'recruiting', closed: 'recruitmentClosed', teamFormed: 'teamFormed' };

function Window({ project }: { project: RecruitmentSummaryDto }) {
  const { t } = useI18n();
  return (
    <Text size={200}>
      {t('applicationWindow')}: <DateText value={project.opensAt} /> – <DateText value={new Date(Date.parse(project.closesAt) - 1).toISOString()} />{' '}
      <Badge appearance="tint" color={project.open ? 'brand' : 'subtle'}>{project.open ? t('recruiting') : t(STATUS_KEYS[project.status] === 'recruiting' ? 'recruitmentClosed' : STATUS_KEYS[project.status])}</Badge>
    </Text>
  );
}

/** 提案型PT: selected themes by perspective (a)(b)(c), each with its call for members. */
export function ProposalPtPage() {
  const { t, locale } = useI18n();
  const projects = useLoad(() => programmeApi.recruitments(), []);
  return (
    <>
      <Section title={t('navProposalPt')}>
        <Text>{t('proposalPtIntro')}</Text>
      </Section>
      <LoadView load={projects} reload={projects.reload} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <>
            {PERSPECTIVES.map((perspective) => {
              const themes = list.filter((project) => project.perspective === perspective);
              return (
                <Section key={perspective} title={PERSPECTIVE_LABELS[perspective][locale]}>
                  {themes.length === 0 ? <Text>{t('noThemes')}</Text> : (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {themes.map((project) => (
                        <li key={project.id} style={{ marginBottom: 8 }}>
                          <Link href={hrefOf('proposal-pt', project.id)}>{project.title}</Link> {project.demo && <Badge color="informative">{t('demo')}</Badge>}
                          <div><Window project={project} /></div>
                          <Text size={200}>{t('applicationCount', { count: project.applicationCount })}{project.myApplication ? ` · ${t('applied')}` : ''}</Text>
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

function ApplicationForm({ project, onApplied }: { project: RecruitmentDetailDto; onApplied: () => void }) {
  const { t, locale } = useI18n();
  const [desiredRole, setDesiredRole] = useState<TeamRole>('member');
  const [motivation, setMotivation] = useState('');
  const [error, setError] = useState<unknown>();
  const apply = async () => {
    setError(undefined);
    try {
      await programmeApi.applyForRecruitment(project.id, desiredRole, motivation);
      onApplied();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void apply(); }} aria-label={t('apply')} style={{ display: 'grid', gap: 8, maxWidth: 720 }}>
      <Field label={t('desiredRole')}>
        <RadioGroup value={desiredRole} onChange={(_, data) => setDesiredRole(data.value as TeamRole)}>
          {(['pm', 'pl', 'member'] as const).map((role) => <Radio key={role} value={role} label={ROLE_LABELS[role][locale]} />)}
        </RadioGroup>
      </Field>
      <Field label={t('motivation')} required>
        <Textarea name="motivation" value={motivation} onChange={(_, data) => setMotivation(data.value)} maxLength={1000} rows={4} />
      </Field>
      <ErrorNotice error={error} />
      <div>
        <Button type="submit" appearance="primary">{t('apply')}</Button>
      </div>
    </form>
  );
}

/** One theme: its call, the viewer's application, and (secretariat) the applicants and the team builder. */
export function RecruitmentPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const project = useLoad(() => programmeApi.recruitment(id), [id]);
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
              {data.myApplication ? (
                <MessageBar intent="info"><MessageBarBody>{t('appliedAs', { role: ROLE_LABELS[data.myApplication.desiredRole][locale] })}</MessageBarBody></MessageBar>
              ) : data.open ? (
                <ApplicationForm project={data} onApplied={project.reload} />
              ) : (
                <Text>{t('notRecruiting')}</Text>
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
