import type { ConversationTarget } from '../notifications/conversation-target.js';
import type { NotificationKind } from '../notifications/notification-kind.js';
import type { DeliveryState, OutboxEntry } from '../notifications/outbox-entry.js';
import type { Subscription } from '../notifications/subscription.js';

/** Conversation references, kept current from installation and conversation-update events. */
export interface ConversationRepository {
  upsert(target: ConversationTarget): Promise<void>;
  get(conversationId: string): Promise<ConversationTarget | undefined>;
  /** Keeps the record (history matters) but stops every send to it. */
  deactivate(conversationId: string, reason: string, at: Date): Promise<void>;
  listActive(filter?: { kind?: ConversationTarget['kind']; teamId?: string }): Promise<ConversationTarget[]>;
  findPersonalByStaff(staffId: string): Promise<ConversationTarget | undefined>;
}

export interface SubscriptionRepository {
  save(subscription: Subscription): Promise<void>;
  get(conversationId: string): Promise<Subscription | undefined>;
  remove(conversationId: string): Promise<void>;
  listForKind(kind: NotificationKind): Promise<Subscription[]>;
}

/**
 * The outbox. Rows are planned in the same transaction as the change that causes them; senders
 * claim due rows with `FOR UPDATE SKIP LOCKED`, so several instances never claim the same row.
 */
export interface OutboxRepository {
  /** Inserts rows that do not exist yet (by occurrence and conversation); returns how many were new. */
  plan(entries: readonly Omit<OutboxEntry, 'state' | 'attempts'>[]): Promise<number>;
  /** Claims up to `limit` due pending rows for `instanceId` until `leaseUntil`, marking them `sending`. */
  claimDue(now: Date, limit: number, instanceId: string, leaseUntil: Date): Promise<OutboxEntry[]>;
  /** Pending rows due by `now` (for the catch-up rule), oldest first. */
  listDuePending(now: Date, limit: number): Promise<OutboxEntry[]>;
  markSent(id: string, activityId: string | undefined, at: Date): Promise<void>;
  markSkipped(ids: readonly string[], reason: string): Promise<void>;
  /** Puts a row back to `pending` for a retry at `nextAttemptAt`, or `failed` after the last attempt. */
  markRetry(id: string, state: Extract<DeliveryState, 'pending' | 'failed'>, error: string, nextAttemptAt?: Date): Promise<void>;
  /** Rows whose lease ran out (their instance died mid-send) go back to `pending`. */
  releaseExpiredClaims(now: Date): Promise<number>;
  /** Releases the rows an instance holds (graceful shutdown). */
  releaseClaimsOf(instanceId: string): Promise<number>;
  /** Sent rows about a subject, to update their cards in place. */
  listSentFor(subjectId: string): Promise<OutboxEntry[]>;
  /** Pending rows about a subject, to skip those whose fingerprint no longer matches. */
  listPendingFor(subjectId: string): Promise<OutboxEntry[]>;
}
