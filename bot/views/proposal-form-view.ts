import type { ProposalCall, TrackKind } from '../../shared/calls/proposal-call.js';
import { isTrackOpen } from '../../shared/calls/proposal-call.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { Repositories } from '../../shared/ports/store.js';
import type { Proposal } from '../../shared/proposals/proposal.js';
import { defaultTrack, departmentOf } from '../../shared/proposals/track-eligibility.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { proposalFormCard, type ProposalFormData, type ProposalFormValues } from '../cards/proposal-cards.js';
import type { AdaptiveCard } from '../cards/card-kit.js';

/**
 * The tracks a person is offered: the department track only when they work in a department and
 * it is open; their default track (by grade) first.
 */
export async function offeredTracks(repos: Repositories, call: ProposalCall, staff: Staff, now: Date) {
  const units = new Map((await repos.units.list()).map((unit) => [unit.id, unit]));
  const department = departmentOf(staff.unitId, units);
  const open = call.tracks.map((track) => track.kind).filter((kind) => isTrackOpen(call, kind, now));
  const allowed = open.filter((kind) => kind === 'individual' || department !== undefined);
  const preferred = defaultTrack(staff);
  const tracks: TrackKind[] = [...allowed].sort((a, b) => Number(b === preferred) - Number(a === preferred));
  return { tracks, departments: department ? [{ id: department.id, name: department.name }] : [] };
}

/** The form's values from a stored draft, so "edit" reopens it as it was saved. */
export function valuesOf(proposal: Proposal | undefined): ProposalFormValues {
  if (!proposal) return {};
  return {
    track: proposal.track,
    departmentUnitId: proposal.departmentUnitId,
    title: proposal.title,
    summary: proposal.summary,
    relatedItem: proposal.relatedItemKey,
    expectedEffect: proposal.expectedEffect,
    perspective: proposal.perspective,
    currentItemIssues: proposal.currentItemIssues,
  };
}

export async function buildProposalForm(
  repos: Repositories,
  input: { locale: Locale; staff: Staff; call: ProposalCall; proposalId: string; now: Date } & Pick<ProposalFormData, 'values' | 'errors' | 'notice'>,
): Promise<AdaptiveCard> {
  const { tracks, departments } = await offeredTracks(repos, input.call, input.staff, input.now);
  return proposalFormCard({ ...input, tracks, departments });
}
