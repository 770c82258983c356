import type { Locale } from '../../shared/i18n/locale.js';
import type { ActionItem } from '../../shared/minutes/action-item.js';
import type { Repositories } from '../../shared/ports/store.js';
import type { ActionItemLine } from '../cards/action-item-cards.js';
import { meetingTitle } from '../cards/meetings-card.js';

/** Action items with the meeting that asked for them and their owner, in the person's language. */
export async function actionItemLines(repos: Repositories, items: readonly ActionItem[], locale: Locale): Promise<ActionItemLine[]> {
  if (items.length === 0) return [];
  const bodies = new Map((await repos.bodies.list()).map((body) => [body.id, body]));
  const units = new Map((await repos.units.list()).map((unit) => [unit.id, unit]));
  const meetings = new Map(
    (await Promise.all([...new Set(items.map((item) => item.meetingId))].map((id) => repos.meetings.get(id)))).flatMap((m) => (m ? [[m.id, m]] : [])),
  );
  const lines: ActionItemLine[] = [];
  for (const item of items) {
    const meeting = meetings.get(item.meetingId);
    const body = bodies.get(item.bodyId);
    const bodyName = body?.shortName ?? item.bodyId;
    const ownerName =
      item.owner.kind === 'unit'
        ? (units.get(item.owner.unitId)?.name ?? item.owner.unitId)
        : ((await repos.staff.get(item.owner.staffId))?.displayName ?? item.owner.staffId);
    lines.push({ item, meetingTitle: meeting ? meetingTitle({ meeting, bodyName }, locale) : item.meetingId, ownerName });
  }
  return lines;
}
