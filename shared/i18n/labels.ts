import type { RoleGroup } from '../access/role-groups.js';
import type { BodyKind, BodyRole, RosterEntry } from '../bodies/body.js';
import type { CallKind, TrackKind } from '../calls/proposal-call.js';
import { GLOSSARY } from './glossary.js';
import type { Locale } from './locale.js';
import type { MeetingStatus } from '../meetings/meeting.js';
import type { RsvpResponse } from '../meetings/rsvp.js';
import type { Decision, Perspective, ProposalState } from '../proposals/proposal.js';
import type { TeamRole } from '../recruitment/team-composition.js';

type Labels<K extends string> = Readonly<Record<K, { readonly ja: string; readonly en: string }>>;

export const PROPOSAL_STATE_LABELS: Labels<ProposalState> = {
  draft: { ja: '下書き', en: 'Draft' },
  submitted: { ja: '提出済み', en: 'Submitted' },
  underReview: { ja: 'ヒアリング中', en: 'Under review' },
  acceptedMidYear: { ja: '採用（年度途中追加）', en: 'Accepted (mid-year addition)' },
  acceptedNextYear: { ja: '採用（次年度項目）', en: 'Accepted (next-year item)' },
  deferred: { ja: '継続検討', en: 'Deferred' },
  rejected: { ja: '不採用', en: 'Rejected' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
};

/**
 * What follows a decision for the proposer, as the programme runs it: mid-year additions are
 * reported to the standing committee, next-year items go through the autumn item-sheet
 * adjustment into the revised plan reported in February.
 */
export const DECISION_NEXT_STEPS: Labels<Decision> = {
  acceptedMidYear: {
    ja: '年度途中の追加項目として計画に加え、常任委員会に報告します。所管課と取組みの進め方を調整します。',
    en: 'It is added to the plan as a mid-year item and reported to the standing committee; the responsible section plans the work.',
  },
  acceptedNextYear: {
    ja: '次年度の取組み項目として、10月以降の個票調整を経て修正計画に盛り込み、2月に常任委員会へ報告します。',
    en: 'It becomes an item of next year’s plan: the item sheet is drafted from October and the revised plan goes to the standing committee in February.',
  },
  deferred: {
    ja: '今回は計画への追加を見送り、引き続き検討します。次回以降の募集で改めて提案することもできます。',
    en: 'It is not added this time and stays under consideration; you may propose it again in a later call.',
  },
  rejected: {
    ja: '今回は採用しません。理由をご確認ください。別の形で次回以降の募集に提案することもできます。',
    en: 'It is not adopted. Please read the reason; you may propose it in another form in a later call.',
  },
};

export const TRACK_LABELS: Labels<TrackKind> = {
  department: { ja: '各部提案（調査票）', en: 'Department (survey form)' },
  individual: { ja: '職員個人提案（職員提案制度）', en: 'Individual (staff proposal system)' },
};

export const CALL_KIND_LABELS: Labels<CallKind> = {
  newInitiative: { ja: '新規取組み項目の提案募集', en: 'New initiative proposals' },
  ptTheme: { ja: '提案型PTのテーマ募集', en: 'Proposal-based PT themes' },
};

export const PERSPECTIVE_LABELS: Labels<Perspective> = {
  crossCutting: { ja: '(a) 複数の所管課にまたがる横断的な取組み', en: '(a) Cross-cutting, several sections' },
  newBusiness: { ja: '(b) 所管課の課題解決に向けた新規事業', en: '(b) New business for a section’s problem' },
  renewal: { ja: '(c) 所管課の既存事業のリニューアル', en: '(c) Renewal of an existing business' },
};

/** Who an individual-track proposal speaks for: the member of staff, not a department. */
export const INDIVIDUAL_PROPOSER_LABEL = { ja: '職員個人', en: 'Individual' } as const;

export const MEETING_STATUS_LABELS: Labels<MeetingStatus> = {
  planned: { ja: '予定', en: 'Planned' },
  prepared: { ja: '招集案（未発出）', en: 'Draft convocation (not issued)' },
  convened: { ja: '招集済み', en: 'Convened' },
  held: { ja: '開催済み', en: 'Held' },
  cancelled: { ja: '中止', en: 'Cancelled' },
};

export const RSVP_LABELS: Labels<RsvpResponse> = {
  attend: { ja: '出席', en: 'Attend' },
  absent: { ja: '欠席', en: 'Absent' },
  proxy: { ja: '代理出席', en: 'Proxy' },
};

/** The UI languages, each named in both. */
export const LOCALE_NAMES: Labels<Locale> = {
  ja: { ja: '日本語', en: 'Japanese' },
  en: { ja: '英語', en: 'English' },
};

/** Roles in a proposal-based PT, as the document names them (プロジェクトマネージャー…). */
export const TEAM_ROLE_LABELS: Labels<TeamRole> = {
  pm: { ja: 'プロジェクトマネージャー', en: 'Project manager' },
  pl: { ja: 'プロジェクトリーダー', en: 'Project leader' },
  member: { ja: 'メンバー', en: 'Member' },
};

/**
 * Roster roles as each body names them (要綱 art. 3, 別表): HQ 本部長・副本部長・本部員, the council
 * 議長・構成員. The same post can hold different roles: 政策企画課長 is the council's 議長 and HQ's 司会.
 */
export const ROSTER_ROLE_LABELS: Readonly<Record<BodyKind, Labels<BodyRole>>> = {
  hq: { chair: { ja: '本部長', en: 'Chair' }, viceChair: { ja: '副本部長', en: 'Vice-chair' }, member: { ja: '本部員', en: 'Member' } },
  council: { chair: { ja: '議長', en: 'Chair' }, viceChair: { ja: '副議長', en: 'Vice-chair' }, member: { ja: '構成員', en: 'Member' } },
  pt: { chair: { ja: '座長', en: 'Chair' }, viceChair: { ja: '副座長', en: 'Vice-chair' }, member: { ja: 'メンバー', en: 'Member' } },
  proposalPt: { chair: { ja: '座長', en: 'Chair' }, viceChair: { ja: '副座長', en: 'Vice-chair' }, member: { ja: 'メンバー', en: 'Member' } },
  event: { chair: { ja: '主催', en: 'Host' }, viceChair: { ja: '副', en: 'Deputy' }, member: { ja: '出席者', en: 'Attendee' } },
};

export const MODERATOR_LABEL = { ja: '司会', en: 'Moderator' } as const;

/** A roster line's role in its body; a member who moderates (HQ's 政策企画課長) is 司会, as the roster lists them. */
export function rosterRoleLabel(kind: BodyKind, entry: Pick<RosterEntry, 'role' | 'moderator'>, locale: Locale): string {
  return entry.moderator && entry.role === 'member' ? MODERATOR_LABEL[locale] : ROSTER_ROLE_LABELS[kind][entry.role][locale];
}

/**
 * The sign-in picker's headings and role badges. Chairs take their names from the rosters' own
 * labels (本部長, 副本部長, 議長) so the picker and the bodies page cannot drift apart.
 */
export const ROLE_GROUP_LABELS: Labels<RoleGroup> = {
  hqChair: ROSTER_ROLE_LABELS.hq.chair,
  hqViceChair: ROSTER_ROLE_LABELS.hq.viceChair,
  councilChair: ROSTER_ROLE_LABELS.council.chair,
  secretariat: GLOSSARY.secretariat,
  member: { ja: '構成員（本部・推進会議）', en: 'Members (HQ, council)' },
  staff: { ja: '職員', en: 'Staff' },
  admin: { ja: '管理者', en: 'Administrators' },
};
