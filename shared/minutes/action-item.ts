import { DomainError } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import type { IsoDate } from '../time/index.js';
import type { ActionOwner } from './minutes.js';

/**
 * An action item (宿題・対応事項) a confirmed decision created: who answers for it, by when, and
 * whether it is done (with what was done).
 */
export interface ActionItem {
  readonly id: string;
  readonly meetingId: string;
  readonly bodyId: string;
  readonly decisionId: string;
  readonly title: string;
  readonly owner: ActionOwner;
  readonly dueOn: IsoDate;
  readonly status: 'open' | 'done';
  readonly createdAt: Date;
  readonly doneAt?: Date | undefined;
  readonly doneByStaffId?: string | undefined;
  readonly doneNote?: string | undefined;
}

export const ACTION_DONE_NOTE_MAX = 1000;

/** True when the item is this person's to do: theirs, or their unit's. */
export function isOwnedBy(item: ActionItem, staff: Staff): boolean {
  return item.owner.kind === 'staff' ? item.owner.staffId === staff.id : staff.unitId === item.owner.unitId;
}

/** An open item whose due date has passed (the due day itself is still in time). */
export function isOverdue(item: ActionItem, today: IsoDate): boolean {
  return item.status === 'open' && item.dueOn < today;
}

/** Marks the item done with a note; done once, by whoever the caller has allowed. */
export function completeActionItem(item: ActionItem, byStaffId: string, note: string, at: Date): ActionItem {
  if (note.length > ACTION_DONE_NOTE_MAX) throw new DomainError('minutes.fieldTooLong', { field: 'doneNote', max: ACTION_DONE_NOTE_MAX }, 'doneNote');
  if (item.status === 'done') return item;
  return { ...item, status: 'done', doneAt: at, doneByStaffId: byStaffId, doneNote: note.trim() || undefined };
}
