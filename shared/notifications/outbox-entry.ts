import type { NotificationKind } from './notification-kind.js';

/** pending → sending → sent | failed | skipped. */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/**
 * One planned message to one conversation. `(occurrenceKey, conversationId)` is unique, so a
 * reminder is recorded once per conversation however often it is planned. `activityId` is what
 * Teams returned, kept to update the posted card in place when a meeting changes.
 */
export interface OutboxEntry {
  readonly id: string;
  readonly occurrenceKey: string;
  readonly seriesKey: string;
  readonly conversationId: string;
  readonly kind: NotificationKind | 'changeNotice' | 'personalReminder' | 'closedNotice';
  /** The entity the message is about (a meeting or a call track), to find cards to update. */
  readonly subjectId: string;
  readonly fingerprint?: string | undefined;
  readonly dueAt: Date;
  readonly expiresAt: Date;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt?: Date | undefined;
  readonly claimedBy?: string | undefined;
  readonly claimedUntil?: Date | undefined;
  readonly activityId?: string | undefined;
  readonly lastError?: string | undefined;
  readonly sentAt?: Date | undefined;
}
