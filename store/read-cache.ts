import type { Repositories, Store } from '../shared/ports/store.js';

export interface ReadCacheTtls {
  /**
   * Programme and directory data: bodies, PTs, units, the staff entry of an Entra object id, and
   * the recorded absences of posts (事故・欠けたとき), which decide who convenes in a chair's place.
   */
  readonly referenceMs: number;
  /** The upcoming-meetings list every `会議` command reads, and the reader's own answers to them. */
  readonly upcomingMeetingsMs: number;
  /**
   * At most this many entries (default 5,000): one per person who chats is the only key that grows,
   * so a quiet spell with many people, or tokens for many object ids, cannot grow the cache without
   * bound. The least recently used entry goes first.
   */
  readonly maxEntries?: number;
}

/**
 * Keeps what every chat turn reads in memory for a short time: the small reference lists (bodies,
 * PTs, units, post absences, the directory), the directory entry behind an Entra object id, the
 * upcoming meetings and a person's answers to them. A write
 * through this store (any transaction, or a repository write) empties the cache at once; other
 * instances see a change within the TTL. Transactions always read the database, so use cases that
 * change data never decide on a stale entry.
 */
export function withReadCache(store: Store, ttls: ReadCacheTtls, now: () => number = Date.now): Store {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, { loadedAt: number; value: Promise<unknown> }>();
  const maxEntries = ttls.maxEntries ?? 5_000;
  const cached = <T>(key: string, load: () => Promise<T>, ttlMs = ttls.referenceMs): Promise<T> => {
    const entry = entries.get(key);
    entries.delete(key);
    if (entry && now() - entry.loadedAt < ttlMs) {
      entries.set(key, entry);
      return entry.value as Promise<T>;
    }
    const value = load();
    entries.set(key, { loadedAt: now(), value });
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
    // A failed load is not remembered.
    value.catch(() => entries.delete(key));
    return value;
  };
  const emptyingAround = async <R>(write: () => Promise<R>): Promise<R> => {
    entries.clear();
    try {
      return await write();
    } finally {
      entries.clear();
    }
  };
  const invalidating =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    (...args: A) =>
      emptyingAround(() => write(...args));
  const repos = store.repositories;
  const repositories: Repositories = {
    ...repos,
    bodies: { ...repos.bodies, list: () => cached('bodies', () => repos.bodies.list()), upsert: invalidating(repos.bodies.upsert.bind(repos.bodies)) },
    units: { ...repos.units, list: () => cached('units', () => repos.units.list()), upsert: invalidating(repos.units.upsert.bind(repos.units)) },
    staff: {
      ...repos.staff,
      findByEntraObjectId: (objectId) => cached(`staff:${objectId}`, () => repos.staff.findByEntraObjectId(objectId)),
      list: () => cached('staff', () => repos.staff.list()),
      upsert: invalidating(repos.staff.upsert.bind(repos.staff)),
      linkEntraObjectId: invalidating(repos.staff.linkEntraObjectId.bind(repos.staff)),
      recordTeamsUserId: invalidating(repos.staff.recordTeamsUserId.bind(repos.staff)),
    },
    meetings: {
      ...repos.meetings,
      // Cached from the moment of the read; later calls drop what has started since.
      listUpcoming: async (from, filter = {}) => {
        const loadedFrom = new Date(now());
        const meetings = await cached(
          `upcoming:${filter.bodyId ?? ''}:${filter.limit ?? ''}`,
          () => repos.meetings.listUpcoming(loadedFrom, filter),
          ttls.upcomingMeetingsMs,
        );
        return meetings.filter((meeting) => meeting.startsAt.getTime() >= from.getTime());
      },
      listRsvpsOf: (staffId, meetingIds) =>
        cached(`rsvpsOf:${staffId}:${meetingIds.join(',')}`, () => repos.meetings.listRsvpsOf(staffId, meetingIds), ttls.upcomingMeetingsMs),
      insert: invalidating(repos.meetings.insert.bind(repos.meetings)),
      update: invalidating(repos.meetings.update.bind(repos.meetings)),
      upsertRsvp: invalidating(repos.meetings.upsertRsvp.bind(repos.meetings)),
    },
    postAbsences: {
      ...repos.postAbsences,
      list: () => cached('postAbsences', () => repos.postAbsences.list()),
      insert: invalidating(repos.postAbsences.insert.bind(repos.postAbsences)),
      update: invalidating(repos.postAbsences.update.bind(repos.postAbsences)),
    },
    projectTeams: {
      ...repos.projectTeams,
      list: () => cached('projectTeams', () => repos.projectTeams.list()),
      upsert: invalidating(repos.projectTeams.upsert.bind(repos.projectTeams)),
    },
  };
  return { ...store, repositories, transaction: (work) => emptyingAround(() => store.transaction(work)) };
}
