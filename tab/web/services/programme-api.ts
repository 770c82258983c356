import type {
  BodyDetailDto,
  PlanDto,
  ApplicationResultDto,
  CandidateDto,
  BodyDto,
  CalendarFeedDto,
  CalendarFeedUrlsDto,
  CallDto,
  ConveneMeetingInput,
  PostAbsenceDto,
  PostAbsencesDto,
  DashboardDto,
  ProgrammeOverviewDto,
  Decision,
  LocalStaffDto,
  MeetingDetailDto,
  MeetingSummaryDto,
  PracticeDto,
  ProjectTeamDetailDto,
  ProgrammeImportDto,
  ProjectTeamSummaryDto,
  RolloverDto,
  StaffDirectoryDto,
  StaffDirectoryEntryDto,
  StaffImportPreviewDto,
  RecruitmentDetailDto,
  RecruitmentSummaryDto,
  TeamRole,
  ProgressReportInputDto,
  ProposalDto,
  ReviewProposalDto,
  RsvpReminderDto,
  RsvpResponse,
  ScheduleDto,
  TrackKind,
  ViewerDto,
  NotificationPreviewDto,
  NotificationsOverviewDto,
  PlannedNotificationsDto,
  ActionItemDto,
  MinutesContentDto,
  MinutesDto,
  TestSendDto,
} from '../models/api-contract.js';
import { ApiError, request, requestJson } from './api-client.js';

export interface ProposalForm {
  callId: string;
  track?: TrackKind | undefined;
  departmentUnitId?: string | undefined;
  title: string;
  summary: string;
  relatedItem: string;
  expectedEffect: string;
  /** Sent only where asked: the department track of a new-initiative call. */
  currentItemIssues?: string | undefined;
  /** A proposal-based PT theme's perspective (a)(b)(c); PT-theme calls only. */
  perspective?: string | undefined;
}

const enc = encodeURIComponent;
const query = (values: Record<string, string | undefined>) => {
  const params = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return params.size ? `?${params}` : '';
};

/** A file the API serves as an attachment, under the name its Content-Disposition gives (RFC 5987). */
async function downloadFile(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const response = await request('GET', path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { blob: await response.blob(), filename: encoded ? decodeURIComponent(encoded) : fallbackName };
}

/** Typed calls of `/api/v1/`, one function per endpoint. */
export const programmeApi = {
  localStatus: () => requestJson<{ localMode: boolean }>('GET', '/api/v1/local-auth/status', undefined, { anonymous: true }),
  localStaff: () => requestJson<LocalStaffDto[]>('GET', '/api/v1/local-auth/staff', undefined, { anonymous: true }),
  localToken: (staffId: string) => requestJson<{ token: string; expiresAt: string }>('POST', '/api/v1/local-auth/token', { staffId }, { anonymous: true }),

  me: () => requestJson<ViewerDto>('GET', '/api/v1/me'),
  markNoticeRead: (id: string) => requestJson<{ read: boolean }>('POST', `/api/v1/notices/${enc(id)}/read`),
  savePreferences: (preferences: { locale: 'ja' | 'en' }) => requestJson<ViewerDto>('PUT', '/api/v1/me/preferences', preferences),
  dashboard: () => requestJson<DashboardDto>('GET', '/api/v1/dashboard'),
  dashboardOverview: () => requestJson<ProgrammeOverviewDto>('GET', '/api/v1/dashboard/overview'),
  meetings: (filter: { bodyId?: string | undefined } = {}) => requestJson<MeetingSummaryDto[]>('GET', `/api/v1/meetings${query(filter)}`),
  meeting: (id: string) => requestJson<MeetingDetailDto>('GET', `/api/v1/meetings/${enc(id)}`),
  answerRsvp: (id: string, response: RsvpResponse, proxyName?: string) =>
    requestJson<unknown>('PUT', `/api/v1/meetings/${enc(id)}/rsvp`, { response, ...(proxyName ? { proxyName } : {}) }),
  /** The minutes the viewer may read, or `undefined` when there are none they may (404). */
  minutes: (id: string) =>
    requestJson<MinutesDto>('GET', `/api/v1/meetings/${enc(id)}/minutes`).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }),
  saveMinutes: (id: string, content: MinutesContentDto) => requestJson<MinutesDto>('PUT', `/api/v1/meetings/${enc(id)}/minutes`, content),
  confirmMinutes: (id: string) => requestJson<MinutesDto>('POST', `/api/v1/meetings/${enc(id)}/minutes/confirm`, {}),
  myActionItems: () => requestJson<ActionItemDto[]>('GET', '/api/v1/action-items/mine'),
  completeAction: (id: string, note: string) => requestJson<ActionItemDto>('POST', `/api/v1/action-items/${enc(id)}/done`, { note }),
  bodies: () => requestJson<BodyDto[]>('GET', '/api/v1/bodies'),
  conveneMeeting: (input: ConveneMeetingInput) => requestJson<MeetingSummaryDto>('POST', '/api/v1/meetings', input),
  rescheduleMeeting: (id: string, input: { startsAt: string; endsAt: string; place?: string | undefined; reason?: string | undefined }) =>
    requestJson<MeetingSummaryDto>('POST', `/api/v1/meetings/${enc(id)}/reschedule`, input),
  prepareConvocation: (input: ConveneMeetingInput) => requestJson<MeetingSummaryDto>('POST', '/api/v1/meetings/prepare', input),
  issueConvocation: (id: string, guests: readonly { name: string; affiliation?: string | undefined }[]) =>
    requestJson<MeetingSummaryDto>('POST', `/api/v1/meetings/${enc(id)}/issue`, { guests }),
  absences: () => requestJson<PostAbsencesDto>('GET', '/api/v1/absences'),
  recordAbsence: (input: { postId: string; kind: 'absent' | 'vacant'; from: string; until?: string | undefined; note?: string | undefined }) =>
    requestJson<PostAbsenceDto>('POST', '/api/v1/absences', input),
  endAbsence: (id: string) => requestJson<PostAbsenceDto>('POST', `/api/v1/absences/${enc(id)}/end`, {}),
  cancelMeeting: (id: string) => requestJson<MeetingSummaryDto>('POST', `/api/v1/meetings/${enc(id)}/cancel`, {}),
  remindUnanswered: (id: string) => requestJson<RsvpReminderDto>('POST', `/api/v1/meetings/${enc(id)}/rsvp-reminder`, {}),
  projectTeams: (filter: { category?: string | undefined; status?: string | undefined; unitId?: string | undefined }) =>
    requestJson<ProjectTeamSummaryDto[]>('GET', `/api/v1/project-teams${query(filter)}`),
  projectTeam: (id: string) => requestJson<ProjectTeamDetailDto>('GET', `/api/v1/project-teams/${enc(id)}`),
  addProgressReport: (ptId: string, input: ProgressReportInputDto) =>
    requestJson<{ id: string }>('POST', `/api/v1/project-teams/${enc(ptId)}/progress-reports`, input),
  recruitments: () => requestJson<RecruitmentSummaryDto[]>('GET', '/api/v1/recruitment'),
  recruitment: (id: string) => requestJson<RecruitmentDetailDto>('GET', `/api/v1/recruitment/${enc(id)}`),
  applyForRecruitment: (id: string, desiredRole: TeamRole, motivation: string) =>
    requestJson<ApplicationResultDto>('POST', `/api/v1/recruitment/${enc(id)}/applications`, { desiredRole, motivation }),
  saveTeam: (
    id: string,
    team: { seats: readonly { staffId: string; role: TeamRole; exceptionReason?: string | undefined }[]; confirmationReason?: string | undefined },
  ) => requestJson<unknown>('PUT', `/api/v1/recruitment/${enc(id)}/team`, team),
  recruitmentCandidates: (id: string, q: string) => requestJson<CandidateDto[]>('GET', `/api/v1/recruitment/${enc(id)}/candidates?q=${enc(q)}`),
  calendarFeed: () => requestJson<CalendarFeedDto>('GET', '/api/v1/calendar-feed'),
  rotateCalendarFeed: () => requestJson<CalendarFeedUrlsDto>('POST', '/api/v1/calendar-feed/rotate', {}),
  notifications: () => requestJson<NotificationsOverviewDto>('GET', '/api/v1/admin/notifications'),
  plannedNotifications: () => requestJson<PlannedNotificationsDto>('GET', '/api/v1/admin/notifications/planned'),
  previewNotification: (id: string) => requestJson<NotificationPreviewDto>('GET', `/api/v1/admin/notifications/planned/${enc(id)}/preview`),
  testSendNotification: (id: string, conversationId: string) =>
    requestJson<TestSendDto>('POST', `/api/v1/admin/notifications/planned/${enc(id)}/test-send`, { conversationId }),
  staffDirectory: (q: string) => requestJson<StaffDirectoryDto>('GET', `/api/v1/admin/staff${query({ q: q || undefined })}`),
  updateStaffAccess: (staffId: string, change: { active?: boolean; admin?: boolean }) =>
    requestJson<StaffDirectoryEntryDto>('PUT', `/api/v1/admin/staff/${enc(staffId)}`, change),
  previewStaffImport: (csv: string) => requestJson<StaffImportPreviewDto>('POST', '/api/v1/admin/staff-import/preview', { csv }),
  applyStaffImport: (csv: string) => requestJson<StaffImportPreviewDto>('POST', '/api/v1/admin/staff-import/apply', { csv }),
  previewProgrammeImport: (yaml: string) => requestJson<ProgrammeImportDto>('POST', '/api/v1/admin/programme-import/preview', { yaml }),
  applyProgrammeImport: (yaml: string) => requestJson<ProgrammeImportDto>('POST', '/api/v1/admin/programme-import/apply', { yaml }),
  rollOver: (toYear: number) => requestJson<RolloverDto>('POST', '/api/v1/admin/rollover', { toYear }),
  calls: () => requestJson<CallDto[]>('GET', '/api/v1/calls'),
  myProposals: () => requestJson<ProposalDto[]>('GET', '/api/v1/proposals/mine'),
  saveDraft: (id: string, form: ProposalForm) => requestJson<ProposalDto>('PUT', `/api/v1/proposals/${enc(id)}`, form),
  submitProposal: (id: string, form: ProposalForm) => requestJson<ProposalDto>('POST', `/api/v1/proposals/${enc(id)}/submit`, form),
  withdrawProposal: (id: string) => requestJson<ProposalDto>('POST', `/api/v1/proposals/${enc(id)}/withdraw`, {}),
  reviewBoard: (filter: { callId?: string | undefined; state?: string | undefined; track?: string | undefined }) =>
    requestJson<ReviewProposalDto[]>('GET', `/api/v1/review/proposals${query(filter)}`),
  startReviews: (proposalIds: string[]) => requestJson<{ moved: string[] }>('POST', '/api/v1/review/start', { proposalIds }),
  decide: (id: string, decision: Decision, reason: string) =>
    requestJson<unknown>('POST', `/api/v1/review/proposals/${enc(id)}/decision`, { decision, reason }),
  addNote: (id: string, text: string) => requestJson<unknown>('POST', `/api/v1/review/proposals/${enc(id)}/notes`, { text }),
  /** The CSV as a file: the name comes from the server's Content-Disposition. */
  exportCsv: (callId?: string) => downloadFile(`/api/v1/review/export.csv${query({ callId })}`, 'proposals.csv'),
  /** The same list as an Excel workbook. */
  exportXlsx: (callId?: string) => downloadFile(`/api/v1/review/export.xlsx${query({ callId })}`, 'proposals.xlsx'),
  /** A meeting's materials pack (会議資料) as a Word document. */
  meetingMaterials: (id: string) => downloadFile(`/api/v1/meetings/${enc(id)}/materials.docx`, 'materials.docx'),
  plan: () => requestJson<PlanDto>('GET', '/api/v1/plan'),
  body: (id: string) => requestJson<BodyDetailDto>('GET', `/api/v1/bodies/${enc(id)}`),
  practices: (q: string) => requestJson<PracticeDto[]>('GET', `/api/v1/practices${query({ q })}`),
  markInterest: (id: string) => requestJson<{ interestCount: number }>('POST', `/api/v1/practices/${enc(id)}/interest`, {}),
  schedule: () => requestJson<ScheduleDto>('GET', '/api/v1/schedule'),
};
