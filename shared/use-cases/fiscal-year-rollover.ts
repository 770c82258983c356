import type { CallTrack, ProposalCall } from '../calls/proposal-call.js';
import { DomainError } from '../domain-error.js';
import type { Milestone } from '../schedule/milestone.js';
import { addYearsToDate, deadlineFromDate, instantAtJst, jstDateOf, jstDateTimeParts, onOrBeforeBusinessDay } from '../time/index.js';
import type { UseCaseContext } from './context.js';

export interface RolloverResult {
  readonly calls: readonly ProposalCall[];
  readonly milestones: readonly Milestone[];
  /** Ids that already existed in the target year and were left as they are (an admin may have edited them). */
  readonly skippedIds: readonly string[];
}

/** `fy2024-new-initiative` → `fy2025-new-initiative`; ids without the year get a suffix. */
export function rolledId(id: string, from: number, to: number): string {
  return id.includes(String(from)) ? id.replaceAll(String(from), String(to)) : `${id}-fy${to}`;
}

/** The same month and day a year later, moved back to a business day when it is not one. */
function movedDate(isoDate: string, years: number): string {
  return onOrBeforeBusinessDay(addYearsToDate(isoDate, years));
}

function movedInstant(instant: Date, years: number): Date {
  const { hour, minute } = jstDateTimeParts(instant);
  return instantAtJst(movedDate(jstDateOf(instant), years), hour, minute);
}

/**
 * Copies the annual cycle (calls with their tracks, and milestones) of the year before `toYear`
 * as drafts, so the secretariat adjusts and publishes them. Existing targets are never overwritten,
 * so running it twice creates nothing the second time.
 */
export async function rollOverFiscalYear(ctx: UseCaseContext, toYear: number, actorStaffId?: string): Promise<RolloverResult> {
  if (!Number.isInteger(toYear) || toYear < 2019 || toYear > 2100) throw new DomainError('rollover.invalidYear', { value: toYear });
  const from = toYear - 1;
  return ctx.store.transaction(async (tx) => {
    const sourceCalls = (await tx.calls.list({ fiscalYear: from })).filter((call) => !call.demo);
    if (sourceCalls.length === 0) throw new DomainError('rollover.nothingToCopy', { year: from });
    const at = ctx.clock.now();
    const skippedIds: string[] = [];
    const calls: ProposalCall[] = [];
    for (const call of sourceCalls) {
      const id = rolledId(call.id, from, toYear);
      if (await tx.calls.get(id)) {
        skippedIds.push(id);
        continue;
      }
      const tracks: CallTrack[] = call.tracks.map((track) => {
        const deadlineDate = movedDate(track.deadlineDate, 1);
        return { ...track, deadlineDate, closesAt: deadlineFromDate(deadlineDate) };
      });
      const copy: ProposalCall = { ...call, id, fiscalYear: toYear, opensAt: movedInstant(call.opensAt, 1), tracks, status: 'draft' };
      await tx.calls.upsert(copy);
      await tx.audit.record({ entityType: 'call', entityId: id, action: 'rollover', actorStaffId, at, after: copy });
      calls.push(copy);
    }

    const existingMilestones = new Set((await tx.milestones.list({ fiscalYear: toYear })).map((m) => m.id));
    const milestones: Milestone[] = [];
    for (const milestone of await tx.milestones.list({ fiscalYear: from })) {
      const id = rolledId(milestone.id, from, toYear);
      if (existingMilestones.has(id)) {
        skippedIds.push(id);
        continue;
      }
      const [year, month] = milestone.month.split('-').map(Number) as [number, number];
      const copy: Milestone = {
        ...milestone,
        id,
        scheduleId: rolledId(milestone.scheduleId, from, toYear),
        fiscalYear: toYear,
        month: `${year + 1}-${String(month).padStart(2, '0')}`,
        date: milestone.date ? movedDate(milestone.date, 1) : undefined,
        callId: milestone.callId ? rolledId(milestone.callId, from, toYear) : undefined,
        status: 'draft',
      };
      await tx.milestones.upsert(copy);
      await tx.audit.record({ entityType: 'milestone', entityId: id, action: 'rollover', actorStaffId, at, after: copy });
      milestones.push(copy);
    }
    return { calls, milestones, skippedIds };
  });
}
