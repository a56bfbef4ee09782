// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../client/app/api-types';
import { OverallCard } from '../../client/dashboard/overall-card';
import { StatsTable } from '../../client/dashboard/stats-table';

const rows: StatsRow[] = [
  {
    key: 'land',
    label: 'Đất đai',
    n: 1451,
    satisfied: 1227,
    rate: 84.56237,
    interval: { low: 82.6, high: 86.3 },
    target: 85,
    verdict: 'not_met',
    confidence: 'not_conclusive',
  },
  {
    key: 'justice',
    label: 'Tư pháp',
    n: 12,
    satisfied: 12,
    rate: 100,
    interval: { low: 75.8, high: 100 },
    target: 90,
    verdict: 'too_few',
    confidence: null,
  },
];

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('the hooks the browser test reads', () => {
  it('gives each sector row its code and each cell its column, in words', () => {
    const root = mount(<StatsTable rows={rows} lang="vi" labelOf={(r) => r.label} />);
    const table = root.querySelector('[data-testid="sector-table"]')!;
    const land = table.querySelector('tr[data-sector="land"]')!;
    const cell = (tr: Element, col: string) => tr.querySelector(`[data-col="${col}"]`)!;
    expect(cell(land, 'n').textContent).toBe('1.451');
    expect(cell(land, 'n').getAttribute('data-value')).toBe('1451');
    expect(cell(land, 'rate').textContent).toBe('84,6 %');
    expect(cell(land, 'interval').textContent).toBe('82,6 – 86,3 %');
    expect(cell(land, 'target').textContent).toBe('85 %');
    expect(cell(land, 'verdict').textContent).toBe('Không đạt');
    expect(cell(land, 'confidence').textContent).toBe('Chưa chắc chắn');
    const justice = table.querySelector('tr[data-sector="justice"]')!;
    expect(cell(justice, 'verdict').textContent).toBe('Chưa đủ số phiếu');
    expect(cell(justice, 'confidence').textContent).toBe('—');
  });

  it('switches every word to English', () => {
    const root = mount(<StatsTable rows={rows} lang="en" labelOf={(r) => r.key} />);
    const land = root.querySelector('tr[data-sector="land"]')!;
    expect(land.querySelector('[data-col="rate"]')!.textContent).toBe('84.6%');
    expect(land.querySelector('[data-col="verdict"]')!.textContent).toBe('Not met');
  });

  it('shows the overall figures in the overall card', () => {
    const overall = {
      ...rows[0]!,
      key: '_overall',
      n: 8605,
      satisfied: 7244,
      rate: 84.18,
      target: 90,
      verdict: 'not_met' as const,
      confidence: 'confident' as const,
    };
    const root = mount(<OverallCard overall={overall} title="Mức độ hài lòng chung" lang="vi" />);
    const card = root.querySelector('[data-testid="overall"]')!;
    expect(card.querySelector('[data-col="n"]')!.textContent).toBe('8.605');
    expect(card.querySelector('[data-col="rate"]')!.textContent).toBe('84,2 %');
    expect(card.querySelector('[data-col="verdict"]')!.textContent).toBe('Không đạt');
    expect(card.querySelector('[data-col="confidence"]')!.textContent).toBe('Chắc chắn');
  });
});
