import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../../shared/csv/csv-table.js';

describe('CSV', () => {
  it('reads a file with a BOM the same as one without', () => {
    const text = 'upn,display_name\r\na@x.jp,山田 太郎\r\n';
    expect(readCsv('\uFEFF' + text)).toEqual(readCsv(text));
    expect(readCsv(text).rows[0]).toEqual({ line: 2, values: { upn: 'a@x.jp', display_name: '山田 太郎' } });
  });

  it('writes UTF-8 with a BOM and CRLF so Excel opens Japanese text correctly', () => {
    const csv = writeCsv(['件名'], [['提案']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const csv = writeCsv(['a', 'b', 'c', 'd'], [['=HYPERLINK("x")', '+1', '@SUM(A1)', '-2']]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`"'+1"`);
    expect(csv).toContain(`"'@SUM(A1)"`);
    expect(readCsv(csv).rows[0]!.values.a).toBe(`'=HYPERLINK("x")`);
  });
});
