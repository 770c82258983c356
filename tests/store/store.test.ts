import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/meetings/meeting.js';
import type { ProjectTeam } from '../../shared/plan/project-team.js';
import { parseItemNumber } from '../../shared/plan/item-number.js';
import type { Proposal } from '../../shared/proposals/proposal.js';
import type { Store } from '../../shared/ports/store.js';
import { COUNCIL, FY2024_NEW_INITIATIVE_CALL, staffMember } from '../support/domain-fixtures.js';
import { STORE_VARIANTS } from '../support/test-store.js';

const AT = new Date('2024-05-01T01:00:00Z');

function meeting(overrides: Partial<Meeting> & { id: string; ordinal: number }): Meeting {
  return {
    bodyId: COUNCIL.id,
    fiscalYear: 2024,
    startsAt: new Date('2024-06-03T05:00:00Z'),
    endsAt: new Date('2024-06-03T06:00:00Z'),
    agenda: [{ title: '進捗報告', kind: 'general' }],
    guests: [],
    status: 'planned',
    history: [],
    demo: false,
    ...overrides,
  };
}

function draft(id: string, authorStaffId: string): Proposal {
  return {
    id,
    callId: FY2024_NEW_INITIATIVE_CALL.id,
    track: 'individual',
    authorStaffId,
    state: 'draft',
    title: `提案 ${id}`,
    summary: '概要',
    expectedEffect: '効果',
    createdAt: AT,
    updatedAt: AT,
  };
}

describe.each(STORE_VARIANTS)('store on $name', (variant) => {
  describe.skipIf(variant.skipReason !== undefined)(variant.skipReason ?? 'runs', () => {
    let store: Store;
    beforeAll(async () => {
      store = await variant.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('is ready once migrated', async () => {
      expect(await store.ping()).toBe(true);
    });

    it('reports created, unchanged and updated, and keeps instants as instants', async () => {
      const calls = store.repositories.calls;
      expect(await calls.upsert(FY2024_NEW_INITIATIVE_CALL)).toBe('created');
      expect(await calls.upsert({ ...FY2024_NEW_INITIATIVE_CALL })).toBe('unchanged');
      expect(await calls.upsert({ ...FY2024_NEW_INITIATIVE_CALL, title: '改題' })).toBe('updated');
      const stored = await calls.get(FY2024_NEW_INITIATIVE_CALL.id);
      expect(stored?.title).toBe('改題');
      expect(stored?.opensAt).toBeInstanceOf(Date);
      expect(stored?.tracks[1]?.closesAt.toISOString()).toBe('2024-05-17T15:00:00.000Z');
      expect(await calls.list({ fiscalYear: 2025 })).toEqual([]);
    });

    it('finds staff by UPN regardless of case and links an Entra account only once', async () => {
      const staff = store.repositories.staff;
      await staff.upsert(staffMember({ id: 'yamada', upn: 'Yamada.Taro@City.Example', postId: 'zaisei-kacho' }));
      await staff.upsert(staffMember({ id: 'sato' }));
      expect((await staff.findByUpn('yamada.taro@city.example'))?.id).toBe('yamada');
      await staff.linkEntraObjectId('yamada', 'oid-1');
      expect((await staff.findByEntraObjectId('oid-1'))?.id).toBe('yamada');
      await expect(staff.linkEntraObjectId('yamada', 'oid-2')).rejects.toThrow();
      await expect(staff.linkEntraObjectId('sato', 'oid-1')).rejects.toThrow();
      expect((await staff.listByPost('zaisei-kacho')).map((s) => s.id)).toEqual(['yamada']);
      expect(await staff.count()).toBe(2);
    });

    it('looks a PT up by any of its folded item numbers', async () => {
      await store.repositories.bodies.upsert(COUNCIL);
      const team: ProjectTeam = {
        id: 'pt-3-12',
        bodyId: COUNCIL.id,
        items: [parseItemNumber('3-12'), parseItemNumber('3‐13')],
        title: '窓口改革',
        category: 'crossDepartmental',
        topics: [{ number: 1, text: '検討' }],
        secretariatUnitIds: [],
        memberUnitIds: [],
        membersOpenEnded: true,
        unassignedUnitIds: [],
        notes: [],
        status: 'active',
        sortOrder: 1,
      };
      expect(await store.repositories.projectTeams.upsert(team)).toBe('created');
      expect((await store.repositories.projectTeams.findByItemKey('3-13'))?.items[1]?.original).toBe('3‐13');
      expect(await store.repositories.projectTeams.findByItemKey('9-99')).toBeUndefined();
    });

    it('numbers meetings per body and year and refuses a duplicate ordinal', async () => {
      const meetings = store.repositories.meetings;
      expect(await meetings.nextOrdinal(COUNCIL.id, 2024)).toBe(1);
      await meetings.insert(meeting({ id: 'm1', ordinal: 1 }));
      expect(await meetings.nextOrdinal(COUNCIL.id, 2024)).toBe(2);
      await expect(meetings.insert(meeting({ id: 'm1b', ordinal: 1 }))).rejects.toThrow();
      const upcoming = await meetings.listUpcoming(new Date('2024-06-01T00:00:00Z'), { bodyId: COUNCIL.id });
      expect(upcoming.map((m) => m.id)).toEqual(['m1']);
      expect(await meetings.listUpcoming(new Date('2024-07-01T00:00:00Z'))).toEqual([]);
    });

    it('never hands out the same receipt number twice, even to concurrent submitters', async () => {
      const sequences = await Promise.all(Array.from({ length: 12 }, () => store.repositories.proposals.nextReceiptSequence(FY2024_NEW_INITIATIVE_CALL.id)));
      expect(new Set(sequences).size).toBe(12);
      expect(Math.max(...sequences)).toBe(12);
    });

    it('refuses a key two transactions both found free as a conflict the caller can be told about, writing nothing', async () => {
      // What two concurrent first submits of one form id (or two meetings numbered at once) come to.
      await store.repositories.bodies.upsert(COUNCIL);
      const write = () =>
        store.transaction(async (tx) => {
          await tx.audit.record({ entityType: 'meeting', entityId: 'm-twice', action: 'convene', at: AT });
          await tx.meetings.insert(meeting({ id: 'm-twice', ordinal: 99, fiscalYear: 2030 }));
        });
      await write();
      await expect(write()).rejects.toMatchObject({ name: 'DomainError', code: 'store.conflict' });
      expect(await store.repositories.audit.listFor('meeting', 'm-twice')).toHaveLength(1);
    });

    it('undoes every write of a failed transaction', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.proposals.insert(draft('p-rolled-back', 'sato'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.repositories.proposals.get('p-rolled-back')).toBeUndefined();
    });

    it('filters proposals by call and state and counts them', async () => {
      await store.transaction(async (tx) => {
        await tx.proposals.insert(draft('p1', 'sato'));
        await tx.proposals.insert({ ...draft('p2', 'yamada'), state: 'submitted', receiptNumber: 'R6-新規-001' });
      });
      const proposals = store.repositories.proposals;
      expect((await proposals.list({ callId: FY2024_NEW_INITIATIVE_CALL.id, states: ['submitted'] })).map((p) => p.id)).toEqual(['p2']);
      expect(await proposals.countByCall(FY2024_NEW_INITIATIVE_CALL.id)).toBe(2);
      expect(await proposals.countByCall(FY2024_NEW_INITIATIVE_CALL.id, ['draft'])).toBe(1);
      expect((await proposals.listByAuthor('sato')).map((p) => p.id)).toEqual(['p1']);
      await expect(proposals.insert({ ...draft('p3', 'sato'), receiptNumber: 'R6-新規-001' })).rejects.toThrow();
      await proposals.addReviewNote({ proposalId: 'p2', authorStaffId: 'sato', text: '要ヒアリング', at: AT });
      expect(await proposals.listReviewNotes('p2')).toEqual([{ authorStaffId: 'sato', text: '要ヒアリング', at: AT }]);
    });

    it('keeps one RSVP per person and meeting, the latest answer winning', async () => {
      const meetings = store.repositories.meetings;
      await meetings.upsertRsvp({ meetingId: 'm1', staffId: 'sato', response: 'attend', answeredAt: AT });
      await meetings.upsertRsvp({ meetingId: 'm1', staffId: 'sato', response: 'proxy', proxyName: '鈴木', answeredAt: AT });
      expect(await meetings.listRsvps('m1')).toEqual([{ meetingId: 'm1', staffId: 'sato', response: 'proxy', proxyName: '鈴木', answeredAt: AT }]);
    });

    it('claims an idempotency key once', async () => {
      expect(await store.repositories.idempotency.claim('activity:abc', AT)).toBe(true);
      expect(await store.repositories.idempotency.claim('activity:abc', AT)).toBe(false);
    });

    it('claims each key once when many arrive together, a resend in the same moment included', async () => {
      const keys = Array.from({ length: 120 }, (_, index) => `activity:burst-${index}`);
      // Every key twice at once (Teams resending while the first is in flight), then all again later.
      const together = await Promise.all([...keys, ...keys].map((key) => store.repositories.idempotency.claim(key, AT)));
      expect(together.slice(0, keys.length)).toEqual(keys.map(() => true));
      expect(together.slice(keys.length)).toEqual(keys.map(() => false));
      const later = await Promise.all(keys.map((key) => store.repositories.idempotency.claim(key, AT)));
      expect(later.every((first) => !first)).toBe(true);
      // Inside a transaction the claim commits (or rolls back) with the work.
      await expect(
        store.transaction(async (tx) => {
          expect(await tx.idempotency.claim('activity:rolled-back', AT)).toBe(true);
          throw new Error('the work failed');
        }),
      ).rejects.toThrow('the work failed');
      expect(await store.repositories.idempotency.claim('activity:rolled-back', AT)).toBe(true);
    });

    it('keeps one application per person and project', async () => {
      const recruitment = store.repositories.recruitment;
      await recruitment.upsertProject({
        id: 'rp1',
        fiscalYear: 2024,
        title: 'テーマ',
        description: '説明',
        perspective: 'crossCutting',
        opensAt: AT,
        closesAt: new Date('2024-06-01T00:00:00Z'),
        status: 'recruiting',
        demo: false,
      });
      const first = await recruitment.insertApplication({
        id: 'a1',
        projectId: 'rp1',
        staffId: 'sato',
        desiredRole: 'member',
        motivation: '意欲',
        gradeAtApplication: 'staff',
        state: 'applied',
        appliedAt: AT,
      });
      const again = await recruitment.insertApplication({ ...first, id: 'a2', motivation: '再送' });
      expect(again.id).toBe('a1');
      expect(await recruitment.listApplications('rp1')).toHaveLength(1);
    });

    it('records audit entries in order with their before and after', async () => {
      await store.repositories.audit.record({ entityType: 'proposal', entityId: 'p2', action: 'submit', at: AT, after: { state: 'submitted', at: AT } });
      const entries = await store.repositories.audit.listFor('proposal', 'p2');
      expect(entries).toHaveLength(1);
      expect(entries[0]?.after).toEqual({ state: 'submitted', at: AT });
    });

    it('keeps one set of minutes per meeting, and inserts each action item once with its due date as a date', async () => {
      await store.repositories.bodies.upsert(COUNCIL);
      await store.repositories.meetings.insert(meeting({ id: 'm-minutes', ordinal: 41, fiscalYear: 2031 }));
      const minutes = {
        meetingId: 'm-minutes',
        bodyId: COUNCIL.id,
        status: 'draft' as const,
        attendance: [{ staffId: 's1', mark: 'present' as const }],
        guestsPresent: [],
        summaries: [{ agendaIndex: 0, summary: '報告を受けた。' }],
        decisions: [],
        updatedAt: AT,
        updatedByStaffId: 's1',
      };
      await store.repositories.minutes.save(minutes);
      await store.repositories.minutes.save({ ...minutes, status: 'confirmed', confirmedAt: AT, confirmedByStaffId: 's2' });
      expect(await store.repositories.minutes.list({ bodyIds: [COUNCIL.id] })).toHaveLength(1);
      expect(await store.repositories.minutes.get('m-minutes')).toMatchObject({ status: 'confirmed', confirmedAt: AT });
      expect(await store.repositories.minutes.list({ status: 'draft' })).toEqual([]);

      const item = {
        id: 'm-minutes:d1:0',
        meetingId: 'm-minutes',
        bodyId: COUNCIL.id,
        decisionId: 'd1',
        title: '調査',
        owner: { kind: 'staff' as const, staffId: 's1' },
        dueOn: '2031-06-14',
        status: 'open' as const,
        createdAt: AT,
      };
      expect(await store.repositories.actionItems.insertNew([item, { ...item, id: 'm-minutes:d1:1', dueOn: '2031-06-01' }])).toBe(2);
      expect(await store.repositories.actionItems.insertNew([{ ...item, title: '二度目' }])).toBe(0);
      const open = await store.repositories.actionItems.list({ meetingId: 'm-minutes', status: 'open' });
      expect(open.map((entry) => [entry.id, entry.dueOn, entry.title])).toEqual([
        ['m-minutes:d1:1', '2031-06-01', '調査'],
        ['m-minutes:d1:0', '2031-06-14', '調査'],
      ]);
      await store.repositories.actionItems.update({ ...item, status: 'done', doneAt: AT, doneByStaffId: 's1' });
      expect((await store.repositories.actionItems.list({ meetingId: 'm-minutes', status: 'open' })).map((entry) => entry.id)).toEqual(['m-minutes:d1:1']);
    });
  });
});
