import { DomainError } from '../domain-error.js';

/** New initiative proposals (新規取組み項目) or themes for the proposal-based PT system. */
export type CallKind = 'newInitiative' | 'ptTheme';

/**
 * A track has its own deadline: departments answer through the survey form (調査票);
 * individual staff through the existing staff proposal system (職員提案制度).
 */
export type TrackKind = 'department' | 'individual';

export interface CallTrack {
  readonly kind: TrackKind;
  readonly channel: 'surveyForm' | 'staffProposalSystem';
  /** The last day as the document writes it ("until 6月14日"), `YYYY-MM-DD` in JST. */
  readonly deadlineDate: string;
  /** Exclusive end: the start of the day after `deadlineDate` in JST. */
  readonly closesAt: Date;
}

/** Reminder plan for a call's deadlines (used by notifications). */
export interface ReminderPolicy {
  readonly offsetsDays: readonly number[];
  readonly hourJst: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { offsetsDays: [7, 3, 1, 0], hourJst: 9 };

export interface ProposalCall {
  readonly id: string;
  readonly kind: CallKind;
  readonly fiscalYear: number;
  readonly title: string;
  readonly opensAt: Date;
  readonly tracks: readonly CallTrack[];
  /** Field ids the form asks for, in order (see `proposals/proposal.ts`). */
  readonly formFields: readonly string[];
  readonly reminderPolicy: ReminderPolicy;
  /** `draft` calls (e.g. created by the fiscal-year roll-over) are not open to anyone yet. */
  readonly status: 'draft' | 'published';
  /** Demo data added in local mode only; never present in production. */
  readonly demo: boolean;
}

export function trackOf(call: ProposalCall, kind: TrackKind): CallTrack {
  const track = call.tracks.find((candidate) => candidate.kind === kind);
  if (!track) throw new DomainError('call.noSuchTrack', { call: call.title, track: kind });
  return track;
}

/** A call accepts a track's proposals from `opensAt` until the end of the deadline day (JST). */
export function isTrackOpen(call: ProposalCall, kind: TrackKind, now: Date): boolean {
  const track = call.tracks.find((candidate) => candidate.kind === kind);
  return call.status === 'published' && track !== undefined && now.getTime() >= call.opensAt.getTime() && now.getTime() < track.closesAt.getTime();
}

/** True while at least one track accepts proposals. */
export function isCallOpen(call: ProposalCall, now: Date): boolean {
  return call.tracks.some((track) => isTrackOpen(call, track.kind, now));
}

/** Refuses with `call.closed` (naming the deadline) or `call.notYetOpen` when the track is not open. */
export function assertTrackOpen(call: ProposalCall, kind: TrackKind, now: Date): void {
  const track = trackOf(call, kind);
  if (call.status !== 'published' || now.getTime() < call.opensAt.getTime()) {
    throw new DomainError('call.notYetOpen', { call: call.title });
  }
  if (now.getTime() >= track.closesAt.getTime()) {
    throw new DomainError('call.closed', { call: call.title, track: kind, deadline: track.deadlineDate });
  }
}
