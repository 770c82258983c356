import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const BOM = '\uFEFF';

/**
 * Reads a CSV with a header row, with or without a UTF-8 BOM (Excel writes one), into records
 * keyed by header. Each record carries its 1-based line number for error messages.
 */
export function readCsv(text: string): { header: string[]; rows: { line: number; values: Record<string, string> }[] } {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records = parse(body, { relax_column_count: false, skip_empty_lines: true, trim: true, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const [head, ...rest] = records;
  const header = head?.record ?? [];
  return {
    header,
    rows: rest.map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])),
    })),
  };
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return) is
 * prefixed with an apostrophe, so exported proposal text can never execute in Excel.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Writes a CSV that Excel opens as UTF-8 (BOM, CRLF) with formula-safe cells. */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : (cell ?? ''))));
  return BOM + stringify([header, ...safe], { record_delimiter: '\r\n', quoted_string: true });
}
