// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../client/app/api-types';
import { TargetCell } from '../../client/dashboard/target-cell';
import { rowTarget } from '../../surveys/row-target';

const TARGETS: Record<string, number> = { land: 85, health: 85, civil_status: 90 };
const targetOf = (sector: string | null) => (sector === null ? 90 : (TARGETS[sector] ?? 90));

describe('which target a row is judged against', () => {
  it('one sector: that sector’s target, however many times it is named', () => {
    expect(rowTarget(['health', 'health'], targetOf)).toEqual({ target: 85, basis: 'sector', sector: 'health' });
  });
  it('several sectors: the overall target, marked mixed', () => {
    expect(rowTarget(['land', 'civil_status'], targetOf)).toEqual({ target: 90, basis: 'mixed', sector: null });
  });
  it('no answers: the overall target', () => {
    expect(rowTarget([], targetOf)).toEqual({ target: 90, basis: 'overall', sector: null });
  });
});

describe('the target cell', () => {
  const part = { label: 'x', n: 30, satisfied: 26, rate: 86.67, interval: null, target: 85, verdict: 'met' as const, confidence: null };
  const mixed: StatsRow = {
    key: 'all',
    label: 'all',
    n: 34,
    satisfied: 29,
    rate: 85.29,
    interval: null,
    target: 90,
    verdict: 'not_met',
    confidence: null,
    targetBasis: 'mixed',
    sectors: [
      { ...part, sector: 'land', n: 4, satisfied: 3, rate: 75, verdict: 'too_few' },
      { ...part, sector: 'health' },
    ],
  };
  const mount = (row: StatsRow) => {
    const root = document.createElement('div');
    render(<TargetCell row={row} lang="vi" />, root);
    return root;
  };
  it('says a mixed row is judged against the overall target and opens to each sector', () => {
    const root = mount(mixed);
    expect(root.querySelector('summary')!.textContent).toBe('90 % (chỉ tiêu chung: nhiều lĩnh vực)');
    const items = [...root.querySelectorAll('li')].map((li) => [li.getAttribute('data-sector'), li.getAttribute('data-verdict')]);
    expect(items).toEqual([
      ['land', 'too_few'],
      ['health', 'met'],
    ]);
  });
  it('shows a one-sector row’s target alone', () => {
    const root = mount({ ...mixed, target: 85, targetBasis: 'sector', sectors: undefined });
    expect(root.querySelector('details')).toBeNull();
    expect(root.textContent).toBe('85 %');
  });
});
