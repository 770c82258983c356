import { fill, type Locale } from '../../shared/i18n/locale.js';

const MESSAGES = {
  usage: {
    ja: `使い方: npm run admin -- <コマンド> [オプション]
  import <ファイル>                 計画データを取り込む（2回目以降は変更分のみ）
  check <ファイル> [--source <原文>]  計画データを検査し、資料の注意点を報告する（変更なし）。--source で抽出テキストも検査
  list bodies|pts|calls|practices|milestones [--json]
  show pt <個票番号> [--json]       個票番号（２‐２４、2-24、3-13 など）でＰＴを探す
  staff import <CSV>                職員名簿を取り込む（UTF-8、BOM有無どちらも可）
  staff unlink <UPN>                職員とTeamsアカウントの結び付けを解除する（次に使ったアカウントで結び付け直す）
  export proposals --csv [--out <ファイル>] [--call <ID>]
  rollover --to <年度>              年間サイクルを次年度へ下書きとして複製する
  共通オプション: --lang en（英語で表示）`,
    en: `Usage: npm run admin -- <command> [options]
  import <file>                     import the programme file (re-importing changes only what differs)
  check <file> [--source <text>]    validate the programme file and report the source's traps (no changes); --source also scans the extracted text
  list bodies|pts|calls|practices|milestones [--json]
  show pt <item> [--json]           find the PT covering a plan item (２‐２４, 2-24, 3-13 …)
  staff import <csv>                import the staff directory (UTF-8, with or without BOM)
  staff unlink <upn>                clear a person's link to a Teams account (the next account they use is linked)
  export proposals --csv [--out <file>] [--call <id>]
  rollover --to <fiscal year>       copy the annual cycle to the next fiscal year as drafts
  Common option: --lang en (English output)`,
  },
  unknownCommand: { ja: '不明なコマンドです: {command}', en: 'Unknown command: {command}' },
  missingArgument: { ja: '{argument} を指定してください。', en: 'Missing {argument}.' },
  fileNotFound: { ja: 'ファイルが見つかりません: {file}', en: 'File not found: {file}' },
  imported: {
    ja: '取り込み完了: 新規 {created}件、更新 {updated}件、変更なし {unchanged}件',
    en: 'Imported: {created} created, {updated} updated, {unchanged} unchanged',
  },
  checked: { ja: '検査完了: 誤りはありません。', en: 'Check passed: no errors.' },
  staffUnlinked: {
    ja: '{upn} のアカウントの結び付けを解除しました（解除前: {objectId}）。次にTeamsまたはタブを使ったアカウントで結び付けます。',
    en: 'Cleared the account link of {upn} (was {objectId}). The next account they use in Teams or the tab is linked.',
  },
  staffNotLinked: { ja: '{upn} はどのアカウントにも結び付けられていません。', en: '{upn} is not linked to any account.' },
  staffImported: {
    ja: '職員名簿: 新規 {created}名、更新 {updated}名、変更なし {unchanged}名',
    en: 'Staff: {created} created, {updated} updated, {unchanged} unchanged',
  },
  exported: { ja: '{count}件の提案を書き出しました: {file}', en: 'Exported {count} proposals to {file}' },
  rolledOver: {
    ja: '{from}年度から{to}年度へ複製しました（下書き）: 募集 {calls}件、マイルストーン {milestones}件',
    en: 'Copied FY{from} to FY{to} as drafts: {calls} calls, {milestones} milestones',
  },
  invalidYear: { ja: '年度は4桁の西暦で指定してください（例: 2025）: {value}', en: 'Give the fiscal year as four digits (e.g. 2025): {value}' },
  ptNotFound: { ja: '個票番号「{item}」のＰＴはありません。', en: 'No PT covers plan item "{item}".' },
  ptCategory: { ja: '区分', en: 'Category' },
  ptSecretariat: { ja: '事務局', en: 'Secretariat' },
  ptMembers: { ja: '想定メンバー', en: 'Expected members' },
  ptUnassigned: { ja: '事務局かメンバーか未確定', en: 'Not known to be secretariat or members' },
  failed: { ja: 'エラー: {message}', en: 'Error: {message}' },
} as const;

export type CliMessageKey = keyof typeof MESSAGES;

export function cliMessage(key: CliMessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return fill(MESSAGES[key][locale], params);
}

/** A CLI failure with a localised message; the process exits non-zero and has changed nothing. */
export class CliError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}
