import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig, PROJECT_ROOT } from '../../server/config.js';

describe('configuration', () => {
  it('runs on its embedded defaults: loopback, port 3978, PGlite, local mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3978, databaseUrl: undefined, localMode: true });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('names the variable when a value is invalid', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/);
  });

  it('refuses local mode in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/MicrosoftAppId/);
  });

  it('refuses local mode on a non-loopback host', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrowError(/HOST/);
  });

  // Everything else a deployment needs, so each case below differs from a valid one in one way.
  const deployed = { MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', HOST: '0.0.0.0', ALLOWED_TENANT_IDS: 't1', DATABASE_URL: 'postgres://app@db/app' };

  it('requires the app password with an app id unless a managed identity is used', () => {
    expect(() => loadConfig({ ...deployed, MicrosoftAppPassword: undefined })).toThrowError(/MicrosoftAppPassword/);
    const msi = loadConfig({ ...deployed, MicrosoftAppPassword: undefined, MicrosoftAppType: 'UserAssignedMSI' });
    expect(msi.localMode).toBe(false);
  });

  it('requires a tenant for the tab outside local mode, before anything is opened', () => {
    expect(() => loadConfig({ ...deployed, ALLOWED_TENANT_IDS: undefined })).toThrowError(/^ALLOWED_TENANT_IDS: /);
    expect(() => loadConfig({ ...deployed, ALLOWED_TENANT_IDS: ' , ' })).toThrowError(/^ALLOWED_TENANT_IDS: /);
    expect(loadConfig({ ...deployed, ALLOWED_TENANT_IDS: undefined, MicrosoftAppTenantId: 't2' }).localMode).toBe(false);
  });

  it('refuses the embedded database outside local mode unless a single instance is declared, which it then reports', () => {
    expect(() => loadConfig({ ...deployed, DATABASE_URL: undefined })).toThrowError(/^DATABASE_URL: .*EMBEDDED_DATABASE=single-instance/);
    expect(() => loadConfig({ ...deployed, DATABASE_URL: undefined, EMBEDDED_DATABASE: 'yes' })).toThrowError(/EMBEDDED_DATABASE: /);
    expect(loadConfig({ ...deployed, DATABASE_URL: undefined, EMBEDDED_DATABASE: 'single-instance' }).embeddedInProduction).toBe(true);
    expect(loadConfig(deployed).embeddedInProduction).toBe(false);
    expect(loadConfig({}).embeddedInProduction).toBe(false);
  });

  it('treats an empty variable as unset, as env files leave them', () => {
    expect(loadConfig({ DATABASE_URL: '', MicrosoftAppId: '' }).localMode).toBe(true);
  });

  it('splits the allowed tenants list', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: 'a, b,,c' }).allowedTenantIds).toEqual(['a', 'b', 'c']);
  });
});

describe('configuration: every variable', () => {
  const production = { NODE_ENV: 'production', MicrosoftAppId: 'bot-id', MicrosoftAppPassword: 'secret', HOST: '0.0.0.0' };

  it.each([
    ['NODE_ENV', 'staging'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['DATABASE_URL', 'http://db.example.org/app'],
    ['LOG_LEVEL', 'verbose'],
    ['SHUTDOWN_DRAIN_MS', 'soon'],
    ['SHUTDOWN_DRAIN_MS', '600000'],
    ['NOTIFICATIONS_ENABLED', 'yes'],
    ['NOTIFICATION_LEASE_MS', '10'],
    ['NOTIFICATION_INTERVAL_MS', 'often'],
    ['MicrosoftAppType', 'ManagedIdentity'],
    ['ToBotFromChannelOpenIdMetadataUrl', 'http://login.example.org/.well-known/openid-configuration'],
    ['ToChannelFromBotLoginUrl', 'login.example.org/tenant'],
    ['TAB_DOMAIN', 'https://app.example.org/'],
  ])('names %s when its value (%s) is invalid', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrowError(new RegExp(`(^|— |; )${variable}: `));
  });

  it('names every invalid variable at once, not only the first', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud', TAB_DOMAIN: 'a b' })).toThrowError(/PORT: .*LOG_LEVEL: .*TAB_DOMAIN: /);
  });

  it('reads each valid value into the configuration', () => {
    const config = loadConfig({
      ...production,
      PORT: '8080',
      DATABASE_URL: 'postgresql://app@db.example.org:5432/app?sslmode=require',
      DATA_DIR: 'var/data',
      PROGRAMME_FILE: 'programme.yaml',
      DEMO_STAFF_FILE: 'staff.csv',
      LOG_LEVEL: 'warn',
      SHUTDOWN_DRAIN_MS: '2500',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant-1',
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.example.org/v1/.well-known/openidconfiguration',
      ToBotFromChannelTokenIssuer: 'https://api.example.org',
      ToChannelFromBotLoginUrl: 'https://login.example.org/tenant-1',
      ToChannelFromBotOAuthScope: 'https://api.example.org',
      ALLOWED_TENANT_IDS: 'tenant-1',
      AAD_APP_CLIENT_ID: 'tab-client',
      TAB_DOMAIN: 'app.example.org',
      TAB_DIST_DIR: 'web',
    });
    expect(config).toMatchObject({
      nodeEnv: 'production',
      host: '0.0.0.0',
      port: 8080,
      databaseUrl: 'postgresql://app@db.example.org:5432/app?sslmode=require',
      logLevel: 'warn',
      shutdownDrainMs: 2500,
      localMode: false,
      bot: {
        appId: 'bot-id',
        appPassword: 'secret',
        appType: 'SingleTenant',
        tenantId: 'tenant-1',
        endpoints: {
          toBotFromChannelOpenIdMetadataUrl: 'https://login.example.org/v1/.well-known/openidconfiguration',
          toBotFromChannelTokenIssuer: 'https://api.example.org',
          toChannelFromBotLoginUrl: 'https://login.example.org/tenant-1',
          toChannelFromBotOAuthScope: 'https://api.example.org',
        },
      },
      allowedTenantIds: ['tenant-1'],
      tab: { clientId: 'tab-client', domain: 'app.example.org' },
    });
    // Relative paths are taken from the working directory, once, at start-up.
    expect(config.dataDir).toBe(path.resolve('var/data'));
    expect(config.programmeFile).toBe(path.resolve('programme.yaml'));
    expect(config.demoStaffFile).toBe(path.resolve('staff.csv'));
    expect(config.tab.distDir).toBe(path.resolve('web'));
  });

  it('takes the Teams app id for deep links when given, and runs without one', () => {
    expect(loadConfig({}).teamsAppId).toBeUndefined();
    expect(loadConfig({ TEAMS_APP_ID: '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8' }).teamsAppId).toBe('3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8');
    expect(() => loadConfig({ TEAMS_APP_ID: 'x/../y' })).toThrowError(/TEAMS_APP_ID/);
  });

  it('drains for 10 s on SIGTERM unless told otherwise', () => {
    expect(loadConfig({}).shutdownDrainMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_DRAIN_MS: '0' }).shutdownDrainMs).toBe(0);
  });

  it('lists every variable it reads in the README configuration table', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const undocumented = CONFIG_VARIABLES.filter((variable) => !table.includes(`\`${variable}\``));
    expect(undocumented).toEqual([]);
  });
});
