import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProgrammeFile, toDomain } from '../../shared/programme/programme-loader.js';
import { PROJECT_ROOT, runCli, STACK_TRACE_LINE, type CliRun } from './run-cli.js';

const PROGRAMME = 'shared/programme/fy2024.yaml';
const fy2024 = toDomain(parseProgrammeFile(fs.readFileSync(path.join(PROJECT_ROOT, PROGRAMME), 'utf8')));
const ENTITY_COUNT = (Object.values(fy2024) as (readonly unknown[])[]).reduce((sum, list) => sum + list.length, 0);

/** A failed run: non-zero exit, the message on stderr, nothing on stdout, no stack trace. */
function expectCleanFailure(run: CliRun, message: string | RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(STACK_TRACE_LINE);
  expect(run.stderr).not.toMatch(/node:internal|\.ts:\d+:\d+/);
  expect(run.stdout).toBe('');
}

function expectSuccess(run: CliRun): void {
  expect(run.code, `stderr:\n${run.stderr}\nstdout:\n${run.stdout}`).toBe(0);
}

// Most commands open PGlite (a second or two each): generous timeouts.
describe('admin CLI (node dist/bin/admin.js as a child process, PGlite in a temporary DATA_DIR)', { timeout: 120_000 }, () => {
  let tempRoot: string;
  let dataDir: string;
  let japaneseReport = '';
  beforeAll(() => {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-cli-'));
    dataDir = path.join(tempRoot, 'data');
  });
  afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

  it('check prints the trap report in Japanese by default, exits 0 and opens no database', async () => {
    const run = await runCli(['check', PROGRAMME], dataDir);
    expectSuccess(run);
    expect(run.stdout).toMatch(/^検査完了: 誤りはありません。\n計画データの注意点：\d+件\n/);
    // The document's traps named by the issue: the out-of-order milestone, the ambiguous secretariat
    // columns of 4-2 and 5-2, the council member's two titles, and ＤⅩ vs ＤＸ.
    expect(run.stdout).toContain('[milestone.outOfOrder]');
    expect(run.stdout).toContain('「プロジェクト内容の調整」（2024-04）が前の項目より前の月');
    expect(run.stdout).toMatch(/ＰＴ 4-2：事務局か想定メンバーか不明な組織/);
    expect(run.stdout).toMatch(/ＰＴ 5-2：事務局か想定メンバーか不明な組織/);
    expect(run.stdout).toContain('「官民連携・行政手法改革担当課長」は別表記「経営改革・行政手法改革担当課長」でも記載');
    expect(run.stdout).toContain('「ＤⅩ推進担当部」は「ＤＸ推進担当部」と同じ（正規化で一致）');
    expect(run.stdout).toContain('「2‐24」は「2-24」として照合');
    expect(fs.existsSync(dataDir)).toBe(false);
    japaneseReport = run.stdout;
  });

  it('check --lang en prints the same report in English', async () => {
    const run = await runCli(['check', PROGRAMME, '--lang', 'en'], dataDir);
    expectSuccess(run);
    expect(run.stdout).toMatch(/^Check passed: no errors\.\nProgramme file traps: \d+\n/);
    expect(run.stdout).toContain('"プロジェクト内容の調整" (2024-04) is earlier than the entry before it');
    expect(run.stdout).toContain('PT 4-2: units not known to be secretariat or members');
    expect(run.stdout).toContain('"ＤⅩ推進担当部" is the same as "ＤＸ推進担当部" once folded');
    // One line per trap in either language.
    expect(run.stdout.trim().split('\n')).toHaveLength(japaneseReport.trim().split('\n').length);
  });

  it('import loads the file into an empty DATA_DIR; a second import changes nothing', async () => {
    const first = await runCli(['import', PROGRAMME], dataDir);
    expectSuccess(first);
    expect(first.stdout).toContain('計画データの注意点：');
    expect(first.stdout).toContain(`取り込み完了: 新規 ${ENTITY_COUNT}件、更新 0件、変更なし 0件`);
    expect(fs.existsSync(dataDir)).toBe(true);

    const second = await runCli(['import', PROGRAMME, '--lang', 'en'], dataDir);
    expectSuccess(second);
    expect(second.stdout).toContain(`Imported: 0 created, 0 updated, ${ENTITY_COUNT} unchanged`);
  });

  it('list pts --json prints the 12 PTs in source order, each with its display number', async () => {
    const run = await runCli(['list', 'pts', '--json'], dataDir);
    expectSuccess(run);
    const pts = JSON.parse(run.stdout) as { id: string; display: string; title: string }[];
    expect(pts).toHaveLength(12);
    expect(pts.map((pt) => pt.id)).toEqual(fy2024.projectTeams.map((pt) => pt.id));
    expect(pts.find((pt) => pt.id === 'pt-2-24')?.display).toBe('2‐24');
    expect(pts.find((pt) => pt.id === 'pt-3-12')?.display).toBe('3-12/3‐13');
  });

  it.each([
    ['２‐２４', '2‐24', 'オンライン相談・手続き支援の拡充'],
    ['2-24', '2‐24', 'オンライン相談・手続き支援の拡充'],
    ['3-13', '3-12/3‐13', '補助金・助成金等の申請・受付等業務の効率化'],
  ])('show pt %s finds the PT %s', async (item, display, title) => {
    const run = await runCli(['show', 'pt', item], dataDir);
    expectSuccess(run);
    expect(run.stdout.split('\n')[0]).toBe(`${display}\t${title}`);
    expect(run.stdout).toContain('区分: 部局横断的なPT');
    expect(run.stdout).toMatch(/^事務局: /m);
  });

  it('show pt --json --lang en gives the PT record for scripts', async () => {
    const json = await runCli(['show', 'pt', '３‐１３', '--json', '--lang', 'en'], dataDir);
    expectSuccess(json);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'pt-3-12', display: '3-12/3‐13', items: [{ key: '3-12' }, { key: '3-13' }] });
    const text = await runCli(['show', 'pt', '5-2', '--lang', 'en'], dataDir);
    expectSuccess(text);
    expect(text.stdout).toContain('Category: Cross-departmental PTs');
    expect(text.stdout).toMatch(/^Not known to be secretariat or members: .+/m); // the 5-2 column break, kept as data
  });

  it('show pt for an item no PT covers, or text that is no item number, fails with a localised message', async () => {
    expectCleanFailure(await runCli(['show', 'pt', '9-99'], dataDir), /^個票番号「9-99」のＰＴはありません。\n$/);
    expectCleanFailure(await runCli(['show', 'pt', '9-99', '--lang', 'en'], dataDir), /^No PT covers plan item "9-99"\.\n$/);
    expectCleanFailure(await runCli(['show', 'pt', 'ＤＸ', '--lang', 'en'], dataDir), /^"ＤＸ" is not a plan item number \(e\.g\. 1-4\)\.\n$/);
  });

  it('an unknown command exits non-zero with a localised message and the usage, no stack trace', async () => {
    // Neither run opens the database, so they can run side by side.
    const [ja, en] = await Promise.all([runCli(['frobnicate'], dataDir), runCli(['frobnicate', '--lang', 'en'], dataDir)]);
    expectCleanFailure(ja, /^不明なコマンドです: frobnicate\n使い方: npm run admin --/);
    expect(ja.stderr).toContain('show pt <個票番号>');
    expectCleanFailure(en, /^Unknown command: frobnicate\nUsage: npm run admin --/);
  });

  it('a missing file exits non-zero with a localised message, no stack trace, and creates no database', async () => {
    const missing = path.join(tempRoot, 'no-such-file.yaml');
    const elsewhere = path.join(tempRoot, 'untouched-data');
    const [imported, checked, staff] = await Promise.all([
      runCli(['import', missing], elsewhere),
      runCli(['check', missing, '--lang', 'en'], elsewhere),
      runCli(['staff', 'import', missing], elsewhere),
    ]);
    expectCleanFailure(imported, new RegExp(`^ファイルが見つかりません: ${missing}\\n$`));
    expectCleanFailure(checked, new RegExp(`^File not found: ${missing}\\n$`));
    expectCleanFailure(staff, /^ファイルが見つかりません: /);
    expect(fs.existsSync(elsewhere)).toBe(false);
  });

  it('an invalid programme file or staff CSV is refused line by line and changes nothing', async () => {
    const brokenYaml = path.join(tempRoot, 'broken.yaml');
    const original = fs.readFileSync(path.join(PROJECT_ROOT, PROGRAMME), 'utf8');
    fs.writeFileSync(
      brokenYaml,
      original.replace("items: ['2‐24']", "items: ['二の二十四']").replace('title: お問合せセンター運営業務の再構築', 'title: 変更されてはならない'),
    );
    expectCleanFailure(await runCli(['import', brokenYaml], dataDir), /^計画データに誤りがあります: pts\[7\]\.items\[0\]: /);

    const badCsv = path.join(tempRoot, 'bad-staff.csv');
    fs.writeFileSync(
      badCsv,
      [
        '\uFEFFupn,display_name,grade,unit_id,post_id,app_roles,active',
        'ok.person@example.jp,正しい 職員,staff,somu-ka,,,true',
        'ghost@example.jp,幽霊 職員,director,,no-such-post,,true',
        'typo@example.jp,誤記 職員,部長,somu-bu,,,true',
      ].join('\r\n'),
    );
    const staff = await runCli(['staff', 'import', badCsv, '--lang', 'en'], dataDir);
    expectCleanFailure(staff, /^CSV line 3: unknown post_id "no-such-post"\nCSV line 4: grade "部長"\n$/);

    // Nothing was written: the PT keeps its title, and the valid line of the CSV was not imported either.
    const pts = JSON.parse((await runCli(['list', 'pts', '--json'], dataDir)).stdout) as { id: string; title: string }[];
    expect(pts.find((pt) => pt.id === 'pt-1-4')?.title).toBe('お問合せセンター運営業務の再構築');
    const good = path.join(tempRoot, 'good-staff.csv');
    fs.writeFileSync(good, 'upn,display_name,grade,unit_id,post_id,app_roles,active\nok.person@example.jp,正しい 職員,staff,somu-ka,,,true\n');
    const imported = await runCli(['staff', 'import', good], dataDir);
    expectSuccess(imported);
    expect(imported.stdout).toBe('職員名簿: 新規 1名、更新 0名、変更なし 0名\n');
  });

  it('staff unlink clears the account a directory entry is linked to, once', async () => {
    const linked = path.join(tempRoot, 'linked-staff.csv');
    fs.writeFileSync(
      linked,
      'upn,display_name,grade,unit_id,post_id,app_roles,active,entra_object_id\nlinked.person@example.jp,連携 職員,staff,somu-ka,,,true,D3E00000-0000-4000-8000-0000000000AA\n',
    );
    expectSuccess(await runCli(['staff', 'import', linked], dataDir));
    const cleared = await runCli(['staff', 'unlink', 'Linked.Person@example.jp'], dataDir);
    expectSuccess(cleared);
    expect(cleared.stdout).toBe(
      'Linked.Person@example.jp のアカウントの結び付けを解除しました（解除前: d3e00000-0000-4000-8000-0000000000aa）。次にTeamsまたはタブを使ったアカウントで結び付けます。\n',
    );
    expect((await runCli(['staff', 'unlink', 'linked.person@example.jp', '--lang', 'en'], dataDir)).stdout).toBe(
      'linked.person@example.jp is not linked to any account.\n',
    );
    expectCleanFailure(await runCli(['staff', 'unlink', 'nobody@example.jp'], dataDir), /^職員が見つかりません（nobody@example.jp）。/);
    expectCleanFailure(await runCli(['staff', 'unlink'], dataDir), /<upn>/);
  });
});
