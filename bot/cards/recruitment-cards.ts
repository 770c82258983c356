import { GRADE_LABELS, type Grade } from '../../shared/organisation/grade.js';
import { PERSPECTIVE_LABELS, TEAM_ROLE_LABELS } from '../../shared/i18n/labels.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { MOTIVATION_MAX_LENGTH, type Application, type RecruitmentProject } from '../../shared/recruitment/recruitment.js';
import { noRoleReason, roleChoicesFor, roleWithGradesLabel } from '../../shared/recruitment/role-eligibility.js';
import type { TeamRules } from '../../shared/recruitment/team-composition.js';
import { formatDateTime, formatDeadline } from '../../shared/time/index.js';
import { errorMessage, FIELD_LABELS } from '../../shared/i18n/error-messages.js';
import { t } from '../i18n/bot-text.js';
import {
  actionSet,
  adaptiveCard,
  choiceInput,
  container,
  executeAction,
  facts,
  fitToSizeLimit,
  fieldError,
  heading,
  neutraliseMarkdown,
  note,
  textInput,
  userText,
  type AdaptiveCard,
  type CardElement,
} from './card-kit.js';

export const OPEN_APPLICATION_VERB = 'recruitment.openForm';
export const APPLY_VERB = 'recruitment.apply';

export function recruitmentListCard(data: { locale: Locale; projects: readonly RecruitmentProject[]; mayApply: boolean }): AdaptiveCard {
  const { locale } = data;
  return fitToSizeLimit(data.projects, (projects, hidden) => {
    const body: CardElement[] = [heading(t('recruit.title', locale))];
    if (!data.projects.length) body.push(note(t('recruit.none', locale)));
    for (const project of projects) {
      const items: CardElement[] = [
        userText(project.title, { weight: 'Bolder' }),
        userText(project.description, { isSubtle: true }),
        facts([
          [FIELD_LABELS.perspective![locale], PERSPECTIVE_LABELS[project.perspective][locale]],
          [t('recruit.until', locale), formatDeadline(project.closesAt, locale)],
        ]),
      ];
      if (data.mayApply) items.push(actionSet([executeAction(t('recruit.apply', locale), OPEN_APPLICATION_VERB, { projectId: project.id })]));
      body.push(container(items, { separator: true }));
    }
    if (hidden) body.push(note(t('common.more', locale, { count: hidden })));
    return adaptiveCard(body);
  });
}

export interface ApplicationFormData {
  readonly locale: Locale;
  readonly project: RecruitmentProject;
  readonly grade: Grade;
  /** The team rules of the project's fiscal year, as stored from the programme. */
  readonly rules: TeamRules;
  /** The person's application to this project, which applying again replaces. */
  readonly current?: Application | undefined;
  readonly values?: { desiredRole?: string | undefined; motivation?: string | undefined };
  readonly errors?: Readonly<Partial<Record<'desiredRole' | 'motivation' | 'form', string>>>;
}

/**
 * The application form: only the roles the person's grade can hold, each other role with the
 * reason it is not offered, and, when they applied before, what applying again replaces.
 */
export function applicationFormCard(data: ApplicationFormData): AdaptiveCard {
  const { locale, project, current } = data;
  const errors = data.errors ?? {};
  const motivationLabel = FIELD_LABELS.motivation![locale];
  const body: CardElement[] = [
    heading(t('recruit.formTitle', locale, { project: neutraliseMarkdown(project.title) })),
    facts([
      [t('recruit.grade', locale), GRADE_LABELS[data.grade][locale]],
      [t('recruit.until', locale), formatDeadline(project.closesAt, locale)],
    ]),
  ];
  const noRole = noRoleReason(data.grade, data.rules);
  if (noRole) return adaptiveCard([...body, note(errorMessage(noRole, locale), 'Warning')]);
  if (current) {
    body.push(
      note(t('recruit.current', locale, { role: TEAM_ROLE_LABELS[current.desiredRole][locale], date: formatDateTime(current.appliedAt, locale) }), 'Warning'),
    );
  }
  if (errors.form) body.push(note(errors.form, 'Attention'));
  const choices = roleChoicesFor(data.grade, data.rules);
  const offered = choices.filter((choice) => choice.allowed);
  const chosen = offered.length === 1 ? offered[0]!.role : offered.find((choice) => choice.role === data.values?.desiredRole)?.role;
  body.push(
    choiceInput({
      id: 'desiredRole',
      label: t('recruit.role', locale),
      required: true,
      errorMessage: t('recruit.role', locale),
      style: 'expanded',
      choices: offered.map((choice) => ({ title: roleWithGradesLabel(choice.role, locale, data.rules), value: choice.role })),
      value: chosen,
    }),
    ...fieldError('desiredRole', errors.desiredRole),
    ...choices
      .flatMap((choice) => (choice.reason ? [errorMessage(choice.reason, locale)] : []))
      .filter((reason) => reason !== errors.desiredRole)
      .map((reason) => note(reason)),
    textInput({
      id: 'motivation',
      label: motivationLabel,
      required: true,
      multiline: true,
      maxLength: MOTIVATION_MAX_LENGTH,
      errorMessage: t('convene.required', locale, { field: motivationLabel }),
      value: data.values?.motivation,
    }),
    ...fieldError('motivation', errors.motivation),
  );
  const submit = t(current ? 'recruit.update' : 'recruit.apply', locale);
  return adaptiveCard(body, { actions: [executeAction(submit, APPLY_VERB, { projectId: project.id }, 'positive')] });
}
