import { describe, expect, it } from 'vitest';
import { whoPresides } from '../../../shared/bodies/acting-chair.js';
import type { Body } from '../../../shared/bodies/body.js';

const hq: Body = {
  id: 'hq',
  kind: 'hq',
  name: '新たな行政経営への移行実現推進本部',
  shortName: '本部',
  nameEn: 'Headquarters',
  secretariatUnitIds: ['seisaku-kikaku-ka'],
  secretariatMayConvene: true,
  roster: [
    { postId: 'kucho', role: 'chair' },
    { postId: 'kyoikucho', role: 'viceChair' },
    { postId: 'fukukucho-3', role: 'viceChair', rank: 3 },
    { postId: 'fukukucho-1', role: 'viceChair', rank: 1 },
    { postId: 'fukukucho-2', role: 'viceChair', rank: 2 },
    { postId: 'seisaku-kikaku-kacho', role: 'member', moderator: true },
  ],
};

const availableExcept =
  (...absent: string[]) =>
  (postId: string) =>
    !absent.includes(postId);

describe('who presides over HQ', () => {
  it('is the mayor when present', () => {
    expect(whoPresides(hq, availableExcept())).toEqual({ postId: 'kucho', basis: 'chair' });
  });

  it('is the 1st-rank deputy mayor when the mayor is absent, as the guideline says', () => {
    expect(whoPresides(hq, availableExcept('kucho'))).toEqual({ postId: 'fukukucho-1', basis: 'guideline' });
  });

  it('falls to the 2nd-rank deputy when the 1st is also absent, flagged as outside the guideline', () => {
    expect(whoPresides(hq, availableExcept('kucho', 'fukukucho-1'))).toEqual({ postId: 'fukukucho-2', basis: 'outsideGuideline' });
  });

  it('puts the unranked superintendent of education after every ranked deputy', () => {
    const result = whoPresides(hq, availableExcept('kucho', 'fukukucho-1', 'fukukucho-2', 'fukukucho-3'));
    expect(result).toEqual({ postId: 'kyoikucho', basis: 'outsideGuideline' });
  });

  it('never hands the chair to an ordinary member, even the moderator', () => {
    const result = whoPresides(hq, (postId) => postId === 'seisaku-kikaku-kacho');
    expect(result).toEqual({ basis: 'none' });
  });
});
