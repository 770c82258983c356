import { isExpectedAttendee } from '../../shared/meetings/attendance.js';
import { isOwnedBy } from '../../shared/minutes/action-item.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import { meetingFingerprint } from '../../shared/notifications/meeting-reminders.js';
import type { OutboxEntry } from '../../shared/notifications/outbox-entry.js';
import type { NotificationRenderer, RenderedNotification } from '../../shared/ports/notification-ports.js';
import type { Repositories } from '../../shared/ports/store.js';
import { displayItemNumbers } from '../../shared/plan/project-team.js';
import { isDecision } from '../../shared/proposals/proposal.js';
import type { ConversationTarget } from '../../shared/notifications/conversation-target.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { actionReminderCard } from '../cards/action-item-cards.js';
import type { AdaptiveCard } from '../cards/card-kit.js';
import { issueCard } from '../cards/issue-card.js';
import { meetingCard, meetingTitle, type MeetingView } from '../cards/meetings-card.js';
import {
  deadlineClosedCard,
  deadlineReminderCard,
  decisionNoticeCard,
  draftReminderCard,
  meetingChangeCard,
  personalMeetingChangeCard,
  progressReportRequestCard,
  recruitmentOutcomeCard,
} from '../cards/notification-cards.js';
import { t } from '../i18n/bot-text.js';
import { actionItemLines } from '../views/action-item-view.js';
import { meetingViews } from '../views/meeting-view.js';
import { rosterUserIds } from '../views/roster.js';

const send = (card: AdaptiveCard, text?: string): RenderedNotification => ({
  kind: 'send',
  message: { card: card as unknown as Record<string, unknown>, ...(text ? { text } : {}) },
});
const skip = (reason: string): RenderedNotification => ({ kind: 'skip', reason });

/**
 * Renders outbox rows as Teams messages from the current state, in the conversation's language.
 * A row whose reason has gone (meeting moved or cancelled, draft submitted, RSVP answered) is
 * skipped rather than sent late or wrong. With the Teams app id, meeting cards link to the tab.
 */
export function createNotificationRenderer(repos: Repositories, options: { readonly teamsAppId?: string | undefined } = {}): NotificationRenderer {
  const { teamsAppId } = options;
  /** The shared convocation card: RSVP buttons for everyone, each roster member's own view on refresh. */
  const convocationCard = async (meeting: Meeting, locale: ConversationTarget['locale'], heading: string) => {
    const [view] = await meetingViews(repos, [meeting], undefined);
    const shared: MeetingView = { ...view!, mayAnswer: meeting.status === 'convened', forConversation: true };
    return meetingCard({ locale, view: shared, heading, refreshUserIds: await rosterUserIds(repos, meeting), teamsAppId });
  };
  /** The meeting as it is now, if it is still convened as it was when the row was planned. */
  const convenedMeeting = async (entry: OutboxEntry, meetingId: string): Promise<{ meeting: Meeting } | { stale: string }> => {
    const meeting = await repos.meetings.get(meetingId);
    if (!meeting) return { stale: 'meeting not found' };
    if (entry.fingerprint !== undefined && entry.fingerprint !== meetingFingerprint(meeting)) return { stale: 'meeting changed since planning' };
    if (meeting.status !== 'convened') return { stale: `meeting ${meeting.status}` };
    return { meeting };
  };

  /** A promise kept to one person, in the language they chose. */
  const renderNotice = async (noticeId: string, locale: Locale): Promise<RenderedNotification> => {
    const notice = await repos.notices.get(noticeId);
    const person = notice ? await repos.staff.get(notice.staffId) : undefined;
    if (!notice || !person) return skip('notice not found');
    const subject = notice.subject;
    switch (subject.type) {
      case 'proposalDecision': {
        const proposal = await repos.proposals.get(subject.proposalId);
        if (!proposal || !isDecision(proposal.state)) return skip('no decision to tell');
        return send(decisionNoticeCard({ locale, proposal }));
      }
      case 'recruitmentOutcome': {
        const project = await repos.recruitment.getProject(subject.projectId);
        const application = (await repos.recruitment.listApplications(subject.projectId)).find((candidate) => candidate.id === subject.applicationId);
        if (!project || !application) return skip('application not found');
        const seat = (await repos.recruitment.getTeam(project.id)).find((candidate) => candidate.staffId === application.staffId);
        return send(recruitmentOutcomeCard({ locale, projectTitle: project.title, seat: seat?.role }));
      }
      case 'convocationToIssue': {
        const meeting = await repos.meetings.get(subject.meetingId);
        if (!meeting || meeting.status !== 'prepared') return skip('no longer a draft to issue');
        const [view] = await meetingViews(repos, [meeting], person);
        const preparer = meeting.preparedByStaffId ? await repos.staff.get(meeting.preparedByStaffId) : undefined;
        return send(issueCard({ locale, view: view!, preparedByName: preparer?.displayName }));
      }
      case 'meetingChanged': {
        const meeting = await repos.meetings.get(subject.meetingId);
        if (!meeting) return skip('meeting not found');
        const [view] = await meetingViews(repos, [meeting], person);
        return send(
          personalMeetingChangeCard({ locale, view: view!, change: subject.change, previousStartsAt: subject.previousStartsAt, answer: view!.myRsvp }),
        );
      }
    }
  };

  return {
    async render(entry, target, now) {
      // A personal chat speaks the person's chosen language; a shared conversation its own.
      const person = target.kind === 'personal' && target.staffId ? await repos.staff.get(target.staffId) : undefined;
      const locale = person?.preferredLocale ?? target.locale;
      const payload = entry.payload;
      switch (payload.type) {
        case 'convocation':
        case 'meetingReminder': {
          const current = await convenedMeeting(entry, payload.meetingId);
          if ('stale' in current) return skip(current.stale);
          return send(await convocationCard(current.meeting, locale, t(payload.type === 'convocation' ? 'notice.convocation' : 'notice.reminder', locale)));
        }
        case 'cardUpdate': {
          const posted = await repos.outbox.get(payload.updatesOutboxId);
          const meeting = await repos.meetings.get(payload.meetingId);
          if (!posted?.activityId || !meeting) return skip('nothing posted to update');
          const card = await convocationCard(meeting, locale, t('notice.convocation', locale));
          return { kind: 'update', activityId: posted.activityId, message: { card: card as unknown as Record<string, unknown> } };
        }
        case 'meetingChange': {
          const meeting = await repos.meetings.get(payload.meetingId);
          if (!meeting) return skip('meeting not found');
          const [view] = await meetingViews(repos, [meeting], undefined);
          const title = meetingTitle(view!, locale);
          const previousStartsAt = payload.previousStartsAt ? new Date(payload.previousStartsAt) : undefined;
          // The payload keeps the old start only; the meeting's history has the old end beside it.
          const previous = previousStartsAt
            ? meeting.history.findLast((change) => change.previousStartsAt.getTime() === previousStartsAt.getTime())
            : undefined;
          return send(
            meetingChangeCard({
              locale,
              meetingTitle: title,
              change: payload.change,
              startsAt: meeting.startsAt,
              endsAt: meeting.endsAt,
              previousStartsAt,
              previousEndsAt: previous?.previousEndsAt,
            }),
          );
        }
        case 'rsvpNudge': {
          const current = await convenedMeeting(entry, payload.meetingId);
          if ('stale' in current) return skip(current.stale);
          const { meeting } = current;
          const person = await repos.staff.get(payload.staffId);
          const body = await repos.bodies.get(meeting.bodyId);
          if (!person?.active || !body) return skip('no longer expected');
          const team = body.kind === 'pt' ? (await repos.projectTeams.list()).find((pt) => pt.bodyId === body.id) : undefined;
          if (!isExpectedAttendee(body, person, team)) return skip('no longer on the roster');
          const [view] = await meetingViews(repos, [meeting], person);
          if (view!.myRsvp) return skip('already answered');
          return send(meetingCard({ locale, view: view!, heading: t('notice.rsvpNudge', locale), teamsAppId }));
        }
        case 'deadlineReminder':
        case 'deadlineClosed': {
          const call = await repos.calls.get(payload.callId);
          const track = call?.tracks.find((candidate) => candidate.kind === payload.track);
          if (!call || !track || call.status !== 'published') return skip('call withdrawn');
          if (payload.type === 'deadlineReminder') {
            if (now >= track.closesAt) return skip('deadline passed');
            return send(deadlineReminderCard({ locale, call, track: track.kind, now }));
          }
          const received = (await repos.proposals.list({ callId: call.id })).filter(
            (proposal) => proposal.track === track.kind && proposal.state !== 'draft' && proposal.submittedAt !== undefined,
          ).length;
          return send(deadlineClosedCard({ locale, call, track: track.kind, received, now }));
        }
        case 'draftReminder': {
          const proposal = await repos.proposals.get(payload.proposalId);
          if (!proposal || proposal.state !== 'draft') return skip('no longer a draft');
          const call = await repos.calls.get(proposal.callId);
          if (!call) return skip('call not found');
          return send(draftReminderCard({ locale, proposal, call, now }));
        }
        case 'progressReportRequest': {
          const current = await convenedMeeting(entry, payload.meetingId);
          if ('stale' in current) return skip(current.stale);
          const { meeting } = current;
          const pt = await repos.projectTeams.get(payload.ptId);
          if (!pt || !meeting.agenda.some((item) => item.ptId === pt.id)) return skip('no longer on the agenda');
          const [view] = await meetingViews(repos, [meeting], undefined);
          return send(
            progressReportRequestCard({
              locale,
              meetingTitle: meetingTitle(view!, locale),
              ptName: `${displayItemNumbers(pt)} ${pt.title}`,
              startsAt: meeting.startsAt,
              endsAt: meeting.endsAt,
            }),
          );
        }
        case 'actionItemReminder': {
          const item = await repos.actionItems.get(payload.actionItemId);
          if (!item || item.status !== 'open') return skip('no longer open');
          if (!person?.active || !isOwnedBy(item, person)) return skip('no longer the owner');
          const [line] = await actionItemLines(repos, [item], locale);
          return send(actionReminderCard({ locale, line: line!, now }));
        }
        case 'personalNotice':
          return renderNotice(payload.noticeId, locale);
      }
    },
  };
}
