import { describe, expect, it } from 'vitest';
import {
  counterMappingProblem,
  countsProblem,
  effectiveOnProblem,
  lastDayBefore,
  repeated,
  sharesProblem,
} from '../../surveys/reorganisation';

describe('reorganisation rules', () => {
  it('takes shares that add up to 1 within rounding, and refuses others with their sum', () => {
    expect(sharesProblem([0.6, 0.4])).toBeNull();
    expect(sharesProblem([1 / 3, 1 / 3, 1 / 3])).toBeNull();
    expect(sharesProblem([0.5, 0.5 + 5e-10])).toBeNull();
    expect(sharesProblem([0.6, 0.5])!.en).toBe('The shares must add up to 1 (they add up to 1.1).');
    expect(sharesProblem([0.5, 0.5 + 1e-8])).not.toBeNull();
    expect(sharesProblem([1, 0])!.en).toMatch(/more than 0/);
    expect(sharesProblem([1.5, -0.5])!.en).toMatch(/at most 1/);
    expect(sharesProblem([Number.NaN, 1])).not.toBeNull();
  });

  it('needs two units to merge and two to split into', () => {
    expect(countsProblem('merge', 1, 1)!.en).toMatch(/at least 2 different units/);
    expect(countsProblem('merge', 2, 1)).toBeNull();
    expect(countsProblem('split', 1, 1)!.en).toMatch(/at least 2 new units/);
    expect(countsProblem('split', 1, 3)).toBeNull();
    expect(countsProblem('rename', 1, 1)).toBeNull();
    expect(repeated([1, 2, 1, 3, 2])).toEqual([1, 2]);
  });

  it('ends a predecessor the day before, and only after it started', () => {
    expect(lastDayBefore('2026-07-01')).toBe('2026-06-30');
    expect(lastDayBefore('2028-03-01')).toBe('2028-02-29');
    const ward = { code: '11001', name: 'Phường A', valid_from: '2026-07-01' };
    expect(effectiveOnProblem('2026-07-01', ward, true)!.en).toMatch(/must be after Phường A \(11001\) started, on 2026-07-01/);
    expect(effectiveOnProblem('2026-07-02', ward, true)).toBeNull();
    expect(effectiveOnProblem('2026-07-01', ward, false)).toBeNull();
    expect(effectiveOnProblem('2026-06-30', ward, false)).not.toBeNull();
    expect(effectiveOnProblem('1990-01-01', { ...ward, valid_from: null }, true)).toBeNull();
  });

  it('wants every counter in service of a split unit sent to exactly one successor', () => {
    const inService = [
      { id: 1, code: 'a' },
      { id: 2, code: 'b' },
    ];
    expect(counterMappingProblem([], undefined, 2)).toBeNull();
    expect(counterMappingProblem(inService, undefined, 2)!.en).toMatch(/still has counters in service \(a, b\)/);
    expect(
      counterMappingProblem(
        inService,
        [
          { counterId: 1, to: 0 },
          { counterId: 2, to: 1 },
        ],
        2,
      ),
    ).toBeNull();
    expect(counterMappingProblem(inService, [{ counterId: 1, to: 0 }], 2)!.en).toMatch(/counter\(s\) b go to/);
    expect(counterMappingProblem(inService, [{ counterId: 9, to: 0 }], 2)!.en).toMatch(/9 are not counters in service/);
    expect(
      counterMappingProblem(
        inService,
        [
          { counterId: 1, to: 0 },
          { counterId: 1, to: 1 },
        ],
        2,
      )!.en,
    ).toMatch(/a are mapped twice/);
    expect(
      counterMappingProblem(
        inService,
        [
          { counterId: 1, to: 0 },
          { counterId: 2, to: 2 },
        ],
        2,
      )!.en,
    ).toMatch(/position 0 to 1/);
  });
});
