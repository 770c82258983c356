import { GRADE_LABELS, type Grade } from '../../shared/organisation/grade.js';
import { PERSPECTIVE_LABELS } from '../../shared/i18n/labels.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { MOTIVATION_MAX_LENGTH, type RecruitmentProject } from '../../shared/recruitment/recruitment.js';
import { formatDateTime } from '../../shared/time/index.js';
import { FIELD_LABELS } from '../../shared/i18n/error-messages.js';
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
          [t('recruit.until', locale), formatDateTime(project.closesAt, locale)],
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
  readonly values?: { desiredRole?: string | undefined; motivation?: string | undefined };
  readonly errors?: Readonly<Partial<Record<'desiredRole' | 'motivation' | 'form', string>>>;
}

export function applicationFormCard(data: ApplicationFormData): AdaptiveCard {
  const { locale, project } = data;
  const errors = data.errors ?? {};
  const motivationLabel = FIELD_LABELS.motivation![locale];
  const body: CardElement[] = [
    heading(t('recruit.formTitle', locale, { project: neutraliseMarkdown(project.title) })),
    facts([[t('recruit.grade', locale), GRADE_LABELS[data.grade][locale]]]),
  ];
  if (errors.form) body.push(note(errors.form, 'Attention'));
  body.push(
    choiceInput({
      id: 'desiredRole',
      label: t('recruit.role', locale),
      required: true,
      errorMessage: t('recruit.role', locale),
      style: 'expanded',
      choices: (['pm', 'pl', 'member'] as const).map((role) => ({ title: t(`recruit.${role}`, locale), value: role })),
      value: data.values?.desiredRole,
    }),
    ...fieldError('desiredRole', errors.desiredRole),
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
  return adaptiveCard(body, { actions: [executeAction(t('recruit.apply', locale), APPLY_VERB, { projectId: project.id }, 'positive')] });
}
