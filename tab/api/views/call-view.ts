import { isCallOpen, isTrackOpen, type ProposalCall } from '../../../shared/calls/proposal-call.js';
import { daysUntil } from '../../../shared/time/index.js';
import type { CallDto } from '../../web/models/api-contract.js';

/** A call with each track's deadline and days left counted in Japan. */
export function presentCall(call: ProposalCall, now: Date): CallDto {
  return {
    id: call.id,
    kind: call.kind,
    title: call.title,
    fiscalYear: call.fiscalYear,
    opensAt: call.opensAt.toISOString(),
    open: isCallOpen(call, now),
    demo: call.demo,
    tracks: call.tracks.map((track) => ({
      kind: track.kind,
      deadlineDate: track.deadlineDate,
      closesAt: track.closesAt.toISOString(),
      open: isTrackOpen(call, track.kind, now),
      daysLeft: daysUntil(now, track.closesAt),
    })),
  };
}
