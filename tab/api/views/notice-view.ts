import type { Repositories } from '../../../shared/ports/store.js';
import type { NoticeWithDelivery } from '../../../shared/use-cases/personal-notices.js';
import type { NoticeDto } from '../../web/models/api-contract.js';

/**
 * A notice as the dashboard shows it, from the current state (the decision and reason as they
 * stand now). Unread means the person has seen it nowhere: not delivered in chat, not opened here.
 */
export async function presentNotice(repos: Repositories, { notice, delivery }: NoticeWithDelivery): Promise<NoticeDto | undefined> {
  const base = { id: notice.id, createdAt: notice.createdAt.toISOString(), delivery, unread: notice.readAt === undefined && delivery !== 'sent' };
  const subject = notice.subject;
  switch (subject.type) {
    case 'proposalDecision': {
      const proposal = await repos.proposals.get(subject.proposalId);
      if (!proposal) return undefined;
      return {
        ...base,
        subject: {
          kind: 'proposalDecision',
          proposalId: proposal.id,
          title: proposal.title,
          receiptNumber: proposal.receiptNumber,
          state: proposal.state,
          reason: proposal.decisionReason,
        },
      };
    }
    case 'recruitmentOutcome': {
      const project = await repos.recruitment.getProject(subject.projectId);
      if (!project) return undefined;
      const seat = (await repos.recruitment.getTeam(project.id)).find((candidate) => candidate.staffId === notice.staffId);
      return { ...base, subject: { kind: 'recruitmentOutcome', projectId: project.id, projectTitle: project.title, role: seat?.role } };
    }
    case 'meetingChanged': {
      const meeting = await repos.meetings.get(subject.meetingId);
      const body = meeting ? await repos.bodies.get(meeting.bodyId) : undefined;
      if (!meeting || !body) return undefined;
      return {
        ...base,
        subject: {
          kind: 'meetingChanged',
          meetingId: meeting.id,
          bodyName: body.name,
          bodyNameEn: body.nameEn,
          ordinal: meeting.ordinal,
          change: subject.change,
          previousStartsAt: subject.previousStartsAt.toISOString(),
          startsAt: meeting.startsAt.toISOString(),
        },
      };
    }
    case 'convocationToIssue': {
      const meeting = await repos.meetings.get(subject.meetingId);
      const body = meeting ? await repos.bodies.get(meeting.bodyId) : undefined;
      if (!meeting || !body) return undefined;
      const subjectDto = {
        kind: 'convocationToIssue' as const,
        meetingId: meeting.id,
        bodyName: body.name,
        bodyNameEn: body.nameEn,
        ordinal: meeting.ordinal,
        startsAt: meeting.startsAt.toISOString(),
        issued: meeting.status !== 'prepared',
      };
      return { ...base, subject: subjectDto };
    }
  }
}
