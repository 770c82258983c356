import type { ActionItem } from '../minutes/action-item.js';
import type { Minutes } from '../minutes/minutes.js';

/** Minutes, one per meeting. */
export interface MinutesRepository {
  get(meetingId: string): Promise<Minutes | undefined>;
  /** Inserts or replaces the meeting's minutes. */
  save(minutes: Minutes): Promise<void>;
  /** Minutes of these bodies (all when omitted), optionally only the confirmed ones, by meeting. */
  list(filter?: { readonly bodyIds?: readonly string[]; readonly status?: Minutes['status'] }): Promise<Minutes[]>;
}

/** Action items created by confirmed decisions. */
export interface ActionItemRepository {
  get(id: string): Promise<ActionItem | undefined>;
  /** Inserts items that do not exist yet (by id); returns how many were new. */
  insertNew(items: readonly ActionItem[]): Promise<number>;
  update(item: ActionItem): Promise<void>;
  /** Items by due date; `open` only when asked. */
  list(filter?: { readonly meetingId?: string; readonly bodyId?: string; readonly status?: ActionItem['status'] }): Promise<ActionItem[]>;
}
