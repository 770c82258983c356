import { DomainError } from '../domain-error.js';
import type { TrackKind } from '../calls/proposal-call.js';
import type { Staff } from '../organisation/staff.js';
import type { Unit } from '../organisation/unit.js';

/**
 * The department a unit belongs to: the unit itself when it is a department or branch office,
 * otherwise the nearest such ancestor.
 */
export function departmentOf(unitId: string | undefined, units: ReadonlyMap<string, Unit>): Unit | undefined {
  const seen = new Set<string>();
  let current = unitId ? units.get(unitId) : undefined;
  while (current && !seen.has(current.id)) {
    if (current.kind === 'department' || current.kind === 'branch' || current.kind === 'office') return current;
    seen.add(current.id);
    current = current.parentId ? units.get(current.parentId) : undefined;
  }
  return undefined;
}

/**
 * Department proposals come through the department's survey form, which its managers answer, so
 * directors and section chiefs start on the department track; everyone else proposes as an
 * individual through the staff proposal system.
 */
export function defaultTrack(staff: Staff): TrackKind {
  return staff.grade === 'director' || staff.grade === 'sectionChief' ? 'department' : 'individual';
}

/** A department-track proposal must come from someone who works in that department. */
export function assertMayUseTrack(staff: Staff, track: TrackKind, departmentUnitId: string | undefined, units: ReadonlyMap<string, Unit>): void {
  if (track === 'individual') return;
  if (!departmentUnitId) throw new DomainError('proposal.departmentRequired', {}, 'department');
  const own = departmentOf(staff.unitId, units);
  if (!own || own.id !== departmentUnitId) {
    const department = units.get(departmentUnitId)?.name ?? departmentUnitId;
    throw new DomainError('proposal.notInDepartment', { department }, 'department');
  }
}
