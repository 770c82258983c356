import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { errorMessage } from '../../../../shared/i18n/error-messages.js';
import { TEAM_ROLE_LABELS } from '../../../../shared/i18n/labels.js';
import { GRADE_LABELS, type Grade } from '../../../../shared/organisation/grade.js';
import { MOTIVATION_MAX_LENGTH } from '../../../../shared/recruitment/recruitment.js';
import { noRoleReason, roleChoicesFor, roleWithGradesLabel } from '../../../../shared/recruitment/role-eligibility.js';
import { FY2024_TEAM_RULES } from '../../../../shared/recruitment/team-composition.js';
import { formatDateTime } from '../../../../shared/time/reiwa.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { RecruitmentDetailDto, TeamRole } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';

/**
 * Applying as an individual: only the roles the viewer's grade can hold (the same `roleChoicesFor`
 * the server's use case enforces), why the others are not offered, and, when the viewer applied
 * before, that applying again replaces that application. `onApplied` gets the message to show.
 */
export function ApplicationForm({ project, grade, onApplied }: { project: RecruitmentDetailDto; grade: Grade; onApplied: (message: string) => void }) {
  const { t, locale } = useI18n();
  const current = project.myApplication;
  // The stored rules of the project's year; without them the server refuses the application, and so does this form.
  const rules = project.teamRules ?? FY2024_TEAM_RULES;
  const choices = roleChoicesFor(grade, rules);
  const offered = choices.filter((choice) => choice.allowed).map((choice) => choice.role);
  const initialRole = offered.find((role) => role === current?.desiredRole) ?? (offered.length === 1 ? offered[0] : undefined);
  const [desiredRole, setDesiredRole] = useState<TeamRole | undefined>(initialRole);
  const [motivation, setMotivation] = useState(current?.motivation ?? '');
  const [error, setError] = useState<unknown>();
  if (!project.teamRules)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t('teamRulesMissing')}</MessageBarBody>
      </MessageBar>
    );
  const noRole = noRoleReason(grade, rules);
  if (noRole) {
    return (
      <MessageBar intent="warning" data-testid="no-role">
        <MessageBarBody>{errorMessage(noRole, locale)}</MessageBarBody>
      </MessageBar>
    );
  }
  const roleName = (role: TeamRole) => TEAM_ROLE_LABELS[role][locale];
  const reasons = choices.flatMap((choice) => (choice.reason ? [[choice.role, errorMessage(choice.reason, locale)] as const] : []));
  const apply = async () => {
    setError(undefined);
    if (!desiredRole) return setError(t('chooseRole'));
    try {
      const result = await programmeApi.applyForRecruitment(project.id, desiredRole, motivation);
      onApplied(
        result.replaced
          ? t('replacedNotice', { role: roleName(result.replaced.desiredRole), date: formatDateTime(new Date(result.replaced.appliedAt), locale) })
          : t('appliedNotice'),
      );
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void apply();
      }}
      aria-label={t('apply')}
      style={{ display: 'grid', gap: 8, maxWidth: 720 }}
    >
      <Text>
        {t('grade')}: {GRADE_LABELS[grade][locale]}
      </Text>
      {current && (
        <MessageBar intent="info" data-testid="current-application">
          <MessageBarBody>
            {t('currentApplication', { role: roleName(current.desiredRole), date: formatDateTime(new Date(current.appliedAt), locale) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('desiredRole')} required>
        <RadioGroup value={desiredRole ?? ''} onChange={(_, data) => setDesiredRole(data.value as TeamRole)}>
          {offered.map((role) => (
            <Radio key={role} value={role} label={roleWithGradesLabel(role, locale, rules)} />
          ))}
        </RadioGroup>
      </Field>
      {reasons.length > 0 && (
        <ul data-testid="roles-not-offered" style={{ margin: 0, paddingInlineStart: 20 }}>
          {reasons.map(([role, reason]) => (
            <li key={role}>
              <Text size={200}>{reason}</Text>
            </li>
          ))}
        </ul>
      )}
      <Field label={t('motivation')} required>
        <Textarea name="motivation" value={motivation} onChange={(_, data) => setMotivation(data.value)} maxLength={MOTIVATION_MAX_LENGTH} rows={4} />
      </Field>
      <ErrorNotice error={error} />
      <div>
        <Button type="submit" appearance="primary">
          {current ? t('updateApplication') : t('apply')}
        </Button>
      </div>
    </form>
  );
}
