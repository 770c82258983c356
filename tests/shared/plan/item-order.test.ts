import { describe, expect, it } from 'vitest';
import { compareBodies } from '../../../shared/bodies/body-order.js';
import type { Body } from '../../../shared/bodies/body.js';
import { parseItemNumbers } from '../../../shared/plan/item-number.js';
import { compareItemText, compareProjectTeams, leadingItemNumber } from '../../../shared/plan/item-order.js';

describe('plan item order', () => {
  it('puts 1-4 before 1-22 and 1-22 before 2-5, where a string sort puts 1-22 first', () => {
    const texts = ['2-5', '1-22', '1-4', '1-5', '5-13', '3-12/3‐13', '2‐24'];
    expect([...texts].sort()).not.toEqual([...texts].sort(compareItemText));
    expect([...texts].sort(compareItemText)).toEqual(['1-4', '1-5', '1-22', '2-5', '2‐24', '3-12/3‐13', '5-13']);
  });

  it('reads the number inside names, ids and full-width text alike', () => {
    expect(leadingItemNumber('ＰＴ ２‐２４')).toEqual([2, 24]);
    expect(leadingItemNumber('pt-1-22')).toEqual([1, 22]);
    expect(leadingItemNumber('3-12/3‐13')).toEqual([3, 12]);
    expect(leadingItemNumber('本部')).toBeUndefined();
    expect(['PT 1-22', 'pt-1-4', 'ＰＴ １‐５'].sort(compareItemText)).toEqual(['pt-1-4', 'ＰＴ １‐５', 'PT 1-22']);
  });

  it('puts texts without a number after those with one, in Japanese collation', () => {
    expect(['推進会議', '1-22', '本部', '1-4'].sort(compareItemText)).toEqual(['1-4', '1-22', ...['推進会議', '本部'].sort(new Intl.Collator('ja').compare)]);
  });

  it('orders PTs by their first item, whatever their position in the source list', () => {
    const team = (items: string, sortOrder: number) => ({ items: parseItemNumbers(items), sortOrder });
    const teams = [team('1-22', 1), team('3-12/3‐13', 2), team('1-4', 3), team('2‐24', 4)];
    expect(teams.sort(compareProjectTeams).map((each) => each.items[0]!.key)).toEqual(['1-4', '1-22', '2-24', '3-12']);
  });

  it('lists bodies HQ, council, then PTs by item number, not by id', () => {
    const body = (id: string, kind: Body['kind'], shortName: string) => ({ id, kind, shortName });
    const bodies = [body('pt-1-22', 'pt', 'PT 1-22'), body('council', 'council', '推進会議'), body('pt-1-4', 'pt', 'PT 1-4'), body('hq', 'hq', '本部')];
    expect(bodies.sort(compareBodies).map((each) => each.id)).toEqual(['hq', 'council', 'pt-1-4', 'pt-1-22']);
  });
});
