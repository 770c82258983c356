import type { NotificationKind } from './notification-kind.js';
import type { NotificationPayload } from './notification-payload.js';

/** pending → sending → sent | failed | skipped. */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/**
 * One planned message to one conversation. `(occurrenceKey, conversationId)` is unique, so a
 * reminder is recorded once per conversation however often it is planned. `activityId` is what
 * Teams returned, kept to update the posted card in place when a meeting changes.
 * `kind` is the subscription kind that asked for it, or `personal` for reminders to one person.
 */
export interface OutboxEntry {
  readonly id: string;
  readonly occurrenceKey: string;
  /** Reminders of one series replace each other: after downtime only the latest due one is sent. */
  readonly seriesKey: string;
  readonly conversationId: string;
  readonly kind: NotificationKind | 'personal';
  /** The entity the message is about (a meeting, a call track, a proposal), to find its rows later. */
  readonly subjectId: string;
  /** For meeting reminders: the meeting's time and place when planned; a mismatch means stale. */
  readonly fingerprint?: string | undefined;
  readonly dueAt: Date;
  /** Never sent after this instant (the meeting has started, the deadline has passed). */
  readonly expiresAt: Date;
  readonly payload: NotificationPayload;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt?: Date | undefined;
  readonly claimedBy?: string | undefined;
  readonly claimedUntil?: Date | undefined;
  readonly activityId?: string | undefined;
  readonly lastError?: string | undefined;
  readonly sentAt?: Date | undefined;
}

/** A row as the planner writes it; delivery fields start empty. */
export type PlannedNotification = Omit<
  OutboxEntry,
  'state' | 'attempts' | 'nextAttemptAt' | 'claimedBy' | 'claimedUntil' | 'activityId' | 'lastError' | 'sentAt'
>;
