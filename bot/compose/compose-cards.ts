import { TRACK_LABELS, PROPOSAL_STATE_LABELS } from '../../shared/i18n/labels.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { displayItemNumbers } from '../../shared/plan/project-team.js';
import type { Repositories } from '../../shared/ports/store.js';
import { formatTimeRange } from '../../shared/time/index.js';
import { composeItemRoute, type ComposeItem } from '../../shared/use-cases/compose-search.js';
import type { Staff } from '../../shared/organisation/staff.js';
import { callCard, trackCountdown } from '../cards/calls-card.js';
import type { AdaptiveCard } from '../cards/card-kit.js';
import { meetingCard, meetingTitle, type MeetingView } from '../cards/meetings-card.js';
import { practiceCard } from '../cards/practices-card.js';
import { proposalCard } from '../cards/proposal-cards.js';
import { ptDetailCard } from '../cards/pt-cards.js';
import { t } from '../i18n/bot-text.js';
import { meetingViews } from '../views/meeting-view.js';
import { rosterUserIds } from '../views/roster.js';

/** What one result is shown as: the line in Teams' result list, and the card sent into the conversation. */
export interface ComposeResult {
  readonly preview: { readonly title: string; readonly text: string };
  readonly card: AdaptiveCard;
}

export interface ComposeCardContext {
  readonly repos: Repositories;
  readonly locale: Locale;
  readonly viewer: Staff;
  readonly now: Date;
  readonly teamsAppId?: string | undefined;
}

/** A preview line is one line: longer text is cut with an ellipsis. */
const PREVIEW_LENGTH = 80;

/**
 * Builds the card and the preview line of each item. The cards are the ones the bot sends
 * elsewhere, in their shared form: nothing on them depends on who shares them (no "your RSVP",
 * no "your unit"), and a meeting card lists its roster for Teams to refresh it for each of them,
 * as the convocation notice does, so RSVP buttons answer for whoever presses them.
 */
export async function composeResults(context: ComposeCardContext, items: readonly ComposeItem[]): Promise<ComposeResult[]> {
  const units = items.some((item) => item.kind === 'pt')
    ? new Map((await context.repos.units.list()).map((unit) => [unit.id, unit.name]))
    : new Map<string, string>();
  const results: ComposeResult[] = [];
  for (const item of items) results.push(await composeResult(context, item, units));
  return results;
}

async function composeResult(context: ComposeCardContext, item: ComposeItem, units: ReadonlyMap<string, string>): Promise<ComposeResult> {
  const { repos, locale, teamsAppId, now } = context;
  const route = composeItemRoute(item, context.viewer);
  switch (item.kind) {
    case 'pt': {
      const { team } = item;
      const reports = await repos.projectTeams.listProgressReports(team.id);
      const lastProgress = [...reports].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime()).at(-1);
      return {
        preview: {
          title: `${displayItemNumbers(team)} ${team.title}`,
          text: kindLine(locale, 'compose.kindPt', t(team.category === 'threeLayer' ? 'pts.threeLayer' : 'pts.crossDepartmental', locale)),
        },
        card: ptDetailCard({ locale, detail: { team, unitName: (id) => units.get(id) ?? id, lastProgress }, teamsAppId }),
      };
    }
    case 'practice': {
      const { practice } = item.entry;
      return {
        preview: { title: `${practice.number}. ${practice.title}`, text: kindLine(locale, 'compose.kindPractice', practice.summary) },
        card: practiceCard({ locale, entry: item.entry, teamsAppId }),
      };
    }
    case 'meeting': {
      const { meeting } = item;
      const [view] = await meetingViews(repos, [meeting], undefined);
      const shared: MeetingView = { ...view!, mayAnswer: meeting.status === 'convened', forConversation: true };
      return {
        preview: {
          title: meetingTitle(shared, locale),
          text: kindLine(locale, 'compose.kindMeeting', formatTimeRange(meeting.startsAt, meeting.endsAt, locale), meeting.place),
        },
        card: meetingCard({ locale, view: shared, refreshUserIds: await rosterUserIds(repos, meeting), teamsAppId }),
      };
    }
    case 'call': {
      const { call } = item;
      const next = call.tracks.filter((track) => track.closesAt > now).sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())[0] ?? call.tracks[0];
      return {
        preview: {
          title: call.title,
          text: kindLine(locale, 'compose.kindCall', next ? `${TRACK_LABELS[next.kind][locale]} ${trackCountdown(next.closesAt, now, locale)}` : undefined),
        },
        card: callCard({ locale, call, now, teamsAppId }),
      };
    }
    case 'proposal': {
      const { proposal } = item;
      return {
        preview: {
          title: proposal.title || '—',
          text: kindLine(locale, 'compose.kindProposal', PROPOSAL_STATE_LABELS[proposal.state][locale], proposal.receiptNumber, item.authorName),
        },
        card: proposalCard({ locale, proposal, call: item.call, authorName: item.authorName, appRoute: route, teamsAppId }),
      };
    }
  }
}

/** `会議 · 令和6年6月3日（月）14:00〜15:00 · 第1委員会室`: what the item is, then what tells it apart. */
function kindLine(locale: Locale, kind: Parameters<typeof t>[0], ...parts: readonly (string | undefined)[]): string {
  const line = [t(kind, locale), ...parts.filter((part): part is string => Boolean(part?.trim()))].join(' · ').replace(/\s+/g, ' ');
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}
