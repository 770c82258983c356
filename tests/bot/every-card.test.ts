import { FY2024_TEAM_RULES } from '../../shared/recruitment/team-composition.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callCard, callsCard } from '../../bot/cards/calls-card.js';
import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes, neutraliseMarkdown, type AdaptiveCard } from '../../bot/cards/card-kit.js';
import { confirmationCard } from '../../bot/cards/confirmation-card.js';
import { conveneCard } from '../../bot/cards/convene-card.js';
import { helpCard } from '../../bot/cards/help-card.js';
import { issueCard } from '../../bot/cards/issue-card.js';
import { meetingCard, meetingsCard, type MeetingView } from '../../bot/cards/meetings-card.js';
import { practiceCard, practicesCard, PRACTICES_CARD_LIMIT } from '../../bot/cards/practices-card.js';
import { myProposalsCard, proposalCard, proposalFormCard, proposalReceiptCard } from '../../bot/cards/proposal-cards.js';
import { ptDetailCard, ptListCard } from '../../bot/cards/pt-cards.js';
import { applicationFormCard, recruitmentListCard } from '../../bot/cards/recruitment-cards.js';
import { reviewCard, REVIEW_CARD_LIMIT, type ReviewItem } from '../../bot/cards/review-card.js';
import { subscriptionCard } from '../../bot/cards/subscription-card.js';
import {
  deadlineClosedCard,
  deadlineReminderCard,
  decisionNoticeCard,
  draftReminderCard,
  meetingChangeCard,
  personalMeetingChangeCard,
  progressReportRequestCard,
  recruitmentOutcomeCard,
} from '../../bot/cards/notification-cards.js';
import { COMMANDS } from '../../shared/commands/command-catalog.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import { NOTIFICATION_KINDS } from '../../shared/notifications/notification-kind.js';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { PROPOSAL_LIMITS } from '../../shared/proposals/proposal-content.js';
import { MINUTES_LIMITS } from '../../shared/minutes/minutes.js';
import { actionReminderCard, myTasksCard, type ActionItemLine } from '../../bot/cards/action-item-cards.js';
import type { Proposal } from '../../shared/proposals/proposal.js';
import type { Application, RecruitmentProject } from '../../shared/recruitment/recruitment.js';
import { cardProblems, cardText } from '../support/card-validator.js';

const programme = toDomain(parseProgrammeFile(await fs.readFile(path.resolve(import.meta.dirname, '../../shared/programme/fy2024.yaml'), 'utf8')));
const now = new Date('2024-05-10T01:00:00Z');
/** The worst text a person can type: Markdown, a link, HTML, and the longest allowed length. */
const actionLine = (index: number): ActionItemLine => ({
  item: {
    id: `hq-1:d${index}:0`,
    meetingId: 'hq-1',
    bodyId: 'hq',
    decisionId: `d${index}`,
    title: hostile(MINUTES_LIMITS.actionTitle),
    owner: { kind: 'unit', unitId: 'chiiki-gyosei-ka' },
    dueOn: index % 2 ? '2024-04-01' : '2030-06-14',
    status: 'open',
    createdAt: new Date('2024-05-21T01:00:00Z'),
  },
  meetingTitle: '第3回 本部',
  ownerName: hostile(60),
});
const hostile = (length: number) => '[押して](https://evil.example) *太字* _斜体_ <b>x</b> '.padEnd(length, '長');

const meeting: Meeting = {
  id: 'm1',
  bodyId: 'hq',
  ordinal: 3,
  fiscalYear: 2024,
  startsAt: new Date('2024-06-03T05:00:00Z'),
  endsAt: new Date('2024-06-03T06:00:00Z'),
  place: hostile(200),
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  agenda: Array.from(
    { length: 20 },
    (_, index) => ({ title: hostile(200), kind: index % 2 ? 'ptProgress' : 'general', ptId: programme.projectTeams[0]!.id }) as const,
  ),
  guests: Array.from({ length: 30 }, () => ({ name: hostile(100) })),
  status: 'convened',
  history: [],
  demo: false,
};
const view: MeetingView = {
  meeting,
  bodyName: '本部',
  projectTeams: new Map([[programme.projectTeams[0]!.id, { displayName: 'PT', title: 'PT' }]]),
  mayAnswer: true,
};
/** The convener's view: the tally and the reminder button, or the reminder already sent. */
const tally = { attend: 12, absent: 3, proxy: 2, unanswered: 12, expected: 29 };
const convenerView: MeetingView = { ...view, attendance: { tally, mayRemind: true } };
const remindedView: MeetingView = { ...view, attendance: { tally, mayRemind: false, reminder: { sentAt: now, byName: hostile(50) } } };
/** A link that must never become one (stored before validation was https-only, or imported). */
const unsafeLinkView: MeetingView = { ...view, meeting: { ...meeting, onlineUrl: 'javascript:alert(1)' } };
const call = programme.calls[0]!;
const proposal = (index: number): Proposal => ({
  id: `p${index}`,
  callId: call.id,
  track: 'individual',
  authorStaffId: 's',
  state: index % 2 ? 'submitted' : 'underReview',
  receiptNumber: `R6-新規-${String(index).padStart(3, '0')}`,
  title: hostile(PROPOSAL_LIMITS.title),
  summary: hostile(PROPOSAL_LIMITS.summary),
  expectedEffect: hostile(PROPOSAL_LIMITS.expectedEffect),
  submittedAt: now,
  createdAt: now,
  updatedAt: now,
});
const DECIDED = ['acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected'] as const;
const decided = (index: number): Proposal => ({ ...proposal(index), state: DECIDED[index % 4]!, decisionReason: hostile(2000), decidedAt: now });
/** A review queue entry at its largest: department or individual, a theme's perspective, the related item and others on it. */
const reviewItem = (index: number, proposalOf: (index: number) => Proposal = proposal): ReviewItem => ({
  proposal: {
    ...proposalOf(index),
    ...(index % 3 === 0 ? { track: 'department' as const, departmentUnitId: 'd' } : { perspective: 'newBusiness' as const }),
    relatedItemKey: '3-13',
  },
  authorName: hostile(50),
  authorUnitName: hostile(50),
  departmentName: hostile(50),
  relatedItem: { number: '3‐13', title: programme.projectTeams[0]!.title },
  sameItem: [{ receiptNumber: 'R6-新規-999', title: hostile(PROPOSAL_LIMITS.title) }],
});
const application: Application = {
  id: 'a',
  projectId: 'r',
  staffId: 's',
  desiredRole: 'pm',
  motivation: hostile(1000),
  gradeAtApplication: 'sectionChief',
  state: 'applied',
  appliedAt: now,
};
const project: RecruitmentProject = {
  id: 'r',
  fiscalYear: 2024,
  title: hostile(100),
  description: hostile(2000),
  perspective: 'renewal',
  opensAt: now,
  closesAt: now,
  status: 'recruiting',
  demo: false,
};

/** A Teams app id as TEAMS_APP_ID gives it: cards built with it link into the tab. */
const TEAMS_APP_ID = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';

/** The cards that link into the tab when the Teams app id is known, each with the tab page it opens. */
function linkedCards(locale: Locale, teamsAppId: string | undefined): Record<string, { card: AdaptiveCard; route: string }> {
  const team = programme.projectTeams[0]!;
  const practice = programme.practices[0]!;
  return {
    meeting: { card: meetingCard({ locale, view, refreshUserIds: ['oid-1'], teamsAppId }), route: 'meetings/m1' },
    convocationNotice: {
      card: meetingCard({ locale, view: { ...view, forConversation: true }, heading: '招集通知', refreshUserIds: ['oid-1'], teamsAppId }),
      route: 'meetings/m1',
    },
    cancelledMeeting: { card: meetingCard({ locale, view: { ...view, meeting: { ...meeting, status: 'cancelled' } }, teamsAppId }), route: 'meetings/m1' },
    meetings: { card: meetingsCard({ locale, title: '会議', views: [view], teamsAppId }), route: 'meetings/m1' },
    ptDetail: { card: ptDetailCard({ locale, detail: { team, unitName: (id) => id }, teamsAppId }), route: `pts/${team.id}` },
    ptList: { card: ptListCard({ locale, teams: programme.projectTeams, teamsAppId }), route: 'pts' },
    practice: { card: practiceCard({ locale, entry: { practice, interestCount: 2 }, teamsAppId }), route: `practices/${practice.id}` },
    practices: {
      card: practicesCard({ locale, words: '', results: [{ practice, interestCount: 0 }], mayMarkInterest: true, teamsAppId }),
      route: `practices/${practice.id}`,
    },
    call: { card: callCard({ locale, call, now, teamsAppId }), route: 'proposals' },
    calls: { card: callsCard({ locale, calls: programme.calls, now, mayPropose: true, teamsAppId }), route: 'proposals' },
    draftProposal: { card: proposalCard({ locale, proposal: { ...proposal(3), state: 'draft' }, call, teamsAppId }), route: 'proposals/p3' },
    decidedProposal: { card: proposalCard({ locale, proposal: decided(1), call, teamsAppId }), route: 'proposals' },
    proposalForReview: {
      card: proposalCard({ locale, proposal: proposal(2), call, authorName: hostile(50), appRoute: { page: 'review' }, teamsAppId }),
      route: 'review',
    },
    myProposals: { card: myProposalsCard({ locale, proposals: [decided(1)], calls: new Map([[call.id, call]]), teamsAppId }), route: 'proposals' },
    receipt: { card: proposalReceiptCard({ locale, proposal: proposal(1), call, teamsAppId }), route: 'proposals' },
  };
}

/** Every card the bot can send, at its largest, in both languages. */
function everyCard(locale: Locale): Record<string, AdaptiveCard> {
  const errors = { title: 'エラー', summary: 'エラー', form: 'エラー', departmentUnitId: 'エラー' };
  return {
    help: helpCard({ locale, commands: COMMANDS, unknownText: hostile(200), suggestion: COMMANDS[0] }),
    meetings: meetingsCard({ locale, title: '会議', views: Array.from({ length: 5 }, (_, i) => ({ ...view, meeting: { ...meeting, id: `m${i}` } })) }),
    meeting: meetingCard({ locale, view, heading: '招集通知', refreshUserIds: Array.from({ length: 80 }, (_, i) => `oid-${i}`) }),
    meetingsForConvener: meetingsCard({
      locale,
      title: '会議',
      views: Array.from({ length: 5 }, (_, i) => ({ ...convenerView, meeting: { ...meeting, id: `m${i}` } })),
    }),
    meetingForConvener: meetingCard({ locale, view: convenerView, refreshUserIds: ['oid-1'] }),
    meetingReminderSent: meetingCard({ locale, view: remindedView, heading: '未回答の12名に催促を送りました（3名はボット未導入のため届きません）' }),
    meetingUnsafeLink: meetingCard({ locale, view: unsafeLinkView }),
    meetingsUnsafeLink: meetingsCard({ locale, title: '会議', views: [{ ...unsafeLinkView, mayAnswer: false }] }),
    convene: conveneCard({
      locale,
      meetingId: 'm',
      bodies: [{ id: 'hq', name: '本部' }],
      values: { agenda: hostile(500) },
      errors: { agenda: 'エラー', form: 'エラー' },
    }),
    conveneCouncilFirst: conveneCard({
      locale,
      meetingId: 'm',
      bodies: [
        { id: 'hq', name: '本部' },
        { id: 'council', name: '推進会議' },
      ],
      defaultBodyId: 'council',
    }),
    conveneDraftOnly: conveneCard({
      locale,
      meetingId: 'm',
      bodies: [
        { id: 'hq', name: '本部', mode: 'prepare' },
        { id: 'council', name: '推進会議', mode: 'prepare' },
      ],
    }),
    conveneOrDraft: conveneCard({
      locale,
      meetingId: 'm',
      bodies: [
        { id: 'hq', name: '本部', mode: 'prepare' },
        { id: 'council', name: '推進会議', mode: 'convene' },
      ],
      defaultBodyId: 'council',
    }),
    issue: issueCard({
      locale,
      view: {
        ...view,
        meeting: {
          ...meeting,
          status: 'prepared',
          guests: Array.from({ length: 30 }, (_, i) => ({ name: hostile(100).slice(0, 100), affiliation: `所属${i}` })),
        },
      },
      preparedByName: hostile(50),
    }),
    issueNoGuests: issueCard({ locale, view: { ...view, meeting: { ...meeting, status: 'prepared', guests: [] } } }),
    issued: issueCard({ locale, view: { ...view, meeting: { ...meeting, status: 'convened' } }, outcome: '招集通知を発出しました。' }),
    ptList: ptListCard({ locale, teams: programme.projectTeams }),
    ...Object.fromEntries(programme.projectTeams.map((team) => [`pt ${team.id}`, ptDetailCard({ locale, detail: { team, unitName: (id) => id } })])),
    calls: callsCard({ locale, calls: programme.calls, now, mayPropose: true }),
    proposalForm: proposalFormCard({
      locale,
      proposalId: 'p',
      call,
      now,
      tracks: ['individual', 'department'],
      departments: [{ id: 'd', name: '部' }],
      values: { title: hostile(100), summary: hostile(2000), expectedEffect: hostile(1000) },
      errors,
    }),
    themeForm: proposalFormCard({ locale, proposalId: 'p', call: programme.calls[1]!, now, tracks: ['individual'], departments: [] }),
    receipt: proposalReceiptCard({ locale, proposal: proposal(1), call }),
    myProposals: myProposalsCard({
      locale,
      proposals: Array.from({ length: 10 }, (_, i) => ({ ...proposal(i), state: 'draft' as const })),
      calls: new Map([[call.id, call]]),
    }),
    review: reviewCard({ locale, items: Array.from({ length: 40 }, (_, i) => reviewItem(i)) }),
    reviewStatusOnly: reviewCard({
      locale,
      items: Array.from({ length: 40 }, (_, i) => reviewItem(i)),
      interactive: false,
      refreshUserIds: Array.from({ length: 80 }, (_, i) => `oid-${i}`),
    }),
    reviewRelatedItemWithoutTitle: reviewCard({
      locale,
      items: [{ ...reviewItem(1), relatedItem: { number: '5-11' }, sameItem: [] }],
      notice: 'R6-新規-001を「ヒアリング中」にしました。',
    }),
    practices: practicesCard({
      locale,
      words: hostile(50),
      results: programme.practices.map((practice) => ({ practice, interestCount: 3 })),
      mayMarkInterest: true,
    }),
    recruitment: recruitmentListCard({ locale, projects: Array.from({ length: 5 }, () => project), mayApply: true }),
    application: applicationFormCard({
      locale,
      project,
      rules: FY2024_TEAM_RULES,
      grade: 'chief',
      values: { motivation: hostile(1000) },
      errors: { motivation: 'エラー' },
    }),
    applicationReplacing: applicationFormCard({
      locale,
      project,
      rules: FY2024_TEAM_RULES,
      grade: 'sectionChief',
      current: application,
      values: { desiredRole: 'pm', motivation: application.motivation },
      errors: { desiredRole: 'エラー', form: 'エラー' },
    }),
    applicationNoRole: applicationFormCard({ locale, project, rules: FY2024_TEAM_RULES, grade: 'special' }),
    subscription: subscriptionCard({ locale, kinds: [...NOTIFICATION_KINDS], bodies: [{ id: 'hq', name: '本部' }] }),
    confirmation: confirmationCard(hostile(100)),
    convocationNotice: meetingCard({ locale, view: { ...view, forConversation: true }, heading: '招集通知', refreshUserIds: ['oid-1'] }),
    deadlineReminder: deadlineReminderCard({ locale, call, track: 'individual', now }),
    deadlineClosed: deadlineClosedCard({ locale, call, track: 'department', received: 17, now }),
    meetingChange: meetingChangeCard({ locale, meetingTitle: hostile(100), change: 'rescheduled', previousStartsAt: now }),
    meetingChangeRange: meetingChangeCard({
      locale,
      meetingTitle: hostile(100),
      change: 'rescheduled',
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      previousStartsAt: now,
      previousEndsAt: new Date(now.getTime() + 5_400_000),
    }),
    meetingCancelled: meetingChangeCard({ locale, meetingTitle: '第3回 本部', change: 'cancelled' }),
    meetingCancelledRange: meetingChangeCard({ locale, meetingTitle: '第3回 本部', change: 'cancelled', startsAt: meeting.startsAt, endsAt: meeting.endsAt }),
    draftReminder: draftReminderCard({ locale, proposal: { ...proposal(2), state: 'draft' }, call, now }),
    // As many open items as twenty decisions may leave, each with the longest title: the card shows what fits.
    myTasks: myTasksCard({ locale, lines: Array.from({ length: 200 }, (_, index) => actionLine(index)), now }),
    myTasksNone: myTasksCard({ locale, lines: [], now, notice: '完了にしました。' }),
    actionReminder: actionReminderCard({ locale, line: actionLine(0), now }),
    progressReportRequest: progressReportRequestCard({
      locale,
      meetingTitle: '第3回 本部',
      ptName: hostile(120),
      startsAt: now,
      endsAt: new Date(now.getTime() + 3_600_000),
    }),
    myDecidedProposals: myProposalsCard({ locale, proposals: Array.from({ length: 10 }, (_, i) => decided(i)), calls: new Map([[call.id, call]]) }),
    decisionNotice: decisionNoticeCard({ locale, proposal: decided(1) }),
    recruitmentSeated: recruitmentOutcomeCard({ locale, projectTitle: hostile(100), seat: 'pl' }),
    recruitmentNotSeated: recruitmentOutcomeCard({ locale, projectTitle: hostile(100) }),
    meetingMovedForYou: personalMeetingChangeCard({
      locale,
      view: { ...view, myRsvp: { meetingId: 'm1', staffId: 's', response: 'proxy', proxyName: hostile(100), answeredAt: now } },
      change: 'rescheduled',
      previousStartsAt: now,
      answer: { meetingId: 'm1', staffId: 's', response: 'proxy', answeredAt: now },
    }),
    meetingCancelledForYou: personalMeetingChangeCard({
      locale,
      view: { ...view, meeting: { ...meeting, status: 'cancelled' } },
      change: 'cancelled',
      previousStartsAt: now,
    }),
    ...Object.fromEntries(programme.practices.map((practice) => [`practice ${practice.id}`, practiceCard({ locale, entry: { practice, interestCount: 1 } })])),
    ...Object.fromEntries(programme.calls.map((one) => [`call ${one.id}`, callCard({ locale, call: one, now })])),
    proposalShared: proposalCard({ locale, proposal: proposal(1), call }),
    proposalSharedDecided: proposalCard({ locale, proposal: decided(2), call, authorName: hostile(50) }),
    proposalSharedUntitledDraft: proposalCard({ locale, proposal: { ...proposal(4), state: 'draft', title: '', summary: '' } }),
    ...Object.fromEntries(Object.entries(linkedCards(locale, TEAMS_APP_ID)).map(([name, { card }]) => [`${name} linked to the tab`, card])),
  };
}

describe.each(['ja', 'en'] as const)('every card the bot can send (%s)', (locale) => {
  const cards = everyCard(locale);

  it.each(Object.keys(cards))('%s parses and validates with the Adaptive Cards SDK, v1.5, under 100 KB', (name) => {
    const card = cards[name]!;
    expect(cardProblems(card)).toEqual([]);
    expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
  });

  it('shows no ISO timestamp on any card: times read in 令和 (or English) and Japan time', () => {
    for (const [name, card] of Object.entries(cards)) expect(JSON.stringify(card), name).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('links only an https meeting link: a javascript: link stays text, with no button to open it', () => {
    for (const name of ['meetingUnsafeLink', 'meetingsUnsafeLink']) {
      const json = JSON.stringify(cards[name]);
      expect(json, name).not.toContain('Action.OpenUrl');
      expect(json, name).not.toContain('](javascript');
      expect(cardText(cards[name]), name).toContain('javascript:alert');
    }
    expect(JSON.stringify(cards.meeting)).toContain('"type":"Action.OpenUrl"');
    const cancelled = meetingCard({ locale, view: { ...convenerView, meeting: { ...meeting, status: 'cancelled' } } });
    expect(JSON.stringify(cancelled), 'a cancelled meeting').not.toContain('Action.OpenUrl');
    expect(JSON.stringify(cancelled), 'a cancelled meeting').not.toContain('meeting.remindUnanswered');
  });

  it('never lets typed text reach Markdown unescaped (only TextRuns, which are never parsed, carry it as typed)', () => {
    for (const [name, card] of Object.entries(cards)) {
      for (const text of markdownTexts(card)) {
        expect(text, name).not.toContain('[押して](https://evil.example)');
        expect(text, name).not.toContain(' *太字* ');
      }
    }
  });
});

describe.each(['ja', 'en'] as const)('cards open the tab with a Teams deep link (%s)', (locale) => {
  const openInApp = locale === 'ja' ? 'アプリで開く' : 'Open in the app';
  const openUrlActions = (card: AdaptiveCard) => {
    const found: { title: string; url: string }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.type === 'Action.OpenUrl') found.push({ title: String(record.title), url: String(record.url) });
        Object.values(record).forEach(visit);
      }
    };
    visit(card);
    return found.filter((action) => action.title === openInApp);
  };

  it.each(Object.keys(linkedCards(locale, TEAMS_APP_ID)))('%s has one "open in the app" button to its page of the personal tab', (name) => {
    const { card, route } = linkedCards(locale, TEAMS_APP_ID)[name]!;
    const [action, ...more] = openUrlActions(card);
    expect(more).toEqual([]);
    const url = new URL(action!.url);
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/dashboard`);
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: route });
    expect(cardProblems(card)).toEqual([]);
  });

  it('names the materials on the button for those who may download them, and only in their own view', () => {
    const materials = locale === 'ja' ? 'アプリで開く（会議資料）' : 'Open in the app (materials)';
    const own = meetingCard({ locale, view: { ...view, mayGetMaterials: true }, teamsAppId: TEAMS_APP_ID });
    const actions = JSON.stringify(own);
    expect(actions).toContain(`"title":"${materials}"`);
    expect(openUrlActions(own)).toEqual([]);
    expect(cardProblems(own)).toEqual([]);
    const shared = meetingCard({ locale, view: { ...view, mayGetMaterials: true, forConversation: true }, teamsAppId: TEAMS_APP_ID });
    expect(JSON.stringify(shared)).not.toContain(materials);
    expect(openUrlActions(shared)).toHaveLength(1);
  });

  it('has no such button, and stays valid, without a Teams app id', () => {
    for (const [name, { card }] of Object.entries(linkedCards(locale, undefined))) {
      expect(openUrlActions(card), name).toEqual([]);
      expect(cardProblems(card), name).toEqual([]);
    }
  });
});

describe('card limits', () => {
  it('drops list items that would take a card over the size limit, and says how many', () => {
    const views = Array.from({ length: 12 }, (_, i) => ({ ...view, meeting: { ...meeting, id: `m${i}` } }));
    const card = meetingsCard({ locale: 'ja', title: '会議', views });
    expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    expect(cardText(card)).toMatch(/ほか\d+件はタブ/);
  });

  it('caps long lists so a card stays readable, and says so', () => {
    const practices = practicesCard({
      locale: 'ja',
      words: '',
      results: programme.practices.map((practice) => ({ practice, interestCount: 0 })),
      mayMarkInterest: false,
    });
    expect(cardText(practices)).toContain(`ほか${programme.practices.length - PRACTICES_CARD_LIMIT}件`);
    const everyday = (index: number): Proposal => ({ ...proposal(index), summary: hostile(300), expectedEffect: hostile(150) });
    const review = reviewCard({ locale: 'ja', items: Array.from({ length: 40 }, (_, i) => ({ proposal: everyday(i), authorName: 'x' })) });
    expect((cardText(review).match(/R6-新規-/g) ?? []).length).toBe(REVIEW_CARD_LIMIT);
    expect(cardText(review)).toContain(`ほか${40 - REVIEW_CARD_LIMIT}件はタブ`);
  });

  it('shows fewer proposals in full rather than cutting their text when the longest ones would pass the size limit', () => {
    const review = reviewCard({ locale: 'ja', items: Array.from({ length: 40 }, (_, i) => reviewItem(i)) });
    expect(cardSizeBytes(review)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    const shown = (cardText(review).match(/R6-新規-\d{3}/g) ?? []).filter((receipt) => receipt !== 'R6-新規-999').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(REVIEW_CARD_LIMIT);
    expect(cardText(review)).toContain(`ほか${40 - shown}件はタブ`);
    expect(cardText(review)).toContain(neutraliseMarkdown(hostile(PROPOSAL_LIMITS.summary)));
  });

  it('lists at most 60 users for automatic refresh, as Teams allows', () => {
    const card = meetingCard({ locale: 'ja', view, refreshUserIds: Array.from({ length: 80 }, (_, i) => `oid-${i}`) });
    expect(card.refresh?.userIds).toHaveLength(60);
  });

  it('escapes Markdown so text shows as typed', () => {
    expect(neutraliseMarkdown('[a](b) *c* _d_')).toBe('\\[a\\]\\(b\\) \\*c\\* \\_d\\_');
    expect(neutraliseMarkdown('- 箇条\n1. 番号')).toBe('\\- 箇条\n1\\. 番号');
  });
});

/** Texts Teams renders as Markdown: TextBlock text and FactSet titles and values. */
function markdownTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownTexts);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own: string[] = [];
  if (record.type === 'TextBlock' && typeof record.text === 'string') own.push(record.text);
  if (record.type === 'FactSet') for (const fact of record.facts as { title: string; value: string }[]) own.push(fact.title, fact.value);
  return [...own, ...Object.values(record).flatMap(markdownTexts)];
}

describe('the application card offers the roles of the stored rules, not built-in ones', () => {
  it('offers a section chief no PM seat when the year’s rules keep PM to directors', () => {
    const project: RecruitmentProject = {
      id: 'r',
      fiscalYear: 2025,
      title: '窓口',
      description: '説明',
      perspective: 'renewal',
      opensAt: new Date(),
      closesAt: new Date(),
      status: 'recruiting',
      demo: false,
    };
    const directorsOnly = { ...FY2024_TEAM_RULES, pmGrades: ['director' as const], plGrades: ['subsectionChief' as const, 'sectionChief' as const] };
    const card = JSON.stringify(applicationFormCard({ locale: 'ja', project, rules: directorsOnly, grade: 'sectionChief' }));
    expect(card).toContain('プロジェクトリーダー（課長級・係長級）');
    expect(card).toContain('"value":"pl"');
    expect(card).not.toContain('"value":"pm"');
  });
});
