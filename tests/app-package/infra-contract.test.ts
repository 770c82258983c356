/**
 * The contract between infra/, the Agents Toolkit yml files, the env files, the manifest and
 * server/config.ts. No Bicep CLI can be installed here (no internet), so the Bicep files are read
 * as text: declarations, module parameters, outputs and app settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseEnvFile } from '../../bin/app-package/env-file.js';
import { placeholderNames } from '../../bin/app-package/placeholders.js';
import { PROJECT_ROOT } from './package-fixture.js';

const read = (file: string): string => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

interface Action {
  readonly uses: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}
type Lifecycle = 'provision' | 'deploy' | 'publish';
type ToolkitProject = { version: string } & Partial<Record<Lifecycle, Action[]>>;

const ymlFiles = ['m365agents.yml', 'm365agents.local.yml', 'm365agents.playground.yml'] as const;
const projects = Object.fromEntries(ymlFiles.map((file) => [file, parseYaml(read(file)) as ToolkitProject]));
const actions = (file: string): Action[] => (['provision', 'deploy', 'publish'] as const).flatMap((stage) => projects[file]?.[stage] ?? []);

/** Actions of the yml schema v1.11 (https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json). */
const KNOWN_ACTIONS = new Set([
  'aadApp/create',
  'aadApp/update',
  'arm/deploy',
  'cli/runNpmCommand',
  'cli/runNpxCommand',
  'azureAppService/zipDeploy',
  'teamsApp/create',
  'teamsApp/validateManifest',
  'teamsApp/validateAppPackage',
  'teamsApp/zipAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'botFramework/create',
  'file/createOrUpdateEnvironmentFile',
  'devTool/install',
  'script',
]);
/** Set by the toolkit itself (or asked for interactively), never by our actions. */
const BUILT_IN = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'TEAMS_APP_TENANT_ID', 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID']);

function writtenBy(file: string): Set<string> {
  const names = new Set<string>();
  for (const action of actions(file)) {
    for (const name of Object.values(action.writeToEnvironmentFile ?? {})) names.add(name);
    const run = action.uses === 'script' && typeof action.with?.run === 'string' ? action.with.run : '';
    for (const match of run.matchAll(/::set-teamsfx-env ([A-Z0-9_]+)=/g)) names.add(match[1]!);
  }
  return names;
}

/** Top-level `param`/`output` names of a Bicep file, with whether a param has a default. */
function bicepDeclarations(text: string): { params: Map<string, boolean>; outputs: Set<string> } {
  const params = new Map<string, boolean>();
  for (const match of text.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)) params.set(match[1]!, match[2] !== undefined);
  const outputs = new Set([...text.matchAll(/^output\s+(\w+)\s/gm)].map((match) => match[1]!));
  return { params, outputs };
}

/** `module x './path.bicep' = { … params: { a: … } }` → path and the parameter names passed. */
function bicepModules(text: string): { file: string; passed: string[] }[] {
  return [...text.matchAll(/^module\s+\w+\s+'([^']+)'\s*=\s*\{/gm)].map((match) => {
    const body = balancedBlock(text, match.index + match[0].length - 1);
    const paramsAt = body.indexOf('params: {');
    const block = paramsAt < 0 ? '' : balancedBlock(body, paramsAt + 'params: '.length);
    const passed = [...block.matchAll(/^\s{4}(\w+):/gm)].map((m) => m[1]!);
    return { file: match[1]!, passed };
  });
}

function balancedBlock(text: string, openAt: number): string {
  let depth = 0;
  for (let i = openAt; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(openAt, i + 1);
  }
  throw new Error(`unbalanced braces from offset ${openAt}`);
}

const azureBicep = read('infra/azure.bicep');
const main = bicepDeclarations(azureBicep);
const configVariables = new Set(
  [.../const environmentSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(read('server/config.ts'))![1]!.matchAll(/^\s{2}(\w+):/gm)].map((m) => m[1]!),
);
const appServiceBicep = read('infra/modules/app-service.bicep');
const appSettings = new Map([...appServiceBicep.matchAll(/\{ name: '(\w+)', value: (.+) \}/g)].map((m) => [m[1]!, m[2]!]));
/** Settings read by the App Service platform or its Application Insights agent, not by our code. */
const PLATFORM_SETTINGS = new Set([
  'WEBSITES_PORT',
  'WEBSITE_RUN_FROM_PACKAGE',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
]);

describe('infra/azure.bicep and azure.parameters.json', () => {
  const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };

  it('declares every parameter that azure.parameters.json sets, and gets every parameter without a default', () => {
    for (const name of Object.keys(parameters.parameters)) expect(main.params.has(name), `param ${name}`).toBe(true);
    for (const [name, hasDefault] of main.params) {
      if (!hasDefault) expect(Object.keys(parameters.parameters), `no value for param ${name}`).toContain(name);
    }
  });

  it('fills the parameters only from variables the dev environment has or provisioning writes before arm/deploy', () => {
    const provided = new Set([...parseEnvFile(read('env/.env.dev')).keys(), ...writtenBy('m365agents.yml'), ...BUILT_IN]);
    for (const name of placeholderNames(read('infra/azure.parameters.json'))) expect(provided.has(name), `\${{${name}}}`).toBe(true);
  });

  it('passes each module only parameters it declares, and all it requires', () => {
    const modules = bicepModules(azureBicep);
    expect(modules.length).toBeGreaterThanOrEqual(5);
    for (const { file, passed } of modules) {
      const declared = bicepDeclarations(read(path.join('infra', file))).params;
      for (const name of passed) expect(declared.has(name), `${file}: param ${name}`).toBe(true);
      for (const [name, hasDefault] of declared) if (!hasDefault) expect(passed, `${file} needs ${name}`).toContain(name);
    }
  });

  it('has an UPPER_SNAKE output for every variable the remote yml, the manifest and aad.manifest.json expect from provisioning', () => {
    for (const output of main.outputs) expect(output).toMatch(/^[A-Z][A-Z0-9_]*$/);
    const committed = parseEnvFile(read('env/.env.dev'));
    const written = writtenBy('m365agents.yml');
    const referenced = new Set([
      ...placeholderNames(read('m365agents.yml')),
      ...placeholderNames(read('appPackage/manifest.json')),
      ...placeholderNames(read('appPackage/en-us.json')),
      ...placeholderNames(read('aad.manifest.json')),
    ]);
    const fromInfra = [...referenced].filter((name) => !written.has(name) && !BUILT_IN.has(name) && !committed.get(name) && !name.startsWith('SECRET_'));
    expect(fromInfra).toEqual(expect.arrayContaining(['BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']));
    for (const name of fromInfra) expect(main.outputs.has(name), `output ${name}`).toBe(true);
  });

  it('lists every output in env/.env.dev so a new environment file shows what provisioning fills in', () => {
    const committed = parseEnvFile(read('env/.env.dev'));
    for (const output of main.outputs) expect(committed.has(output), output).toBe(true);
  });
});

describe('App Service settings', () => {
  it('uses only the variable names server/config.ts reads, apart from platform settings', () => {
    for (const name of appSettings.keys()) {
      if (!PLATFORM_SETTINGS.has(name)) expect(configVariables.has(name), `app setting ${name}`).toBe(true);
    }
  });

  it('sets the bot credentials, the database and production mode', () => {
    for (const name of [
      'NODE_ENV',
      'HOST',
      'PORT',
      'DATABASE_URL',
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppType',
      'MicrosoftAppTenantId',
      'ALLOWED_TENANT_IDS',
      'AAD_APP_CLIENT_ID',
      'TAB_DOMAIN',
    ]) {
      expect(appSettings.has(name), name).toBe(true);
    }
    expect(appSettings.get('NODE_ENV')).toBe("'production'");
    expect(appSettings.get('MicrosoftAppType')).toBe("'SingleTenant'");
  });

  it('takes the bot secret and the database URL from Key Vault references, never from plain values', () => {
    expect(appSettings.get('MicrosoftAppPassword')).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\}\)'$/);
    expect(appSettings.get('DATABASE_URL')).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\}\)'$/);
  });

  it('runs the built server on Node 22 LTS, as npm run build lays it out', () => {
    expect(appServiceBicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    // The production Node is one that npm run test:runtimes (and so CI) runs the suite on.
    expect(read('.ci/test-runtimes')).toMatch(/^if .*else MAJORS=\([^)]*\b22\b[^)]*\); fi$/m);
    expect(appServiceBicep).toContain("appCommandLine: 'node dist/server/main.js'");
    const build = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    expect(build.include).toContain('server');
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'server/main.ts'))).toBe(true);
  });
});

describe('Agents Toolkit project files', () => {
  it('carry the projectId the toolkit would otherwise write into m365agents.yml on its first run', () => {
    expect((projects['m365agents.yml'] as { projectId?: unknown }).projectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('use only actions of the v1.11 yml schema', () => {
    for (const file of ymlFiles) {
      expect(projects[file]?.version, file).toBe('v1.11');
      for (const action of actions(file)) expect(KNOWN_ACTIONS.has(action.uses), `${file}: ${action.uses}`).toBe(true);
    }
  });

  it('provision the remote environment in an order where each action has what it needs', () => {
    const order = (projects['m365agents.yml']?.provision ?? []).map((action) => action.uses);
    const at = (uses: string): number => order.indexOf(uses);
    expect(at('aadApp/create')).toBeLessThan(at('arm/deploy'));
    expect(at('arm/deploy')).toBeLessThan(at('aadApp/update'));
    expect(at('aadApp/update')).toBeLessThan(at('teamsApp/zipAppPackage'));
    expect(order.indexOf('teamsApp/update')).toBe(order.length - 1);
    const deploy = (projects['m365agents.yml']?.deploy ?? []).find((action) => action.uses === 'azureAppService/zipDeploy');
    expect(deploy?.with?.resourceId).toBe('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
  });

  it('write local run settings under the names server/config.ts reads', () => {
    for (const file of ['m365agents.local.yml', 'm365agents.playground.yml']) {
      const writer = actions(file).find((action) => action.uses === 'file/createOrUpdateEnvironmentFile');
      const names = Object.keys((writer?.with?.envs ?? {}) as Record<string, unknown>).filter((name) => name !== 'APPLICATION_INSIGHTS_NO_STATSBEAT');
      expect(names.length, file).toBeGreaterThan(0);
      for (const name of names) expect(configVariables.has(name), `${file}: ${name}`).toBe(true);
    }
  });

  it('register the tab SSO app with access_as_user for the Teams clients on api://<domain>/<client id>', () => {
    const aad = JSON.parse(read('aad.manifest.json')) as {
      identifierUris: string[];
      oauth2Permissions: { value: string; id: string }[];
      preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    };
    expect(aad.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    const scope = aad.oauth2Permissions.find((permission) => permission.value === 'access_as_user');
    expect(scope).toBeDefined();
    expect(aad.preAuthorizedApplications.map((app) => app.appId).sort()).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]);
    for (const app of aad.preAuthorizedApplications) expect(app.permissionIds).toEqual([scope?.id]);
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo: { resource: string } };
    expect(manifest.webApplicationInfo.resource).toBe(aad.identifierUris[0]);
  });

  it('commit env files without secrets', () => {
    for (const file of fs.readdirSync(path.join(PROJECT_ROOT, 'env')).filter((name) => !name.endsWith('.user'))) {
      for (const [name, value] of parseEnvFile(read(path.join('env', file)))) {
        if (name.startsWith('SECRET_')) expect(value, `${file}: ${name}`).toBe('');
      }
    }
  });
});
