import { z } from 'zod';
import { DomainError, DomainErrors } from '../../../shared/domain-error.js';
import { ERROR_MESSAGES, errorMessage } from '../../../shared/i18n/error-messages.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { ApiErrorBody } from '../../web/models/api-contract.js';
import { BodyProblem } from './json-body.js';

/** Messages for refusals that happen before the domain is asked (HTTP and input shape). */
const HTTP_MESSAGES: Readonly<Record<string, { ja: string; en: string }>> = {
  'auth.unauthenticated': { ja: 'サインインが必要です。もう一度開き直してください。', en: 'Sign-in is required. Please reopen the tab.' },
  'auth.forbidden': ERROR_MESSAGES['auth.forbidden']!,
  'body.tooLarge': { ja: '送信された内容が大きすぎます。', en: 'The request is too large.' },
  'body.notJson': { ja: '送信された内容を読み取れません。', en: 'The request could not be read.' },
  'body.unsupportedType': { ja: 'JSON形式で送信してください。', en: 'Send the request as JSON.' },
  'input.invalid': { ja: '入力内容に誤りがあります。', en: 'Some input is not valid.' },
  notFound: { ja: '見つかりません。', en: 'Not found.' },
  'localAuth.unavailable': { ja: 'ローカルモードではありません。', en: 'Local sign-in is not available.' },
  'notifications.unavailable': {
    ja: 'この環境では通知のプレビューとテスト送信を利用できません（ボットの送信機能が設定されていません）。',
    en: 'Notification preview and test sending are not available here (the bot’s sending is not set up).',
  },
  'notification.testSendFailed': {
    ja: 'Teams がテスト送信を受け付けませんでした。時間をおいて再度お試しください。',
    en: 'Teams did not accept the test message. Please try again later.',
  },
  internal: { ja: '処理中に問題が発生しました。時間をおいて再度お試しください。', en: 'Something went wrong. Please try again later.' },
};

/** A refusal of the HTTP layer itself, with its status. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
    this.name = 'HttpProblem';
  }
}

const FORBIDDEN_CODES = new Set([
  'auth.forbidden',
  'staff.notInDirectory',
  'staff.identityConflict',
  'proposal.notAuthor',
  'meeting.notAttendee',
  'meeting.notAllowedToRemind',
  'meeting.notAllowedToPrepare',
  'absence.notAllowed',
  'materials.notAllowed',
  'minutes.notAllowedToRecord',
  'minutes.notAllowedToConfirm',
  'action.notOwner',
]);
const CONFLICT_CODES = new Set([
  'call.closed',
  'call.notYetOpen',
  'proposal.notEditable',
  'proposal.illegalTransition',
  'proposal.withdrawAfterReview',
  'meeting.illegalTransition',
  'materials.notConvened',
  'minutes.confirmed',
  'staff.selfLockout',
  'minutes.meetingNotHeld',
  'minutes.nobodyPresided',
  'recruitment.closed',
  'recruitment.notOpen',
  'meeting.rsvpReminderAlreadySent',
  'meeting.rsvpReminderAlreadySentPlain',
  'meeting.reminderTooLate',
  'meeting.nobodyUnanswered',
  'meeting.nobodyReachable',
  'meeting.idInUse',
  'absence.alreadyEnded',
  'notification.notPending',
  'notification.wouldSkip',
  'proposal.idInUse',
  'progress.idInUse',
  'store.conflict',
  'team.recruitmentOpen',
  'team.rulesMissing',
]);

/** Input no use case could read at all, refused at the edge like malformed JSON. */
const BAD_REQUEST_CODES = new Set(['text.forbiddenCharacter']);

/** The HTTP status for a domain refusal: unreadable input (400), who may (403), what exists (404), when (409), what (422). */
export function statusOfDomainCode(code: string): number {
  if (BAD_REQUEST_CODES.has(code)) return 400;
  if (FORBIDDEN_CODES.has(code) || code.startsWith('meeting.notAllowedToConvene')) return 403;
  if (code.endsWith('.notFound')) return 404;
  if (CONFLICT_CODES.has(code)) return 409;
  return 422;
}

export function httpMessage(code: string, locale: Locale): string {
  return (HTTP_MESSAGES[code] ?? HTTP_MESSAGES.internal!)[locale];
}

/** Maps anything a handler threw to a status and a localised body; `undefined` status means a bug (500). */
export function toErrorResponse(error: unknown, locale: Locale): { status: number; body: ApiErrorBody; unexpected: boolean } {
  const answer = (status: number, code: string, message: string, fields?: ApiErrorBody['error']['fields']) => ({
    status,
    body: { error: { code, message, ...(fields ? { fields } : {}) } },
    unexpected: false,
  });
  if (error instanceof DomainError) {
    return answer(
      statusOfDomainCode(error.code),
      error.code,
      errorMessage(error, locale),
      error.field ? [{ field: error.field, message: errorMessage(error, locale) }] : undefined,
    );
  }
  if (error instanceof DomainErrors) {
    const fields = error.errors.map((each) => ({ field: each.field, message: errorMessage(each, locale) }));
    const first = error.errors[0];
    const status = first ? statusOfDomainCode(first.code) : 422;
    return answer(status, first?.code ?? 'input.invalid', fields.map((field) => field.message).join(' '), fields);
  }
  if (error instanceof z.ZodError) {
    const fields = error.issues.map((issue) => ({
      field: issue.path.join('.') || undefined,
      message: `${httpMessage('input.invalid', locale)} (${issue.path.join('.') || '-'}: ${issue.code})`,
    }));
    return answer(400, 'input.invalid', httpMessage('input.invalid', locale), fields);
  }
  if (error instanceof BodyProblem || error instanceof HttpProblem) return answer(error.status, error.code, httpMessage(error.code, locale));
  return { ...answer(500, 'internal', httpMessage('internal', locale)), unexpected: true };
}
