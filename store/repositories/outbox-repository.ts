import { sql, type Kysely, type Selectable } from 'kysely';
import type { NotificationPayload } from '../../shared/notifications/notification-payload.js';
import type { DeliveryState, OutboxEntry } from '../../shared/notifications/outbox-entry.js';
import type { OutboxRepository } from '../../shared/ports/notification-ports.js';
import type { Database, OutboxTable } from '../database.js';
import { decodeDocument, encodeDocument } from '../document-codec.js';

function entryOf(row: Selectable<OutboxTable>): OutboxEntry {
  return {
    id: row.id,
    occurrenceKey: row.occurrence_key,
    seriesKey: row.series_key,
    conversationId: row.conversation_id,
    kind: row.kind as OutboxEntry['kind'],
    subjectId: row.subject_id,
    fingerprint: row.fingerprint ?? undefined,
    dueAt: row.due_at,
    expiresAt: row.expires_at,
    payload: decodeDocument<NotificationPayload>(row.payload),
    state: row.state as DeliveryState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at ?? undefined,
    claimedBy: row.claimed_by ?? undefined,
    claimedUntil: row.claimed_until ?? undefined,
    activityId: row.activity_id ?? undefined,
    lastError: row.last_error ?? undefined,
    sentAt: row.sent_at ?? undefined,
  };
}

/** Error texts come from remote services; a row keeps only the start of one. */
const clip = (text: string) => text.slice(0, 500);

export function outboxRepository(db: Kysely<Database>): OutboxRepository {
  return {
    async plan(entries) {
      if (entries.length === 0) return 0;
      const result = await db
        .insertInto('outbox')
        .values(
          entries.map((entry) => ({
            id: entry.id,
            occurrence_key: entry.occurrenceKey,
            series_key: entry.seriesKey,
            conversation_id: entry.conversationId,
            kind: entry.kind,
            subject_id: entry.subjectId,
            fingerprint: entry.fingerprint ?? null,
            due_at: entry.dueAt,
            expires_at: entry.expiresAt,
            state: 'pending',
            next_attempt_at: null,
            claimed_by: null,
            claimed_until: null,
            activity_id: null,
            last_error: null,
            sent_at: null,
            payload: encodeDocument(entry.payload),
          })),
        )
        .onConflict((conflict) => conflict.columns(['occurrence_key', 'conversation_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    },

    async claimDue(now, limit, instanceId, leaseUntil) {
      // SKIP LOCKED: rows another instance is claiming right now are passed over, not waited for,
      // so two instances split the due rows between them and never take the same one.
      const due = db
        .selectFrom('outbox')
        .select('id')
        .where('state', '=', 'pending')
        .where('due_at', '<=', now)
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
        .orderBy('due_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      const rows = await db
        .updateTable('outbox')
        .set({ state: 'sending', claimed_by: instanceId, claimed_until: leaseUntil, attempts: sql`attempts + 1` })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows.map(entryOf).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
    },

    async listDuePending(now, limit) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('state', '=', 'pending')
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(entryOf);
    },

    async listPending(limit) {
      const rows = await db.selectFrom('outbox').selectAll().where('state', '=', 'pending').orderBy('due_at').orderBy('id').limit(limit).execute();
      return rows.map(entryOf);
    },

    async markSent(id, instanceId, activityId, at) {
      const result = await db
        .updateTable('outbox')
        .set({ state: 'sent', activity_id: activityId ?? null, sent_at: at, claimed_by: null, claimed_until: null, last_error: null })
        .where('id', '=', id)
        .where('state', '=', 'sending')
        .where('claimed_by', '=', instanceId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async markSkipped(ids, reason) {
      if (ids.length === 0) return;
      await db
        .updateTable('outbox')
        .set({ state: 'skipped', last_error: clip(reason), claimed_by: null, claimed_until: null })
        .where('id', 'in', [...ids])
        .where('state', 'in', ['pending', 'sending'])
        .execute();
    },

    async markRetry(id, instanceId, error, nextAttemptAt) {
      await db
        .updateTable('outbox')
        .set({ state: 'pending', last_error: clip(error), next_attempt_at: nextAttemptAt, claimed_by: null, claimed_until: null })
        .where('id', '=', id)
        .where('claimed_by', '=', instanceId)
        .execute();
    },

    async markFailed(id, instanceId, error) {
      await db
        .updateTable('outbox')
        .set({ state: 'failed', last_error: clip(error), claimed_by: null, claimed_until: null })
        .where('id', '=', id)
        .where('claimed_by', '=', instanceId)
        .execute();
    },

    async releaseExpiredClaims(now) {
      const result = await db
        .updateTable('outbox')
        .set({ state: 'pending', claimed_by: null, claimed_until: null })
        .where('state', '=', 'sending')
        .where('claimed_until', '<', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async releaseClaimsOf(instanceId) {
      const result = await db
        .updateTable('outbox')
        .set({ state: 'pending', claimed_by: null, claimed_until: null, attempts: sql`greatest(attempts - 1, 0)` })
        .where('state', '=', 'sending')
        .where('claimed_by', '=', instanceId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async listFor(subjectId, states) {
      if (states.length === 0) return [];
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('subject_id', '=', subjectId)
        .where('state', 'in', [...states])
        .orderBy('due_at')
        .orderBy('id')
        .execute();
      return rows.map(entryOf);
    },

    async get(id) {
      const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? entryOf(row) : undefined;
    },

    async countByState() {
      const rows = await db
        .selectFrom('outbox')
        .select(['state', sql<number>`count(*)::int`.as('count')])
        .groupBy('state')
        .execute();
      const counts: Record<DeliveryState, number> = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
      for (const row of rows) counts[row.state as DeliveryState] = Number(row.count);
      return counts;
    },
  };
}
