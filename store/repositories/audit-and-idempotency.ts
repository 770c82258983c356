import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../shared/audit/audit-entry.js';
import type { AuditRepository, IdempotencyRepository } from '../../shared/ports/activity-ports.js';
import type { Database } from '../database.js';
import { decodeDocument, encodeDocument } from '../document-codec.js';

export function auditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async record(entry) {
      await db
        .insertInto('audit_log')
        .values({
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          action: entry.action,
          actor_staff_id: entry.actorStaffId ?? null,
          at: entry.at,
          before: entry.before === undefined ? null : encodeDocument(entry.before),
          after: entry.after === undefined ? null : encodeDocument(entry.after),
        })
        .execute();
    },
    async listFor(entityType, entityId) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute();
      return rows.map(
        (row): AuditEntry => ({
          entityType: row.entity_type,
          entityId: row.entity_id,
          action: row.action,
          actorStaffId: row.actor_staff_id ?? undefined,
          at: row.at,
          before: row.before === null ? undefined : decodeDocument(row.before),
          after: row.after === null ? undefined : decodeDocument(row.after),
        }),
      );
    },
  };
}

export function idempotencyRepository(db: Kysely<Database>): IdempotencyRepository {
  return {
    async claim(key, at) {
      const result = await db
        .insertInto('idempotency_keys')
        .values({ key, claimed_at: at })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
  };
}
