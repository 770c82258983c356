import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/meetings/meeting.js';
import type { Store } from '../../shared/ports/store.js';
import { withReadCache } from '../../store/read-cache.js';
import { COUNCIL, staffMember } from '../support/domain-fixtures.js';
import { openPgliteStore } from '../support/test-store.js';

const meeting = (id: string, ordinal: number, startsAt: string): Meeting => ({
  id,
  bodyId: COUNCIL.id,
  ordinal,
  fiscalYear: 2024,
  startsAt: new Date(startsAt),
  endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
  agenda: [],
  guests: [],
  status: 'planned',
  history: [],
  demo: false,
});

describe('the read cache in front of the store', () => {
  let database: Store;
  let clock = 0;
  /** This instance reads through the cache; `database` plays another instance writing directly. */
  let cached: Store;

  beforeAll(async () => {
    database = await openPgliteStore();
    cached = withReadCache(database, { referenceMs: 30_000, upcomingMeetingsMs: 5_000 }, () => clock);
    await database.repositories.bodies.upsert(COUNCIL);
  });
  afterAll(() => database?.close());

  it('holds at most maxEntries, dropping the least recently used person first', async () => {
    const loads: string[] = [];
    const staff = database.repositories.staff;
    const counting: Store = {
      ...database,
      repositories: {
        ...database.repositories,
        staff: { ...staff, findByEntraObjectId: (objectId) => (loads.push(objectId), staff.findByEntraObjectId(objectId)) },
      },
    };
    const bounded = withReadCache(counting, { referenceMs: 30_000, upcomingMeetingsMs: 5_000, maxEntries: 3 }, () => clock);
    for (const objectId of ['a', 'b', 'c', 'a', 'd', 'a', 'b']) await bounded.repositories.staff.findByEntraObjectId(objectId);
    // 'a' was used again before 'd' came, so 'b' was the one dropped; 'a' stayed.
    expect(loads).toEqual(['a', 'b', 'c', 'd', 'b']);
  });

  it('serves another instance’s programme change only after the reference TTL', async () => {
    expect((await cached.repositories.bodies.list())[0]?.shortName).toBe('推進会議');
    await database.repositories.bodies.upsert({ ...COUNCIL, shortName: '推進会議（改）' });
    clock += 29_000;
    expect((await cached.repositories.bodies.list())[0]?.shortName).toBe('推進会議');
    clock += 2_000;
    expect((await cached.repositories.bodies.list())[0]?.shortName).toBe('推進会議（改）');
  });

  it('shows its own writes at once: a transaction or a write empties the cache', async () => {
    await cached.repositories.bodies.list();
    await cached.transaction((tx) => tx.bodies.upsert({ ...COUNCIL, shortName: '会議A' }));
    expect((await cached.repositories.bodies.list())[0]?.shortName).toBe('会議A');
    await cached.repositories.bodies.upsert({ ...COUNCIL, shortName: '会議B' });
    expect((await cached.repositories.bodies.list())[0]?.shortName).toBe('会議B');
  });

  it('finds a newly linked staff member at once, and a deactivated one within the TTL', async () => {
    await cached.repositories.staff.upsert(staffMember({ id: 'a', entraObjectId: 'oid-a' }));
    expect((await cached.repositories.staff.findByEntraObjectId('oid-a'))?.active).toBe(true);
    await database.repositories.staff.upsert(staffMember({ id: 'a', entraObjectId: 'oid-a', active: false }));
    clock += 31_000;
    expect((await cached.repositories.staff.findByEntraObjectId('oid-a'))?.active).toBe(false);
  });

  it('lists a Teams user id recorded here at once, for the next shared card’s refresh list', async () => {
    await cached.repositories.staff.upsert(staffMember({ id: 'mri', entraObjectId: 'oid-mri' }));
    expect((await cached.repositories.staff.list()).find((person) => person.id === 'mri')?.teamsUserId).toBeUndefined();
    await cached.repositories.staff.recordTeamsUserId('mri', '29:mri');
    expect((await cached.repositories.staff.list()).find((person) => person.id === 'mri')?.teamsUserId).toBe('29:mri');
    expect((await cached.repositories.staff.findByEntraObjectId('oid-mri'))?.teamsUserId).toBe('29:mri');
  });

  it('shows an absence recorded here at once, and one recorded by another instance within the TTL', async () => {
    const absence = (id: string) => ({
      id,
      postId: 'kucho',
      kind: 'absent' as const,
      from: new Date('2024-06-01T00:00:00Z'),
      recordedByStaffId: 'a',
      recordedAt: new Date('2024-06-01T00:00:00Z'),
    });
    expect(await cached.repositories.postAbsences.list()).toEqual([]);
    await cached.transaction((tx) => tx.postAbsences.insert(absence('here')));
    expect((await cached.repositories.postAbsences.list()).map((a) => a.id)).toEqual(['here']);
    await database.repositories.postAbsences.insert(absence('there'));
    clock += 29_000;
    expect((await cached.repositories.postAbsences.list()).map((a) => a.id)).toEqual(['here']);
    clock += 2_000;
    expect((await cached.repositories.postAbsences.list()).map((a) => a.id).sort()).toEqual(['here', 'there']);
  });

  it('shows a person their own answer at once, and one given on another instance within seconds', async () => {
    clock = Date.parse('2024-05-01T00:00:00Z');
    await database.repositories.meetings.insert(meeting('r1', 11, '2024-05-05T00:00:00Z'));
    const answer = (response: 'attend' | 'absent') => ({ meetingId: 'r1', staffId: 'a', response, answeredAt: new Date(clock) });
    const mine = async () => (await cached.repositories.meetings.listRsvpsOf('a', ['r1'])).map((rsvp) => rsvp.response);
    expect(await mine()).toEqual([]);
    await cached.transaction((tx) => tx.meetings.upsertRsvp(answer('attend')));
    expect(await mine()).toEqual(['attend']);
    await database.repositories.meetings.upsertRsvp(answer('absent'));
    clock += 4_000;
    expect(await mine()).toEqual(['attend']);
    clock += 2_000;
    expect(await mine()).toEqual(['absent']);
  });

  it('keeps the upcoming meetings for seconds, dropping those that have started', async () => {
    clock = Date.parse('2024-06-01T00:00:00Z');
    await database.repositories.meetings.insert(meeting('m1', 1, '2024-06-01T00:00:03Z'));
    await database.repositories.meetings.insert(meeting('m2', 2, '2024-06-02T00:00:00Z'));
    const ids = async () => (await cached.repositories.meetings.listUpcoming(new Date(clock))).map((m) => m.id);
    expect(await ids()).toEqual(['m1', 'm2']);
    await database.repositories.meetings.insert(meeting('m3', 3, '2024-06-03T00:00:00Z'));
    clock += 4_000;
    expect(await ids()).toEqual(['m2']);
    clock += 2_000;
    expect(await ids()).toEqual(['m2', 'm3']);
  });
});
