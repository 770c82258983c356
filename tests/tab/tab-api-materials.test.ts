import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import type { CallResult } from './support/http-caller.js';
import { DRAFT_MEETING_ID, MATERIALS_AGENDA, MATERIALS_MEETING_ID, PT_MEETING_ID, PT_REPORT, seedMaterials } from './support/materials-seed.js';
import { useTabApi } from './support/tab-api-session.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const url = (meetingId: string) => `/api/v1/meetings/${meetingId}/materials.docx`;

/** The text of a part of the .docx, and the document's running text with the XML taken out. */
function unzip(response: CallResult) {
  const zip = new AdmZip(response.bytes);
  const part = (name: string) => zip.readAsText(name);
  const xml = part('word/document.xml');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
  return { part, xml, text };
}

describe('the meeting materials pack (会議資料) as a Word document', () => {
  const api = useTabApi(seedMaterials);
  const { call } = api;

  it('serves the secretariat a .docx with a Japanese file name (RFC 5987)', async () => {
    const response = await call('secretary', 'GET', url(MATERIALS_MEETING_ID));
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\w.-]+\.docx"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe('会議資料_本部_第3回_2024-07-19.docx');
    expect([...response.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('holds the cover in 令和 and Japan time, the agenda in the order issued, and the attendance', async () => {
    const { text } = unzip(await call('secretary', 'GET', url(MATERIALS_MEETING_ID)));
    expect(text).toContain('令和6年度　第3回');
    expect(text).toContain('新たな行政経営への移行実現推進本部');
    expect(text).toContain('令和6年7月19日（金）10:00〜11:30');
    expect(text).toContain('第1委員会室');
    expect(text).toContain('令和6年5月10日（金）10:00 作成');
    const positions = MATERIALS_AGENDA.map((item, index) => text.indexOf(`${index + 1}\u3000${item.title}`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The attendance list: each roster post with its holder and answer.
    expect(text).toMatch(/本部長区長世田谷 太郎出席/);
    expect(text).toMatch(/副本部長副区長（第1順位）副区長 一郎欠席/);
    expect(text).toMatch(/副区長（第2順位）副区長 二郎未回答/);
    expect(text).toMatch(/司会政策企画課長企画 課長代理出席（企画 係長）/);
    expect(text).toMatch(/事務局政策企画課事務局 花子未回答/);
    expect(text).toContain('外部 有識者○○大学');
  });

  it('prints the PT’s report for this meeting under its four headings, and 進捗報告なし for a PT without one', async () => {
    const { text } = unzip(await call('secretary', 'GET', url(MATERIALS_MEETING_ID)));
    const first = text.indexOf('議題1　1-4 行政手続きのデジタル化 進捗報告');
    const second = text.indexOf('議題2　1‐24 三層構造の見直し 進捗報告');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    const section = text.slice(first, second);
    for (const value of [PT_REPORT.structure, PT_REPORT.schedule, '申請手続き320件の棚卸しを完了。', 'オンライン化の優先順位を決定', PT_REPORT.issues]) {
      expect(section).toContain(value);
    }
    expect(section).toContain('（体制）');
    expect(section).toContain('（課題）');
    expect(section).not.toContain('前回の報告');
    expect(text.slice(second)).toMatch(/^議題2\u30001‐24 三層構造の見直し 進捗報告進捗報告なし/);
  });

  it('lists the call’s proposals with their state under the proposals item', async () => {
    const { text } = unzip(await call('secretary', 'GET', url(MATERIALS_MEETING_ID)));
    const section = text.slice(text.indexOf('議題3　新規取組み項目の提案状況'));
    expect(section).toContain('新規取組み項目の提案募集（2件）');
    expect(section).toMatch(/窓口予約のオンライン化職員個人（財政課）2-24提出済み/);
    expect(section).toMatch(/問い合わせ対応のチャットボット化職員個人（保健福祉政策部）1-4提出済み/);
  });

  it('declares the East Asian font on every run and in the default style, and the Japanese language', async () => {
    const { xml, part } = unzip(await call('secretary', 'GET', url(MATERIALS_MEETING_ID)));
    const fonts = [...xml.matchAll(/<w:rFonts [^>]*\/>/g)].map((match) => match[0]);
    const runs = xml.match(/<w:r>/g)?.length ?? 0;
    expect(fonts.length).toBeGreaterThanOrEqual(runs);
    expect(fonts.every((font) => font.includes('w:eastAsia="游ゴシック"'))).toBe(true);
    expect(part('word/styles.xml')).toContain('w:eastAsia="游ゴシック"');
    expect(xml).toContain('w:eastAsia="ja-JP"');
    expect(part('docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-10T01:00:00Z</dcterms:created>');
  });

  it('serves an administrator, and a PT’s secretariat its own PT meeting, listing the PT’s units', async () => {
    expect((await call('admin', 'GET', url(MATERIALS_MEETING_ID))).status).toBe(200);
    const pt = await call('pt-secretary', 'GET', url(PT_MEETING_ID));
    expect(pt.status, pt.text).toBe(200);
    const { text } = unzip(pt);
    expect(text).toContain('棚卸し結果の共有');
    expect(text).toMatch(/事務局ＤＸ推進担当課ＤＸ 係長未回答/);
    expect(text).toMatch(/メンバー財政課財政 主任未回答/);
    // HQ's materials are its 庶務's, not a PT secretariat's.
    expect((await call('pt-secretary', 'GET', url(MATERIALS_MEETING_ID))).status).toBe(403);
  });

  it('refuses ordinary staff, and the chair, with 403 in their language', async () => {
    const refused = await call('author', 'GET', url(MATERIALS_MEETING_ID));
    expect(refused.status).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'materials.notAllowed', message: expect.stringContaining('本部の会議資料') });
    const english = await call('author', 'GET', url(MATERIALS_MEETING_ID), undefined, { 'Accept-Language': 'en' });
    expect(english.json().error.message).toContain('Only the secretariat of 本部');
    expect((await call('mayor', 'GET', url(MATERIALS_MEETING_ID))).status).toBe(403);
  });

  it('answers 404 for an unknown meeting, and for a draft to those who may not see it; 409 before it is issued', async () => {
    expect((await call('secretary', 'GET', url('no-such-meeting'))).status).toBe(404);
    expect((await call('author', 'GET', url(DRAFT_MEETING_ID))).status).toBe(404);
    const draft = await call('secretary', 'GET', url(DRAFT_MEETING_ID));
    expect(draft.status).toBe(409);
    expect(draft.json().error.message).toContain('招集後に作成できます');
  });

  it('offers the download on the meeting page only to those who may', async () => {
    const flag = async (as: string, id = MATERIALS_MEETING_ID) => (await call(as, 'GET', `/api/v1/meetings/${id}`)).json().mayDownloadMaterials;
    expect(await flag('secretary')).toBe(true);
    expect(await flag('admin')).toBe(true);
    expect(await flag('author')).toBe(false);
    expect(await flag('mayor')).toBe(false);
    expect(await flag('secretary', DRAFT_MEETING_ID)).toBe(false);
  });
});
