import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../shared/organisation/staff.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { cancelMeeting, conveneMeeting, issueConvocation, prepareConvocation, rescheduleMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { endRecordedPostAbsence, listPostAbsences, recordPostAbsence } from '../../shared/use-cases/post-absences.js';
import { staffMember } from '../support/domain-fixtures.js';
import { openPgliteStore } from '../support/test-store.js';
import { NOW, seedProgramme, STAFF } from '../tab/support/tab-world.js';

/** A 主任 (chief) of 政策企画課: the 庶務 unit, but no power to call HQ. */
const CLERK_CHIEF: Staff = staffMember({ id: 'clerk-chief', displayName: '企画 主任', unitId: 'seisaku-kikaku-ka', grade: 'chief' });
const HOUR = 3_600_000;

const details = (meetingId: string, bodyId = 'hq') => ({
  meetingId,
  bodyId,
  startsAt: new Date('2024-07-19T10:00:00+09:00'),
  endsAt: new Date('2024-07-19T11:00:00+09:00'),
  place: '第1委員会室',
  agenda: [{ title: 'ＰＴ進捗報告', kind: 'general' as const }],
  guests: [{ name: '外部 有識者', affiliation: '大学' }, { name: '民間 委員' }],
});

describe('who convenes HQ and the council, and who acts for the chair (要綱 art. 3–5, 7)', () => {
  let ctx: UseCaseContext;
  let clock: ManualClock;
  let counter = 0;
  const repos = () => ctx.store.repositories;
  const outboxOf = async (meetingId: string) => repos().outbox.listFor(meetingId, ['pending', 'sending', 'sent', 'failed', 'skipped']);

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    ctx = { store: await openPgliteStore(), clock, newId: () => `id-${++counter}` };
    await seedProgramme(ctx);
    await repos().staff.upsert(CLERK_CHIEF);
    const chat = (conversationId: string, kind: 'personal' | 'channel', staffId?: string) =>
      repos().conversations.upsert({
        conversationId,
        kind,
        serviceUrl: 'https://smba.example/',
        tenantId: 't',
        botId: '28:bot',
        staffId,
        locale: 'ja',
        active: true,
        updatedAt: NOW,
      });
    await chat('a:mayor', 'personal', 'mayor');
    await chat('a:deputy1', 'personal', 'deputy1');
    await chat('19:hq-channel', 'channel');
    await repos().subscriptions.save({ conversationId: '19:hq-channel', kinds: ['convocations', 'meetingReminders'], bodyId: 'hq', updatedAt: NOW });
  });
  afterAll(() => ctx?.store.close());
  beforeEach(() => clock.set(NOW));

  it('lets the mayor convene HQ directly (art. 4)', async () => {
    const meeting = await conveneMeeting(ctx, STAFF.mayor, details('direct'));
    expect(meeting).toMatchObject({ status: 'convened', convenedByStaffId: 'mayor' });
    expect((await outboxOf('direct')).map((row) => row.payload.type)).toContain('convocation');
  });

  it.each([
    ['a 主任 of 政策企画課', CLERK_CHIEF],
    ['a 係長 of 政策企画課', STAFF.secretary],
    ['an administrator', STAFF.admin],
    ['the 2nd-rank deputy mayor', STAFF.deputy2],
    ['the 1st-rank deputy mayor while the mayor is present', STAFF.deputy1],
  ])('refuses %s convening HQ, and writes nothing (art. 4)', async (_who, actor) => {
    await expect(conveneMeeting(ctx, actor, details(`refused-${actor.id}`))).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneHq' });
    expect(await repos().meetings.get(`refused-${actor.id}`)).toBeUndefined();
  });

  it('lets only the 議長 convene the council; an administrator may not (art. 5(3))', async () => {
    await expect(conveneMeeting(ctx, STAFF.planningChief, details('council-1', 'council'))).resolves.toMatchObject({ status: 'convened' });
    await expect(conveneMeeting(ctx, STAFF.admin, details('council-admin', 'council'))).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneCouncil' });
    await expect(
      rescheduleMeeting(ctx, STAFF.admin, {
        meetingId: 'council-1',
        startsAt: new Date('2024-07-22T10:00:00+09:00'),
        endsAt: new Date('2024-07-22T11:00:00+09:00'),
      }),
    ).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneCouncil' });
    await expect(cancelMeeting(ctx, STAFF.secretary, 'council-1')).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneCouncil' });
  });

  it('lets the secretariat prepare an HQ convocation that sends nothing to members, only an issue notice to the chair (art. 7)', async () => {
    const prepared = await prepareConvocation(ctx, CLERK_CHIEF, details('draft-1'));
    expect(prepared).toMatchObject({ status: 'prepared', preparedByStaffId: 'clerk-chief' });
    expect(prepared.convenedByStaffId).toBeUndefined();
    const rows = await outboxOf('draft-1');
    expect(rows).toEqual([]);
    const notices = await repos().notices.listForSubject('draft-1');
    expect(notices.map((notice) => [notice.staffId, notice.subject.type])).toEqual([['mayor', 'convocationToIssue']]);
    const delivery = await repos().outbox.listFor(notices[0]!.id, ['pending']);
    expect(delivery.map((row) => row.conversationId)).toEqual(['a:mayor']);
    expect((await repos().audit.listFor('meeting', 'draft-1')).map((entry) => [entry.action, entry.actorStaffId])).toEqual([['prepare', 'clerk-chief']]);
  });

  it('refuses an administrator or a member of staff outside the secretariat preparing a convocation', async () => {
    await expect(prepareConvocation(ctx, STAFF.admin, details('draft-admin'))).rejects.toMatchObject({ code: 'meeting.notAllowedToPrepare' });
    await expect(prepareConvocation(ctx, STAFF.author, details('draft-author'))).rejects.toMatchObject({ code: 'meeting.notAllowedToPrepare' });
  });

  it('lets the secretariat move or withdraw its own draft silently, but not an issued convocation', async () => {
    await prepareConvocation(ctx, STAFF.secretary, details('draft-moved'));
    const moved = await rescheduleMeeting(ctx, STAFF.secretary, {
      meetingId: 'draft-moved',
      startsAt: new Date('2024-07-20T10:00:00+09:00'),
      endsAt: new Date('2024-07-20T11:00:00+09:00'),
    });
    expect(moved.status).toBe('prepared');
    expect(await outboxOf('draft-moved')).toEqual([]);
    expect((await cancelMeeting(ctx, STAFF.secretary, 'draft-moved')).status).toBe('cancelled');
    expect(await outboxOf('draft-moved')).toEqual([]);
    await expect(cancelMeeting(ctx, STAFF.secretary, 'direct')).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneHq' });
  });

  it('lets only the chair decide the guests: the issuer confirms the proposed ones, and then members are told (art. 4(2))', async () => {
    await expect(issueConvocation(ctx, STAFF.secretary, { meetingId: 'draft-1', guests: [] })).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneHq' });
    await expect(issueConvocation(ctx, STAFF.admin, { meetingId: 'draft-1', guests: [] })).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneHq' });
    expect(await outboxOf('draft-1')).toEqual([]);
    const issued = await issueConvocation(ctx, STAFF.mayor, { meetingId: 'draft-1', guests: [{ name: '外部 有識者', affiliation: '大学' }] });
    expect(issued).toMatchObject({ status: 'convened', convenedByStaffId: 'mayor', guests: [{ name: '外部 有識者', affiliation: '大学' }] });
    const rows = await outboxOf('draft-1');
    expect(rows.filter((row) => row.payload.type === 'convocation').map((row) => row.conversationId)).toEqual(['19:hq-channel']);
    expect((await repos().audit.listFor('meeting', 'draft-1')).map((entry) => entry.action)).toEqual(['prepare', 'issue']);
    // A second press returns the issued meeting; it is not issued twice.
    await expect(issueConvocation(ctx, STAFF.mayor, { meetingId: 'draft-1', guests: [] })).resolves.toMatchObject({ guests: [{ name: '外部 有識者' }] });
    expect((await outboxOf('draft-1')).filter((row) => row.payload.type === 'convocation')).toHaveLength(1);
  });

  it('lets the council’s secretariat prepare and only the 議長 issue (art. 5(3)(4))', async () => {
    await prepareConvocation(ctx, STAFF.secretary, details('council-draft', 'council'));
    expect((await repos().notices.listForSubject('council-draft')).map((notice) => notice.staffId)).toEqual(['planning-chief']);
    await expect(issueConvocation(ctx, STAFF.mayor, { meetingId: 'council-draft', guests: [] })).rejects.toMatchObject({
      code: 'meeting.notAllowedToConveneCouncil',
    });
    await expect(issueConvocation(ctx, STAFF.planningChief, { meetingId: 'council-draft', guests: [] })).resolves.toMatchObject({
      status: 'convened',
      guests: [],
    });
  });

  describe('while the 本部長 is absent or the post vacant (art. 3(3)(4))', () => {
    it('lets only the secretariat or an admin record an absence, audited', async () => {
      await expect(recordPostAbsence(ctx, STAFF.deputy1, { postId: 'kucho', kind: 'absent', from: NOW })).rejects.toMatchObject({ code: 'absence.notAllowed' });
      await expect(recordPostAbsence(ctx, STAFF.mayor, { postId: 'kucho', kind: 'absent', from: NOW })).rejects.toMatchObject({ code: 'absence.notAllowed' });
      await expect(recordPostAbsence(ctx, STAFF.secretary, { postId: 'no-such-post', kind: 'absent', from: NOW })).rejects.toMatchObject({
        code: 'absence.unknownPost',
      });
      await expect(listPostAbsences(ctx, STAFF.author)).rejects.toMatchObject({ code: 'absence.notAllowed' });
      expect(await repos().postAbsences.list()).toEqual([]);
    });

    it('lets the 1st-rank deputy mayor convene HQ while the mayor is absent (art. 3(4)), and not after', async () => {
      const absence = await recordPostAbsence(ctx, STAFF.secretary, {
        postId: 'kucho',
        kind: 'absent',
        from: NOW,
        until: new Date(NOW.getTime() + 48 * HOUR),
        note: '海外出張',
      });
      expect((await repos().audit.listFor('postAbsence', absence.id)).map((entry) => [entry.action, entry.actorStaffId])).toEqual([['record', 'secretary']]);
      await expect(conveneMeeting(ctx, STAFF.deputy1, details('acting-1'))).resolves.toMatchObject({ status: 'convened', convenedByStaffId: 'deputy1' });
      await expect(conveneMeeting(ctx, STAFF.mayor, details('mayor-away'))).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneHq' });
      await expect(conveneMeeting(ctx, STAFF.deputy2, details('deputy2-away'))).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneHq' });
      clock.set(new Date(NOW.getTime() + 48 * HOUR));
      await expect(conveneMeeting(ctx, STAFF.deputy1, details('acting-late'))).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneHq' });
      await expect(conveneMeeting(ctx, STAFF.mayor, details('mayor-back'))).resolves.toMatchObject({ status: 'convened' });
    });

    it('sends a draft prepared while the mayor is absent to the acting chair, who issues it and decides its guests (art. 3(4), 4(2))', async () => {
      const absence = await recordPostAbsence(ctx, STAFF.admin, { postId: 'kucho', kind: 'vacant', from: NOW });
      await prepareConvocation(ctx, STAFF.secretary, details('acting-draft'));
      expect((await repos().notices.listForSubject('acting-draft')).map((notice) => notice.staffId)).toEqual(['deputy1']);
      await expect(issueConvocation(ctx, STAFF.mayor, { meetingId: 'acting-draft', guests: [] })).rejects.toMatchObject({
        code: 'meeting.notAllowedToConveneHq',
      });
      await expect(issueConvocation(ctx, STAFF.deputy1, { meetingId: 'acting-draft', guests: [{ name: '民間 委員' }] })).resolves.toMatchObject({
        convenedByStaffId: 'deputy1',
        guests: [{ name: '民間 委員' }],
      });
      // The acting chair moves what they issued while it lasts; once the post is filled, the chair does.
      await expect(
        rescheduleMeeting(ctx, STAFF.deputy1, {
          meetingId: 'acting-draft',
          startsAt: new Date('2024-07-22T10:00:00+09:00'),
          endsAt: new Date('2024-07-22T11:00:00+09:00'),
        }),
      ).resolves.toMatchObject({ status: 'convened' });
      // Past the earlier 48-hour absence too, so only this vacancy is left to end.
      clock.advance(48 * HOUR);
      const ended = await endRecordedPostAbsence(ctx, STAFF.secretary, absence.id);
      expect(ended.endedByStaffId).toBe('secretary');
      await expect(cancelMeeting(ctx, STAFF.deputy1, 'acting-draft')).rejects.toMatchObject({ code: 'meeting.notAllowedToConveneHq' });
      await expect(endRecordedPostAbsence(ctx, STAFF.secretary, absence.id)).rejects.toMatchObject({ code: 'absence.alreadyEnded' });
      expect((await repos().audit.listFor('postAbsence', absence.id)).map((entry) => entry.action)).toEqual(['record', 'end']);
    });
  });
});
