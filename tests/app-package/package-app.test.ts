import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../bin/app-package/env-file.js';
import { buildAppPackage, PackageError } from '../../bin/app-package/package-builder.js';
import { bundledSchemaVersions } from '../../bin/app-package/schema-validation.js';
import { validateAppPackage } from '../../bin/app-package/validate-package.js';
import { editJson, FILLED_DEV_ENV, makeWorkspace, PROJECT_ROOT } from './package-fixture.js';

async function packageProblems(workspace: ReturnType<typeof makeWorkspace>): Promise<string[]> {
  const environment = loadEnvironment(workspace.envDir, 'dev');
  buildAppPackage({ appPackageDir: workspace.appPackageDir, environment, outFile: workspace.outFile });
  return (await validateAppPackage(workspace.outFile)).flatMap((result) => result.problems);
}

function runCli(args: string[], env: Record<string, string> = {}): { status: number; output: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'bin/package-app.ts', ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, ...env },
    });
    return { status: 0, output: stdout };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: failed.stdout + failed.stderr };
  }
}

describe('the manifest schema', () => {
  it('is the newest stable one that @microsoft/app-manifest bundles, in manifest.json and its localisation file alike', () => {
    const newest = bundledSchemaVersions()
      .map((version) => version.split('.').map(Number) as [number, number])
      .sort(([a, b], [c, d]) => c - a || d - b)[0]!
      .join('.');
    const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'appPackage/manifest.json'), 'utf8')) as { $schema: string; manifestVersion: string };
    const english = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'appPackage/en-us.json'), 'utf8')) as { $schema: string };
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toContain(`/teams/v${newest}/MicrosoftTeams.schema.json`);
    expect(english.$schema).toContain(`/teams/v${newest}/MicrosoftTeams.Localization.schema.json`);
  });
});

describe('npm run package', () => {
  it('writes a zip for a provisioned environment that the offline validator and our checks accept', () => {
    const workspace = makeWorkspace();
    const { status, output } = runCli(['--env', 'dev', '--env-dir', workspace.envDir, '--out', workspace.outFile]);
    expect(output).toContain('is valid');
    expect(status).toBe(0);
    const zip = new AdmZip(workspace.outFile);
    expect(
      zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = zip.readAsText('manifest.json');
    expect(manifest).not.toContain('${{');
    expect(JSON.parse(manifest)).toMatchObject({
      id: '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8',
      validDomains: ['gyoseidev01-app.azurewebsites.net'],
      webApplicationInfo: { resource: 'api://gyoseidev01-app.azurewebsites.net/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' },
    });
    expect((JSON.parse(zip.readAsText('en-us.json')) as Record<string, unknown>)['name.short']).toBe('Admin Reform-dev');
  });

  it('fills what the committed file leaves empty from env/.env.<env>.user, where provisioning writes secrets', () => {
    const workspace = makeWorkspace(fs.readFileSync(path.join(PROJECT_ROOT, 'env/.env.dev'), 'utf8'));
    fs.writeFileSync(path.join(workspace.envDir, '.env.dev.user'), FILLED_USER_VALUES);
    const { status, output } = runCli(['--env', 'dev', '--env-dir', workspace.envDir, '--out', workspace.outFile]);
    expect(output).toContain('is valid');
    expect(status).toBe(0);
  });

  it('resolves each variable as atk package does: the shell over env/.env.<env> over its .user file, empty values giving way', () => {
    const committed = FILLED_DEV_ENV.replace('APP_NAME_SUFFIX=-dev', 'APP_NAME_SUFFIX=-committed').replace(/^BOT_DOMAIN=.*$/m, 'BOT_DOMAIN=');
    const workspace = makeWorkspace(committed);
    fs.writeFileSync(
      path.join(workspace.envDir, '.env.dev.user'),
      ['APP_NAME_SUFFIX=-user', 'BOT_DOMAIN=user.example.jp', 'TEAMS_APP_ID=00000000-0000-4000-8000-000000000000', 'SECRET_BOT_PASSWORD=crypto_abc'].join('\n'),
    );
    const environment = loadEnvironment(workspace.envDir, 'dev', { TEAMS_APP_ID: '99999999-9999-4999-8999-999999999999', BOT_ID: '', PATH: '/usr/bin' });
    expect(environment.values.get('APP_NAME_SUFFIX')).toBe('-committed');
    expect(environment.values.get('BOT_DOMAIN')).toBe('user.example.jp');
    expect(environment.values.get('TEAMS_APP_ID')).toBe('99999999-9999-4999-8999-999999999999');
    expect(environment.values.get('BOT_ID')).toBe('11111111-2222-4333-8444-555555555555');
    expect(environment.values.get('TEAMSFX_ENV')).toBe('dev');
    expect(environment.values.has('SECRET_BOT_PASSWORD')).toBe(false);

    const { status, output } = runCli(['--env', 'dev', '--env-dir', workspace.envDir, '--out', workspace.outFile], {
      TEAMS_APP_ID: '99999999-9999-4999-8999-999999999999',
    });
    expect(output).toContain('is valid');
    expect(status).toBe(0);
    const zip = new AdmZip(workspace.outFile);
    expect(JSON.parse(zip.readAsText('manifest.json'))).toMatchObject({ id: '99999999-9999-4999-8999-999999999999', validDomains: ['user.example.jp'] });
    expect((JSON.parse(zip.readAsText('en-us.json')) as Record<string, unknown>)['name.short']).toBe('Admin Reform-committed');
  });

  it('refuses an environment that provisioning has not filled in, naming each placeholder', () => {
    const workspace = makeWorkspace(fs.readFileSync(path.join(PROJECT_ROOT, 'env/.env.dev'), 'utf8'));
    const { status, output } = runCli(['--env', 'dev', '--env-dir', workspace.envDir, '--out', workspace.outFile]);
    expect(status).toBe(1);
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'AAD_APP_CLIENT_ID']) expect(output).toContain(`\${{${name}}}`);
    expect(fs.existsSync(workspace.outFile)).toBe(false);
  });

  it('fails a manifest without a privacy URL, naming it', async () => {
    const workspace = makeWorkspace();
    editJson(path.join(workspace.appPackageDir, 'manifest.json'), (manifest) => {
      delete (manifest.developer as Record<string, unknown>).privacyUrl;
    });
    const problems = await packageProblems(workspace);
    expect(problems.some((problem) => problem.includes('privacyUrl'))).toBe(true);

    const { status, output } = runCli(['--env', 'dev', '--env-dir', workspace.envDir, '--app-package', workspace.appPackageDir, '--out', workspace.outFile]);
    expect(status).toBe(1);
    expect(output).toContain('privacyUrl');
  });

  it('fails a command list holding a command the bot does not handle, naming the command', async () => {
    const workspace = makeWorkspace();
    editJson(path.join(workspace.appPackageDir, 'manifest.json'), (manifest) => {
      const [bot] = manifest.bots as [{ commandLists: { commands: { title: string; description: string }[] }[] }];
      bot.commandLists[0]!.commands[0] = { title: '予算照会', description: '予算の執行状況' };
    });
    expect(await packageProblems(workspace)).toContainEqual(expect.stringContaining('"予算照会" is not one the bot understands'));
  });

  it('fails an English command the bot does not handle, and a menu command left out', async () => {
    const workspace = makeWorkspace();
    editJson(path.join(workspace.appPackageDir, 'en-us.json'), (english) => {
      english['bots[0].commandLists[0].commands[1].title'] = 'agenda';
    });
    const problems = await packageProblems(workspace);
    expect(problems).toContainEqual(expect.stringContaining('en-us.json commandLists[0] (personal): command "agenda" is not one the bot understands'));
    expect(problems).toContainEqual(expect.stringContaining('the personal command list lacks "meetings" (meetings)'));
  });

  it('fails a command listed in a scope where the bot does not offer it', async () => {
    const workspace = makeWorkspace();
    editJson(path.join(workspace.appPackageDir, 'manifest.json'), (manifest) => {
      const [bot] = manifest.bots as [{ commandLists: { commands: { title: string; description: string }[] }[] }];
      bot.commandLists[1]!.commands.push({ title: '提案', description: '新規取組みを提案する' });
    });
    expect(await packageProblems(workspace)).toContainEqual(expect.stringContaining('command "提案" is not available in team conversations'));
  });

  it('refuses to build when a placeholder has no value', () => {
    const workspace = makeWorkspace();
    editJson(path.join(workspace.appPackageDir, 'manifest.json'), (manifest) => {
      manifest.developer = { ...(manifest.developer as object), privacyUrl: '${{MISSING_PRIVACY_URL}}' };
    });
    const environment = loadEnvironment(workspace.envDir, 'dev');
    expect(() => buildAppPackage({ appPackageDir: workspace.appPackageDir, environment, outFile: workspace.outFile })).toThrow(PackageError);
    expect(() => buildAppPackage({ appPackageDir: workspace.appPackageDir, environment, outFile: workspace.outFile })).toThrow('${{MISSING_PRIVACY_URL}}');
  });
});

const FILLED_USER_VALUES = `
TEAMS_APP_ID=3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8
BOT_ID=11111111-2222-4333-8444-555555555555
AAD_APP_CLIENT_ID=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee
BOT_DOMAIN=gyoseidev01-app.azurewebsites.net
SECRET_BOT_PASSWORD=only-for-the-bicep-parameters
`;
