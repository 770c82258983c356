import ExcelJS from 'exceljs';
import type { ProposalTable } from '../../../shared/use-cases/proposal-export.js';

/** The workbook's media type, for Content-Type. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's "Text" number format: what is typed or pasted into the cell later stays text too. */
const TEXT_FORMAT = '@';
const FONT = { name: 'Yu Gothic', size: 10 } as const;

/**
 * The proposals list as an .xlsx, the same columns as the CSV. Every cell is a string cell with
 * the Text format: a ja-JP Excel reads `2-24` (a plan item) as 2 February and `R6-001` stays a
 * receipt number only if nothing converts it. String cells are never formulas, so text that starts
 * with `=` is shown, not run. `createdAt` is the export's instant, so one export is one file.
 */
export async function renderProposalsXlsx(table: ProposalTable, options: { sheetName: string; createdAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = options.createdAt;
  workbook.modified = options.createdAt;
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header) => ({
    header,
    width: Math.min(40, Math.max(10, header.length * 2 + 4)),
    style: { numFmt: TEXT_FORMAT, font: FONT },
  }));
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((value) => value ?? ''));
    added.eachCell({ includeEmpty: true }, (cell) => {
      cell.numFmt = TEXT_FORMAT;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  const header = sheet.getRow(1);
  header.font = { ...FONT, bold: true };
  header.eachCell((cell) => (cell.numFmt = TEXT_FORMAT));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
