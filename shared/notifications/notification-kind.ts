/** What a conversation can subscribe to. */
export const NOTIFICATION_KINDS = ['proposalDeadlines', 'convocations', 'meetingReminders', 'progressReportRequests'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, { ja: string; en: string }>> = {
  proposalDeadlines: { ja: '提案募集の締切', en: 'Proposal deadlines' },
  convocations: { ja: '会議の招集', en: 'Convocations' },
  meetingReminders: { ja: '会議の前日リマインダー', en: 'Meeting reminders' },
  progressReportRequests: { ja: 'PT進捗報告の依頼', en: 'PT progress-report requests' },
};
