/**
 * One recorded state change: who did what to which entity, and the values before and after.
 * `actorStaffId` is empty for changes made by the system (imports, the scheduler).
 */
export interface AuditEntry {
  readonly entityType: string;
  readonly entityId: string;
  readonly action: string;
  readonly actorStaffId?: string | undefined;
  readonly at: Date;
  readonly before?: unknown;
  readonly after?: unknown;
}
