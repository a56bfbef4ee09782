import { describe, expect, it } from 'vitest';
import { comparison, indicatorOfWord, portalValueOf } from '../../surveys/portal-figures';

describe('portal figures as typed', () => {
  it('reads 85,3 and 85.3 alike, a trailing %, and refuses what is not 0–100', () => {
    expect(portalValueOf('85,3')).toBe(85.3);
    expect(portalValueOf('85.3 %')).toBe(85.3);
    expect(portalValueOf(100)).toBe(100);
    expect(portalValueOf('0')).toBe(0);
    for (const bad of ['120', '-1', '8,5,3', '', 'abc', 100.5]) expect(portalValueOf(bad)).toBeNull();
  });

  it('names indicators as sheets write them', () => {
    expect(['R1', 'r2', ' R3 ', 'online', 'Trực tuyến', 'TRỰC TUYẾN'].map(indicatorOfWord)).toEqual([
      'r1',
      'r2',
      'r3',
      'online',
      'online',
      'online',
    ]);
    expect(indicatorOfWord('R4')).toBeNull();
  });
});

describe('what a portal figure means in dossiers', () => {
  it('gives the difference in points and the failed dossiers the portal implies', () => {
    // hailong: 170 of 200 satisfied (85 %); the portal's 79 % of 200 means 42 failed, 12 more than 30.
    expect(comparison(79, { numerator: 170, denominator: 200, value: 85 })).toEqual({
      difference: 6,
      failed: { hailong: 30, portal: 42, more: 12 },
    });
    expect(comparison(79, { numerator: 0, denominator: 0, value: null })).toEqual({ difference: null, failed: null });
  });
});
