import type { Server } from 'restify';
import { z } from 'zod';
import { appliesAt, POST_ABSENCE_NOTE_MAX, type PostAbsence } from '../../../shared/bodies/post-absence.js';
import { endRecordedPostAbsence, listPostAbsences, recordPostAbsence } from '../../../shared/use-cases/post-absences.js';
import type { PostAbsenceDto, PostAbsencesDto } from '../../web/models/api-contract.js';
import { authedRoute, type ApiDeps } from '../http/api-route.js';
import { idSchema, pathId, requireStaff } from '../http/input.js';

/** Instants with an explicit offset (the tab sends `…+09:00`). */
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const absenceInput = z.strictObject({
  postId: idSchema,
  kind: z.enum(['absent', 'vacant']),
  from: instant,
  until: instant.optional(),
  /** A margin so the domain reports an over-long note with its localised message. */
  note: z
    .string()
    .max(POST_ABSENCE_NOTE_MAX * 2)
    .optional(),
});

/**
 * Absences and vacancies of posts (要綱 art. 3(3)(4)): listed, recorded and ended by HQ's
 * secretariat (政策企画課) or an administrator; the use cases check who and audit each change.
 */
export function mountAbsenceRoutes(server: Server, deps: ApiDeps): void {
  const repos = deps.ctx.store.repositories;

  const present = async (absences: readonly PostAbsence[]): Promise<PostAbsenceDto[]> => {
    const [posts, staff] = await Promise.all([repos.posts.list(), repos.staff.list()]);
    const postTitle = new Map(posts.map((post) => [post.id, post.title]));
    const name = new Map(staff.map((person) => [person.id, person.displayName]));
    const now = deps.ctx.clock.now();
    return absences.map((absence) => ({
      id: absence.id,
      postId: absence.postId,
      postTitle: postTitle.get(absence.postId) ?? absence.postId,
      kind: absence.kind,
      from: absence.from.toISOString(),
      until: absence.until?.toISOString(),
      note: absence.note,
      recordedByName: name.get(absence.recordedByStaffId) ?? absence.recordedByStaffId,
      recordedAt: absence.recordedAt.toISOString(),
      endedAt: absence.endedAt?.toISOString(),
      current: appliesAt(absence, now),
    }));
  };

  server.get(
    '/api/v1/absences',
    authedRoute(deps, async ({ viewer }) => {
      const absences = await listPostAbsences(deps.ctx, requireStaff(viewer));
      const [bodies, posts] = await Promise.all([repos.bodies.list(), repos.posts.list()]);
      // The posts whose absence changes who convenes: the chairs and vice-chairs of HQ and the council.
      const offered = new Set(
        bodies
          .filter((body) => body.kind === 'hq' || body.kind === 'council')
          .flatMap((body) => body.roster.filter((entry) => entry.role !== 'member').map((entry) => entry.postId)),
      );
      const json: PostAbsencesDto = {
        absences: await present(absences),
        posts: posts.filter((post) => offered.has(post.id)).map((post) => ({ id: post.id, title: post.title })),
      };
      return { json };
    }),
  );

  server.post(
    '/api/v1/absences',
    authedRoute(deps, async ({ viewer, body }) => {
      const input = absenceInput.parse(await body());
      const absence = await recordPostAbsence(deps.ctx, requireStaff(viewer), { ...input, note: input.note?.trim() || undefined });
      return { status: 201, json: (await present([absence]))[0] };
    }),
  );

  server.post(
    '/api/v1/absences/:id/end',
    authedRoute(deps, async ({ viewer, params }) => {
      const ended = await endRecordedPostAbsence(deps.ctx, requireStaff(viewer), pathId(params, 'id'));
      return { json: (await present([ended]))[0] };
    }),
  );
}
