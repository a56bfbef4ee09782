import { describe, expect, it } from 'vitest';
import { editsOf, isNewSectorCode, targetOf, yearChoices } from '../../client/targets/targets-form';
import type { TargetLine } from '../../client/targets/targets-types';

const line = (sector: string, target: number): TargetLine => ({
  sector,
  target,
  name: { vi: sector, en: sector },
  isLocal: false,
  fromYear: 2026,
  source: 'plan',
});

describe('the targets page’s fields', () => {
  it('reads a target typed with a comma or a point, one decimal at most, in (0, 100]', () => {
    expect(targetOf('87,5')).toBe(87.5);
    expect(targetOf(' 88 ')).toBe(88);
    expect(targetOf('100')).toBe(100);
    for (const bad of ['', '0', '101', '87,55', 'abc', '-5', '1e2']) expect(targetOf(bad), bad).toBeNull();
  });

  it('sends only the values that change, and names the fields that are wrong', () => {
    const lines = [line('_overall', 90), line('land', 85), line('health', 85)];
    expect(editsOf(lines, { _overall: '90', land: '88', health: '85,0' })).toEqual({
      changes: [{ sector: 'land', target: 88 }],
      invalid: [],
    });
    expect(editsOf(lines, { _overall: '90', land: '101', health: 'x' })).toEqual({ changes: [], invalid: ['land', 'health'] });
  });

  it('offers plan years and a few years either side of this one, newest first', () => {
    expect(yearChoices(2026, [2019, 2026], 2026)).toEqual([2028, 2027, 2026, 2025, 2024, 2023, 2019]);
  });

  it('checks a new sector’s code as the server does', () => {
    expect(isNewSectorCode('fire_safety')).toBe(true);
    expect(isNewSectorCode('Fire')).toBe(false);
  });
});
