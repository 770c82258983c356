import { z } from 'zod';
import { DomainError } from '../../shared/domain-error.js';
import { TEAM_ROLE_LABELS } from '../../shared/i18n/labels.js';
import { MOTIVATION_MAX_LENGTH } from '../../shared/recruitment/recruitment.js';
import { formatDateTime } from '../../shared/time/index.js';
import { applyForRecruitment, teamRulesFor } from '../../shared/use-cases/recruitment-team.js';
import { confirmationCard } from '../cards/confirmation-card.js';
import { applicationFormCard } from '../cards/recruitment-cards.js';
import { t } from '../i18n/bot-text.js';
import { actionPayload, cardResult, fieldErrors, id, isDomainRefusal, optionalText, type ActionHandler } from './action-result.js';

const openPayload = actionPayload({ projectId: id });
const applyPayload = actionPayload({
  projectId: id,
  desiredRole: z.enum(['pm', 'pl', 'member']).or(z.literal('')).optional(),
  motivation: optionalText(MOTIVATION_MAX_LENGTH),
});

async function requireProject(repos: Parameters<ActionHandler>[0]['ctx']['store']['repositories'], projectId: string) {
  const project = await repos.recruitment.getProject(projectId);
  if (!project) throw new DomainError('recruitment.notFound');
  return project;
}

export const openApplicationAction: ActionHandler = async (turn, data) => {
  const payload = openPayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const repos = turn.ctx.store.repositories;
  const project = await requireProject(repos, payload.projectId);
  const current = await repos.recruitment.findApplication(project.id, turn.staff.id);
  const values = current ? { desiredRole: current.desiredRole, motivation: current.motivation } : undefined;
  const rules = await teamRulesFor(repos, project.fiscalYear);
  return cardResult(applicationFormCard({ locale: turn.locale, project, grade: turn.staff.grade, rules, current, values }));
};

/**
 * One application per person and project: applying again replaces the earlier one and says so.
 * The grade is the directory's, never the form's; the use case refuses a role the grade cannot hold.
 */
export const applyAction: ActionHandler = async (turn, data) => {
  const payload = applyPayload.parse(data);
  const staff = turn.staff;
  if (!staff) throw new DomainError('auth.forbidden');
  const repos = turn.ctx.store.repositories;
  const project = await requireProject(repos, payload.projectId);
  const values = { desiredRole: payload.desiredRole, motivation: payload.motivation };
  const form = async (errors: Record<string, string>) => {
    const current = await repos.recruitment.findApplication(project.id, staff.id);
    const rules = await teamRulesFor(repos, project.fiscalYear);
    return cardResult(applicationFormCard({ locale: turn.locale, project, grade: staff.grade, rules, current, values, errors }));
  };
  if (!payload.desiredRole) return form({ desiredRole: t('recruit.role', turn.locale) });
  try {
    const { replaced } = await applyForRecruitment(turn.ctx, staff, {
      projectId: project.id,
      desiredRole: payload.desiredRole,
      motivation: payload.motivation ?? '',
    });
    const message = replaced
      ? t('recruit.replaced', turn.locale, {
          project: project.title,
          role: TEAM_ROLE_LABELS[replaced.desiredRole][turn.locale],
          date: formatDateTime(replaced.appliedAt, turn.locale),
        })
      : t('recruit.applied', turn.locale, { project: project.title });
    return cardResult(confirmationCard(message));
  } catch (error) {
    if (!isDomainRefusal(error)) throw error;
    return form(fieldErrors(error, turn.locale));
  }
};
