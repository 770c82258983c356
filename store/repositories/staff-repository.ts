import type { Kysely } from 'kysely';
import type { Staff } from '../../shared/organisation/staff.js';
import type { StaffRepository } from '../../shared/ports/reference-data-ports.js';
import type { Database } from '../database.js';
import { decodeRows, findDocument, upsertDocument } from './document-table.js';

/** UPNs are case-insensitive in Entra ID, so they are stored and matched lower-cased. */
const foldUpn = (upn: string) => upn.trim().toLowerCase();

const keyColumns = (staff: Staff) => ({
  upn_folded: foldUpn(staff.upn),
  entra_object_id: staff.entraObjectId ?? null,
  post_id: staff.postId ?? null,
});

export function staffRepository(db: Kysely<Database>): StaffRepository {
  const findOne = async (column: 'upn_folded' | 'entra_object_id', value: string) => {
    const row = await db.selectFrom('staff').select('doc').where(column, '=', value).executeTakeFirst();
    return row ? decodeRows<Staff>([row])[0] : undefined;
  };
  return {
    upsert: (staff) => upsertDocument(db, 'staff', staff, keyColumns(staff)),
    get: (id) => findDocument<Staff>(db, 'staff', id),
    findByUpn: (upn) => findOne('upn_folded', foldUpn(upn)),
    findByEntraObjectId: (objectId) => findOne('entra_object_id', objectId),
    async listByPost(postId) {
      const rows = await db.selectFrom('staff').select('doc').where('post_id', '=', postId).orderBy('id').execute();
      return decodeRows<Staff>(rows).filter((staff) => staff.active);
    },
    async list() {
      return decodeRows<Staff>(await db.selectFrom('staff').select('doc').orderBy('id').execute());
    },
    async linkEntraObjectId(staffId, objectId, options = {}) {
      const staff = await findDocument<Staff>(db, 'staff', staffId);
      if (!staff) throw new Error(`no staff member ${staffId}`);
      if (staff.entraObjectId === objectId) return;
      if (staff.entraObjectId && !options.replace) throw new Error(`staff member ${staffId} is already linked to another account`);
      // The unique index on entra_object_id refuses linking one account to two people.
      const linked = { ...staff, entraObjectId: objectId };
      await upsertDocument(db, 'staff', linked, keyColumns(linked));
    },
    async recordTeamsUserId(staffId, teamsUserId) {
      const staff = await findDocument<Staff>(db, 'staff', staffId);
      if (!staff || staff.teamsUserId === teamsUserId) return;
      const recorded = { ...staff, teamsUserId };
      await upsertDocument(db, 'staff', recorded, keyColumns(recorded));
    },
    async count() {
      const row = await db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
