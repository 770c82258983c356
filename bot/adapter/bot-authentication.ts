import { createRequire } from 'node:module';
import {
  CallerIdConstants,
  ConfigurationServiceClientCredentialFactory,
  type ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { AuthenticationConfiguration, AuthenticationConstants, GovernmentConstants, MsalServiceClientCredentialsFactory } from 'botframework-connector';
import { ChannelTokenAuthentication } from './channel-token-authentication.js';

type MsalClient = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
type MsalConfiguration = ConstructorParameters<typeof import('@azure/msal-node').ConfidentialClientApplication>[0];
// botframework-connector requires MSAL's CommonJS build; an ES import would load a second copy.
const { ConfidentialClientApplication } = createRequire(import.meta.url)('@azure/msal-node') as {
  ConfidentialClientApplication: new (configuration: MsalConfiguration) => MsalClient;
};

/** Where Bot Framework tokens are checked (inbound) and fetched (outbound); unset values keep public Azure. */
export interface BotAuthEndpoints {
  readonly toBotFromChannelOpenIdMetadataUrl?: string | undefined;
  readonly toBotFromChannelTokenIssuer?: string | undefined;
  readonly toChannelFromBotLoginUrl?: string | undefined;
  readonly toChannelFromBotOAuthScope?: string | undefined;
}

/** The bot's registration (`MicrosoftAppId` …); without an app id the endpoint runs in local mode. */
export interface BotCredentials {
  readonly appId?: string | undefined;
  readonly appPassword?: string | undefined;
  readonly appType?: string | undefined;
  readonly tenantId?: string | undefined;
  readonly endpoints?: BotAuthEndpoints | undefined;
}

/**
 * Builds the Bot Framework authentication the adapter validates inbound tokens with and signs
 * replies with. Public Azure needs nothing but the credentials; endpoint overrides switch
 * botbuilder to its parameterised mode, which expects every endpoint, so the rest keep defaults.
 */
export function createBotFrameworkAuthentication(credentials: BotCredentials): ConfigurationBotFrameworkAuthentication {
  // The secret goes to the credentials factory only; these settings name the endpoints.
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppTenantId: credentials.tenantId,
    ...endpointSettings(credentials.endpoints),
  };
  // Without an app id botbuilder checks no token, so there is no channel issuer to insist on.
  const channelIssuer = credentials.appId
    ? (credentials.endpoints?.toBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer)
    : undefined;
  return new ChannelTokenAuthentication(channelIssuer, settings, createCredentialsFactory(credentials), TEAMS_ONLY);
}

/**
 * botbuilder checks a signing key's endorsements against the channel the activity claims; this
 * also demands Teams, so a token for another channel (Web Chat, Slack) is refused however it is labelled.
 */
const TEAMS_ONLY = new AuthenticationConfiguration(['msteams']);

function endpointSettings(endpoints: BotAuthEndpoints | undefined): ConfigurationBotFrameworkAuthenticationOptions {
  if (!endpoints || Object.values(endpoints).every((value) => !value)) return {};
  return {
    ToBotFromChannelOpenIdMetadataUrl: endpoints.toBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: endpoints.toBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: endpoints.toChannelFromBotLoginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: endpoints.toChannelFromBotOAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/** The factory of the credentials the bot signs its calls to the Bot Connector with (replies and notifications). */
export function createCredentialsFactory(credentials: BotCredentials) {
  const { appId, appPassword } = credentials;
  const loginUrl = credentials.endpoints?.toChannelFromBotLoginUrl;
  if (appId && appPassword && loginUrl && !isMicrosoftLogin(loginUrl)) {
    // botbuilder's own factory hands a custom login URL to MSAL without knownAuthorities, and MSAL
    // then asks login.microsoftonline.com to vouch for the host: that fails in a private cloud.
    const client = new ConfidentialClientApplication({
      auth: { clientId: appId, clientSecret: appPassword, authority: loginUrl, knownAuthorities: [new URL(loginUrl).host] },
    });
    return new MsalServiceClientCredentialsFactory(appId, client);
  }
  return new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
  });
}

function isMicrosoftLogin(loginUrl: string): boolean {
  const url = loginUrl.toLowerCase();
  return url.startsWith(AuthenticationConstants.ToChannelFromBotLoginUrlPrefix) || url.startsWith(GovernmentConstants.ToChannelFromBotLoginUrlPrefix);
}
