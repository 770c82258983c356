import { rolesOf } from '../access/programme-roles.js';
import type { Body } from '../bodies/body.js';
import { isCallOpen, type ProposalCall } from '../calls/proposal-call.js';
import type { TabRoute } from '../links/tab-links.js';
import { isExpectedAttendee } from '../meetings/attendance.js';
import type { Meeting } from '../meetings/meeting.js';
import type { Staff } from '../organisation/staff.js';
import { itemKeyOf } from '../plan/item-number.js';
import { searchProjectTeams } from '../plan/project-team-search.js';
import { displayItemNumbers, type ProjectTeam } from '../plan/project-team.js';
import type { Proposal } from '../proposals/proposal.js';
import { matchesEveryTerm } from '../text/search-match.js';
import type { UseCaseContext } from './context.js';
import { searchPractices, type PracticeWithInterest } from './practice-catalogue.js';

/**
 * What a person may put into a conversation from the app (the Teams search message extension, a
 * pasted tab link): PTs, good practices, meetings, calls for proposals and proposals, each as it
 * stands now. Whatever is found here is shown to everyone in that conversation, so it is only what
 * the person may see in the tab, and narrower where sharing would tell others more than they may
 * know: a draft convocation (seen in the tab by its secretariat and chair only) is never offered,
 * nor anyone else's proposal that was not submitted.
 */
export type ComposeItem =
  | { readonly kind: 'pt'; readonly team: ProjectTeam }
  | { readonly kind: 'practice'; readonly entry: PracticeWithInterest }
  | { readonly kind: 'meeting'; readonly meeting: Meeting }
  | { readonly kind: 'call'; readonly call: ProposalCall }
  | {
      readonly kind: 'proposal';
      readonly proposal: Proposal;
      readonly call?: ProposalCall | undefined;
      /** The author's name when the viewer is not the author (the secretariat sharing one). */
      readonly authorName?: string | undefined;
    };

export type ComposeItemKind = ComposeItem['kind'];

/** An item by kind and id: what a search result carries so that choosing it fetches it again. */
export interface ComposeItemRef {
  readonly kind: ComposeItemKind;
  readonly id: string;
}

/** Teams shows at most 25 results of a message-extension query. */
export const COMPOSE_RESULT_LIMIT = 25;

/** How many of the person's next meetings an empty query offers. */
const DEFAULT_MEETINGS = 10;

const COMPOSE_KINDS: ReadonlySet<string> = new Set<ComposeItemKind>(['pt', 'practice', 'meeting', 'call', 'proposal']);

export function isComposeItemKind(value: unknown): value is ComposeItemKind {
  return typeof value === 'string' && COMPOSE_KINDS.has(value);
}

export function composeItemRef(item: ComposeItem): ComposeItemRef {
  switch (item.kind) {
    case 'pt':
      return { kind: 'pt', id: item.team.id };
    case 'practice':
      return { kind: 'practice', id: item.entry.practice.id };
    case 'meeting':
      return { kind: 'meeting', id: item.meeting.id };
    case 'call':
      return { kind: 'call', id: item.call.id };
    case 'proposal':
      return { kind: 'proposal', id: item.proposal.id };
  }
}

/** The tab page that shows an item (the deep link of its card). */
export function composeItemRoute(item: ComposeItem, viewer: Staff): TabRoute {
  switch (item.kind) {
    case 'pt':
      return { page: 'pts', id: item.team.id };
    case 'practice':
      return { page: 'practices', id: item.entry.practice.id };
    case 'meeting':
      return { page: 'meetings', id: item.meeting.id };
    case 'call':
      // The tab has no page per call: its proposals page lists them and takes proposals.
      return { page: 'proposals' };
    case 'proposal':
      if (item.proposal.authorStaffId !== viewer.id) return { page: 'review' };
      return item.proposal.state === 'draft' ? { page: 'proposals', id: item.proposal.id } : { page: 'proposals' };
  }
}

/** A meeting that may be shared: any but a draft convocation, which its members learn of when it is issued. */
const isShareableMeeting = (meeting: Meeting) => meeting.status !== 'prepared';

/** Calls the tab lists: published ones. */
const isPublished = (call: ProposalCall) => call.status === 'published';

/**
 * Whether the viewer may see and share a proposal: their own in any state; someone else's only
 * when the viewer reviews proposals (HQ secretariat, administrators) and it was submitted.
 */
function mayShareProposal(proposal: Proposal, viewer: Staff, reviewer: boolean): boolean {
  if (proposal.authorStaffId === viewer.id) return true;
  return reviewer && proposal.state !== 'draft' && proposal.submittedAt !== undefined;
}

function isReviewer(viewer: Staff, bodies: readonly Body[]): boolean {
  const roles = rolesOf(viewer, bodies);
  return roles.secretariat || roles.admin;
}

/**
 * Searches what the viewer may share. A plan item number in any form (`２‐２４`, `2-24`, `3-13`)
 * finds its PT first, then the PT's coming meetings and the proposals naming the item; words
 * search PTs, coming meetings, open calls, good practices and proposals, folding width, case,
 * dashes and okurigana. No words: the viewer's next meetings, the open calls, then the viewer's
 * own proposals. `skip` and `count` page through the results, at most 25 at a time.
 */
export async function searchForCompose(
  ctx: UseCaseContext,
  viewer: Staff,
  query: string,
  page: { readonly skip?: number | undefined; readonly count?: number | undefined } = {},
): Promise<ComposeItem[]> {
  const repos = ctx.store.repositories;
  const now = ctx.clock.now();
  const words = query.trim();
  const [bodies, teams, calls, upcoming] = await Promise.all([
    repos.bodies.list(),
    repos.projectTeams.list(),
    repos.calls.list(),
    repos.meetings.listUpcoming(now, { limit: 200 }),
  ]);
  const bodyById = new Map(bodies.map((body) => [body.id, body]));
  const teamOfBody = new Map(teams.map((team) => [team.bodyId, team]));
  const callById = new Map(calls.map((call) => [call.id, call]));
  const reviewer = isReviewer(viewer, bodies);
  const coming = upcoming.filter((meeting) => isShareableMeeting(meeting) && meeting.status !== 'cancelled');
  const openCalls = calls.filter((call) => isPublished(call) && isCallOpen(call, now));
  const ownProposals = async () => (await repos.proposals.listByAuthor(viewer.id)).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const proposalItem = (proposal: Proposal): ComposeItem => ({ kind: 'proposal', proposal, call: callById.get(proposal.callId) });

  const found: ComposeItem[] = [];
  if (!words) {
    const mine = coming.filter((meeting) => {
      const body = bodyById.get(meeting.bodyId);
      return body !== undefined && isExpectedAttendee(body, viewer, teamOfBody.get(body.id));
    });
    found.push(
      ...mine.slice(0, DEFAULT_MEETINGS).map((meeting): ComposeItem => ({ kind: 'meeting', meeting })),
      ...openCalls.map((call): ComposeItem => ({ kind: 'call', call })),
      ...(await ownProposals()).map(proposalItem),
    );
    return paged(found, page);
  }

  const key = itemKeyOf(words);
  const byItem = key ? await repos.projectTeams.findByItemKey(key) : undefined;
  const matchedTeams = byItem ? [byItem] : searchProjectTeams(teams, words);
  const meetingFields = (meeting: Meeting) => {
    const body = bodyById.get(meeting.bodyId);
    const team = teamOfBody.get(meeting.bodyId);
    return [
      body?.name ?? '',
      body?.shortName ?? '',
      body?.nameEn ?? '',
      team ? `${displayItemNumbers(team)} ${team.title}` : '',
      meeting.place ?? '',
      ...meeting.agenda.map((item) => item.title),
    ];
  };
  const ofTeam = (meeting: Meeting, team: ProjectTeam) => meeting.bodyId === team.bodyId || meeting.agenda.some((item) => item.ptId === team.id);
  const meetings = byItem ? coming.filter((meeting) => ofTeam(meeting, byItem)) : coming.filter((meeting) => matchesEveryTerm(meetingFields(meeting), words));

  const others = reviewer ? (await repos.proposals.list()).filter((proposal) => proposal.authorStaffId !== viewer.id) : [];
  const shareable = [...(await ownProposals()), ...others].filter((proposal) => mayShareProposal(proposal, viewer, reviewer));
  const proposalMatches = (proposal: Proposal) =>
    key ? proposal.relatedItemKey === key : matchesEveryTerm([proposal.title, proposal.summary, proposal.receiptNumber ?? ''], words);
  const authors = new Map((reviewer ? await repos.staff.list() : []).map((person) => [person.id, person.displayName]));

  found.push(
    ...matchedTeams.map((team): ComposeItem => ({ kind: 'pt', team })),
    ...meetings.map((meeting): ComposeItem => ({ kind: 'meeting', meeting })),
    ...(key ? [] : openCalls.filter((call) => matchesEveryTerm([call.title], words)).map((call): ComposeItem => ({ kind: 'call', call }))),
    ...(key ? [] : (await searchPractices(ctx, words)).map((entry): ComposeItem => ({ kind: 'practice', entry }))),
    ...shareable.filter(proposalMatches).map((proposal) => withAuthor(proposalItem(proposal), viewer, authors)),
  );
  return paged(found, page);
}

/**
 * One item by kind and id, if the viewer may share it (the same rules as the search): what a
 * chosen search result or a pasted tab link becomes. Unknown or not for this viewer: `undefined`.
 */
export async function findComposeItem(ctx: UseCaseContext, viewer: Staff, ref: ComposeItemRef): Promise<ComposeItem | undefined> {
  const repos = ctx.store.repositories;
  switch (ref.kind) {
    case 'pt': {
      // The tab names a PT by its id (`pt-2-24`); a link typed by hand may name its item number.
      const key = itemKeyOf(ref.id);
      const team = (await repos.projectTeams.get(ref.id)) ?? (key ? await repos.projectTeams.findByItemKey(key) : undefined);
      return team ? { kind: 'pt', team } : undefined;
    }
    case 'practice': {
      const entry = (await searchPractices(ctx, '')).find((candidate) => candidate.practice.id === ref.id);
      return entry ? { kind: 'practice', entry } : undefined;
    }
    case 'meeting': {
      const meeting = await repos.meetings.get(ref.id);
      return meeting && isShareableMeeting(meeting) ? { kind: 'meeting', meeting } : undefined;
    }
    case 'call': {
      const call = await repos.calls.get(ref.id);
      return call && isPublished(call) ? { kind: 'call', call } : undefined;
    }
    case 'proposal': {
      const proposal = await repos.proposals.get(ref.id);
      if (!proposal) return undefined;
      const own = proposal.authorStaffId === viewer.id;
      const reviewer = !own && isReviewer(viewer, await repos.bodies.list());
      if (!mayShareProposal(proposal, viewer, reviewer)) return undefined;
      const author = own ? undefined : await repos.staff.get(proposal.authorStaffId);
      return { kind: 'proposal', proposal, call: await repos.calls.get(proposal.callId), authorName: author?.displayName };
    }
  }
}

/**
 * The item a tab route shows, if the viewer may share it: `meetings/<id>`, `pts/<id or item
 * number>`, `practices/<id>`, and `proposals/<id>`, which names a proposal or, as the tab's
 * proposals page also lists the calls, a call. Other pages name no single item.
 */
export async function findComposeItemByRoute(ctx: UseCaseContext, viewer: Staff, route: TabRoute): Promise<ComposeItem | undefined> {
  if (!route.id) return undefined;
  switch (route.page) {
    case 'meetings':
      return findComposeItem(ctx, viewer, { kind: 'meeting', id: route.id });
    case 'pts':
      return findComposeItem(ctx, viewer, { kind: 'pt', id: route.id });
    case 'practices':
      return findComposeItem(ctx, viewer, { kind: 'practice', id: route.id });
    case 'proposals':
      return (
        (await findComposeItem(ctx, viewer, { kind: 'proposal', id: route.id })) ??
        // A proposal the viewer may not see is not "found" as a call of the same id either.
        ((await ctx.store.repositories.proposals.get(route.id)) ? undefined : findComposeItem(ctx, viewer, { kind: 'call', id: route.id }))
      );
    default:
      return undefined;
  }
}

function withAuthor(item: ComposeItem, viewer: Staff, authors: ReadonlyMap<string, string>): ComposeItem {
  if (item.kind !== 'proposal' || item.proposal.authorStaffId === viewer.id) return item;
  return { ...item, authorName: authors.get(item.proposal.authorStaffId) };
}

/** Drops repeats (an item found two ways), then takes one page of at most 25. */
function paged(items: readonly ComposeItem[], page: { readonly skip?: number | undefined; readonly count?: number | undefined }): ComposeItem[] {
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const ref = composeItemRef(item);
    const key = `${ref.kind}:${ref.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const skip = wholeNumber(page.skip, 0);
  const count = Math.min(COMPOSE_RESULT_LIMIT, Math.max(1, wholeNumber(page.count, COMPOSE_RESULT_LIMIT)));
  return unique.slice(skip, skip + count);
}

/** A non-negative whole number from what the client sent, or the fallback. */
function wholeNumber(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
