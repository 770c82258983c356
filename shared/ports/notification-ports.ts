import type { ConversationTarget } from '../notifications/conversation-target.js';
import type { NotificationKind } from '../notifications/notification-kind.js';
import type { OutboxEntry, PlannedNotification } from '../notifications/outbox-entry.js';
import type { PersonalNotice } from '../notifications/personal-notice.js';
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
  plan(entries: readonly PlannedNotification[]): Promise<number>;
  /**
   * Claims up to `limit` due pending rows (due, retry time reached) for `instanceId` until
   * `leaseUntil`, marking them `sending`; the oldest first.
   */
  claimDue(now: Date, limit: number, instanceId: string, leaseUntil: Date): Promise<OutboxEntry[]>;
  /** Pending rows due by `now` (for the catch-up rule), oldest first. */
  listDuePending(now: Date, limit: number): Promise<OutboxEntry[]>;
  /** Every pending row whatever its due time, soonest first (the tab's list of planned notifications). */
  listPending(limit: number): Promise<OutboxEntry[]>;
  /** Records a delivery; only a row still claimed by `instanceId` is changed (a late sender loses). */
  markSent(id: string, instanceId: string, activityId: string | undefined, at: Date): Promise<boolean>;
  markSkipped(ids: readonly string[], reason: string): Promise<void>;
  /** Back to `pending` for another attempt at `nextAttemptAt`. */
  markRetry(id: string, instanceId: string, error: string, nextAttemptAt: Date): Promise<void>;
  /** Given up: the conversation is gone, or the attempts are used up. The row is kept. */
  markFailed(id: string, instanceId: string, error: string): Promise<void>;
  /** Rows whose lease ran out (their instance died mid-send) go back to `pending`. */
  releaseExpiredClaims(now: Date): Promise<number>;
  /** Releases the rows an instance holds (graceful shutdown). */
  releaseClaimsOf(instanceId: string): Promise<number>;
  /** Rows about a subject in the given states (to skip stale reminders, to update posted cards). */
  listFor(subjectId: string, states: readonly OutboxEntry['state'][]): Promise<OutboxEntry[]>;
  get(id: string): Promise<OutboxEntry | undefined>;
  /** Counts by state, for the tab and the readiness of tests. */
  countByState(): Promise<Record<OutboxEntry['state'], number>>;
}

/** Notices kept per person (the tab's dashboard reads them; the outbox delivers them to chat). */
export interface PersonalNoticeRepository {
  insert(notice: PersonalNotice): Promise<void>;
  get(id: string): Promise<PersonalNotice | undefined>;
  /** A person's notices since `since`, newest first. */
  listForStaff(staffId: string, since: Date, limit: number): Promise<PersonalNotice[]>;
  /** The notices about one entity (a proposal, an application, a meeting), oldest first. */
  listForSubject(subjectId: string): Promise<PersonalNotice[]>;
  /** Unread notices created since `since`, oldest first (to deliver once the bot is installed). */
  listUnread(since: Date, limit: number): Promise<PersonalNotice[]>;
  /** Marks a person's own notice read; false when it is not theirs or does not exist. */
  markRead(id: string, staffId: string, at: Date): Promise<boolean>;
}

/** A message to post: an Adaptive Card (as JSON) with a text fallback for notifications. */
export interface OutgoingMessage {
  readonly card?: Readonly<Record<string, unknown>> | undefined;
  readonly text?: string | undefined;
}

/** What the Bot Connector answered: the posted activity's id, or the HTTP status and error code. */
export type DeliveryOutcome =
  | { readonly ok: true; readonly activityId?: string | undefined }
  | { readonly ok: false; readonly status: number; readonly code?: string | undefined; readonly retryAfterMs?: number | undefined; readonly message: string };

/** Posts into Teams conversations (the Bot Connector REST API); implemented in `bot/`. */
export interface ConversationSender {
  send(target: ConversationTarget, message: OutgoingMessage): Promise<DeliveryOutcome>;
  /** Replaces a posted activity (a convocation card after the meeting changed). */
  update(target: ConversationTarget, activityId: string, message: OutgoingMessage): Promise<DeliveryOutcome>;
}

/**
 * Posts one new message, as the tab's test send needs: given to the tab API by the server, already
 * counted against Teams' limits in the same budget the dispatcher uses.
 */
export type MessageSender = Pick<ConversationSender, 'send'>;

export type RenderedNotification =
  | { readonly kind: 'send'; readonly message: OutgoingMessage }
  | { readonly kind: 'update'; readonly activityId: string; readonly message: OutgoingMessage }
  /** Nothing to say any more (the meeting moved, the draft was submitted, the person answered). */
  | { readonly kind: 'skip'; readonly reason: string };

/** Turns an outbox row into a message from the current state; implemented in `bot/` (cards). */
export interface NotificationRenderer {
  render(entry: OutboxEntry, target: ConversationTarget, now: Date): Promise<RenderedNotification>;
}
