/**
 * What the app promised to tell one person, kept whether or not the bot can reach them: the
 * outcome of their proposal, of their application, or a change to a meeting they answered. Only
 * ids travel; the message is rendered from the current state (the decision and its reason).
 */
export type PersonalNoticeSubject =
  | { readonly type: 'proposalDecision'; readonly proposalId: string }
  | { readonly type: 'recruitmentOutcome'; readonly projectId: string; readonly applicationId: string }
  | { readonly type: 'meetingChanged'; readonly meetingId: string; readonly change: 'rescheduled' | 'cancelled'; readonly previousStartsAt: Date }
  /** A convocation the secretariat prepared, waiting for this person (the chair or acting chair) to issue it. */
  | { readonly type: 'convocationToIssue'; readonly meetingId: string };

export interface PersonalNotice {
  readonly id: string;
  readonly staffId: string;
  readonly subject: PersonalNoticeSubject;
  readonly createdAt: Date;
  /** When the person opened it in the tab (a notice delivered in chat needs no reading there). */
  readonly readAt?: Date | undefined;
}

/** The entity a notice is about, to find its notices from the review board or a meeting. */
export function noticeSubjectId(subject: PersonalNoticeSubject): string {
  switch (subject.type) {
    case 'proposalDecision':
      return subject.proposalId;
    case 'recruitmentOutcome':
      return subject.applicationId;
    case 'meetingChanged':
    case 'convocationToIssue':
      return subject.meetingId;
  }
}

/**
 * How a notice reached its person: in their chat with the bot (`sent`), on its way (`pending`),
 * given up (`failed`), or not at all because the bot is not installed for them (`notInstalled`),
 * in which case the tab's dashboard holds it as unread.
 */
export type NoticeDelivery = 'sent' | 'pending' | 'failed' | 'notInstalled';

/** How long an unread notice waits for the person to install the bot, and stays on the dashboard. */
export const NOTICE_RETENTION_DAYS = 30;
