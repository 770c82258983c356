import type { Body } from '../../shared/bodies/body.js';
import { conveneAuthority, isSecretariatOf } from '../../shared/bodies/convene-permission.js';
import { itemKeyOf } from '../../shared/plan/item-number.js';
import type { Repositories } from '../../shared/ports/store.js';
import { foldForSearch } from '../../shared/text/normalise.js';
import { meetingsCard } from '../cards/meetings-card.js';
import { t } from '../i18n/bot-text.js';
import { meetingViews } from '../views/meeting-view.js';
import { cardReply, textReply, type CommandHandler } from './command-turn.js';

/** How many meetings the chat list shows; the tab has the calendar. */
const UPCOMING_LIMIT = 5;

/** `本部`, `推進会議`, `hq`, `council`, or a PT's item number (`2-24`) names a body. */
export async function findBody(repos: Repositories, text: string): Promise<Body | undefined> {
  const wanted = foldForSearch(text);
  const bodies = await repos.bodies.list();
  const byName = bodies.find(
    (body) =>
      [body.id, body.name, body.shortName, body.nameEn].some((name) => foldForSearch(name) === wanted) ||
      (wanted === 'hq' && body.kind === 'hq') ||
      (wanted === 'council' && body.kind === 'council'),
  );
  if (byName) return byName;
  const key = itemKeyOf(text);
  const team = key ? await repos.projectTeams.findByItemKey(key) : undefined;
  return team ? bodies.find((body) => body.id === team.bodyId) : undefined;
}

export const meetingsCommand: CommandHandler = async (turn, argument) => {
  const repos = turn.ctx.store.repositories;
  const body = argument ? await findBody(repos, argument) : undefined;
  if (argument && !body) return textReply(t('meetings.unknownBody', turn.locale, { text: argument }));
  const now = turn.ctx.clock.now();
  const [bodies, absences] = await Promise.all([repos.bodies.list(), repos.postAbsences.list()]);
  // A draft convocation shows only to its secretariat and to whoever may issue it: members learn of it when it is issued.
  const maySeeDraft = (bodyId: string) => {
    const of = bodies.find((candidate) => candidate.id === bodyId);
    return (
      turn.staff !== undefined && of !== undefined && (isSecretariatOf(of, turn.staff) || conveneAuthority(of, turn.staff, { absences, at: now }) !== undefined)
    );
  };
  const meetings = (await repos.meetings.listUpcoming(now, { bodyId: body?.id, limit: UPCOMING_LIMIT * 2 }))
    .filter((meeting) => meeting.status !== 'cancelled' && (meeting.status !== 'prepared' || maySeeDraft(meeting.bodyId)))
    .slice(0, UPCOMING_LIMIT);
  const title = body ? t('meetings.titleFor', turn.locale, { body: body.shortName }) : t('meetings.title', turn.locale);
  return cardReply(meetingsCard({ locale: turn.locale, title, views: await meetingViews(repos, meetings, turn.staff), teamsAppId: turn.ctx.teamsAppId }));
};
