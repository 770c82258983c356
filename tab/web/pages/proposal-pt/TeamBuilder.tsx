import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState, type JSX } from 'react';
import { errorMessage } from '../../../../shared/i18n/error-messages.js';
import { TEAM_ROLE_LABELS } from '../../../../shared/i18n/labels.js';
import { GRADE_LABELS } from '../../../../shared/organisation/grade.js';
import { allowedGradesText } from '../../../../shared/recruitment/role-eligibility.js';
import { checkTeamComposition, type TeamSeat } from '../../../../shared/recruitment/team-composition.js';
import { formatDateTime } from '../../../../shared/time/reiwa.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { ApplicantDto, CandidateDto, RecruitmentDetailDto, TeamRole } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';
import { ROLE_LABELS } from './role-labels.js';

/**
 * The secretariat's team builder: a seat for each applicant, the composition rules (read from the
 * stored programme) checked live with the same `checkTeamComposition` the server runs when
 * saving, every violation explained. The team is formed once the public call has closed; someone
 * who did not apply takes a seat only with a recorded reason, and a team outside 「３名～５名程度」
 * is confirmed with one.
 */
export function TeamBuilder({ project, onSaved }: { project: RecruitmentDetailDto; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const rules = project.teamRules;
  const [roles, setRoles] = useState<Record<string, TeamRole | ''>>(() => Object.fromEntries(project.team.map((seat) => [seat.staffId, seat.role])));
  const applicantIds = new Set(project.applicants.filter((applicant) => applicant.state !== 'withdrawn').map((applicant) => applicant.staffId));
  const [exceptions, setExceptions] = useState<ExceptionSeat[]>(() =>
    project.team
      .filter((seat) => !applicantIds.has(seat.staffId))
      .map((seat) => ({ staffId: seat.staffId, displayName: seat.displayName, grade: seat.grade, reason: seat.exceptionReason ?? '' })),
  );
  const [confirmationReason, setConfirmationReason] = useState(project.teamConfirmation?.reason ?? '');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const seats: TeamSeat[] = [
    ...project.applicants.flatMap((applicant) => {
      const role = roles[applicant.staffId];
      return role && applicant.state !== 'withdrawn' ? [{ staffId: applicant.staffId, displayName: applicant.displayName, grade: applicant.grade, role }] : [];
    }),
    ...exceptions.flatMap((seat) => {
      const role = roles[seat.staffId];
      return role ? [{ staffId: seat.staffId, displayName: seat.displayName, grade: seat.grade, role, exceptionReason: seat.reason }] : [];
    }),
  ];
  // Cheap enough to run on every render; `seats` is a new array each time, so a memo would only hide it.
  const check = rules ? checkTeamComposition(seats, rules) : { errors: [], warnings: [] };
  const missingReasons = exceptions.some((seat) => roles[seat.staffId] && !seat.reason.trim());
  const needsConfirmation = check.warnings.length > 0;
  const mayPressSave =
    project.recruitmentClosed &&
    rules !== undefined &&
    check.errors.length === 0 &&
    !missingReasons &&
    (!needsConfirmation || confirmationReason.trim() !== '');
  const count = (role: TeamRole) => seats.filter((seat) => seat.role === role).length;
  const save = async () => {
    setError(undefined);
    setSaved(false);
    try {
      await programmeApi.saveTeam(project.id, {
        seats: seats.map(({ staffId, role, exceptionReason }) => ({ staffId, role, exceptionReason })),
        confirmationReason: needsConfirmation ? confirmationReason : undefined,
      });
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  };
  const addException = (candidate: CandidateDto) => {
    setExceptions((current) =>
      current.some((seat) => seat.staffId === candidate.staffId)
        ? current
        : [...current, { staffId: candidate.staffId, displayName: candidate.displayName, grade: candidate.grade, reason: '' }],
    );
    setRoles((current) => ({ ...current, [candidate.staffId]: current[candidate.staffId] || 'member' }));
  };
  if (!rules)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t('teamRulesMissing')}</MessageBarBody>
      </MessageBar>
    );
  const roleSelect = (staffId: string, name: string) => (
    <Select
      size="small"
      aria-label={t('seatOf', { name })}
      value={roles[staffId] ?? ''}
      onChange={(_, data) => setRoles((current) => ({ ...current, [staffId]: data.value as TeamRole | '' }))}
    >
      <option value="">{t('notSeated')}</option>
      {(['pm', 'pl', 'member'] as const).map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role][locale]}
        </option>
      ))}
    </Select>
  );
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <p data-testid="team-rules">
        {t('teamRules', {
          pm: allowedGradesText('pm', locale, rules),
          pl: allowedGradesText('pl', locale, rules),
          members: allowedGradesText('member', locale, rules),
          printed: rules.membersAsPrinted,
          min: rules.minMembers,
          max: rules.maxMembers,
        })}
      </p>
      {!project.recruitmentClosed && (
        <MessageBar intent="info" data-testid="recruitment-still-open">
          <MessageBarBody>{t('teamAfterClose', { date: formatDateTime(new Date(project.closesAt), locale) })}</MessageBarBody>
        </MessageBar>
      )}
      {project.applicants.length === 0 ? (
        <p>{t('noApplicants')}</p>
      ) : (
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
                <TableCell>
                  {applicant.displayName}
                  {applicant.unitName ? `（${applicant.unitName}）` : ''}
                </TableCell>
                <TableCell>{GRADE_LABELS[applicant.grade][locale]}</TableCell>
                <TableCell>
                  {ROLE_LABELS[applicant.desiredRole][locale]}
                  <EarlierVersions applicant={applicant} />
                </TableCell>
                <TableCell>{applicant.motivation}</TableCell>
                <TableCell>{applicant.state === 'withdrawn' ? t('withdrawnApplicant') : roleSelect(applicant.staffId, applicant.displayName)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ExceptionSeats
        projectId={project.id}
        seats={exceptions}
        roleSelect={roleSelect}
        onAdd={addException}
        onReason={(staffId, reason) => setExceptions((current) => current.map((seat) => (seat.staffId === staffId ? { ...seat, reason } : seat)))}
      />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }} aria-label={t('composition')}>
        <Badge appearance="tint" color={count('pm') === rules.pmCount ? 'success' : 'warning'}>
          PM {count('pm')}/{rules.pmCount}
        </Badge>
        <Badge appearance="tint" color={count('pl') === rules.plCount ? 'success' : 'warning'}>
          PL {count('pl')}/{rules.plCount}
        </Badge>
        <Badge appearance="tint" color={count('member') >= rules.minMembers && count('member') <= rules.maxMembers ? 'success' : 'warning'}>
          {t('membersCount', { count: count('member'), printed: rules.membersAsPrinted })}
        </Badge>
      </div>
      <div aria-live="polite" data-testid="team-check">
        {check.errors.length === 0 && check.warnings.length === 0 ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('teamValid')}</MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>
              {check.errors.length > 0 && t('teamViolations', { count: check.errors.length })}
              <ul data-testid="team-violations">
                {[...check.errors, ...check.warnings].map((violation, index) => (
                  <li key={index} data-code={violation.code}>
                    {errorMessage(violation, locale)}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {needsConfirmation && (
        <Field label={t('confirmationReason')} required hint={t('confirmationReasonHint')}>
          <Textarea value={confirmationReason} maxLength={500} onChange={(_, data) => setConfirmationReason(data.value)} data-testid="confirmation-reason" />
        </Field>
      )}
      <ErrorNotice error={error} />
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('teamSaved')}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" disabled={!mayPressSave} onClick={() => void save()}>
          {t('saveTeam')}
        </Button>
      </div>
    </div>
  );
}

interface ExceptionSeat {
  readonly staffId: string;
  readonly displayName: string;
  readonly grade: TeamSeat['grade'];
  readonly reason: string;
}

/** Seats for people who did not apply (a withdrawn applicant replaced, say): found by name, each with its reason. */
function ExceptionSeats(props: {
  projectId: string;
  seats: readonly ExceptionSeat[];
  roleSelect: (staffId: string, name: string) => JSX.Element;
  onAdd: (candidate: CandidateDto) => void;
  onReason: (staffId: string, reason: string) => void;
}) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<CandidateDto[]>();
  const [error, setError] = useState<unknown>();
  const search = async () => {
    setError(undefined);
    try {
      setFound((await programmeApi.recruitmentCandidates(props.projectId, query)).filter((candidate) => !candidate.applicant));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-label={t('exceptionSeats')} style={{ display: 'grid', gap: 8 }}>
      <Text weight="semibold">{t('exceptionSeats')}</Text>
      <Caption1>{t('exceptionSeatsHint')}</Caption1>
      <div style={{ display: 'flex', gap: 8 }}>
        <Input
          value={query}
          onChange={(_, data) => setQuery(data.value)}
          aria-label={t('searchStaff')}
          placeholder={t('searchStaff')}
          onKeyDown={(event) => event.key === 'Enter' && void search()}
        />
        <Button onClick={() => void search()} disabled={!query.trim()}>
          {t('search')}
        </Button>
      </div>
      <ErrorNotice error={error} />
      {found &&
        (found.length === 0 ? (
          <Caption1>{t('noStaffFound')}</Caption1>
        ) : (
          <ul data-testid="candidate-results">
            {found.map((candidate) => (
              <li key={candidate.staffId}>
                {candidate.displayName}
                {candidate.unitName ? `（${candidate.unitName}）` : ''} · {GRADE_LABELS[candidate.grade][locale]}
                {candidate.withdrawn ? ` · ${t('withdrawnApplicant')}` : ''}{' '}
                <Button size="small" onClick={() => props.onAdd(candidate)}>
                  {t('addSeat')}
                </Button>
              </li>
            ))}
          </ul>
        ))}
      {props.seats.map((seat) => (
        <div
          key={seat.staffId}
          data-exception={seat.staffId}
          style={{ display: 'grid', gap: 4, gridTemplateColumns: 'minmax(10em, auto) auto 1fr', alignItems: 'end' }}
        >
          <Text>
            {seat.displayName} · {GRADE_LABELS[seat.grade][locale]}
          </Text>
          {props.roleSelect(seat.staffId, seat.displayName)}
          <Field label={t('exceptionReason', { name: seat.displayName })} required>
            <Input value={seat.reason} maxLength={500} onChange={(_, data) => props.onReason(seat.staffId, data.value)} />
          </Field>
        </div>
      ))}
    </section>
  );
}

/** An applicant who applied again: how often, and what the latest application replaced. */
function EarlierVersions({ applicant }: { applicant: ApplicantDto }) {
  const { t, locale } = useI18n();
  const previous = applicant.earlierVersions.at(-1);
  if (!previous) return null;
  const text = t('earlierVersions', {
    count: applicant.earlierVersions.length,
    role: TEAM_ROLE_LABELS[previous.desiredRole][locale],
    date: formatDateTime(new Date(previous.appliedAt), locale),
  });
  return (
    <Caption1 block data-testid="earlier-versions">
      {text}
    </Caption1>
  );
}
