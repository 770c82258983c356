import { TeamsInfo, type TurnContext } from 'botbuilder';
import { replaceForbiddenCharacters } from '../../shared/text/forbidden-characters.js';
import { identifyStaff, type StaffIdentity } from '../../shared/use-cases/staff-identity.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';

/**
 * Finds the sender in the staff directory. A linked Entra object id answers at once; the first
 * time, Teams is asked for the member's UPN (activities carry only the object id) and the two are
 * linked, so later turns need no call. The tab links the same way, so either face may come first.
 */
export async function identifySender(ctx: UseCaseContext, context: TurnContext): Promise<StaffIdentity> {
  const from = context.activity.from;
  return identifyStaff(ctx, { objectId: from?.aadObjectId, upn: () => memberUpn(context), teamsUserId: from?.id });
}

/**
 * The sender's UPN from Teams' roster. The call fails where the bot is not a member of the
 * conversation (a message extension used in someone else's chat) or outside Teams; that failure
 * is passed on, so the person is told to open the tab or write to the bot once rather than that
 * the directory does not know them.
 */
async function memberUpn(context: TurnContext): Promise<string | undefined> {
  const member = await TeamsInfo.getMember(context, context.activity.from.id);
  const upn = member.userPrincipalName ?? member.email ?? undefined;
  // Like the activity's own text: a character the store cannot take becomes U+FFFD (and matches nobody).
  return upn === undefined ? undefined : replaceForbiddenCharacters(upn);
}
