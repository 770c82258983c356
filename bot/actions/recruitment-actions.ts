import { z } from 'zod';
import { DomainError } from '../../shared/domain-error.js';
import { MOTIVATION_MAX_LENGTH } from '../../shared/recruitment/recruitment.js';
import { applyForRecruitment } from '../../shared/use-cases/recruitment-team.js';
import { confirmationCard } from '../cards/confirmation-card.js';
import { applicationFormCard } from '../cards/recruitment-cards.js';
import { t } from '../i18n/bot-text.js';
import { actionPayload, cardResult, fieldErrors, id, isDomainRefusal, optionalText, type ActionHandler } from './action-result.js';

const openPayload = actionPayload({ projectId: id });
const applyPayload = actionPayload({ projectId: id, desiredRole: z.enum(['pm', 'pl', 'member']).or(z.literal('')).optional(), motivation: optionalText(MOTIVATION_MAX_LENGTH) });

async function requireProject(repos: Parameters<ActionHandler>[0]['ctx']['store']['repositories'], projectId: string) {
  const project = await repos.recruitment.getProject(projectId);
  if (!project) throw new DomainError('recruitment.notFound');
  return project;
}

export const openApplicationAction: ActionHandler = async (turn, data) => {
  const payload = openPayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const project = await requireProject(turn.ctx.store.repositories, payload.projectId);
  return cardResult(applicationFormCard({ locale: turn.locale, project, grade: turn.staff.grade }));
};

/** One application per person and project; the grade is the directory's, never the form's. */
export const applyAction: ActionHandler = async (turn, data) => {
  const payload = applyPayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const project = await requireProject(turn.ctx.store.repositories, payload.projectId);
  const values = { desiredRole: payload.desiredRole, motivation: payload.motivation };
  if (!payload.desiredRole) {
    return cardResult(applicationFormCard({ locale: turn.locale, project, grade: turn.staff.grade, values, errors: { desiredRole: t('recruit.role', turn.locale) } }));
  }
  try {
    await applyForRecruitment(turn.ctx, turn.staff, { projectId: project.id, desiredRole: payload.desiredRole, motivation: payload.motivation ?? '' });
    return cardResult(confirmationCard(t('recruit.applied', turn.locale, { project: project.title })));
  } catch (error) {
    if (!isDomainRefusal(error)) throw error;
    const errors = fieldErrors(error, turn.locale);
    return cardResult(applicationFormCard({ locale: turn.locale, project, grade: turn.staff.grade, values, errors }));
  }
};
