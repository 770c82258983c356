import { Badge, Button, Caption1, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../../shared/i18n/error-messages.js';
import { TEAM_ROLE_LABELS } from '../../../../shared/i18n/labels.js';
import { GRADE_LABELS } from '../../../../shared/organisation/grade.js';
import { checkTeamComposition, FY2024_TEAM_RULES, type TeamSeat } from '../../../../shared/recruitment/team-composition.js';
import { formatDateTime } from '../../../../shared/time/reiwa.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { ApplicantDto, RecruitmentDetailDto, TeamRole } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';
import { ROLE_LABELS } from './role-labels.js';

/**
 * The secretariat's team builder: a seat for each applicant, the composition rules checked live
 * with the same `checkTeamComposition` the server runs when saving, every violation explained.
 */
export function TeamBuilder({ project, onSaved }: { project: RecruitmentDetailDto; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const [roles, setRoles] = useState<Record<string, TeamRole | ''>>(() => Object.fromEntries(project.team.map((seat) => [seat.staffId, seat.role])));
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const seats: TeamSeat[] = project.applicants.flatMap((applicant) => {
    const role = roles[applicant.staffId];
    return role ? [{ staffId: applicant.staffId, displayName: applicant.displayName, grade: applicant.grade, role }] : [];
  });
  const violations = useMemo(() => checkTeamComposition(seats), [JSON.stringify(seats)]); // eslint-disable-line react-hooks/exhaustive-deps
  const count = (role: TeamRole) => seats.filter((seat) => seat.role === role).length;
  const save = async () => {
    setError(undefined);
    setSaved(false);
    try {
      await programmeApi.saveTeam(project.id, seats.map(({ staffId, role }) => ({ staffId, role })));
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  };
  if (project.applicants.length === 0) return <p>{t('noApplicants')}</p>;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <p>{t('teamRules', { min: FY2024_TEAM_RULES.minMembers, max: FY2024_TEAM_RULES.maxMembers })}</p>
      <Table aria-label={t('teamBuilder')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('applicant')}</TableHeaderCell>
            <TableHeaderCell>{t('grade')}</TableHeaderCell>
            <TableHeaderCell>{t('desiredRole')}</TableHeaderCell>
            <TableHeaderCell>{t('motivation')}</TableHeaderCell>
            <TableHeaderCell>{t('seat')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {project.applicants.map((applicant) => (
            <TableRow key={applicant.staffId} data-applicant={applicant.staffId}>
              <TableCell>{applicant.displayName}{applicant.unitName ? `（${applicant.unitName}）` : ''}</TableCell>
              <TableCell>{GRADE_LABELS[applicant.grade][locale]}</TableCell>
              <TableCell>
                {ROLE_LABELS[applicant.desiredRole][locale]}
                <EarlierVersions applicant={applicant} />
              </TableCell>
              <TableCell>{applicant.motivation}</TableCell>
              <TableCell>
                <Select
                  size="small"
                  aria-label={t('seatOf', { name: applicant.displayName })}
                  value={roles[applicant.staffId] ?? ''}
                  onChange={(_, data) => setRoles((current) => ({ ...current, [applicant.staffId]: data.value as TeamRole | '' }))}
                >
                  <option value="">{t('notSeated')}</option>
                  {(['pm', 'pl', 'member'] as const).map((role) => <option key={role} value={role}>{ROLE_LABELS[role][locale]}</option>)}
                </Select>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }} aria-label={t('composition')}>
        <Badge appearance="tint" color={count('pm') === 1 ? 'success' : 'warning'}>PM {count('pm')}/1</Badge>
        <Badge appearance="tint" color={count('pl') === 1 ? 'success' : 'warning'}>PL {count('pl')}/1</Badge>
        <Badge appearance="tint" color={count('member') >= FY2024_TEAM_RULES.minMembers && count('member') <= FY2024_TEAM_RULES.maxMembers ? 'success' : 'warning'}>
          {t('membersCount', { count: count('member'), min: FY2024_TEAM_RULES.minMembers, max: FY2024_TEAM_RULES.maxMembers })}
        </Badge>
      </div>
      <div aria-live="polite" data-testid="team-check">
        {violations.length === 0 ? (
          <MessageBar intent="success"><MessageBarBody>{t('teamValid')}</MessageBarBody></MessageBar>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t('teamViolations', { count: violations.length })}
              <ul data-testid="team-violations">
                {violations.map((violation, index) => <li key={index} data-code={violation.code}>{errorMessage(violation, locale)}</li>)}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ErrorNotice error={error} />
      {saved && <MessageBar intent="success" role="status"><MessageBarBody>{t('teamSaved')}</MessageBarBody></MessageBar>}
      <div>
        <Button appearance="primary" disabled={violations.length > 0} onClick={() => void save()}>{t('saveTeam')}</Button>
      </div>
    </div>
  );
}

/** An applicant who applied again: how often, and what the latest application replaced. */
function EarlierVersions({ applicant }: { applicant: ApplicantDto }) {
  const { t, locale } = useI18n();
  const previous = applicant.earlierVersions.at(-1);
  if (!previous) return null;
  const text = t('earlierVersions', { count: applicant.earlierVersions.length, role: TEAM_ROLE_LABELS[previous.desiredRole][locale], date: formatDateTime(new Date(previous.appliedAt), locale) });
  return <Caption1 block data-testid="earlier-versions">{text}</Caption1>;
}
