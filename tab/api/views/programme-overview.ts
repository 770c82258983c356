import { isCallOpen } from '../../../shared/calls/proposal-call.js';
import type { Repositories } from '../../../shared/ports/store.js';
import type { ProposalState } from '../../../shared/proposals/proposal.js';
import { departmentOf } from '../../../shared/proposals/track-eligibility.js';
import type { ProgrammeOverviewDto } from '../../web/models/api-contract.js';

/** Every state after the draft, in the order a proposal moves through them. */
const SHOWN_STATES: readonly ProposalState[] = ['submitted', 'underReview', 'acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected', 'withdrawn'];

/**
 * Proposals of each open call by department and state (drafts stay private). A department
 * proposal counts for the department it speaks for; an individual one for its author's department.
 */
export async function presentProgrammeOverview(repos: Repositories, now: Date): Promise<ProgrammeOverviewDto> {
  const open = (await repos.calls.list()).filter((call) => isCallOpen(call, now));
  if (open.length === 0) return { calls: [] };
  const [units, staff] = await Promise.all([repos.units.list(), repos.staff.list()]);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const unitOfStaff = new Map(staff.map((person) => [person.id, person.unitId]));
  const calls = await Promise.all(
    open.map(async (call) => {
      const groups = await repos.proposals.countByAuthorAndState(call.id, SHOWN_STATES);
      const rows = new Map<string, { id?: string | undefined; name?: string | undefined; counts: Partial<Record<ProposalState, number>> }>();
      for (const group of groups) {
        const department = departmentOf(group.departmentUnitId ?? unitOfStaff.get(group.authorStaffId), unitById);
        const key = department?.id ?? '';
        const row = rows.get(key) ?? { id: department?.id, name: department?.name, counts: {} };
        row.counts[group.state] = (row.counts[group.state] ?? 0) + group.count;
        rows.set(key, row);
      }
      // Departments in the order the units repository lists them; proposals whose department is unknown last.
      const order = (id: string | undefined) => (id === undefined ? Infinity : units.findIndex((unit) => unit.id === id));
      return {
        id: call.id,
        title: call.title,
        states: SHOWN_STATES,
        departments: [...rows.values()].sort((a, b) => order(a.id) - order(b.id)),
      };
    }),
  );
  return { calls };
}
