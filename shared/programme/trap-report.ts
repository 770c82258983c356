import { fill, type Locale } from '../i18n/locale.js';
import { parseItemNumber } from '../plan/item-number.js';
import { outOfOrderMilestones } from '../schedule/milestone.js';
import { foldText } from '../text/normalise.js';
import { weekdayOf } from '../time/jst.js';
import type { ProgrammeFile, ProgrammeSourceDate } from './programme-file.schema.js';
import { toDomain } from './programme-loader.js';
import { repeatedHeadersInSource, textFindings } from './text-traps.js';

/**
 * One thing in the programme file an administrator should know about: a spelling the matcher
 * folds, an ambiguity kept as data, an order the document got wrong. `where` is the file path
 * (`pts[7].items[0]`) or, for a reader's note, the place in the document; `detail` is English,
 * `params` let {@link formatTrapReport} say it in Japanese too.
 */
export interface Trap {
  code: string;
  where: string;
  detail: string;
  params?: Readonly<Record<string, string | number>>;
}

const MESSAGES: Readonly<Record<string, { ja: string; en: string }>> = {
  'item.nonCanonical': { ja: '個票番号「{printed}」は「{key}」として照合', en: 'item number "{printed}" is matched as {key}' },
  'pt.multipleItems': { ja: 'ＰＴ「{title}」は複数の個票（{items}）を扱う', en: 'PT "{title}" covers several items ({items})' },
  'pt.unassignedUnits': {
    ja: 'ＰＴ {items}：事務局か想定メンバーか不明な組織 {units}',
    en: 'PT {items}: units not known to be secretariat or members: {units}',
  },
  'pt.noSecretariat': { ja: 'ＰＴ {items}：事務局が未確定', en: 'PT {items} has no confirmed secretariat' },
  'pt.nonUnitEntry': { ja: 'ＰＴ {items}：「{unit}」は単一の組織ではない（{standsForJa}）', en: 'PT {items}: "{unit}" is not a single unit ({standsFor})' },
  'pt.unitInTwoRoles': { ja: 'ＰＴ {items}：「{unit}」が事務局とメンバーの両方にある', en: 'PT {items}: "{unit}" is both secretariat and member' },
  'milestone.outOfOrder': { ja: '「{label}」（{month}）が前の項目より前の月', en: '"{label}" ({month}) is earlier than the entry before it' },
  'milestone.openEnded': { ja: '「{label}」は{month}から継続（終わりの月なし）', en: '"{label}" runs from {month} with no end month' },
  'milestone.printedMismatch': { ja: '「{printed}」と月 {month} が一致しない', en: 'printed "{printed}" does not match month {month}' },
  'milestone.trackDeadlineNotListed': {
    ja: '「{label}」（{month}）に{trackJa}の締切（{deadline}）が含まれない',
    en: '"{label}" ({month}) does not show the {track} deadline ({deadline})',
  },
  'call.monthOnly': {
    ja: '募集「{title}」の{whichJa}は月のみ（{printed}）で日付がない',
    en: 'call "{title}": {which} gives a month only ("{printed}"), no day',
  },
  'date.weekdayMismatch': { ja: '「{printed}」の曜日が{date}の曜日と合わない', en: '"{printed}": the weekday does not match {date}' },
  'text.mixedWidthDigits': { ja: '「{printed}」で半角と全角の数字が混在', en: '"{printed}" mixes half-width and full-width digits' },
  'name.foldedAlias': { ja: '「{alias}」は「{name}」と同じ（正規化で一致）', en: '"{alias}" is the same as "{name}" once folded' },
  'name.alternative': { ja: '「{name}」は別表記「{alias}」でも記載', en: '"{name}" is also written "{alias}"' },
  'body.unrankedViceChair': { ja: '{post}には代理順位がなく、順位のある副本部長の後になる', en: '{post} has no rank and comes after every ranked vice-chair' },
  'practice.external': {
    ja: '好事例 {number}「{title}」は外部資料（{publisher}）',
    en: 'practice {number} "{title}" is an external publication ({publisher})',
  },
  'layout.repeatedPageHeader': {
    ja: 'ページ見出し「{header}」が{count}回印字され、抽出テキストの本文中に混入',
    en: 'page header "{header}" is printed {count} times and sits inside the extracted text',
  },
  'layout.repeatedHeaderInSource': {
    ja: '原文の{lines}行目にページ見出し「{header}」が繰り返し（{count}回）',
    en: 'the source text repeats page header "{header}" {count} times (lines {lines})',
  },
  'layout.pageNumberWidths': { ja: 'ページ番号{count}件のうち「{halfWidth}」だけ半角', en: 'of {count} page numbers only "{halfWidth}" is half-width' },
  'text.pageHeaderInText': {
    ja: 'ページ見出し「{header}」がデータの文中に残っている：「{text}」',
    en: 'page header "{header}" is left inside data text: "{text}"',
  },
  'name.romanNumeral': {
    ja: '「{name}」はローマ数字（Ⅹ等）を含む。検索では「{folded}」として照合',
    en: '"{name}" contains a Roman numeral (such as Ⅹ); search matches it as "{folded}"',
  },
  'name.romanNumeralNoAlias': {
    ja: '「{name}」はローマ数字（Ⅹ等）を含むが、文字で書いた別名がない（「{folded}」を別名に加える）',
    en: '"{name}" contains a Roman numeral (such as Ⅹ) and has no alias spelt with letters (add "{folded}")',
  },
  'text.okuriganaVariants': {
    ja: '「{word}」が送り仮名違いで{spellings}と表記。検索は両方で一致させる',
    en: '"{word}" is spelt {spellings}; search folds the okurigana so either finds it',
  },
  'source.note': { ja: '{ja}', en: '{en}' },
};

const HEADINGS = {
  ja: { title: '計画データの注意点：{count}件', none: '計画データに注意点はありません。' },
  en: { title: 'Programme file traps: {count}', none: 'No traps found in the programme file.' },
} as const;

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const TRACK_NAMES = { department: { ja: '各部提案', en: 'department' }, individual: { ja: '個人提案', en: 'individual' } } as const;
const STANDS_FOR = {
  post: { ja: '職', en: 'a post' },
  collective: { ja: '複数組織の総称', en: 'a group of units' },
  compound: { ja: '複数の課の併記', en: 'several sections in one entry' },
} as const;

function trap(code: string, where: string, params: Readonly<Record<string, string | number>>): Trap {
  const template = MESSAGES[code];
  return { code, where, detail: template ? fill(template.en, params) : code, params };
}

const hasMixedDigits = (text: string) => /[0-9]/.test(text) && /[０-９]/.test(text);

/** The 令和 year and month a printed schedule line names, when it names them. */
function printedMonth(printed: string, fiscalYear: number): string | undefined {
  const folded = foldText(printed);
  const match = /(?:令和(\d+)年\s*)?(\d{1,2})月/.exec(folded);
  if (!match) return undefined;
  const month = Number(match[2]);
  const year = match[1] ? Number(match[1]) + 2018 : month >= 4 ? fiscalYear : fiscalYear + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function sourceDateTraps(source: ProgrammeSourceDate, where: string, title: string, which: { ja: string; en: string }): Trap[] {
  const traps: Trap[] = [];
  if (source.month !== undefined) traps.push(trap('call.monthOnly', where, { title, which: which.en, whichJa: which.ja, printed: source.asPrinted }));
  if (source.date !== undefined && source.weekdayAsPrinted !== undefined && WEEKDAYS_JA[weekdayOf(source.date)] !== source.weekdayAsPrinted) {
    traps.push(trap('date.weekdayMismatch', where, { printed: source.asPrinted, date: source.date }));
  }
  if (hasMixedDigits(source.asPrinted)) traps.push(trap('text.mixedWidthDigits', where, { printed: source.asPrinted }));
  return traps;
}

function ptTraps(file: ProgrammeFile): Trap[] {
  const units = new Map(file.units.map((unit) => [unit.id, unit]));
  const name = (id: string) => units.get(id)?.name ?? id;
  return file.pts.flatMap((pt, index) => {
    const where = `pts[${index}]`;
    const items = pt.items.join('/');
    const traps: Trap[] = pt.items.flatMap((printed, at) => {
      const { key } = parseItemNumber(printed);
      return printed.trim() === key ? [] : [trap('item.nonCanonical', `${where}.items[${at}]`, { printed, key })];
    });
    if (pt.items.length > 1) traps.push(trap('pt.multipleItems', `${where}.items`, { title: pt.title, items }));
    if (pt.unassigned.length > 0) traps.push(trap('pt.unassignedUnits', `${where}.unassigned`, { items, units: pt.unassigned.map(name).join('、') }));
    if (pt.secretariat.length === 0) traps.push(trap('pt.noSecretariat', `${where}.secretariat`, { items }));
    for (const field of ['secretariat', 'members', 'unassigned'] as const) {
      pt[field].forEach((unitId, at) => {
        const standsFor = units.get(unitId)?.standsFor;
        if (!standsFor) return;
        traps.push(
          trap('pt.nonUnitEntry', `${where}.${field}[${at}]`, {
            items,
            unit: name(unitId),
            standsFor: STANDS_FOR[standsFor].en,
            standsForJa: STANDS_FOR[standsFor].ja,
          }),
        );
      });
    }
    for (const unitId of pt.secretariat.filter((unitId) => pt.members.includes(unitId))) {
      traps.push(trap('pt.unitInTwoRoles', where, { items, unit: name(unitId) }));
    }
    return traps;
  });
}

function scheduleTraps(file: ProgrammeFile): Trap[] {
  const milestones = toDomain(file).milestones;
  const calls = new Map(file.calls.map((call) => [call.id, call]));
  return file.schedules.flatMap((schedule, index) => {
    const flagged = new Set(outOfOrderMilestones(milestones.filter((m) => m.scheduleId === schedule.id)).map((m) => m.sourceOrder));
    return schedule.entries.flatMap((entry, at) => {
      const where = `schedules[${index}].entries[${at}]`;
      const traps: Trap[] = [];
      if (flagged.has(at + 1)) traps.push(trap('milestone.outOfOrder', where, { label: entry.label, month: entry.month }));
      if (entry.ongoing) traps.push(trap('milestone.openEnded', where, { label: entry.label, month: entry.month }));
      const printed = printedMonth(entry.asPrinted, file.fiscalYear);
      if (printed !== undefined && printed !== entry.month)
        traps.push(trap('milestone.printedMismatch', where, { printed: entry.asPrinted, month: entry.month }));
      if (hasMixedDigits(entry.asPrinted)) traps.push(trap('text.mixedWidthDigits', where, { printed: entry.asPrinted }));
      const call = entry.kind === 'callCloses' && entry.callId ? calls.get(entry.callId) : undefined;
      for (const track of call?.tracks ?? []) {
        const deadlineMonth = track.deadline.date?.slice(0, 7) ?? track.deadline.month;
        if (deadlineMonth !== entry.month) {
          const deadline = track.deadline.date ?? track.deadline.month ?? '';
          traps.push(
            trap('milestone.trackDeadlineNotListed', where, {
              label: entry.label,
              month: entry.month,
              track: TRACK_NAMES[track.kind].en,
              trackJa: TRACK_NAMES[track.kind].ja,
              deadline,
            }),
          );
        }
      }
      return traps;
    });
  });
}

function nameTraps(file: ProgrammeFile): Trap[] {
  const aliasTraps = (list: readonly { name: string; aliases: readonly string[] }[], path: string) =>
    list.flatMap((entry, index) =>
      entry.aliases.map((alias, at) =>
        foldText(alias) === foldText(entry.name)
          ? trap('name.foldedAlias', `${path}[${index}].aliases[${at}]`, { alias, name: entry.name })
          : trap('name.alternative', `${path}[${index}].aliases[${at}]`, { alias, name: entry.name }),
      ),
    );
  return [
    ...aliasTraps(file.units, 'units'),
    ...aliasTraps(
      file.posts.map((post) => ({ name: post.title, aliases: post.aliases })),
      'posts',
    ),
  ];
}

function bodyTraps(file: ProgrammeFile): Trap[] {
  const posts = new Map(file.posts.map((post) => [post.id, post.title]));
  return file.bodies.flatMap((body, index) =>
    body.roster.flatMap((entry, at) =>
      entry.role === 'viceChair' && entry.rank === undefined
        ? [trap('body.unrankedViceChair', `bodies[${index}].roster[${at}]`, { post: posts.get(entry.postId) ?? entry.postId })]
        : [],
    ),
  );
}

/**
 * Computes the traps from the data (item spellings, ambiguous PT units, out-of-order or open-ended
 * milestones, month-only calls, alternative names, external practices, page headers, Roman
 * numerals, okurigana variants), then adds the reader's
 * `sourceNotes`. The order is the file's order, section by section.
 */
export function findTraps(file: ProgrammeFile): Trap[] {
  const callTraps = file.calls.flatMap((call, index) => [
    ...sourceDateTraps(call.opens, `calls[${index}].opens`, call.title, { ja: '受付開始', en: 'opening' }),
    ...call.tracks.flatMap((track, at) =>
      sourceDateTraps(track.deadline, `calls[${index}].tracks[${at}].deadline`, call.title, {
        ja: `${TRACK_NAMES[track.kind].ja}の締切`,
        en: `${TRACK_NAMES[track.kind].en} deadline`,
      }),
    ),
  ]);
  const practiceTraps = file.practices.flatMap((practice, index) =>
    practice.origin === 'external'
      ? [trap('practice.external', `practices[${index}]`, { number: practice.number, title: practice.title, publisher: practice.publisher ?? '' })]
      : [],
  );
  const notes = file.sourceNotes.map((note) => ({ ...trap('source.note', note.where, { ja: note.ja, en: note.en }), code: `source.${note.code}` }));
  const computedText = textFindings(file).map((finding) => trap(finding.code, finding.where, finding.params));
  return [...nameTraps(file), ...bodyTraps(file), ...ptTraps(file), ...practiceTraps, ...callTraps, ...scheduleTraps(file), ...computedText, ...notes];
}

/** Traps only the extracted source text shows: running headers repeated inside it. */
export function findSourceTextTraps(sourceText: string, sourceName: string): Trap[] {
  return repeatedHeadersInSource(sourceText).map((found) =>
    trap('layout.repeatedHeaderInSource', sourceName, { header: found.header, count: found.count, lines: found.lines.join(', ') }),
  );
}

function render(item: Trap, locale: Locale): string {
  const template = MESSAGES[item.code.startsWith('source.') ? 'source.note' : item.code];
  return template && item.params ? fill(template[locale], item.params) : item.detail;
}

/** A plain-text report, one line per trap: `- [code] where: text`, in Japanese or English. */
export function formatTrapReport(traps: readonly Trap[], locale: Locale): string {
  const headings = HEADINGS[locale];
  if (traps.length === 0) return headings.none;
  const bullet = locale === 'ja' ? '・' : '- ';
  return [fill(headings.title, { count: traps.length }), ...traps.map((item) => `${bullet}[${item.code}] ${item.where}: ${render(item, locale)}`)].join('\n');
}
