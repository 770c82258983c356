import { describe, expect, it } from 'vitest';
import { findTraps, formatTrapReport } from '../../../shared/programme/trap-report.js';
import { PROGRAMME } from './programme-fixture.js';

const traps = findTraps(PROGRAMME);
const codes = (code: string) => traps.filter((trap) => trap.code === code);

describe('the trap report', () => {
  it('computes the item numbers whose printed form differs from the folded key', () => {
    expect(codes('item.nonCanonical').map((trap) => trap.where)).toEqual(['pts[7].items[0]', 'pts[8].items[1]']);
  });

  it('flags the PT covering two items and the PTs with unassigned units', () => {
    expect(codes('pt.multipleItems').map((trap) => trap.where)).toEqual(['pts[8].items']);
    expect(codes('pt.unassignedUnits').map((trap) => trap.where)).toEqual(['pts[9].unassigned', 'pts[10].unassigned']);
  });

  it('flags the out-of-order April step of the proposal-based PT schedule', () => {
    expect(codes('milestone.outOfOrder')).toEqual([expect.objectContaining({ where: 'schedules[2].entries[3]' })]);
  });

  it('flags every month-only date of the theme call', () => {
    expect(codes('call.monthOnly').map((trap) => trap.where)).toEqual(['calls[1].opens', 'calls[1].tracks[0].deadline', 'calls[1].tracks[1].deadline']);
  });

  it('flags the external practices, the ＤⅩ spelling and the alternative post title', () => {
    expect(codes('practice.external')).toHaveLength(2);
    expect(codes('name.foldedAlias').some((trap) => trap.detail.includes('ＤⅩ'))).toBe(true);
    expect(codes('name.alternative').some((trap) => trap.detail.includes('経営改革・行政手法改革担当課長'))).toBe(true);
  });

  it('notices the mixed-width digits of 「４月1７日」 and that the schedule omits the individual deadline', () => {
    expect(codes('text.mixedWidthDigits').map((trap) => trap.where)).toContain('calls[0].opens');
    expect(codes('milestone.trackDeadlineNotListed')[0]?.detail).toContain('2024-05-17');
  });

  it('finds no weekday or printed-month mismatch: the data agrees with what the document prints', () => {
    expect(codes('date.weekdayMismatch')).toEqual([]);
    expect(codes('milestone.printedMismatch')).toEqual([]);
  });

  it('adds the reader’s source notes after the computed traps', () => {
    expect(traps.filter((trap) => trap.code.startsWith('source.'))).toHaveLength(PROGRAMME.sourceNotes.length);
    expect(traps.map((trap) => trap.code)).toContain('source.guideline.bracketMismatch');
  });

  it('reads in Japanese and in English', () => {
    const ja = formatTrapReport(traps, 'ja');
    const en = formatTrapReport(traps, 'en');
    expect(ja).toContain(`計画データの注意点：${traps.length}件`);
    expect(ja).toContain('「プロジェクト内容の調整」（2024-04）が前の項目より前の月');
    expect(ja).toContain('（推進会議｝');
    expect(en).toContain(`Programme file traps: ${traps.length}`);
    expect(en).toContain('"2‐24" is matched as 2-24');
    expect(en).toContain('does not show the individual deadline');
    expect(ja.split('\n')).toHaveLength(traps.length + 1);
  });

  it('says so when there is nothing to report', () => {
    expect(formatTrapReport([], 'en')).toBe('No traps found in the programme file.');
    expect(formatTrapReport([], 'ja')).toBe('計画データに注意点はありません。');
  });
});
