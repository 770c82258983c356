import { sql, type Kysely } from 'kysely';
import type { ProposalRepository } from '../../shared/ports/activity-ports.js';
import type { Proposal, ProposalState } from '../../shared/proposals/proposal.js';
import type { Database } from '../database.js';
import { encodeDocument } from '../document-codec.js';
import { decodeRows } from './document-table.js';

const keyColumns = (proposal: Proposal) => ({
  call_id: proposal.callId,
  author_staff_id: proposal.authorStaffId,
  state: proposal.state,
  receipt_number: proposal.receiptNumber ?? null,
  created_at: proposal.createdAt,
  doc: encodeDocument(proposal),
});

export function proposalRepository(db: Kysely<Database>): ProposalRepository {
  return {
    async insert(proposal) {
      await db
        .insertInto('proposals')
        .values({ id: proposal.id, ...keyColumns(proposal) })
        .execute();
    },
    async update(proposal) {
      const result = await db.updateTable('proposals').set(keyColumns(proposal)).where('id', '=', proposal.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new Error(`no proposal ${proposal.id}`);
    },
    async get(id) {
      const row = await db.selectFrom('proposals').select('doc').where('id', '=', id).executeTakeFirst();
      return row ? decodeRows<Proposal>([row])[0] : undefined;
    },
    async listByAuthor(staffId) {
      const rows = await db.selectFrom('proposals').select('doc').where('author_staff_id', '=', staffId).orderBy('created_at', 'desc').orderBy('id').execute();
      return decodeRows<Proposal>(rows);
    },
    async list(filter = {}) {
      let query = db.selectFrom('proposals').select('doc').orderBy('created_at').orderBy('id');
      if (filter.callId !== undefined) query = query.where('call_id', '=', filter.callId);
      if (filter.states !== undefined) {
        if (filter.states.length === 0) return [];
        query = query.where('state', 'in', [...filter.states]);
      }
      return decodeRows<Proposal>(await query.execute());
    },
    async countByCall(callId, states) {
      let query = db
        .selectFrom('proposals')
        .select(sql<number>`count(*)::int`.as('count'))
        .where('call_id', '=', callId);
      if (states !== undefined) {
        if (states.length === 0) return 0;
        query = query.where('state', 'in', [...states]);
      }
      return Number((await query.executeTakeFirstOrThrow()).count);
    },
    async countByAuthorAndState(callId, states) {
      if (states.length === 0) return [];
      const rows = await db
        .selectFrom('proposals')
        .select(['author_staff_id', 'state', sql<string | null>`doc->>'departmentUnitId'`.as('department_unit_id'), sql<number>`count(*)::int`.as('count')])
        .where('call_id', '=', callId)
        .where('state', 'in', [...states])
        .groupBy(['author_staff_id', 'state', sql`doc->>'departmentUnitId'`])
        .execute();
      return rows.map((row) => ({
        authorStaffId: row.author_staff_id,
        departmentUnitId: row.department_unit_id ?? undefined,
        state: row.state as ProposalState,
        count: Number(row.count),
      }));
    },
    async countByState() {
      const rows = await db
        .selectFrom('proposals')
        .select(['state', sql<number>`count(*)::int`.as('count')])
        .groupBy('state')
        .execute();
      return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
    },
    async nextReceiptSequence(callId) {
      // One atomic statement: concurrent submitters on a server each get their own number.
      const row = await db
        .insertInto('receipt_sequences')
        .values({ call_id: callId, last_value: 1 })
        .onConflict((conflict) => conflict.column('call_id').doUpdateSet({ last_value: sql`receipt_sequences.last_value + 1` }))
        .returning('last_value')
        .executeTakeFirstOrThrow();
      return row.last_value;
    },
    async addReviewNote(note) {
      await db
        .insertInto('review_notes')
        .values({ proposal_id: note.proposalId, author_staff_id: note.authorStaffId, text: note.text, noted_at: note.at })
        .execute();
    },
    async listReviewNotes(proposalId) {
      const rows = await db
        .selectFrom('review_notes')
        .select(['author_staff_id', 'text', 'noted_at'])
        .where('proposal_id', '=', proposalId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ authorStaffId: row.author_staff_id, text: row.text, at: row.noted_at }));
    },
  };
}
