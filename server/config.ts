import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import { z } from 'zod';

/** Walks up from this file to the folder holding package.json, so paths work from source and from dist/. */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Token and key endpoints are trusted for authentication, so plain HTTP is refused. */
const httpsUrl = z.string().regex(/^https:\/\/[^\s/]+/, 'must be an https:// URL');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'data')),
  // Outside local mode PGlite is refused (one process, one instance) unless this says it is meant.
  EMBEDDED_DATABASE: z.enum(['single-instance']).optional(),
  PROGRAMME_FILE: z.string().min(1).default(path.join(PROJECT_ROOT, 'shared/programme/fy2024.yaml')),
  DEMO_STAFF_FILE: z.string().min(1).default(path.join(PROJECT_ROOT, 'shared/programme/demo-staff.csv')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // How long SIGTERM waits for requests in flight; keep it below the platform's grace period before SIGKILL.
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  // The notification loop (convocations, reminders); off only for tools that share the database.
  NOTIFICATIONS_ENABLED: z.enum(['true', 'false']).default('true'),
  // A claimed notification not marked sent within this long (its instance died) is sent by another.
  NOTIFICATION_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  NOTIFICATION_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().optional(),
  // Bot Framework endpoint overrides (sovereign or private clouds, local stand-ins); unset = public Azure.
  ToBotFromChannelOpenIdMetadataUrl: httpsUrl.optional(),
  ToBotFromChannelTokenIssuer: z.string().optional(),
  ToChannelFromBotLoginUrl: httpsUrl.optional(),
  ToChannelFromBotOAuthScope: z.string().optional(),
  ALLOWED_TENANT_IDS: z.string().optional(),
  // The tab's SSO app registration (Agents Toolkit name) and its host for `api://<domain>/<client id>`.
  AAD_APP_CLIENT_ID: z.string().optional(),
  TAB_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name such as app.example.org')
    .optional(),
  TAB_DIST_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'tab/dist')),
  // The Teams app id of the package (manifest `id`, Agents Toolkit TEAMS_APP_ID): cards link into the tab with it.
  TEAMS_APP_ID: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be the Teams app id (a GUID)')
    .optional(),
});

/** Every environment variable the app reads (the README's configuration table lists each). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(environmentSchema.shape);

export interface AppConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  readonly pgliteTemplateDir: string;
  /** PGlite outside local mode, allowed by `EMBEDDED_DATABASE=single-instance`: warned about at every start. */
  readonly embeddedInProduction: boolean;
  readonly programmeFile: string;
  readonly demoStaffFile: string;
  readonly logLevel: string;
  /** On SIGTERM, requests in flight get this long to finish before their connections are cut. */
  readonly shutdownDrainMs: number;
  readonly notifications: { readonly enabled: boolean; readonly leaseMs: number; readonly intervalMs: number };
  /** No bot credentials: the app serves only loopback and may load demo data. */
  readonly localMode: boolean;
  readonly bot: {
    readonly appId?: string | undefined;
    readonly appPassword?: string | undefined;
    readonly appType?: string | undefined;
    readonly tenantId?: string | undefined;
    /** Where tokens are checked and fetched; each unset value keeps the public Azure default. */
    readonly endpoints: {
      readonly toBotFromChannelOpenIdMetadataUrl?: string | undefined;
      readonly toBotFromChannelTokenIssuer?: string | undefined;
      readonly toChannelFromBotLoginUrl?: string | undefined;
      readonly toChannelFromBotOAuthScope?: string | undefined;
    };
  };
  readonly allowedTenantIds: readonly string[];
  /** The Teams tab: SSO client id (defaults to the bot's app id), its domain, and the built web app. */
  readonly tab: { readonly clientId?: string | undefined; readonly domain?: string | undefined; readonly distDir: string };
  /** The Teams app id, for deep links from cards to the personal tab; without it cards carry none. */
  readonly teamsAppId?: string | undefined;
}

/** A configuration value that stops the process; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the environment once at start-up. Local mode (no bot credentials) is
 * refused in production and on a non-loopback host, because it trusts unauthenticated requests.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankAsMissing = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(blankAsMissing);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration — ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const localMode = !e.MicrosoftAppId;
  if (localMode && e.NODE_ENV === 'production') {
    throw new ConfigError('MicrosoftAppId: required when NODE_ENV=production (local mode is for development only)');
  }
  if (localMode && !LOOPBACK.has(e.HOST)) {
    throw new ConfigError(`HOST: local mode (no MicrosoftAppId) binds to loopback only, not "${e.HOST}"`);
  }
  if (!localMode && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword: required with MicrosoftAppId unless MicrosoftAppType=UserAssignedMSI');
  }
  const allowedTenantIds = (e.ALLOWED_TENANT_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (!localMode && allowedTenantIds.length === 0 && !e.MicrosoftAppTenantId) {
    throw new ConfigError('ALLOWED_TENANT_IDS: the tab accepts sign-ins only from listed tenants; list at least one (or set MicrosoftAppTenantId)');
  }
  if (!localMode && !e.DATABASE_URL && !e.EMBEDDED_DATABASE) {
    throw new ConfigError(
      'DATABASE_URL: required with MicrosoftAppId — the embedded database (PGlite) serves one process only; set EMBEDDED_DATABASE=single-instance if a single instance on PGlite is meant',
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    // `npm start` / `npm run build` write it (bin/build.ts); a missing one means initdb on an empty DATA_DIR.
    pgliteTemplateDir: path.join(PROJECT_ROOT, 'dist'),
    embeddedInProduction: !localMode && !e.DATABASE_URL,
    programmeFile: path.resolve(e.PROGRAMME_FILE),
    demoStaffFile: path.resolve(e.DEMO_STAFF_FILE),
    logLevel: e.LOG_LEVEL,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    notifications: { enabled: e.NOTIFICATIONS_ENABLED === 'true', leaseMs: e.NOTIFICATION_LEASE_MS, intervalMs: e.NOTIFICATION_INTERVAL_MS },
    localMode,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      endpoints: {
        toBotFromChannelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
        toBotFromChannelTokenIssuer: e.ToBotFromChannelTokenIssuer,
        toChannelFromBotLoginUrl: e.ToChannelFromBotLoginUrl,
        toChannelFromBotOAuthScope: e.ToChannelFromBotOAuthScope,
      },
    },
    allowedTenantIds,
    tab: { clientId: e.AAD_APP_CLIENT_ID, domain: e.TAB_DOMAIN, distDir: path.resolve(e.TAB_DIST_DIR) },
    teamsAppId: e.TEAMS_APP_ID,
  };
}
