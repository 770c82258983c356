import { describe, expect, it } from 'vitest';
import { agendaLine } from '../../../shared/meetings/agenda-line.js';

const pt = { displayName: '2‐24 オンライン相談・手続き支援の拡充', title: 'オンライン相談・手続き支援の拡充' };
const progress = (title: string) => ({ title, kind: 'ptProgress' as const, ptId: 'pt-2-24' });

describe('an agenda line names a PT once', () => {
  it('drops a title that only repeats the PT and the words 進捗報告', () => {
    for (const title of [
      '2‐24 オンライン相談・手続き支援の拡充 進捗報告',
      'オンライン相談・手続き支援の拡充 進捗報告',
      'PT進捗報告',
      'PTの進捗',
      'オンライン相談・手続き支援の拡充',
    ]) {
      expect(agendaLine(progress(title), pt), title).toEqual({ ptName: pt.displayName });
    }
  });

  it('keeps what the title adds beyond the PT', () => {
    expect(agendaLine(progress('【デモ】オンライン相談・手続き支援の拡充 進捗報告'), pt)).toEqual({ ptName: pt.displayName, text: '【デモ】' });
    expect(agendaLine(progress('進捗報告（中間とりまとめ）'), pt)).toEqual({ ptName: pt.displayName, text: '中間とりまとめ' });
  });

  it('shows a general item by its title, and a progress item whose PT is unknown without repeating 進捗報告', () => {
    expect(agendaLine({ title: '令和6年度の進め方', kind: 'general' }, undefined)).toEqual({ text: '令和6年度の進め方' });
    expect(agendaLine(progress('PT進捗報告'), undefined)).toEqual({});
    expect(agendaLine(progress('2‐24 オンライン相談 進捗報告'), undefined)).toEqual({ text: '2‐24 オンライン相談' });
  });
});
