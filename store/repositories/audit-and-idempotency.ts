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
      const rows = await db.selectFrom('audit_log').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('id').execute();
      return rows.map((row): AuditEntry => ({
        entityType: row.entity_type,
        entityId: row.entity_id,
        action: row.action,
        actorStaffId: row.actor_staff_id ?? undefined,
        at: row.at,
        before: row.before === null ? undefined : decodeDocument(row.before),
        after: row.after === null ? undefined : decodeDocument(row.after),
      }));
    },
  };
}

/** One claim per statement: inside a transaction, where the claim must commit with the work. */
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

interface PendingClaim {
  readonly key: string;
  readonly at: Date;
  readonly resolve: (first: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/** Rows per statement: PostgreSQL allows 65,535 parameters, and a turn's claim should not wait on a huge one. */
const MAX_CLAIMS_PER_STATEMENT = 500;

/**
 * Claims outside a transaction, committed in groups: the claims that arrive while one statement is
 * on its way go together in the next, one multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING`.
 * Every inbound activity claims its id before its turn runs, so under load this turns one
 * statement (and one socket write, or one message to PGlite's thread) per turn into one per group.
 * Each caller still learns whether its own key was new only after the row is committed; a key
 * twice in one group is new for the first caller only.
 */
export function groupCommittedIdempotencyRepository(db: Kysely<Database>): IdempotencyRepository {
  let pending: PendingClaim[] = [];
  let writing = false;

  const write = async (group: readonly PendingClaim[]): Promise<void> => {
    const rows = new Map<string, Date>();
    for (const claim of group) if (!rows.has(claim.key)) rows.set(claim.key, claim.at);
    try {
      const inserted = await db
        .insertInto('idempotency_keys')
        .values([...rows].map(([key, at]) => ({ key, claimed_at: at })))
        .onConflict((conflict) => conflict.column('key').doNothing())
        .returning('key')
        .execute();
      const fresh = new Set(inserted.map((row) => row.key));
      for (const claim of group) {
        // The first caller with a fresh key takes it; anyone after it in the group sees it taken.
        claim.resolve(fresh.delete(claim.key));
      }
    } catch (error) {
      for (const claim of group) claim.reject(error);
    }
  };

  const drain = async (): Promise<void> => {
    writing = true;
    try {
      while (pending.length > 0) {
        const group = pending.slice(0, MAX_CLAIMS_PER_STATEMENT);
        pending = pending.slice(group.length);
        await write(group);
      }
    } finally {
      writing = false;
    }
  };

  return {
    claim(key, at) {
      return new Promise<boolean>((resolve, reject) => {
        pending.push({ key, at, resolve, reject });
        // Claims made in the same turn of the event loop join the first; a statement in flight
        // is followed by one carrying everything that arrived meanwhile.
        if (!writing) {
          writing = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
