import { describe, expect, it } from 'vitest';
import { compareItemNumbers, itemKeyOf, parseItemNumber, parseItemNumbers } from '../../../shared/plan/item-number.js';
import { foldText } from '../../../shared/text/normalise.js';

describe('plan item numbers', () => {
  it('folds the U+2010 hyphen the PT list uses in 2‐24, which NFKC alone leaves alone', () => {
    expect('2\u201024'.normalize('NFKC')).toBe('2\u201024');
    expect(parseItemNumber('2\u201024').key).toBe('2-24');
  });

  it('reads full-width digits and every dash-like character as the same item', () => {
    const spellings = ['２‐２４', '2-24', '2\u201124', '2\u201224', '2\u201324', '2\u221224', '2\u30FC24', '2\uFF0D24', ' 2 - 24 '];
    expect(new Set(spellings.map((text) => parseItemNumber(text).key))).toEqual(new Set(['2-24']));
  });

  it('keeps the original spelling for display', () => {
    expect(parseItemNumber('２‐２４').original).toBe('２‐２４');
  });

  it('splits a PT that covers two items, 3-12/3‐13, keeping each original', () => {
    const items = parseItemNumbers('3-12/3\u201013');
    expect(items.map((item) => item.key)).toEqual(['3-12', '3-13']);
    expect(items.map((item) => item.original)).toEqual(['3-12', '3\u201013']);
  });

  it('refuses text that is not an item number, naming it', () => {
    expect(() => parseItemNumber('PT')).toThrowError(/item.invalidNumber.*PT/);
    expect(itemKeyOf('1-')).toBeUndefined();
  });

  it('orders by chapter then sequence, so 1-22 comes after 1-5', () => {
    const sorted = ['1-22', '2-5', '1-5', '1-4'].map(parseItemNumber).sort(compareItemNumbers);
    expect(sorted.map((item) => item.key)).toEqual(['1-4', '1-5', '1-22', '2-5']);
  });

  it('folds the Roman numeral Ⅹ in ＤⅩ to the same DX as ＤＸ', () => {
    expect(foldText('ＤⅩ推進担当部副参事（ＤⅩ担当）')).toBe(foldText('ＤＸ推進担当部副参事（ＤＸ担当）'));
  });
});
