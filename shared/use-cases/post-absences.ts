import { endPostAbsence, makePostAbsence, type PostAbsence, type PostAbsenceKind } from '../bodies/post-absence.js';
import { rolesOf } from '../access/programme-roles.js';
import { DomainError } from '../domain-error.js';
import type { Staff } from '../organisation/staff.js';
import type { Repositories } from '../ports/store.js';
import type { UseCaseContext } from './context.js';

/** Absences of posts are recorded by HQ's 庶務 (政策企画課, 要綱 art. 7) or an administrator. */
async function assertMayRecord(tx: Repositories, actor: Staff): Promise<void> {
  const roles = rolesOf(actor, await tx.bodies.list());
  if (!roles.secretariat && !roles.admin) throw new DomainError('absence.notAllowed');
}

export interface PostAbsenceInput {
  readonly postId: string;
  readonly kind: PostAbsenceKind;
  readonly from: Date;
  readonly until?: Date | undefined;
  readonly note?: string | undefined;
}

/**
 * Records that a post is absent (事故) or vacant (欠けた) for a period. While the 本部長's post is,
 * the 1st-rank 副区長 convenes, presides and decides guests in the chair's place (art. 3(3)(4)).
 */
export async function recordPostAbsence(ctx: UseCaseContext, actor: Staff, input: PostAbsenceInput): Promise<PostAbsence> {
  return ctx.store.transaction(async (tx) => {
    await assertMayRecord(tx, actor);
    if (!(await tx.posts.get(input.postId))) throw new DomainError('absence.unknownPost', {}, 'postId');
    const now = ctx.clock.now();
    const absence = makePostAbsence({ id: ctx.newId(), ...input, recordedByStaffId: actor.id, recordedAt: now });
    await tx.postAbsences.insert(absence);
    await tx.audit.record({ entityType: 'postAbsence', entityId: absence.id, action: 'record', actorStaffId: actor.id, at: now, after: absence });
    return absence;
  });
}

/** Ends an absence now: the holder is back or the post is filled (or it was recorded by mistake). */
export async function endRecordedPostAbsence(ctx: UseCaseContext, actor: Staff, absenceId: string): Promise<PostAbsence> {
  return ctx.store.transaction(async (tx) => {
    await assertMayRecord(tx, actor);
    const absence = await tx.postAbsences.get(absenceId);
    if (!absence) throw new DomainError('absence.notFound');
    const now = ctx.clock.now();
    const ended = endPostAbsence(absence, actor.id, now);
    await tx.postAbsences.update(ended);
    await tx.audit.record({ entityType: 'postAbsence', entityId: absence.id, action: 'end', actorStaffId: actor.id, at: now, before: absence, after: ended });
    return ended;
  });
}

/** Every recorded absence, for those who may record them. */
export async function listPostAbsences(ctx: UseCaseContext, actor: Staff): Promise<PostAbsence[]> {
  const repos = ctx.store.repositories;
  await assertMayRecord(repos, actor);
  return repos.postAbsences.list();
}
