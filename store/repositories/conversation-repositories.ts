import type { Kysely } from 'kysely';
import type { ConversationTarget } from '../../shared/notifications/conversation-target.js';
import type { NotificationKind } from '../../shared/notifications/notification-kind.js';
import type { Subscription } from '../../shared/notifications/subscription.js';
import type { ConversationRepository, SubscriptionRepository } from '../../shared/ports/notification-ports.js';
import type { Database } from '../database.js';
import { decodeDocument, encodeDocument } from '../document-codec.js';
import { decodeRows } from './document-table.js';

const conversationColumns = (target: ConversationTarget) => ({
  kind: target.kind,
  team_id: target.teamId ?? null,
  staff_id: target.staffId ?? null,
  active: target.active,
  doc: encodeDocument(target),
});

export function conversationRepository(db: Kysely<Database>): ConversationRepository {
  const get = async (conversationId: string) => {
    const row = await db.selectFrom('conversations').select('doc').where('conversation_id', '=', conversationId).executeTakeFirst();
    return row ? decodeDocument<ConversationTarget>(row.doc) : undefined;
  };
  return {
    async upsert(target) {
      const columns = conversationColumns(target);
      await db
        .insertInto('conversations')
        .values({ conversation_id: target.conversationId, ...columns })
        .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet(columns))
        .execute();
    },
    get,
    async deactivate(conversationId, reason, at) {
      const current = await get(conversationId);
      if (!current || !current.active) return;
      const next: ConversationTarget = { ...current, active: false, deactivatedReason: reason, updatedAt: at };
      await db.updateTable('conversations').set(conversationColumns(next)).where('conversation_id', '=', conversationId).execute();
    },
    async listActive(filter = {}) {
      let query = db.selectFrom('conversations').select('doc').where('active', '=', true).orderBy('conversation_id');
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
      if (filter.teamId !== undefined) query = query.where('team_id', '=', filter.teamId);
      return decodeRows<ConversationTarget>(await query.execute());
    },
    async findPersonalByStaff(staffId) {
      const row = await db
        .selectFrom('conversations')
        .select('doc')
        .where('kind', '=', 'personal')
        .where('staff_id', '=', staffId)
        .where('active', '=', true)
        .executeTakeFirst();
      return row ? decodeDocument<ConversationTarget>(row.doc) : undefined;
    },
  };
}

export function subscriptionRepository(db: Kysely<Database>): SubscriptionRepository {
  return {
    async save(subscription) {
      const doc = encodeDocument(subscription);
      await db
        .insertInto('subscriptions')
        .values({ conversation_id: subscription.conversationId, doc })
        .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet({ doc }))
        .execute();
    },
    async get(conversationId) {
      const row = await db.selectFrom('subscriptions').select('doc').where('conversation_id', '=', conversationId).executeTakeFirst();
      return row ? decodeDocument<Subscription>(row.doc) : undefined;
    },
    async remove(conversationId) {
      await db.deleteFrom('subscriptions').where('conversation_id', '=', conversationId).execute();
    },
    async listForKind(kind: NotificationKind) {
      // Small table (one row per conversation); filtering the kinds array in SQL would tie the
      // query to the document's shape for no gain.
      const rows = await db.selectFrom('subscriptions').select('doc').orderBy('conversation_id').execute();
      return decodeRows<Subscription>(rows).filter((subscription) => subscription.kinds.includes(kind));
    },
  };
}
