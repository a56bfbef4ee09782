import { describe, expect, it } from 'vitest';
import { codeWords, counterCodeBase, firstFreeCode, isCounterCode } from '../../surveys/counter-code';
import { counterChanges, parseKioskCell, splitSectors, type CounterFields } from '../../surveys/counter-sheet';

describe('counterCodeBase', () => {
  it('makes a code of the unit code and the name, without diacritics', () => {
    expect(counterCodeBase('HY-TP-MOT-CUA', 'Quầy Đất đai')).toBe('hy-tp-mot-cua-quay-dat-dai');
    expect(codeWords('  Bộ phận Một cửa — Phường Hiến Nam! ')).toBe('bo-phan-mot-cua-phuong-hien-nam');
  });
  it('always fits the QR pattern, however long or empty the words', () => {
    for (const [unit, name] of [
      ['HY', 'Quầy '.repeat(40)],
      ['', '!!!'],
      ['-', 'đ'],
      ['11980', 'Xã Quảng Châu'],
    ]) {
      const code = firstFreeCode(counterCodeBase(unit!, name!), new Set());
      expect(isCounterCode(code), `${unit} ${name} → ${code}`).toBe(true);
      expect(isCounterCode(`${code}-999`)).toBe(true);
    }
  });
});

describe('firstFreeCode', () => {
  it('takes the base when free, else the first numbered one free', () => {
    expect(firstFreeCode('a-b', new Set())).toBe('a-b');
    expect(firstFreeCode('a-b', new Set(['a-b', 'a-b-2']))).toBe('a-b-3');
  });
});

describe('a counters sheet’s cells', () => {
  it('splits sectors on ; , or |, in order, each once', () => {
    expect(splitSectors('land; construction|business ,land')).toEqual(['land', 'construction', 'business']);
    expect(splitSectors(' ')).toEqual([]);
  });
  it('reads kiosk as yes, no, empty (keep) or neither', () => {
    expect(['1', 'Có', 'x', 'TRUE'].map(parseKioskCell)).toEqual([true, true, true, true]);
    expect(['0', 'không', 'no'].map(parseKioskCell)).toEqual([false, false, false]);
    expect(parseKioskCell('')).toBeUndefined();
    expect(parseKioskCell('maybe')).toBeNull();
  });
});

describe('counterChanges', () => {
  const before: CounterFields = { name: 'A', unit: { id: 1, code: 'U1' }, sectors: ['land'], survey: 's', kiosk: false, retired: false };
  it('keeps the changed fields only, before and after', () => {
    expect(counterChanges(before, { ...before, sectors: ['land', 'other'], unit: { id: 2, code: 'U2' } })).toEqual({
      before: { sectors: ['land'], unit: { id: 1, code: 'U1' } },
      after: { sectors: ['land', 'other'], unit: { id: 2, code: 'U2' } },
    });
    expect(counterChanges(before, { ...before })).toEqual({ before: {}, after: {} });
  });
  it('sees a change of sector order', () => {
    const two = { ...before, sectors: ['land', 'other'] };
    expect(counterChanges(two, { ...two, sectors: ['other', 'land'] }).after).toEqual({ sectors: ['other', 'land'] });
  });
});
