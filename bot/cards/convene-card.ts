import type { Locale } from '../../shared/i18n/locale.js';
import { MEETING_LIMITS } from '../../shared/meetings/meeting-input.js';
import { t } from '../i18n/bot-text.js';
import {
  adaptiveCard,
  choiceInput,
  dateInput,
  executeAction,
  fieldError,
  heading,
  note,
  textInput,
  timeInput,
  type AdaptiveCard,
  type CardElement,
} from './card-kit.js';

export const CONVENE_VERB = 'meeting.convene';

/** What the convocation form holds; the same shape comes back with errors when the server refuses it. */
export interface ConveneFormValues {
  readonly bodyId?: string | undefined;
  readonly date?: string | undefined;
  readonly startTime?: string | undefined;
  readonly endTime?: string | undefined;
  readonly place?: string | undefined;
  readonly onlineUrl?: string | undefined;
  readonly agenda?: string | undefined;
  readonly guests?: string | undefined;
}

export interface ConveneCardData {
  readonly locale: Locale;
  /** Fixed when the form is first shown, so a double click convenes one meeting. */
  readonly meetingId: string;
  /** `prepare`: the person is the secretariat of that body and drafts a convocation for the chair to issue. */
  readonly bodies: readonly { id: string; name: string; mode?: 'convene' | 'prepare' | undefined }[];
  /** The body the form starts on (the one the person chairs); the first offered otherwise. */
  readonly defaultBodyId?: string | undefined;
  readonly values?: ConveneFormValues;
  readonly errors?: Readonly<Partial<Record<keyof ConveneFormValues | 'form', string>>>;
}

export function conveneCard(data: ConveneCardData): AdaptiveCard {
  const { locale } = data;
  const values = data.values ?? {};
  const errors = data.errors ?? {};
  const required = (field: string) => t('convene.required', locale, { field });
  const prepareOnly = data.bodies.length > 0 && data.bodies.every((b) => b.mode === 'prepare');
  const body: CardElement[] = [heading(t(prepareOnly ? 'convene.prepareTitle' : 'convene.title', locale))];
  if (data.bodies.some((b) => b.mode === 'prepare')) body.push(note(t('convene.prepareHint', locale)));
  if (errors.form) body.push(note(errors.form, 'Attention'));
  body.push(
    choiceInput({
      id: 'bodyId',
      label: t('convene.body', locale),
      required: true,
      errorMessage: required(t('convene.body', locale)),
      choices: data.bodies.map((b) => ({
        title: b.mode === 'prepare' && !prepareOnly ? t('convene.preparedChoice', locale, { body: b.name }) : b.name,
        value: b.id,
      })),
      value: values.bodyId ?? data.defaultBodyId ?? data.bodies[0]?.id,
    }),
    ...fieldError('bodyId', errors.bodyId),
    dateInput({ id: 'date', label: t('convene.date', locale), required: true, errorMessage: required(t('convene.date', locale)), value: values.date }),
    ...fieldError('date', errors.date),
    timeInput({
      id: 'startTime',
      label: t('convene.start', locale),
      required: true,
      errorMessage: required(t('convene.start', locale)),
      value: values.startTime,
    }),
    ...fieldError('startTime', errors.startTime),
    timeInput({ id: 'endTime', label: t('convene.end', locale), required: true, errorMessage: required(t('convene.end', locale)), value: values.endTime }),
    ...fieldError('endTime', errors.endTime),
    textInput({
      id: 'place',
      label: t('convene.place', locale),
      maxLength: MEETING_LIMITS.place,
      errorMessage: required(t('convene.place', locale)),
      value: values.place,
    }),
    ...fieldError('place', errors.place),
    textInput({
      id: 'onlineUrl',
      label: t('convene.onlineUrl', locale),
      maxLength: MEETING_LIMITS.onlineUrl,
      errorMessage: t('convene.onlineUrl', locale),
      value: values.onlineUrl,
      placeholder: 'https://teams.microsoft.com/...',
    }),
    ...fieldError('onlineUrl', errors.onlineUrl),
    textInput({
      id: 'agenda',
      label: t('convene.agenda', locale),
      required: true,
      multiline: true,
      maxLength: MEETING_LIMITS.agendaItems * (MEETING_LIMITS.agendaTitle + 1),
      errorMessage: required(t('convene.agenda', locale)),
      value: values.agenda,
    }),
    ...fieldError('agenda', errors.agenda),
    textInput({
      id: 'guests',
      label: t('convene.guests', locale),
      multiline: true,
      maxLength: MEETING_LIMITS.guests * (MEETING_LIMITS.guestName + 1),
      errorMessage: t('convene.guests', locale),
      value: values.guests,
    }),
    ...fieldError('guests', errors.guests),
  );
  if (prepareOnly || !data.bodies.some((b) => b.mode === 'prepare')) {
    return adaptiveCard(body, {
      actions: [executeAction(t(prepareOnly ? 'convene.prepareSubmit' : 'convene.submit', locale), CONVENE_VERB, { meetingId: data.meetingId }, 'positive')],
    });
  }
  // Some bodies this person convenes, others (HQ, the council) only prepares: one button each, so what is sent is never a surprise.
  return adaptiveCard(body, {
    actions: [
      executeAction(t('convene.submit', locale), CONVENE_VERB, { meetingId: data.meetingId, mode: 'convene' }, 'positive'),
      executeAction(t('convene.prepareSubmit', locale), CONVENE_VERB, { meetingId: data.meetingId, mode: 'prepare' }),
    ],
  });
}
