import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

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

  it('requires the app password with an app id unless a managed identity is used', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'id', HOST: '0.0.0.0' })).toThrowError(/MicrosoftAppPassword/);
    const msi = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppType: 'UserAssignedMSI', HOST: '0.0.0.0' });
    expect(msi.localMode).toBe(false);
  });

  it('treats an empty variable as unset, as env files leave them', () => {
    expect(loadConfig({ DATABASE_URL: '', MicrosoftAppId: '' }).localMode).toBe(true);
  });

  it('splits the allowed tenants list', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: 'a, b,,c' }).allowedTenantIds).toEqual(['a', 'b', 'c']);
  });
});
