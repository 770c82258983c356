import type { Server } from 'restify';
import { z } from 'zod';
import { DomainError } from '../../../shared/domain-error.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import { parseProgrammeFile, toDomain } from '../../../shared/programme/programme-loader.js';
import { findTraps, formatTrapReport, type Trap } from '../../../shared/programme/trap-report.js';
import { rollOverFiscalYear } from '../../../shared/use-cases/fiscal-year-rollover.js';
import { importProgramme } from '../../../shared/use-cases/programme-import.js';
import { applyStaffImport, planStaffImport, type StaffImportLine } from '../../../shared/use-cases/staff-import.js';
import { searchStaffDirectory, updateStaffAccess } from '../../../shared/use-cases/staff-admin.js';
import { programmeRolesOf } from '../../../shared/access/role-groups.js';
import type { ProgrammeImportDto, RolloverDto, StaffDirectoryDto, StaffDirectoryEntryDto, StaffImportPreviewDto } from '../../web/models/api-contract.js';
import type { Viewer } from '../auth/viewer.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { readJsonBody } from '../http/json-body.js';
import { pathId, requireStaff } from '../http/input.js';

/** A whole staff directory or programme file fits; larger uploads are refused with 413. */
export const ADMIN_MAX_BODY_BYTES = 4 * 1024 * 1024;

const csvInput = z.strictObject({ csv: z.string().min(1) });
const yamlInput = z.strictObject({ yaml: z.string().min(1) });
const rolloverInput = z.strictObject({ toYear: z.number().int() });
const staffQuery = z.object({ q: z.string().max(100).optional() });
const accessInput = z
  .strictObject({ active: z.boolean().optional(), admin: z.boolean().optional() })
  .refine((change) => change.active !== undefined || change.admin !== undefined);
/** An access change is a few bytes; anything larger was not sent by the tab. */
const ACCESS_MAX_BODY_BYTES = 1024;
const DIFF_FIELDS = ['displayName', 'unitId', 'postId', 'grade', 'appRoles', 'active'] as const;

function requireAdmin(viewer: Viewer): Staff {
  const staff = requireStaff(viewer);
  if (!viewer.roles.admin) throw new DomainError('auth.forbidden');
  return staff;
}

function presentStaffPlan(lines: readonly StaffImportLine[]): StaffImportPreviewDto {
  const show = (value: Staff[(typeof DIFF_FIELDS)[number]]) => (Array.isArray(value) ? value.join(' ') : value === undefined ? '' : String(value));
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const line of lines) counts[line.outcome] += 1;
  return {
    counts,
    lines: lines.map(({ outcome, staff, previous }) => ({
      outcome,
      upn: staff.upn,
      displayName: staff.displayName,
      changes: previous
        ? DIFF_FIELDS.filter((field) => show(previous[field]) !== show(staff[field])).map((field) => ({
            field,
            before: show(previous[field]),
            after: show(staff[field]),
          }))
        : [],
    })),
  };
}

/** One trap's text without the report's bullet, code and place (shown in their own columns). */
function trapText(trap: Trap, locale: Locale): string {
  const line = formatTrapReport([trap], locale).split('\n')[1] ?? trap.detail;
  return line.slice(line.indexOf(`${trap.where}: `) + trap.where.length + 2);
}

/**
 * Administration (admins only): the staff directory CSV with a preview of every change before it
 * is applied, the programme file with its trap report, and the fiscal-year roll-over. Every
 * write goes through the same use cases as the admin CLI.
 */
export function mountAdminRoutes(server: Server, deps: ApiDeps): void {
  const presentStaff = async (people: readonly Staff[]): Promise<StaffDirectoryEntryDto[]> => {
    const repos = deps.ctx.store.repositories;
    const [units, posts, bodies] = await Promise.all([repos.units.list(), repos.posts.list(), repos.bodies.list()]);
    const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
    const postTitle = new Map(posts.map((post) => [post.id, post.title]));
    return people.map((person) => ({
      staffId: person.id,
      displayName: person.displayName,
      upn: person.upn,
      unitName: person.unitId ? unitName.get(person.unitId) : undefined,
      postTitle: person.postId ? postTitle.get(person.postId) : undefined,
      grade: person.grade,
      roles: programmeRolesOf(person, bodies),
      active: person.active,
      linked: person.entraObjectId !== undefined,
    }));
  };

  server.get(
    '/api/v1/admin/staff',
    authedRoute(deps, async ({ viewer, query }) => {
      const { q } = staffQuery.parse({ q: query.q });
      const found = await searchStaffDirectory(deps.ctx, requireAdmin(viewer), q ?? '');
      const json: StaffDirectoryDto = { total: found.total, staff: await presentStaff(found.staff) };
      return { json };
    }),
  );

  server.put(
    '/api/v1/admin/staff/:id',
    authedRoute(deps, async ({ viewer, req, params }) => {
      const admin = requireAdmin(viewer);
      const change = accessInput.parse(await readJsonBody(req, ACCESS_MAX_BODY_BYTES));
      const [entry] = await presentStaff([await updateStaffAccess(deps.ctx, admin, pathId(params, 'id'), change)]);
      return { json: entry };
    }),
  );

  const programmeReport = (yaml: string) => {
    const file = parseProgrammeFile(yaml);
    const entities = toDomain(file);
    const traps = findTraps(file).map((trap) => ({ code: trap.code, where: trap.where, ja: trapText(trap, 'ja'), en: trapText(trap, 'en') }));
    const counts = Object.fromEntries(Object.entries(entities).map(([kind, list]) => [kind, (list as unknown[]).length]));
    return { entities, traps, counts };
  };

  server.post(
    '/api/v1/admin/staff-import/preview',
    authedRoute(deps, async ({ viewer, req }) => {
      requireAdmin(viewer);
      const { csv } = csvInput.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES));
      return { json: presentStaffPlan(await planStaffImport(deps.ctx, csv)) };
    }),
  );

  server.post(
    '/api/v1/admin/staff-import/apply',
    authedRoute(deps, async ({ viewer, req }) => {
      const admin = requireAdmin(viewer);
      const { csv } = csvInput.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES));
      // Planned again from the same file rather than trusting a preview sent back by the browser.
      const plan = await planStaffImport(deps.ctx, csv);
      await applyStaffImport(deps.ctx, plan, admin.id);
      return { json: presentStaffPlan(plan) };
    }),
  );

  server.post(
    '/api/v1/admin/programme-import/preview',
    authedRoute(deps, async ({ viewer, req }) => {
      requireAdmin(viewer);
      const { yaml } = yamlInput.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES));
      const { traps, counts } = programmeReport(yaml);
      const json: ProgrammeImportDto = { counts, traps };
      return { json };
    }),
  );

  server.post(
    '/api/v1/admin/programme-import/apply',
    authedRoute(deps, async ({ viewer, req }) => {
      const admin = requireAdmin(viewer);
      const { yaml } = yamlInput.parse(await readJsonBody(req, ADMIN_MAX_BODY_BYTES));
      const { entities, traps, counts } = programmeReport(yaml);
      const json: ProgrammeImportDto = { counts, traps, summary: await importProgramme(deps.ctx, entities, admin.id) };
      return { json };
    }),
  );

  server.post(
    '/api/v1/admin/rollover',
    authedRoute(deps, async ({ viewer, body }) => {
      const admin = requireAdmin(viewer);
      const { toYear } = rolloverInput.parse(await body());
      const result = await rollOverFiscalYear(deps.ctx, toYear, admin.id);
      const json: RolloverDto = {
        calls: result.calls.map((call) => ({ id: call.id, title: call.title })),
        milestones: result.milestones.length,
        skippedIds: result.skippedIds,
      };
      return { json };
    }),
  );
}
