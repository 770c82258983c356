import type { ManualClock } from '../../shared/time/clock.js';
import type { PlannedAction } from '../../shared/minutes/minutes.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { conveneMeeting } from '../../shared/use-cases/meeting-convocation.js';
import { confirmMinutes, saveMinutes } from '../../shared/use-cases/meeting-minutes.js';

const jst = (text: string) => new Date(`${text}+09:00`);

/**
 * An HQ meeting on 20 May 2024 that the 区長 convened and chaired, whose minutes the secretariat
 * recorded the next day with one decision on PT 2-24 asking for `actions`, confirmed by the 区長.
 * Leaves the clock on 21 May 2024, 10:00 JST.
 */
export async function confirmedHqMeetingWithActions(
  ctx: UseCaseContext,
  clock: ManualClock,
  meetingId: string,
  actions: readonly PlannedAction[],
): Promise<Meeting> {
  const byUpn = async (upn: string) => (await ctx.store.repositories.staff.findByUpn(upn))!;
  const [mayor, secretary] = await Promise.all(['kucho@example.jp', 'seisaku-kikaku.jimukyoku@example.jp'].map(byUpn));
  const meeting = await conveneMeeting(ctx, mayor!, {
    meetingId,
    bodyId: 'hq',
    startsAt: jst('2024-05-20T10:00:00'),
    endsAt: jst('2024-05-20T11:00:00'),
    agenda: [{ title: 'PT 2-24 の進捗', kind: 'ptProgress', ptId: 'pt-2-24' }],
    guests: [],
  });
  clock.set(jst('2024-05-21T10:00:00'));
  await saveMinutes(ctx, secretary!, meeting.id, {
    attendance: [{ staffId: mayor!.id, mark: 'present' }],
    guestsPresent: [],
    summaries: [],
    decisions: [
      { id: 'd1', agendaIndex: 0, text: '費用対効果を報告すること。', subject: { kind: 'pt', ptId: 'pt-2-24', concern: 'reportRequested' }, actions },
    ],
  });
  await confirmMinutes(ctx, mayor!, meeting.id);
  return meeting;
}
