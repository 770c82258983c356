import { foldText } from '../text/normalise.js';
import { okuriganaSpellings } from '../text/search-match.js';
import type { ProgrammeFile } from './programme-file.schema.js';

/**
 * Text traps computed from the data rather than typed as reader's notes: running page headers the
 * extraction mixed into the text, Roman numerals standing in for letters, and words spelt with and
 * without okurigana. Each finding is a code, a file path and the values its message needs.
 */
export interface TextFinding {
  readonly code: string;
  readonly where: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** U+2160–U+217F: Ⅰ…Ⅻ and ⅰ…ⅻ; NFKC turns Ⅹ into X, but a copy-paste or an exact match does not. */
const ROMAN_NUMERAL = /[\u2160-\u217F]/;

/** Every string in `value` with its path (`pts[0].topics[1].text`), in document order. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
  }
}

/** The file's data text: everything but the reader's notes and the page headers themselves. */
function dataStrings(file: ProgrammeFile): [string, string][] {
  const { sourceNotes: _notes, document, ...rest } = file;
  const { pageHeaders: _headers, ...documentRest } = document;
  return [...strings(documentRest, 'document'), ...strings(rest, '')];
}

const foldHeader = (text: string) => foldText(text).replace(/\s+/g, '');

/** Headers printed on more than one page, headers left inside data text, mixed-width page numbers. */
export function pageHeaderFindings(file: ProgrammeFile): TextFinding[] {
  const findings: TextFinding[] = [];
  file.document.pageHeaders.forEach((header, index) => {
    if (header.occurrences > 1) {
      findings.push({ code: 'layout.repeatedPageHeader', where: `document.pageHeaders[${index}]`, params: { header: header.text, count: header.occurrences } });
    }
  });
  const headers = file.document.pageHeaders.map((header) => ({ text: header.text, folded: foldHeader(header.text) }));
  for (const [where, text] of dataStrings(file)) {
    const folded = foldHeader(text);
    const header = headers.find((candidate) => folded.includes(candidate.folded));
    if (header) findings.push({ code: 'text.pageHeaderInText', where, params: { header: header.text, text } });
  }
  const numbers = file.document.pageHeaders.flatMap((header) => header.pageNumbersAsPrinted);
  const ascii = numbers.filter((number) => /^[0-9]+$/.test(number));
  if (ascii.length > 0 && ascii.length < numbers.length) {
    findings.push({ code: 'layout.pageNumberWidths', where: 'document.pageHeaders', params: { halfWidth: ascii.join('、'), count: numbers.length } });
  }
  return findings;
}

/**
 * Lines of an extracted source text that look like a section's running header (`２ 令和６年度ＰＴの
 * 設置について`) and occur more than once: each later copy is page residue inside the text.
 */
export function repeatedHeadersInSource(sourceText: string): { header: string; count: number; lines: number[] }[] {
  const seen = new Map<string, { header: string; lines: number[] }>();
  sourceText.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!/^[0-9]+\s*\S.*について$/.test(foldText(trimmed))) return;
    const key = foldHeader(trimmed);
    const entry = seen.get(key) ?? { header: trimmed, lines: [] };
    entry.lines.push(index + 1);
    seen.set(key, entry);
  });
  return [...seen.values()].filter((entry) => entry.lines.length > 1).map((entry) => ({ header: entry.header, count: entry.lines.length, lines: entry.lines }));
}

/**
 * Names written with a Roman numeral (ＤⅩ): an alias is reported for information; a unit name,
 * post title or roster line with one and no alias spelt with letters is a trap, because people
 * type ＤＸ or DX and an exact copy of the name will not match what they type.
 */
export function romanNumeralFindings(file: ProgrammeFile): TextFinding[] {
  const findings: TextFinding[] = [];
  const hasLetterSpelling = (names: readonly string[]) => names.some((name) => !ROMAN_NUMERAL.test(name));
  const check = (name: string, aliases: readonly string[], where: string) => {
    if (ROMAN_NUMERAL.test(name) && !hasLetterSpelling(aliases))
      findings.push({ code: 'name.romanNumeralNoAlias', where, params: { name, folded: foldText(name) } });
    aliases.forEach((alias, at) => {
      if (ROMAN_NUMERAL.test(alias))
        findings.push({ code: 'name.romanNumeral', where: `${where}.aliases[${at}]`, params: { name: alias, folded: foldText(alias) } });
    });
  };
  file.units.forEach((unit, index) => check(unit.name, unit.aliases, `units[${index}]`));
  file.posts.forEach((post, index) => check(post.title, post.aliases, `posts[${index}]`));
  const posts = new Map(file.posts.map((post) => [post.id, post]));
  file.bodies.forEach((body, index) =>
    body.roster.forEach((entry, at) => {
      const printed = entry.asPrinted;
      const post = posts.get(entry.postId);
      if (!printed || !ROMAN_NUMERAL.test(printed) || !post) return;
      // The roster line names the post as printed; it needs the post to know that spelling.
      const known = [post.title, ...post.aliases].some((name) => printed.includes(name));
      if (!known)
        findings.push({
          code: 'name.romanNumeralNoAlias',
          where: `bodies[${index}].roster[${at}].asPrinted`,
          params: { name: printed, folded: foldText(printed) },
        });
    }),
  );
  return findings;
}

/** Words the file spells more than one way (お問合せ / 問い合わせ): search folds them, a plain match would not. */
export function okuriganaFindings(file: ProgrammeFile): TextFinding[] {
  const byWord = new Map<string, Map<string, string>>();
  for (const [where, text] of dataStrings(file)) {
    for (const [word, spellings] of okuriganaSpellings(text)) {
      const first = byWord.get(word) ?? new Map<string, string>();
      for (const spelling of spellings) if (!first.has(spelling)) first.set(spelling, where);
      byWord.set(word, first);
    }
  }
  return [...byWord.entries()]
    .filter(([, spellings]) => spellings.size > 1)
    .map(([word, spellings]) => ({
      code: 'text.okuriganaVariants',
      where: [...spellings.values()].join(', '),
      params: { word, spellings: [...spellings.keys()].map((spelling) => `「${spelling}」`).join('') },
    }));
}

/** Every computed text finding, in a fixed order. */
export function textFindings(file: ProgrammeFile): TextFinding[] {
  return [...pageHeaderFindings(file), ...romanNumeralFindings(file), ...okuriganaFindings(file)];
}
