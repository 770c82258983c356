import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/meetings/meeting.js';
import { createStore } from '../../store/create-store.js';
import { PgliteDialect, type PgliteSession } from '../../store/pglite-dialect.js';
import { openPgliteInWorker } from '../../store/pglite-in-worker.js';
import { COUNCIL } from '../support/domain-fixtures.js';

const AT = new Date('2024-05-01T01:00:00Z');

/**
 * The server's embedded database runs in a worker thread, so its queries do not stall the HTTP
 * loop (issue 13). What must not change: statements run one holder at a time, a transaction
 * commits or rolls back as a whole, PostgreSQL's error codes reach the caller, and what was
 * written is there after a close and a reopen.
 */
interface Scratch {
  note: { id: number; body: string; at: Date; doc: unknown };
}

describe('PGlite in a worker thread', () => {
  let session: PgliteSession;
  let db: Kysely<Scratch>;
  beforeAll(async () => {
    const opened = await openPgliteInWorker({});
    expect(opened.opening).toBe('in memory');
    session = opened.session;
    db = new Kysely<Scratch>({ dialect: new PgliteDialect(session) });
    await sql`create table note (id int primary key, body text not null, at timestamptz not null, doc jsonb not null)`.execute(db);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
  });

  it('returns rows with their types and the count of affected rows', async () => {
    const at = new Date('2024-05-17T03:00:00Z');
    const inserted = await db
      .insertInto('note')
      .values({ id: 1, body: '提案', at, doc: JSON.stringify({ tags: ['a'] }) })
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
    const rows = await db.selectFrom('note').selectAll().where('id', '=', 1).execute();
    expect(rows).toEqual([{ id: 1, body: '提案', at, doc: { tags: ['a'] } }]);
  });

  it('commits a transaction as a whole, and rolls one back as a whole', async () => {
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('note').values({ id: 2, body: 'two', at: new Date(), doc: '{}' }).execute();
      await tx.insertInto('note').values({ id: 3, body: 'three', at: new Date(), doc: '{}' }).execute();
    });
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto('note').values({ id: 4, body: 'four', at: new Date(), doc: '{}' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const ids = await db.selectFrom('note').select('id').orderBy('id').execute();
    expect(ids.map((row) => row.id)).toEqual([1, 2, 3]);
  });

  it('keeps statements from elsewhere out of an open transaction', async () => {
    let inside: number | undefined;
    const transaction = db.transaction().execute(async (tx) => {
      await tx.insertInto('note').values({ id: 5, body: 'five', at: new Date(), doc: '{}' }).execute();
      await new Promise((resolve) => setTimeout(resolve, 50));
      inside = (await tx.selectFrom('note').select('id').where('id', '=', 5).execute()).length;
      throw new Error('roll back');
    });
    // Queued behind the transaction: it sees the table after the rollback, not row 5 half-way.
    const outside = db.selectFrom('note').select('id').where('id', '=', 5).execute();
    await expect(transaction).rejects.toThrow('roll back');
    expect(inside).toBe(1);
    expect(await outside).toEqual([]);
  });

  it('reports a unique violation with PostgreSQL’s code and constraint, and goes on working', async () => {
    const error = await db
      .insertInto('note')
      .values({ id: 1, body: 'again', at: new Date(), doc: '{}' })
      .execute()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 'note_pkey' });
    expect((error as Error).message).toMatch(/duplicate key/);
    await expect(sql`select nothing from nowhere`.execute(db)).rejects.toMatchObject({ code: '42P01' });
    expect((await db.selectFrom('note').select('id').execute()).length).toBe(3);
  });
});

describe('the store on a data folder, through the worker', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-worker-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps what a transaction wrote across a close and a reopen, and refuses statements once closed', async () => {
    const dataDir = path.join(root, 'data');
    const store = await createStore({ dataDir });
    await store.transaction(async (tx) => {
      await tx.audit.record({ entityType: 'test', entityId: 'x', action: 'worker.kept', at: AT });
    });
    await store.close();
    expect(await store.ping()).toBe(false);

    const reopened = await createStore({ dataDir });
    try {
      expect(await reopened.ping()).toBe(true);
      expect((await reopened.repositories.audit.listFor('test', 'x')).map((entry) => entry.action)).toEqual(['worker.kept']);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('turns a key taken twice into store.conflict, writing nothing of the second transaction', async () => {
    const store = await createStore({ dataDir: path.join(root, 'conflict') });
    try {
      await store.repositories.bodies.upsert(COUNCIL);
      const meeting: Meeting = {
        id: 'm-twice',
        bodyId: COUNCIL.id,
        ordinal: 99,
        fiscalYear: 2030,
        startsAt: new Date('2030-06-03T05:00:00Z'),
        endsAt: new Date('2030-06-03T06:00:00Z'),
        agenda: [{ title: '進捗報告', kind: 'general' }],
        guests: [],
        status: 'planned',
        history: [],
        demo: false,
      };
      const write = () =>
        store.transaction(async (tx) => {
          await tx.audit.record({ entityType: 'meeting', entityId: 'm-twice', action: 'convene', at: AT });
          await tx.meetings.insert(meeting);
        });
      await write();
      await expect(write()).rejects.toMatchObject({ name: 'DomainError', code: 'store.conflict' });
      expect(await store.repositories.audit.listFor('meeting', 'm-twice')).toHaveLength(1);
    } finally {
      await store.close();
    }
  }, 120_000);
});
