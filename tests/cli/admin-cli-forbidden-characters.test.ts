import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli, STACK_TRACE_LINE, type CliRun } from './run-cli.js';

const PROGRAMME = 'shared/programme/fy2024.yaml';
const HEADER = 'upn,display_name,grade,unit_id,post_id,app_roles,active';
const GOOD_LINE = 'ok.person@example.jp,正しい 職員,staff,somu-ka,,,true';

function expectCleanFailure(run: CliRun, message: RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(STACK_TRACE_LINE);
  expect(run.stdout).toBe('');
}

/** The admin CLI's imports refuse text the database cannot keep (NUL, lone surrogates) with a message naming where it is. */
describe('admin CLI imports with characters the store cannot keep', { timeout: 120_000 }, () => {
  let tempRoot: string;
  let dataDir: string;
  const file = (name: string, content: string | Buffer) => {
    const full = path.join(tempRoot, name);
    fs.writeFileSync(full, content);
    return full;
  };
  beforeAll(async () => {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-cli-nul-'));
    dataDir = path.join(tempRoot, 'data');
    const imported = await runCli(['import', PROGRAMME], dataDir);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

  it('refuses a staff CSV with a NUL in a name, naming the line, and imports none of its lines', async () => {
    const csv = file('nul-staff.csv', [HEADER, GOOD_LINE, 'nul.person@example.jp,ヌル\u0000職員,staff,somu-ka,,,true'].join('\n'));
    expectCleanFailure(
      await runCli(['staff', 'import', csv], dataDir),
      /^CSVの3行目に使用できない文字（NUL文字 U\+0000 など）が含まれています。UTF-8のテキストとして保存し直してください。\n$/,
    );
    expectCleanFailure(
      await runCli(['staff', 'import', csv, '--lang', 'en'], dataDir),
      /^CSV line 3 contains a character that cannot be used \(NUL, U\+0000, or similar\)\. Save the file again as UTF-8 text\.\n$/,
    );

    const good = await runCli(['staff', 'import', file('good-staff.csv', [HEADER, GOOD_LINE].join('\n'))], dataDir);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toBe('職員名簿: 新規 1名、更新 0名、変更なし 0名\n');
  });

  it('refuses a staff CSV saved as UTF-16 (a NUL in every other byte) at line 1, with the advice to save it as UTF-8', async () => {
    const csv = file(
      'utf16-staff.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEADER, 'utf16.person@example.jp,二バイト 職員,staff,somu-ka,,,true'].join('\r\n'), 'utf16le')]),
    );
    expectCleanFailure(await runCli(['staff', 'import', csv], dataDir), /^CSVの1行目に使用できない文字.*UTF-8のテキストとして保存し直してください。\n$/);
  });

  it('refuses a programme file whose text holds a NUL or a lone surrogate (YAML escapes), in check and import, naming the field; nothing changes', async () => {
    const original = fs.readFileSync(path.join(PROJECT_ROOT, PROGRAMME), 'utf8');
    expect(original).toContain('title: お問合せセンター運営業務の再構築');
    for (const [name, escape] of [
      ['nul.yaml', '\\0'],
      ['surrogate.yaml', '\\ud800'],
    ] as const) {
      const yaml = file(name, original.replace('title: お問合せセンター運営業務の再構築', `title: "お問合せセンター${escape}運営業務の再構築"`));
      expectCleanFailure(
        await runCli(['check', yaml], dataDir),
        /^計画データの「pts\[0\]\.title」に使用できない文字（NUL文字 U\+0000、または対になっていないサロゲート）が含まれています。\n$/,
      );
      expectCleanFailure(
        await runCli(['import', yaml, '--lang', 'en'], dataDir),
        /^The programme file’s "pts\[0\]\.title" contains a character that cannot be used \(NUL, U\+0000, or an unpaired surrogate\)\.\n$/,
      );
    }
    const pts = JSON.parse((await runCli(['list', 'pts', '--json'], dataDir)).stdout) as { id: string; title: string }[];
    expect(pts.find((pt) => pt.id === 'pt-1-4')?.title).toBe('お問合せセンター運営業務の再構築');
  });
});
