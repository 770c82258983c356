import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import type { MaterialsAgendaItem, MaterialsProgressReport, MeetingMaterials } from '../../../shared/use-cases/meeting-materials.js';

/** The Word document's media type, for Content-Type. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Every run and style names its East Asian font: without `w:eastAsia` Word falls back to a Latin
 * font for kana and kanji, and LibreOffice picks a Chinese face. 游ゴシック ships with Windows and
 * macOS Office; LibreOffice substitutes the installed CJK Gothic (Noto Sans CJK JP) for the same name.
 */
export const MATERIALS_FONT = { ascii: 'Yu Gothic', eastAsia: '游ゴシック', hAnsi: 'Yu Gothic', cs: 'Yu Gothic', hint: 'eastAsia' } as const;
const LANGUAGE = { value: 'ja-JP', eastAsia: 'ja-JP' } as const;
/** The ideographic space Japanese documents set between a number and its text. */
const GAP = '\u3000';
/** Half-points: 10.5 pt body, the size of the ward's A4 documents. */
const BODY_SIZE = 21;

const run = (text: string, options: Omit<IRunOptions, 'text' | 'font'> = {}) => new TextRun({ ...options, text, font: MATERIALS_FONT, language: LANGUAGE });

/** Typed text keeps its line breaks: one paragraph per line. */
const lines = (text: string, options: { indent?: number } = {}) =>
  text.split(/\r?\n/).map((line) => new Paragraph({ children: [run(line)], ...(options.indent ? { indent: { left: options.indent } } : {}) }));

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], options: { newPage?: boolean } = {}) =>
  new Paragraph({ heading: level, pageBreakBefore: options.newPage, children: [run(text)] });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const cell = (text: string, options: { header?: boolean; width?: number } = {}) =>
  new TableCell({
    children: text.split(/\r?\n/).map((line) => new Paragraph({ children: [run(line, { bold: options.header })] })),
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    ...(options.header ? { shading: { fill: 'E7E6E6' } } : {}),
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });

/** A table with a header row repeated on every page it runs over. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((text, index) => cell(text, { header: true, width: widths[index] })) }),
      // A row stays on one page: a name and its answer are never split from each other.
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, index) => cell(text, { width: widths[index] })) })),
    ],
  });
}

function cover(materials: MeetingMaterials): Paragraph[] {
  const centred = (text: string, options: Omit<IRunOptions, 'text' | 'font'>) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(text, options)] });
  const fact = (label: string, value: string | undefined) =>
    value ? [new Paragraph({ indent: { left: 1440 }, spacing: { after: 120 }, children: [run(label + GAP, { bold: true }), run(value)] })] : [];
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    centred(`${materials.fiscalYear}${GAP}${materials.ordinal}`, { size: 32 }),
    centred(materials.bodyName, { size: 40, bold: true }),
    centred('会議資料', { size: 36, bold: true }),
    new Paragraph({ spacing: { before: 960 }, children: [] }),
    ...fact('日時', materials.when),
    ...fact('場所', materials.place),
    ...fact('オンライン', materials.onlineUrl),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 1440 }, children: [run(materials.generatedNote, { size: 18 })] }),
  ];
}

const REPORT_SECTIONS: readonly [keyof Omit<MaterialsProgressReport, 'reportedOn' | 'forThisMeeting'>, string][] = [
  ['structure', '体制'],
  ['schedule', 'スケジュール'],
  ['progress', '進捗状況'],
  ['issues', '課題'],
];

function attachment(item: MaterialsAgendaItem): (Paragraph | Table)[] {
  const title = heading(`議題${item.number}${GAP}${item.title}`, HeadingLevel.HEADING_2);
  if (item.kind === 'ptProgress') {
    const report = item.report;
    if (!report) return [title, new Paragraph({ children: [run('進捗報告なし', { bold: true })] })];
    const when = report.forThisMeeting ? `${report.reportedOn} 報告` : `${report.reportedOn} 報告（本会議に向けた報告は未登録のため、直近の報告を掲載）`;
    return [
      title,
      ...(item.ptName ? [new Paragraph({ children: [run(`ＰＴ：${item.ptName}`)] })] : []),
      new Paragraph({ children: [run(when, { size: 18 })] }),
      ...REPORT_SECTIONS.flatMap(([field, label]) => [heading(`（${label}）`, HeadingLevel.HEADING_3), ...lines(report[field] || '特になし', { indent: 240 })]),
    ];
  }
  if (item.kind === 'proposals') {
    if (item.calls.length === 0) return [title, new Paragraph({ children: [run('対象の募集なし')] })];
    return [
      title,
      ...item.calls.flatMap((call) => [
        heading(`${call.title}（${call.proposals.length}件）`, HeadingLevel.HEADING_3),
        call.proposals.length === 0
          ? new Paragraph({ children: [run('提案なし')] })
          : table(
              ['受付番号', '件名', '提案元', '関連個票', '状態'],
              call.proposals.map((proposal) => [proposal.receiptNumber, proposal.title, proposal.origin, proposal.relatedItem, proposal.state]),
              [16, 38, 20, 10, 16],
            ),
      ]),
    ];
  }
  return [];
}

/**
 * Lays the materials pack out as a Word document: the cover, the agenda, one section for each
 * item with something attached (a PT's progress report, a call's proposals), the earlier meetings'
 * open action items, the attendance list
 * and the guests. The document's properties carry the pack's own instant rather than the clock
 * of the moment it is zipped, so the same pack is the same file, byte for byte in its text.
 */
export async function renderMaterialsDocx(materials: MeetingMaterials): Promise<Buffer> {
  const agenda = materials.agenda.length
    ? materials.agenda.map((item) => new Paragraph({ indent: { left: 240 }, children: [run(`${item.number}${GAP}${item.title}`)] }))
    : [new Paragraph({ children: [run('（議題なし）')] })];
  const attendees = table(
    ['区分', '職・所属', '氏名', '出欠'],
    materials.attendees.map((line) => [line.role, line.position, line.name, line.answer]),
    [18, 36, 26, 20],
  );
  const guests = materials.guests.length
    ? table(
        ['氏名', '所属'],
        materials.guests.map((guest) => [guest.name, guest.affiliation ?? '']),
        [40, 60],
      )
    : new Paragraph({ children: [run('なし')] });
  const openActions = materials.openActions.length
    ? table(
        ['対応事項', '担当', '期限', '会議'],
        materials.openActions.map((action) => [action.title, action.owner, action.dueOn, action.from]),
        [40, 22, 20, 18],
      )
    : new Paragraph({ children: [run('なし')] });
  const headingStyle = (size: number) => ({ run: { font: MATERIALS_FONT, size, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } });
  const document = new Document({
    title: `${materials.title} 会議資料`,
    creator: materials.bodyShortName,
    styles: {
      default: {
        document: { run: { font: MATERIALS_FONT, size: BODY_SIZE, language: LANGUAGE } },
        heading1: headingStyle(28),
        heading2: headingStyle(24),
        heading3: headingStyle(BODY_SIZE),
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1304, right: 1304 } } },
        children: [
          ...cover(materials),
          // The cover stands alone on its page.
          heading('議題', HeadingLevel.HEADING_1, { newPage: true }),
          ...agenda,
          ...materials.agenda.flatMap(attachment),
          heading('前回までの対応事項（未完了）', HeadingLevel.HEADING_1),
          openActions,
          heading('出席者', HeadingLevel.HEADING_1),
          attendees,
          heading('出席を求める者（ゲスト）', HeadingLevel.HEADING_1),
          guests,
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(materials) }]);
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function coreProperties(materials: MeetingMaterials): string {
  const at = materials.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(`${materials.title} 会議資料`)}</dc:title><dc:creator>${xmlText(materials.bodyShortName)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlText(materials.bodyShortName)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
