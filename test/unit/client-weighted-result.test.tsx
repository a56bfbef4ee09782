// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { RateSummary, WeightedSummary } from '../../client/waves/waves-types';
import { WeightedResult } from '../../client/waves/weighted-result';

const unweighted: RateSummary = {
  n: 140,
  satisfied: 115,
  rate: 82.142857,
  interval: { low: 75, high: 87.5 },
  target: 85,
  verdict: 'not_met',
  confidence: 'not_conclusive',
};
// The wave of test/unit/stratified-rate.test.ts.
const weighted: WeightedSummary = {
  n: 140,
  nEff: 111.153846,
  nDesign: 114.467858,
  intervalBasis: 'design',
  standardError: 3.56315,
  rate: 82.352941,
  interval: { low: 74.353266, high: 88.251641 },
  target: 85,
  verdict: 'not_met',
  confidence: 'not_conclusive',
};

function mount(w: WeightedSummary, lang: 'vi' | 'en' = 'vi'): HTMLElement {
  const root = document.createElement('div');
  render(<WeightedResult weighted={w} unweighted={unweighted} lang={lang} />, root);
  return root;
}
const fact = (root: HTMLElement, col: string) => root.querySelector(`[data-testid="weighted"] [data-col="${col}"]`)!;

describe('a wave’s weighted result', () => {
  it('shows valid interviews, Kish n_eff and the design effective n the interval is on', () => {
    const root = mount(weighted);
    expect(fact(root, 'n').textContent).toBe('140');
    expect(fact(root, 'nEff').textContent).toBe('111,2');
    expect(fact(root, 'nDesign').textContent).toBe('114,5');
    expect(fact(root, 'nDesign').getAttribute('data-basis')).toBe('design');
    const words = root.textContent!;
    expect(words).toContain('Số phiếu hợp lệ n');
    expect(words).toContain('Cỡ mẫu hiệu dụng Kish n_eff');
    expect(words).toContain('Cỡ mẫu hiệu dụng theo thiết kế');
    // The minimum-sample rule says which n it counts.
    expect(words).toContain('Ngưỡng tối thiểu 30 phiếu tính trên số phiếu hợp lệ n');
    expect(mount(weighted, 'en').textContent).toContain('The minimum of 30 counts valid interviews n');
  });

  it('says why there is no design n: every stratum answered alike, or a census', () => {
    const alike = mount({ ...weighted, rate: 100, nDesign: null, intervalBasis: 'kish', standardError: 0 });
    expect(fact(alike, 'nDesign').textContent).toBe('—');
    expect(alike.textContent).toContain('khoảng tin cậy tính trên n_eff (Kish)');
    const census = mount({ ...weighted, nDesign: null, intervalBasis: 'census', interval: { low: 82.352941, high: 82.352941 } }, 'en');
    expect(fact(census, 'nDesign').textContent).toBe('census');
    expect(census.textContent).toContain('there is no sampling error');
  });
});
