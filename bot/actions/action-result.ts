import { z } from 'zod';
import { DomainError, DomainErrors } from '../../shared/domain-error.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { AdaptiveCard } from '../cards/card-kit.js';
import type { BotTurn } from '../commands/command-turn.js';

/**
 * What a card action answers, in the terms of Teams' Universal Actions contract: a card that
 * replaces the one clicked, a short message, or an error (`application/vnd.microsoft.error`).
 */
export type ActionResult =
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'error'; readonly statusCode: 400 | 401 | 403 | 404; readonly message: string };

export type ActionHandler = (turn: BotTurn, data: Readonly<Record<string, unknown>>) => Promise<ActionResult>;

export const cardResult = (card: AdaptiveCard): ActionResult => ({ kind: 'card', card });
export const messageResult = (text: string): ActionResult => ({ kind: 'message', text });
export const errorResult = (statusCode: 400 | 401 | 403 | 404, message: string): ActionResult => ({ kind: 'error', statusCode, message });

/** The longest value any input on our cards can carry; Teams enforces the card's own maxLength too. */
const MAX_VALUE_LENGTH = 4000;
/** A card never has more inputs than this; a payload with more keys was not made by our cards. */
const MAX_KEYS = 80;

/**
 * An action's payload: the known fields checked strictly, plus the other inputs of the same card
 * (Teams sends every input on the card with each action), which are bounded but otherwise ignored.
 */
export function actionPayload<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ verb: z.string().max(64), ...shape })
    .catchall(z.union([z.string().max(MAX_VALUE_LENGTH), z.number(), z.boolean()]))
    .refine((value) => Object.keys(value).length <= MAX_KEYS, { message: 'too many fields' });
}

export const id = z.string().min(1).max(100);
/** Optional text input: Teams sends '' for an empty field, or leaves it out. */
export const optionalText = (max: number) => z.string().max(max).optional();

/** Maps domain refusals to per-field messages for a form, plus one for the form itself. */
export function fieldErrors(error: DomainError | DomainErrors, locale: Locale): Record<string, string> {
  const errors = error instanceof DomainErrors ? error.errors : [error];
  const byField: Record<string, string> = {};
  for (const each of errors) {
    const field = each.field ?? 'form';
    byField[field] = byField[field] ? `${byField[field]} ${errorMessage(each, locale)}` : errorMessage(each, locale);
  }
  return byField;
}

export function errorCodes(error: DomainError | DomainErrors): string[] {
  return (error instanceof DomainErrors ? error.errors : [error]).map((each) => each.code);
}

export function isDomainRefusal(error: unknown): error is DomainError | DomainErrors {
  return error instanceof DomainError || error instanceof DomainErrors;
}

/** A refusal of an action without a form: the user reads the reason; nothing changed. */
export function refusal(error: DomainError | DomainErrors, locale: Locale): ActionResult {
  const errors = error instanceof DomainErrors ? error.errors : [error];
  // Refusing the person (not their input) is a 403, as the tab API answers it: who may convene, prepare, issue, remind, record an absence.
  const forbidden = errors.some(
    (each) =>
      each.code === 'auth.forbidden' ||
      each.code.startsWith('meeting.notAllowedTo') ||
      each.code.startsWith('minutes.notAllowedTo') ||
      each.code === 'absence.notAllowed' ||
      each.code === 'action.notOwner',
  );
  const message = errors.map((each) => errorMessage(each, locale)).join(' ');
  return forbidden ? errorResult(403, message) : messageResult(message);
}
