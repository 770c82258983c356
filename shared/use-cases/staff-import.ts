import { readCsv } from '../csv/csv-table.js';
import type { Locale } from '../i18n/locale.js';
import { DomainError, DomainErrors } from '../domain-error.js';
import { GRADE_LABELS, GRADES, isGrade, type Grade } from '../organisation/grade.js';
import type { AppRole, Staff } from '../organisation/staff.js';
import type { UpsertOutcome } from '../ports/reference-data-ports.js';
import { lineOfForbiddenCharacter } from '../text/forbidden-characters.js';
import { foldText } from '../text/normalise.js';
import type { UseCaseContext } from './context.js';

/**
 * The staff directory CSV, one person a row (UTF-8, with or without BOM):
 * `upn,display_name,grade,unit_id,post_id,app_roles,active[,entra_object_id,locale]`.
 * `grade` is a code (`director`) or its Japanese name (`部長級`); `app_roles` is `admin` or empty;
 * `active` is `true`/`false` (empty = true). Unit and post ids are those of the programme file.
 * The optional `entra_object_id` is the person's Entra object id (a directory export carries it;
 * the demo directory gives fixed ones, which the Playground and the tab's local sign-in share);
 * the optional `locale` (`ja`/`en`) is the language the person starts in, until they choose one.
 */
export const STAFF_CSV_COLUMNS = ['upn', 'display_name', 'grade', 'unit_id', 'post_id', 'app_roles', 'active', 'entra_object_id', 'locale'] as const;
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['app_roles', 'active', 'entra_object_id', 'locale']);
/** An Entra object id is a GUID. */
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface StaffImportLine {
  readonly outcome: UpsertOutcome;
  readonly staff: Staff;
  /** The stored record this line replaces, for the audit's before → after. */
  readonly previous?: Staff | undefined;
}

function parseGrade(text: string): Grade | undefined {
  const folded = foldText(text).trim();
  if (isGrade(folded)) return folded;
  return GRADES.find((grade) => GRADE_LABELS[grade].ja === folded);
}

/**
 * Reads and checks the whole file before anything is written: every bad line is reported, and a
 * file with any error changes nothing.
 */
export async function planStaffImport(ctx: UseCaseContext, csvText: string): Promise<StaffImportLine[]> {
  // A NUL cannot be stored; a file full of them was saved as UTF-16 ("Unicode text") rather than UTF-8.
  const forbiddenLine = lineOfForbiddenCharacter(csvText);
  if (forbiddenLine !== undefined) throw new DomainError('csv.forbiddenCharacter', { line: forbiddenLine });
  const { header, rows } = readCsv(csvText);
  const missing = STAFF_CSV_COLUMNS.filter((column) => !OPTIONAL_COLUMNS.has(column) && !header.includes(column));
  if (missing.length) throw new DomainError('csv.invalid', { line: 1, details: `missing columns: ${missing.join(', ')}` });

  const repos = ctx.store.repositories;
  const unitIds = new Set((await repos.units.list()).map((unit) => unit.id));
  const postIds = new Set((await repos.posts.list()).map((post) => post.id));
  const errors: DomainError[] = [];
  const seen = new Set<string>();
  const seenObjectIds = new Set<string>();
  const lines: StaffImportLine[] = [];

  for (const { line, values } of rows) {
    const problem = (details: string) => errors.push(new DomainError('csv.invalid', { line, details }));
    const upn = (values.upn ?? '').trim().toLowerCase();
    const grade = parseGrade(values.grade ?? '');
    if (!/^[^@\s]+@[^@\s]+$/.test(upn)) problem(`upn "${values.upn ?? ''}"`);
    if (!values.display_name?.trim()) problem('display_name is empty');
    if (!grade) problem(`grade "${values.grade ?? ''}"`);
    if (values.unit_id && !unitIds.has(values.unit_id)) problem(`unknown unit_id "${values.unit_id}"`);
    if (values.post_id && !postIds.has(values.post_id)) problem(`unknown post_id "${values.post_id}"`);
    if (seen.has(upn)) problem(`duplicate upn "${upn}"`);
    seen.add(upn);
    const objectId = (values.entra_object_id ?? '').trim().toLowerCase() || undefined;
    if (objectId && !OBJECT_ID.test(objectId)) problem(`entra_object_id "${values.entra_object_id ?? ''}" is not a GUID`);
    if (objectId && seenObjectIds.has(objectId)) problem(`duplicate entra_object_id "${objectId}"`);
    if (objectId) seenObjectIds.add(objectId);
    const locale = (values.locale ?? '').trim().toLowerCase() || undefined;
    if (locale && locale !== 'ja' && locale !== 'en') problem(`locale "${values.locale ?? ''}" (ja or en)`);
    if (!grade || errors.length) continue;

    const existing = await repos.staff.findByUpn(upn);
    const holder = objectId ? await repos.staff.findByEntraObjectId(objectId) : undefined;
    if (holder && holder.id !== existing?.id) {
      problem(`entra_object_id "${objectId}" already belongs to ${holder.upn}`);
      continue;
    }
    const appRoles: AppRole[] = (values.app_roles ?? '').split(/[;| ]+/).filter((role): role is AppRole => role === 'admin');
    const staff: Staff = {
      id: existing?.id ?? ctx.newId(),
      displayName: values.display_name!.trim(),
      upn,
      // The directory is authoritative for the object id it lists; otherwise the link made at first contact stays.
      entraObjectId: objectId ?? existing?.entraObjectId,
      // Seen by the bot, not listed in the directory; it goes with the account the directory names.
      teamsUserId: objectId && objectId !== existing?.entraObjectId ? undefined : existing?.teamsUserId,
      unitId: values.unit_id || undefined,
      postId: values.post_id || undefined,
      grade,
      appRoles,
      active: (values.active ?? '').trim().toLowerCase() !== 'false',
      // The person's own choice, once made, outlives a re-import of the directory's default.
      preferredLocale: existing?.preferredLocale ?? (locale as Locale | undefined),
    };
    lines.push({ outcome: existing ? (sameStaff(existing, staff) ? 'unchanged' : 'updated') : 'created', staff, previous: existing });
  }
  if (errors.length) throw new DomainErrors(errors);
  return lines;
}

/** Applies a checked plan in one transaction. */
export async function applyStaffImport(ctx: UseCaseContext, lines: readonly StaffImportLine[], actorStaffId?: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    for (const { outcome, staff, previous } of lines) {
      if (outcome === 'unchanged') continue;
      await tx.staff.upsert(staff);
      await tx.audit.record({
        entityType: 'staff',
        entityId: staff.id,
        action: `import.${outcome}`,
        actorStaffId,
        at: ctx.clock.now(),
        before: previous,
        after: staff,
      });
    }
  });
}

function sameStaff(a: Staff, b: Staff): boolean {
  const fields = ['displayName', 'upn', 'unitId', 'postId', 'grade', 'active', 'entraObjectId', 'teamsUserId', 'preferredLocale'] as const;
  return fields.every((field) => a[field] === b[field]) && [...a.appRoles].sort().join() === [...b.appRoles].sort().join();
}
