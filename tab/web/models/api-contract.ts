/**
 * The JSON shapes of `/api/v1/`, shared by the server (`tab/api/`) and the web app. Instants are
 * ISO 8601 strings (UTC); the web app formats them in Japan time with `shared/time`.
 */
import type { ProgrammeRole } from '../../../shared/access/role-groups.js';
import type { BodyKind, BodyRole } from '../../../shared/bodies/body.js';
import type { ActingChairBasis } from '../../../shared/bodies/acting-chair.js';
import type { CallKind, TrackKind } from '../../../shared/calls/proposal-call.js';
import type { MeetingStatus } from '../../../shared/meetings/meeting.js';
import type { RsvpResponse } from '../../../shared/meetings/rsvp.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { Grade } from '../../../shared/organisation/grade.js';
import type { PtCategory, PtStatus } from '../../../shared/plan/project-team.js';
import type { Decision, Perspective, ProposalState } from '../../../shared/proposals/proposal.js';
import type { ApplicationState } from '../../../shared/recruitment/recruitment.js';
import type { TeamRole } from '../../../shared/recruitment/team-composition.js';
import type { MilestoneKind } from '../../../shared/schedule/milestone.js';
import type { NoticeDelivery } from '../../../shared/notifications/personal-notice.js';

export type { ApplicationState, TeamRole };
export type { NoticeDelivery };
export type {
  ActingChairBasis,
  BodyKind,
  BodyRole,
  CallKind,
  Decision,
  Grade,
  MeetingStatus,
  MilestoneKind,
  Perspective,
  ProposalState,
  PtCategory,
  PtStatus,
  RsvpResponse,
  TrackKind,
};

/** Every error answer: a code, a message in the caller's language and, for forms, per-field messages. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: readonly { field?: string | undefined; message: string }[] };
}

/** One person as the admin's directory list shows them. */
export interface StaffDirectoryEntryDto {
  readonly staffId: string;
  readonly displayName: string;
  readonly upn: string;
  readonly unitName?: string | undefined;
  readonly postTitle?: string | undefined;
  readonly grade: Grade;
  readonly roles: readonly ProgrammeRole[];
  readonly active: boolean;
  /** Signed in at least once (or listed with an Entra object id): the account is linked. */
  readonly linked: boolean;
}

export interface StaffDirectoryDto {
  /** How many match; at most 200 are listed. */
  readonly total: number;
  readonly staff: readonly StaffDirectoryEntryDto[];
}

export interface ViewerDto {
  readonly displayName: string;
  readonly upn?: string | undefined;
  /** Absent when the signed-in account is not in the staff directory (read-only). */
  readonly staffId?: string | undefined;
  readonly unitName?: string | undefined;
  /** The department the viewer works in: the one a department-track proposal speaks for. */
  readonly department?: { readonly id: string; readonly name: string } | undefined;
  readonly grade?: Grade | undefined;
  /** The language the person chose (bot `言語` or the tab's control); it wins over the host's. */
  readonly preferredLocale?: Locale | undefined;
  /** Why the account may only read, and whom to ask: not in the directory, or linked to another account. */
  readonly directoryNotice?: { readonly code: string; readonly message: string } | undefined;
  readonly roles: { readonly admin: boolean; readonly secretariat: boolean; readonly chairOf: readonly string[]; readonly secretariatOf: readonly string[] };
}

export interface TrackDto {
  readonly kind: TrackKind;
  readonly deadlineDate: string;
  readonly closesAt: string;
  readonly open: boolean;
  /** Calendar days left in Japan: 0 on the deadline day, negative once closed. */
  readonly daysLeft: number;
}

export interface CallDto {
  readonly id: string;
  readonly kind: CallKind;
  readonly title: string;
  readonly fiscalYear: number;
  readonly opensAt: string;
  readonly open: boolean;
  readonly demo: boolean;
  readonly tracks: readonly TrackDto[];
}

export interface MeetingSummaryDto {
  readonly id: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly bodyNameEn: string;
  readonly ordinal: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place?: string | undefined;
  readonly status: MeetingStatus;
  readonly demo: boolean;
  /** The viewer's own answer, when they answered. */
  readonly myRsvp?: RsvpResponse | undefined;
  readonly viewerExpected: boolean;
  /** The meeting's minutes are confirmed (議事録確定): the record of the meeting is final. */
  readonly minutesConfirmed: boolean;
}

export interface RosterLineDto {
  readonly postId: string;
  readonly postTitle: string;
  readonly role: BodyRole;
  readonly rank?: number | undefined;
  readonly moderator: boolean;
  readonly holders: readonly {
    readonly staffId: string;
    readonly displayName: string;
    readonly rsvp?: RsvpResponse | undefined;
    readonly proxyName?: string | undefined;
  }[];
}

export interface MeetingDetailDto extends MeetingSummaryDto {
  readonly onlineUrl?: string | undefined;
  readonly agenda: readonly { readonly title: string; readonly kind: 'general' | 'ptProgress'; readonly ptId?: string | undefined }[];
  readonly guests: readonly { readonly name: string; readonly affiliation?: string | undefined }[];
  readonly roster: readonly RosterLineDto[];
  /** Answers from people not on the roster (PT units, the secretariat). */
  readonly otherResponses: readonly { readonly displayName: string; readonly rsvp: RsvpResponse; readonly proxyName?: string | undefined }[];
  readonly presiding: { readonly basis: ActingChairBasis; readonly postTitle?: string | undefined; readonly displayName?: string | undefined };
  readonly history: readonly { readonly changedAt: string; readonly previousStartsAt: string; readonly reason?: string | undefined }[];
  /** The viewer may reschedule or cancel: the chair or acting chair; for a draft convocation also the secretariat. */
  readonly mayManage?: boolean | undefined;
  /** A draft convocation the viewer (the chair or acting chair) may issue. */
  readonly mayIssue?: boolean | undefined;
  readonly bodyKind: BodyKind;
  /** 出席 / 欠席 / 代理 / 未回答 of the expected attendees; only for the convener, the secretariat and admins. */
  readonly attendance?: AttendanceTallyDto | undefined;
  /** The viewer may send the once-only reminder to those who have not answered. */
  readonly mayRemind?: boolean | undefined;
  /** The viewer may download the materials pack (.docx): the body's secretariat or an admin, once convened. */
  readonly mayDownloadMaterials?: boolean | undefined;
  /** When the reminder was sent, by whom, to how many (shown to those who may send it). */
  readonly rsvpReminder?: RsvpReminderDto | undefined;
}

export interface AttendanceTallyDto {
  readonly attend: number;
  readonly absent: number;
  readonly proxy: number;
  readonly unanswered: number;
  readonly expected: number;
}

/** The reminder to those who have not answered: sent to `recipients`; `unreachable` have no chat with the bot. */
export interface RsvpReminderDto {
  readonly sentAt: string;
  readonly sentByName: string;
  readonly recipients: number;
  readonly unreachable: number;
}

/** A body that meets, and whether the viewer may convene it. */
export interface BodyDto {
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: string;
  readonly nameEn: string;
  readonly shortName: string;
  readonly mayConvene: boolean;
  /** The viewer is its secretariat (庶務) and may prepare a draft convocation for the chair to issue. */
  readonly mayPrepare: boolean;
  /** The body the convene form starts on: the one the viewer chairs, else HQ. */
  readonly conveneDefault: boolean;
}

/** What the convene form sends; instants carry the Japan offset (`2024-05-24T10:00:00+09:00`). */
export interface ConveneMeetingInput {
  readonly meetingId: string;
  readonly bodyId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place?: string | undefined;
  readonly onlineUrl?: string | undefined;
  readonly agenda?: readonly string[] | undefined;
  /** PT ids whose progress is reported at the meeting (HQ in May and July). */
  readonly ptProgress?: readonly string[] | undefined;
  readonly guests?: readonly { readonly name: string; readonly affiliation?: string | undefined }[] | undefined;
}

export interface ProposalDto {
  readonly id: string;
  readonly callId: string;
  readonly callTitle: string;
  readonly track: TrackKind;
  readonly departmentUnitId?: string | undefined;
  readonly departmentName?: string | undefined;
  readonly state: ProposalState;
  readonly title: string;
  readonly summary: string;
  readonly relatedItemKey?: string | undefined;
  readonly expectedEffect: string;
  readonly perspective?: Perspective | undefined;
  /** 「令和６年度取組み項目における課題等」: the department survey's question on the current year's items. */
  readonly currentItemIssues?: string | undefined;
  readonly receiptNumber?: string | undefined;
  readonly submittedAt?: string | undefined;
  readonly decisionReason?: string | undefined;
  readonly decidedAt?: string | undefined;
  readonly updatedAt: string;
  /** The author may still edit (a draft whose track is open). */
  readonly editable: boolean;
}

export interface ReviewProposalDto extends ProposalDto {
  readonly authorName: string;
  readonly authorUnitName?: string | undefined;
  /** The related plan item as printed, with its title when the programme data has one. */
  readonly relatedItem?: { readonly number: string; readonly title?: string | undefined } | undefined;
  /** Other reviewable proposals naming the same plan item: a hint of overlap. */
  readonly sameItemProposals: readonly { readonly id: string; readonly receiptNumber?: string | undefined; readonly title: string }[];
  readonly notes: readonly { readonly authorName: string; readonly text: string; readonly at: string }[];
  /** For a decided proposal: how the notice of the decision reached the proposer. */
  readonly notified?: NoticeDelivery | undefined;
}

/** A notice the app promised one person (see shared/notifications/personal-notice.ts). */
export interface NoticeDto {
  readonly id: string;
  readonly createdAt: string;
  /** Seen nowhere yet: not delivered in chat with the bot, not marked read here. */
  readonly unread: boolean;
  readonly delivery: NoticeDelivery;
  readonly subject:
    | {
        readonly kind: 'proposalDecision';
        readonly proposalId: string;
        readonly title: string;
        readonly receiptNumber?: string | undefined;
        readonly state: ProposalState;
        readonly reason?: string | undefined;
      }
    | { readonly kind: 'recruitmentOutcome'; readonly projectId: string; readonly projectTitle: string; readonly role?: TeamRole | undefined }
    | {
        readonly kind: 'meetingChanged';
        readonly meetingId: string;
        readonly bodyName: string;
        readonly bodyNameEn: string;
        readonly ordinal: number;
        readonly change: 'rescheduled' | 'cancelled';
        readonly previousStartsAt: string;
        readonly startsAt: string;
      }
    | {
        readonly kind: 'convocationToIssue';
        readonly meetingId: string;
        readonly bodyName: string;
        readonly bodyNameEn: string;
        readonly ordinal: number;
        readonly startsAt: string;
        readonly issued: boolean;
      };
}

export interface DashboardDto {
  readonly viewer: ViewerDto;
  /** The viewer's notices of the last 30 days, newest first. */
  readonly notices: readonly NoticeDto[];
  readonly tasks: {
    readonly drafts: readonly {
      readonly id: string;
      readonly title: string;
      readonly callTitle: string;
      readonly closesAt?: string | undefined;
      readonly daysLeft?: number | undefined;
    }[];
    readonly rsvpsToAnswer: readonly MeetingSummaryDto[];
    /** Only for the secretariat: proposals waiting for review to start, and under review waiting for a decision. */
    readonly reviewsWaiting?: { readonly submitted: number; readonly underReview: number } | undefined;
    /** The viewer's open action items (theirs or their unit's), by due date. */
    readonly actionItems: readonly ActionItemDto[];
    /** Only for a body's secretariat (and administrators): open action items past their due date. */
    readonly overdueActionItems?: readonly ActionItemDto[] | undefined;
  };
  readonly nextMeetings: readonly MeetingSummaryDto[];
  readonly openCalls: readonly CallDto[];
  /** Submitted and later states across the programme (drafts stay private). */
  readonly proposalCounts: Readonly<Partial<Record<ProposalState, number>>>;
  /** The viewer's proposals past the draft stage, newest first, with the decision once there is one. */
  readonly myProposals: readonly {
    readonly id: string;
    readonly title: string;
    readonly callTitle: string;
    readonly track: TrackKind;
    readonly state: ProposalState;
    readonly receiptNumber?: string | undefined;
    readonly decidedAt?: string | undefined;
    readonly decisionReason?: string | undefined;
  }[];
  /** Proposal-based PT recruitments taking applications now, soonest closing first. */
  readonly openRecruitments: readonly {
    readonly id: string;
    readonly title: string;
    readonly closesAt: string;
    readonly daysLeft: number;
  }[];
  /**
   * Only for HQ 庶務: the review queue by state, HQ and council meetings set down but not yet drafted
   * as a convocation, drafts waiting for the chair to issue, and notifications the outbox gave up on.
   */
  readonly secretariatDesk?:
    | {
        readonly reviewQueue: { readonly submitted: number; readonly underReview: number };
        readonly convocationsToPrepare: readonly MeetingSummaryDto[];
        readonly convocationsAwaitingIssue: readonly MeetingSummaryDto[];
        readonly failedNotifications: number;
      }
    | undefined;
  /** Only for a chair, or the acting chair: draft convocations to issue, and draft minutes of meetings they presided to confirm. */
  readonly chairDesk?:
    | {
        readonly convocationsToIssue: readonly MeetingSummaryDto[];
        readonly minutesToConfirm: readonly MeetingSummaryDto[];
      }
    | undefined;
  /** How many active PTs have given a progress report in the current fiscal year, and how many not yet. */
  readonly ptReporting: { readonly fiscalYear: number; readonly reported: number; readonly notYet: number };
}

/** `GET /api/v1/dashboard/overview`: proposals of each open call by department and state, for the home page's chart. */
export interface ProgrammeOverviewDto {
  readonly calls: readonly {
    readonly id: string;
    readonly title: string;
    /** The states counted, in the order a proposal moves through them (no drafts). */
    readonly states: readonly ProposalState[];
    /** `id` and `name` are absent for proposals whose department the directory does not give. */
    readonly departments: readonly {
      readonly id?: string | undefined;
      readonly name?: string | undefined;
      readonly counts: Readonly<Partial<Record<ProposalState, number>>>;
    }[];
  }[];
}

export interface UnitRefDto {
  readonly id: string;
  readonly name: string;
}

export interface ProjectTeamSummaryDto {
  readonly id: string;
  readonly items: string;
  readonly title: string;
  readonly category: PtCategory;
  readonly status: PtStatus;
  readonly secretariat: readonly UnitRefDto[];
  readonly memberCount: number;
  readonly membersOpenEnded: boolean;
}

export interface ProjectTeamDetailDto extends ProjectTeamSummaryDto {
  /** `lead`: the unit leading the topic when the source names one other than the secretariat (5-13). */
  readonly topics: readonly { readonly number: number; readonly text: string; readonly lead?: UnitRefDto | undefined }[];
  /** The reader's unit is among those the team expects (a listed department or group covers it). */
  readonly viewerUnitExpected: boolean;
  readonly members: readonly UnitRefDto[];
  readonly unassigned: readonly UnitRefDto[];
  readonly notes: readonly string[];
  readonly progressReports: readonly {
    readonly id: string;
    readonly reportedAt: string;
    readonly meetingId?: string | undefined;
    readonly structure: string;
    readonly schedule: string;
    readonly progress: string;
    readonly issues: string;
  }[];
  readonly meetings: readonly MeetingSummaryDto[];
  /** The viewer works in the PT's secretariat (or is an administrator) and may add a progress report. */
  readonly mayReport: boolean;
  /** Meetings a report may be tied to: the PT's own and those whose agenda names the PT. */
  readonly reportableMeetings: readonly MeetingSummaryDto[];
  /** Decisions of confirmed minutes that concern this PT (会議での決定事項), oldest first. */
  readonly meetingDecisions: readonly PtMeetingDecisionDto[];
  /** 議事の概要 of agenda items about this PT, from confirmed minutes. */
  readonly meetingSummaries: readonly PtMeetingSummaryDto[];
}

export interface PtMeetingSummaryDto {
  readonly meetingId: string;
  readonly bodyName: string;
  readonly bodyNameEn: string;
  readonly ordinal: number;
  readonly startsAt: string;
  readonly agendaTitle: string;
  readonly summary: string;
}

export interface PtMeetingDecisionDto {
  readonly meetingId: string;
  readonly bodyName: string;
  readonly bodyNameEn: string;
  readonly ordinal: number;
  readonly startsAt: string;
  readonly text: string;
  readonly concern: 'direction' | 'reportRequested';
}

export interface ProgressReportInputDto {
  readonly reportId: string;
  readonly meetingId: string;
  readonly structure: string;
  readonly schedule: string;
  readonly progress: string;
  readonly issues: string;
}

export interface PracticeDto {
  readonly id: string;
  readonly number: number;
  readonly fiscalYear: number;
  readonly title: string;
  readonly origin: 'internal' | 'external';
  readonly ownerUnitName?: string | undefined;
  readonly publisher?: string | undefined;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly link?: string | undefined;
  readonly interestCount: number;
  /** 運用中 or 実施・運用開始予定 */
  readonly status: 'operating' | 'planned';
}

/** The plan record (`GET /api/v1/plan`): name, period, the guideline's commencement, perspectives. */
export interface PlanDto {
  readonly id: string;
  readonly fiscalYear: number;
  readonly name: string;
  readonly fromFiscalYear: number;
  readonly toFiscalYear: number;
  readonly periodAsPrinted?: string | undefined;
  readonly guideline?: { readonly name: string; readonly effectiveFrom: string; readonly asPrinted: string } | undefined;
  readonly proposalPtItem?: { readonly item: string; readonly title: string } | undefined;
  readonly perspectives: readonly { readonly id: 'crossCutting' | 'newBusiness' | 'renewal'; readonly viewpoint: string; readonly aim: string }[];
}

/** One body in full (`GET /api/v1/bodies/:id`): 所掌事項, purpose, effective date, roster. */
export interface BodyDetailDto {
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: string;
  readonly nameEn: string;
  readonly shortName: string;
  readonly guideline?: string | undefined;
  readonly effectiveFrom?: string | undefined;
  readonly purpose?: string | undefined;
  readonly remit: readonly { readonly number: number; readonly text: string }[];
  readonly remitSource?: string | undefined;
  readonly secretariat: readonly UnitRefDto[];
  readonly roster: readonly {
    readonly postId: string;
    readonly title: string;
    readonly role: 'chair' | 'viceChair' | 'member';
    readonly rank?: number | undefined;
    readonly moderator?: boolean | undefined;
  }[];
  /** The decisions in the body's confirmed minutes, by meeting: the body's record (議事録・決定事項). */
  readonly decisions: readonly { readonly meetingId: string; readonly text: string }[];
}

export interface MilestoneDto {
  readonly id: string;
  readonly scheduleId: string;
  readonly fiscalYear: number;
  readonly sourceOrder: number;
  readonly month: string;
  readonly date?: string | undefined;
  readonly kind: MilestoneKind;
  readonly label: string;
  /** Listed after a later month in the source: shown as a data problem, never reordered. */
  readonly outOfOrder: boolean;
}

export interface ScheduleDto {
  readonly milestones: readonly MilestoneDto[];
  readonly flagged: number;
}

export interface LocalStaffDto {
  readonly staffId: string;
  readonly displayName: string;
  readonly upn: string;
  readonly unitName?: string | undefined;
  readonly grade: Grade;
  readonly secretariat: boolean;
  /** The name's kana reading, when the directory has one (the picker sorts by it). */
  readonly reading?: string | undefined;
  /** Programme roles derived from the rosters and the directory, highest first (the picker's headings and badges). */
  readonly roles: readonly ProgrammeRole[];
}

/** A proposal-based PT theme with its public call for members. */
export interface RecruitmentSummaryDto {
  readonly id: string;
  readonly fiscalYear: number;
  readonly title: string;
  readonly description: string;
  readonly perspective: Perspective;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly status: 'recruiting' | 'closed' | 'teamFormed';
  /** Applications are accepted now. */
  readonly open: boolean;
  readonly demo: boolean;
  readonly applicationCount: number;
  /** The viewer's latest application; applying again replaces it. */
  readonly myApplication?: MyApplicationDto | undefined;
}

export interface MyApplicationDto {
  readonly desiredRole: TeamRole;
  readonly state: ApplicationState;
  readonly appliedAt: string;
  readonly motivation: string;
}

/** A version of an application that a later one replaced. */
export interface ApplicationVersionDto {
  readonly desiredRole: TeamRole;
  readonly appliedAt: string;
}

/** The answer to an application: 201 when new, 200 when it replaced the earlier one (`replaced`). */
export interface ApplicationResultDto {
  readonly desiredRole: TeamRole;
  readonly state: ApplicationState;
  readonly appliedAt: string;
  readonly replaced?: ApplicationVersionDto | undefined;
}

export interface ApplicantDto {
  readonly staffId: string;
  readonly displayName: string;
  readonly unitName?: string | undefined;
  /** The directory's current grade: the one the team rules use. */
  readonly grade: Grade;
  readonly desiredRole: TeamRole;
  readonly motivation: string;
  readonly state: ApplicationState;
  /** When the latest application was made. */
  readonly appliedAt: string;
  /** What the latest application replaced, oldest first (empty when the person applied once). */
  readonly earlierVersions: readonly ApplicationVersionDto[];
}

/** Applicants and the saved team are given to the secretariat (and administrators) only. */
export interface RecruitmentDetailDto extends RecruitmentSummaryDto {
  /** The viewer's grade in the directory, which decides the roles they may apply for; absent when not in it. */
  readonly viewerGrade?: Grade | undefined;
  readonly mayBuildTeam: boolean;
  /** The public call has closed: only now may the team be formed (５（５）). */
  readonly recruitmentClosed: boolean;
  /** The team rules of the project's fiscal year, as the programme states them. */
  readonly teamRules?: TeamRulesDto | undefined;
  readonly applicants: readonly ApplicantDto[];
  readonly team: readonly TeamSeatDto[];
  /** The secretariat's recorded reason for a team formed outside an approximate rule. */
  readonly teamConfirmation?: { readonly reason: string; readonly confirmedAt: string } | undefined;
}

export interface TeamSeatDto {
  readonly staffId: string;
  readonly displayName: string;
  readonly grade: Grade;
  readonly role: TeamRole;
  /** Why someone who did not apply holds the seat. */
  readonly exceptionReason?: string | undefined;
}

export interface TeamRulesDto {
  readonly pmGrades: readonly Grade[];
  readonly pmCount: number;
  readonly plGrades: readonly Grade[];
  readonly plCount: number;
  readonly memberMaxGrade: Grade;
  readonly minMembers: number;
  readonly maxMembers: number;
  readonly membersApproximate: boolean;
  readonly membersAsPrinted: string;
}

/** Someone the team builder may seat: an applicant, or (with a recorded reason) anyone else. */
export interface CandidateDto {
  readonly staffId: string;
  readonly displayName: string;
  readonly unitName?: string | undefined;
  readonly grade: Grade;
  readonly applicant: boolean;
  readonly withdrawn: boolean;
}

export interface CalendarFeedDto {
  /** A secret feed URL exists; it is never shown again (only its hash is kept). */
  readonly active: boolean;
  readonly createdAt?: string | undefined;
  readonly bodies: readonly { readonly id: string; readonly name: string; readonly nameEn: string }[];
}

/** The new feed URLs (paths on this server), shown once after creating or rotating the secret. */
export interface CalendarFeedUrlsDto {
  readonly createdAt: string;
  readonly personal: string;
  readonly bodies: readonly { readonly id: string; readonly name: string; readonly nameEn: string; readonly url: string }[];
}

export type UpsertOutcomeDto = 'created' | 'updated' | 'unchanged';

/** What a staff CSV would change (or changed): per line, the fields that differ from the directory. */
export interface StaffImportPreviewDto {
  readonly counts: Readonly<Record<UpsertOutcomeDto, number>>;
  readonly lines: readonly {
    readonly outcome: UpsertOutcomeDto;
    readonly upn: string;
    readonly displayName: string;
    readonly changes: readonly { readonly field: string; readonly before: string; readonly after: string }[];
  }[];
}

/** A programme file's contents by kind and its traps (in both languages); `summary` once applied. */
export interface ProgrammeImportDto {
  readonly counts: Readonly<Record<string, number>>;
  readonly traps: readonly { readonly code: string; readonly where: string; readonly ja: string; readonly en: string }[];
  readonly summary?: Readonly<Record<UpsertOutcomeDto, number>> | undefined;
}

export interface RolloverDto {
  readonly calls: readonly { readonly id: string; readonly title: string }[];
  readonly milestones: number;
  readonly skippedIds: readonly string[];
}

/** Where the bot posts and what each conversation receives, with the outbox's delivery counts. */
export interface NotificationsOverviewDto {
  readonly conversations: readonly {
    readonly conversationId: string;
    readonly kind: 'personal' | 'groupChat' | 'channel';
    readonly name?: string | undefined;
    readonly kinds: readonly string[];
    readonly bodyId?: string | undefined;
    readonly callId?: string | undefined;
  }[];
  readonly outbox: Readonly<Record<'pending' | 'sending' | 'sent' | 'failed' | 'skipped', number>>;
}

/** The pending outbox rows, soonest first, and the conversations a test may be sent to. */
export interface PlannedNotificationsDto {
  readonly planned: readonly {
    readonly id: string;
    readonly kind: string;
    /** ISO 8601 with +09:00. */
    readonly dueAt: string;
    readonly conversationId: string;
    readonly conversationName?: string | undefined;
  }[];
  readonly targets: readonly { readonly conversationId: string; readonly kind: 'personal' | 'groupChat' | 'channel'; readonly name?: string | undefined }[];
}

/** A planned notification as it would be posted now: the Adaptive Card, or why it would be skipped. */
export type NotificationPreviewDto =
  | { readonly outcome: 'card'; readonly card: Readonly<Record<string, unknown>>; readonly text?: string | undefined }
  | { readonly outcome: 'skip'; readonly reason: string; readonly message: string };

/** A test send the Bot Connector accepted. */
export interface TestSendDto {
  readonly conversationId: string;
  readonly activityId?: string | undefined;
}

/** A recorded absence (事故) or vacancy (欠けた) of a post, with its period (要綱 art. 3(3)). */
export interface PostAbsenceDto {
  readonly id: string;
  readonly postId: string;
  readonly postTitle: string;
  readonly kind: 'absent' | 'vacant';
  readonly from: string;
  readonly until?: string | undefined;
  readonly note?: string | undefined;
  readonly recordedByName: string;
  readonly recordedAt: string;
  readonly endedAt?: string | undefined;
  /** In force now. */
  readonly current: boolean;
}

/** What the absences section lists: the records and the posts it offers (HQ's chair and vice-chairs first). */
export interface PostAbsencesDto {
  readonly absences: readonly PostAbsenceDto[];
  readonly posts: readonly { readonly id: string; readonly title: string }[];
}

/** How a member took part, as the minutes record it. */
export type AttendanceMarkDto = 'present' | 'absent' | 'proxy';

/** What a decision decides, as the secretariat records it (`shared/minutes/minutes.ts` DecisionSubject). */
export type DecisionSubjectDto =
  | { readonly kind: 'proposal'; readonly proposalId: string; readonly outcome: Decision }
  | { readonly kind: 'pt'; readonly ptId: string; readonly concern: 'direction' | 'reportRequested' }
  | { readonly kind: 'schedule' }
  | { readonly kind: 'general' };

export type ActionOwnerDto = { readonly kind: 'staff'; readonly staffId: string } | { readonly kind: 'unit'; readonly unitId: string };

/** What `PUT /api/v1/meetings/:id/minutes` takes: the secretariat's content of the minutes. */
export interface MinutesContentDto {
  readonly attendance: readonly { readonly staffId: string; readonly mark: AttendanceMarkDto; readonly proxyName?: string | undefined }[];
  readonly guestsPresent: readonly string[];
  readonly summaries: readonly { readonly agendaIndex: number; readonly summary: string }[];
  readonly decisions: readonly {
    readonly id: string;
    readonly agendaIndex?: number | undefined;
    readonly text: string;
    readonly subject: DecisionSubjectDto;
    readonly actions: readonly { readonly title: string; readonly owner: ActionOwnerDto; readonly dueOn: string }[];
  }[];
}

/** A meeting's minutes as the viewer may read them (`GET /api/v1/meetings/:id/minutes`). */
export interface MinutesDto {
  readonly meetingId: string;
  readonly status: 'draft' | 'confirmed';
  /** False for the secretariat's fresh draft from the answers, which nothing has saved yet. */
  readonly saved: boolean;
  /** The viewer is the body's secretariat and the minutes are still a draft. */
  readonly mayEdit: boolean;
  /** The viewer holds the post that presided (the chair, or whoever acted for the chair) and the draft is saved. */
  readonly mayConfirm: boolean;
  readonly attendance: readonly {
    readonly staffId: string;
    readonly displayName: string;
    readonly postTitle?: string | undefined;
    readonly mark: AttendanceMarkDto;
    readonly proxyName?: string | undefined;
  }[];
  /** The guests on the convocation, and which of them attended. */
  readonly guests: readonly { readonly name: string; readonly present: boolean }[];
  /** Every agenda item as issued, with its summary (議事の概要; empty when none is recorded). */
  readonly agenda: readonly { readonly index: number; readonly title: string; readonly summary: string }[];
  readonly decisions: readonly MinutesDecisionDto[];
  readonly updatedAt: string;
  readonly updatedByName: string;
  readonly confirmedAt?: string | undefined;
  readonly confirmedByName?: string | undefined;
  /** What the editor offers (only with `mayEdit`): proposals to decide, PTs, owners. */
  readonly choices?: MinutesChoicesDto | undefined;
}

export interface MinutesDecisionDto {
  readonly id: string;
  readonly agendaIndex?: number | undefined;
  readonly text: string;
  readonly subject: DecisionSubjectDto;
  /** The proposal (receipt number and title) or the PT (item numbers and title) the decision concerns. */
  readonly subjectName?: string | undefined;
  readonly actions: readonly {
    readonly title: string;
    readonly owner: ActionOwnerDto;
    readonly ownerName: string;
    readonly dueOn: string;
  }[];
}

export interface MinutesChoicesDto {
  readonly proposals: readonly { readonly id: string; readonly name: string; readonly state: ProposalState }[];
  readonly pts: readonly { readonly id: string; readonly name: string }[];
  readonly people: readonly { readonly id: string; readonly name: string }[];
  readonly units: readonly { readonly id: string; readonly name: string }[];
}

/** An action item (対応事項) of confirmed minutes, on the dashboard. */
export interface ActionItemDto {
  readonly id: string;
  readonly title: string;
  readonly dueOn: string;
  readonly status: 'open' | 'done';
  readonly overdue: boolean;
  readonly ownerName: string;
  readonly meetingId: string;
  readonly bodyName: string;
  readonly bodyNameEn: string;
  readonly ordinal: number;
  readonly doneAt?: string | undefined;
  readonly doneNote?: string | undefined;
}
