import { createRemoteJWKSet } from 'jose';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER, LOCAL_TENANT_ID, type LocalIssuer } from './local-issuer.js';
import { createTokenValidator, entraIssuers, type TokenValidator } from './token-validator.js';

/** Entra's signing keys for v1 and v2 tokens of every tenant. */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/**
 * How the tab's API trusts callers. `entra`: Teams SSO tokens for the tab's app registration.
 * `local`: tokens from this process's own issuer, for development without Entra.
 */
export type TabAuthSettings =
  | {
      readonly mode: 'entra';
      readonly clientId: string;
      /** The tab's host name in `api://<domain>/<client id>`; without it `api://<client id>` is accepted. */
      readonly domain?: string | undefined;
      readonly allowedTenantIds: readonly string[];
      /** Where the signing keys are published; tests point it at a stand-in. */
      readonly jwksUrl?: string | undefined;
    }
  | { readonly mode: 'local' };

export interface TabAuth {
  readonly validate: TokenValidator;
  /** Present in local mode only. */
  readonly localIssuer?: Promise<LocalIssuer> | undefined;
}

/** Entra audiences for an app: the bare client id and its Application ID URI. */
export function entraAudiences(clientId: string, domain?: string): string[] {
  return [clientId, domain ? `api://${domain}/${clientId}` : `api://${clientId}`];
}

/**
 * Builds the one token validator for the mode. Production never gets the local issuer, even by
 * mistake: asking for local mode there throws.
 */
export function createTabAuth(settings: TabAuthSettings, nodeEnv: string): TabAuth {
  if (settings.mode === 'local') {
    if (nodeEnv === 'production') throw new Error('the tab refuses local-mode authentication when NODE_ENV=production');
    const localIssuer = createLocalIssuer(nodeEnv);
    // Keep a start-up refusal from surfacing as an unhandled rejection before the first request.
    localIssuer.catch(() => undefined);
    const validate = createTokenValidator({
      keys: async (header, token) => (await localIssuer).keys(header, token),
      issuersFor: (tenantId) => (tenantId === LOCAL_TENANT_ID ? [LOCAL_ISSUER] : []),
      audiences: [LOCAL_AUDIENCE],
      allowedTenantIds: [LOCAL_TENANT_ID],
    });
    return { validate, localIssuer };
  }
  if (!settings.clientId) throw new Error('AAD_APP_CLIENT_ID: the tab needs its app registration client id');
  if (settings.allowedTenantIds.length === 0) throw new Error('ALLOWED_TENANT_IDS: the tab accepts sign-ins only from listed tenants; list at least one');
  const validate = createTokenValidator({
    keys: createRemoteJWKSet(new URL(settings.jwksUrl ?? ENTRA_JWKS_URL)),
    issuersFor: entraIssuers,
    audiences: entraAudiences(settings.clientId, settings.domain),
    allowedTenantIds: settings.allowedTenantIds,
  });
  return { validate };
}
