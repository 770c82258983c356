/** What a milestone marks in the annual cycle. */
export type MilestoneKind =
  | 'launch'
  | 'callOpens'
  | 'callCloses'
  | 'hearings'
  | 'exchangeMeeting'
  | 'committeeReport'
  | 'itemAdjustment'
  | 'contentAdjustment'
  | 'selection'
  | 'recruitment'
  | 'teamStart'
  | 'other';

/**
 * One entry of a fiscal-year schedule as the source lists it. `month` is `YYYY-MM`; `date` is set
 * when the source gives a day. `sourceOrder` keeps the document's order, which is not always
 * chronological (the proposal-based PT schedule lists an April step after June): the order is
 * kept and flagged, never silently repaired.
 */
export interface Milestone {
  readonly id: string;
  readonly scheduleId: string;
  readonly fiscalYear: number;
  readonly sourceOrder: number;
  readonly month: string;
  readonly date?: string | undefined;
  readonly kind: MilestoneKind;
  readonly label: string;
  readonly callId?: string | undefined;
  readonly bodyId?: string | undefined;
  readonly status: 'planned' | 'draft';
}

/** Milestones whose month is earlier than the one listed before them. */
export function outOfOrderMilestones(milestones: readonly Milestone[]): Milestone[] {
  const ordered = [...milestones].sort((a, b) => a.sourceOrder - b.sourceOrder);
  let latest = '';
  const flagged: Milestone[] = [];
  for (const milestone of ordered) {
    if (milestone.month < latest) flagged.push(milestone);
    else latest = milestone.month;
  }
  return flagged;
}
