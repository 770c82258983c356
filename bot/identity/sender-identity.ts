import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Staff } from '../../shared/organisation/staff.js';
import { identifyStaff } from '../../shared/use-cases/staff-identity.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';

/**
 * Finds the sender in the staff directory. A known Entra object id answers at once; the first
 * time, Teams is asked for the member's UPN (activities carry only the object id) and the two are
 * linked, so later turns need no call. People not in the directory get `undefined`: they may read.
 */
export async function identifySender(ctx: UseCaseContext, context: TurnContext): Promise<Staff | undefined> {
  const objectId = context.activity.from?.aadObjectId;
  if (objectId) {
    const linked = await ctx.store.repositories.staff.findByEntraObjectId(objectId);
    if (linked) return linked.active ? linked : undefined;
  }
  const upn = await memberUpn(context);
  return identifyStaff(ctx, { objectId, upn });
}

async function memberUpn(context: TurnContext): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.userPrincipalName ?? member.email ?? undefined;
  } catch {
    // Outside Teams (or when the roster call fails) the person stays unidentified for this turn.
    return undefined;
  }
}
