import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedMaterials } from './support/materials-seed.js';
import { useTabApi } from './support/tab-api-session.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function readSheet(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('the proposals list as an Excel workbook, beside the CSV', () => {
  const api = useTabApi(seedMaterials);
  const { call } = api;

  it('serves the secretariat the CSV’s columns as an .xlsx with a Japanese file name', async () => {
    const response = await call('secretary', 'GET', '/api/v1/review/export.xlsx?callId=fy2024-new-initiative');
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    expect(decodeURIComponent(encoded!)).toBe('提案一覧-fy2024-new-initiative-2024-05-10.xlsx');
    const sheet = await readSheet(response.bytes);
    expect(sheet.name).toBe('提案一覧');
    const csv = await call('secretary', 'GET', '/api/v1/review/export.csv?callId=fy2024-new-initiative');
    const csvHeader = csv.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',')
      .map((cell) => cell.replace(/^"|"$/g, ''));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csvHeader);
    expect(sheet.rowCount).toBe(3);
  });

  it('writes plan items like 2-24 and receipt numbers as text cells with the Text format', async () => {
    const sheet = await readSheet((await call('secretary', 'GET', '/api/v1/review/export.xlsx')).bytes);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => headers.indexOf(name) + 1;
    const rows = [2, 3].map((number) => sheet.getRow(number));
    const item = rows.map((row) => row.getCell(column('関連個票'))).find((cell) => cell.value === '2-24')!;
    expect(item).toBeDefined();
    expect(item.type).toBe(ExcelJS.ValueType.String);
    expect(item.numFmt).toBe('@');
    for (const row of rows) {
      const receipt = row.getCell(column('受付番号'));
      expect(receipt.type).toBe(ExcelJS.ValueType.String);
      expect(receipt.numFmt).toBe('@');
      expect(receipt.value).toMatch(/^R6-/);
    }
    expect(rows.map((row) => row.getCell(column('件名')).value)).toContain('窓口予約のオンライン化');
  });

  it('speaks English headers to an English reader, and refuses ordinary staff with 403', async () => {
    const english = await call('admin', 'GET', '/api/v1/review/export.xlsx', undefined, { 'Accept-Language': 'en' });
    expect(english.status).toBe(200);
    expect((await readSheet(english.bytes)).getRow(1).getCell(1).value).toBe('Receipt');
    const refused = await call('author', 'GET', '/api/v1/review/export.xlsx');
    expect(refused.status).toBe(403);
    expect(refused.json().error.message).toMatch(/^この操作を行う権限がありません。.*政策企画課（事務局）/);
    expect((await call('secretary', 'GET', '/api/v1/review/export.xlsx?callId=nope')).status).toBe(404);
  });
});
