import type { TrackKind } from '../calls/proposal-call.js';

/**
 * What an outbox row asks to be said. Only ids travel in the row: the message is rendered from the
 * current state when it is sent, so a meeting moved after planning is never announced at its old
 * time, and a closed notice counts the proposals actually received.
 */
export type NotificationPayload =
  | { readonly type: 'convocation'; readonly meetingId: string }
  | { readonly type: 'meetingReminder'; readonly meetingId: string }
  | { readonly type: 'meetingChange'; readonly meetingId: string; readonly change: 'rescheduled' | 'cancelled'; readonly previousStartsAt?: string | undefined }
  /** Re-renders a posted convocation card in place (Teams updateActivity). */
  | { readonly type: 'cardUpdate'; readonly meetingId: string; readonly updatesOutboxId: string }
  | { readonly type: 'deadlineReminder'; readonly callId: string; readonly track: TrackKind }
  | { readonly type: 'deadlineClosed'; readonly callId: string; readonly track: TrackKind }
  /** Personal: a roster member who has not answered the convocation. */
  | { readonly type: 'rsvpNudge'; readonly meetingId: string; readonly staffId: string }
  /** Personal: an author whose draft is still unsubmitted as the track closes. */
  | { readonly type: 'draftReminder'; readonly proposalId: string }
  /** Personal: a PT secretariat whose progress report is on an HQ meeting's agenda. */
  | { readonly type: 'progressReportRequest'; readonly meetingId: string; readonly ptId: string }
  /** Personal: an owner of an open action item (宿題) due soon. */
  | { readonly type: 'actionItemReminder'; readonly actionItemId: string }
  /** Personal: a notice the app promised (a decision, an application's outcome, a changed meeting). */
  | { readonly type: 'personalNotice'; readonly noticeId: string };

export type NotificationType = NotificationPayload['type'];
