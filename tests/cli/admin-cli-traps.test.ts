import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const PROGRAMME = 'shared/programme/fy2024.yaml';

/** An extract shaped like the source: a running header repeated at a page break inside the text. */
const SOURCE = [
  ' ２ 令和６年度ＰＴの設置について',
  '（１） 概要',
  '４',
  '',
  '２ 令和６年度ＰＴの設置について',
  '（２） 新たな行政経営への移行実現推進ＰＴ一覧 （続き）',
  '３ 好事例・先進事例の紹介について',
].join('\n');

describe('admin check: the text traps it computes (not only the typed notes)', { timeout: 120_000 }, () => {
  let tempRoot: string;
  beforeAll(() => {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-cli-traps-'));
    fs.writeFileSync(path.join(tempRoot, 'source.txt'), SOURCE);
  });
  afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

  it('ページ見出し・別表 ＤⅩ・1-4 お問合せ: reports repeated page headers, Roman numerals and okurigana variants', async () => {
    const run = await runCli(['check', PROGRAMME], path.join(tempRoot, 'data'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '[layout.repeatedPageHeader] document.pageHeaders[1]: ページ見出し「２ 令和６年度ＰＴの設置について」が4回印字され、抽出テキストの本文中に混入',
    );
    expect(run.stdout).toContain('[layout.pageNumberWidths] document.pageHeaders: ページ番号10件のうち「10」だけ半角');
    expect(run.stdout).toContain(
      '[name.romanNumeral] posts[31].aliases[0]: 「ＤⅩ推進担当部副参事（ＤⅩ担当）」はローマ数字（Ⅹ等）を含む。検索では「DX推進担当部副参事(DX担当)」として照合',
    );
    expect(run.stdout).toContain('[text.okuriganaVariants] pts[0].title, pts[0].topics[1].text: 「問合せ」が送り仮名違いで「問合せ」「問い合わせ」と表記');
    expect(run.stdout).not.toContain('[name.romanNumeralNoAlias]');
  });

  it('--source scans the extracted text for headers repeated inside it, in English too', async () => {
    const run = await runCli(['check', PROGRAMME, '--source', path.join(tempRoot, 'source.txt'), '--lang', 'en'], path.join(tempRoot, 'data'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /\[layout\.repeatedHeaderInSource\] .*source\.txt: the source text repeats page header "２ 令和６年度ＰＴの設置について" 2 times \(lines 1, 5\)/,
    );
    expect(run.stdout).not.toMatch(/repeats page header "３/);
  });

  it('flags a name written with Ⅹ that has no alias spelt with letters', async () => {
    const edited = fs
      .readFileSync(PROGRAMME, 'utf8')
      .replace('{ id: jinji-ka, name: 人事課, kind: section }', '{ id: jinji-ka, name: ＤⅩ人事課, kind: section }');
    const file = path.join(tempRoot, 'edited.yaml');
    fs.writeFileSync(file, edited);
    const run = await runCli(['check', file], path.join(tempRoot, 'data'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('[name.romanNumeralNoAlias] units[');
    expect(run.stdout).toContain('「ＤⅩ人事課」はローマ数字（Ⅹ等）を含むが、文字で書いた別名がない（「DX人事課」を別名に加える）');
  });

  it('refuses a missing --source file cleanly, without a stack trace', async () => {
    const run = await runCli(['check', PROGRAMME, '--source', path.join(tempRoot, 'missing.txt')], path.join(tempRoot, 'data'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});
