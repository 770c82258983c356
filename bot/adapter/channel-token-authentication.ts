import { ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import { AseChannelValidation, AuthenticationError, SkillValidation } from 'botframework-connector';
import { decodeJwt } from 'jose';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * Bot Framework authentication that lets only channel tokens reach botbuilder's validators.
 *
 * botbuilder picks a validator from claims the caller wrote itself: a token with an Entra issuer
 * goes to the Emulator validator, one with `ver` and a foreign `aud` to the skill validator, an
 * activity labelled `AseChannel` to the App Service Environment one. Those fetch Microsoft's
 * OpenID metadata whatever the configured endpoints say (an outbound call any anonymous client
 * can trigger, answered 500 where that host is unreachable), and the ASE one skips the msteams
 * endorsement check. Teams only ever sends channel tokens (issuer `ToBotFromChannelTokenIssuer`,
 * no `ver`), so anything else is refused with 401 before botbuilder sees it.
 */
export class ChannelTokenAuthentication extends ConfigurationBotFrameworkAuthentication {
  /** `undefined` in local mode, where botbuilder checks no token at all. */
  private readonly channelIssuer: string | undefined;

  constructor(channelIssuer: string | undefined, ...rest: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>) {
    super(...rest);
    this.channelIssuer = channelIssuer;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    if (this.channelIssuer !== undefined) {
      const problem = notAChannelToken(activity, authHeader, this.channelIssuer);
      if (problem) throw new AuthenticationError(`Unauthorized. Not a Bot Framework channel token: ${problem}.`, StatusCodes.UNAUTHORIZED);
    }
    return super.authenticateRequest(activity, authHeader);
  }
}

/** Why the request cannot carry a channel token, or `undefined` when the channel validator should judge it. */
function notAChannelToken(activity: Activity, authHeader: string, channelIssuer: string): string | undefined {
  if (AseChannelValidation.isTokenFromAseChannel(activity.channelId)) return 'the activity claims the AseChannel';
  const token = /^Bearer (\S+)$/.exec(authHeader.trim())?.[1];
  if (!token) return 'no Bearer token';
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return 'not a JWT';
  }
  if (issuer !== channelIssuer) return 'wrong issuer';
  if (SkillValidation.isSkillToken(authHeader)) return 'a skill token';
  return undefined;
}
