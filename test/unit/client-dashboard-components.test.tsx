// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Alert, CommentItem } from '../../client/dashboard/dashboard-types';
import type { StatsRow } from '../../client/app/api-types';
import { AlertsList } from '../../client/dashboard/alerts-list';
import { HeatmapTable } from '../../client/dashboard/heatmap-table';
import { StatsTable } from '../../client/dashboard/stats-table';
import { CommentCard } from '../../client/dashboard/comments-page';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
const flush = () => new Promise((r) => setTimeout(r, 0));

const row = (key: string, rate: number | null, n: number): StatsRow => ({
  key,
  label: key,
  n,
  satisfied: Math.round(((rate ?? 0) * n) / 100),
  rate,
  interval: null,
  target: 90,
  verdict: rate === null ? 'too_few' : rate >= 90 ? 'met' : 'not_met',
  confidence: null,
});

describe('sortable tables', () => {
  it('sorts on a header click, says so to screen readers, and keeps the raw values', async () => {
    const root = mount(
      <StatsTable rows={[row('land', 84.5, 1451), row('justice', 96, 700), row('other', null, 0)]} lang="vi" labelOf={(r) => r.key} />,
    );
    const keys = () => [...root.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-key'));
    expect(keys()).toEqual(['land', 'justice', 'other']);
    const rateHeader = root.querySelector('th[data-col="rate"]')!;
    rateHeader.querySelector('button')!.click();
    await flush();
    expect(keys()).toEqual(['justice', 'land', 'other']);
    expect(rateHeader.getAttribute('aria-sort')).toBe('descending');
    rateHeader.querySelector('button')!.click();
    await flush();
    expect(keys()).toEqual(['land', 'justice', 'other']);
    expect(rateHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(root.querySelector('tr[data-sector="land"] [data-col="rate"]')!.getAttribute('data-value')).toBe('84.5');
  });
});

describe('comments are text, never markup', () => {
  it('shows an injected tag as the characters the citizen typed', () => {
    const item: CommentItem = {
      id: 1,
      submittedAt: '2026-03-14T02:05:00Z',
      counter: { code: 'demo-land', name: 'Quầy <b>Đất đai</b>' },
      unitName: 'Phường An Tảo',
      sector: 'land',
      rating: 2,
      satisfied: false,
      comment: '<img src=x onerror="alert(1)"> chờ quá lâu <script>alert(2)</script>',
    };
    const root = mount(<CommentCard item={item} meta={null} lang="vi" />);
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.querySelector('[data-testid="comment-text"]')!.textContent).toBe(item.comment);
    expect(root.textContent).toContain('2/5 · Không hài lòng');
    expect(root.querySelector('time')!.textContent).toContain('14/03/2026'); // Vietnam time, 09:05
  });
});

describe('alerts', () => {
  it('lists the worst first, in words and numbers', () => {
    const alert = (sector: string, rate: number, target: number, kind: Alert['kind'], drop: number | null): Alert => ({
      kind,
      sector,
      sectorLabel: sector,
      unitId: 3,
      unitName: 'Phường An Tảo',
      current: { n: 60, satisfied: 50, rate, interval: null, target },
      previous: { n: 70, rate: drop === null ? null : rate + drop },
      drop,
    });
    const root = mount(
      <AlertsList
        alerts={[alert('investment', 92, 85, 'dropped', 6.5), alert('land', 70, 85, 'below_target', null)]}
        asOf="2026-11-22"
        meta={null}
        lang="vi"
        hrefOf={() => '#'}
        onOpen={() => {}}
      />,
    );
    const items = [...root.querySelectorAll('li[data-kind]')];
    expect(items.map((li) => li.getAttribute('data-sector'))).toEqual(['land', 'investment']);
    expect(items[0]!.textContent).toContain('Dưới chỉ tiêu');
    expect(items[1]!.querySelector('[data-col="drop"]')!.textContent).toContain('−6,5 điểm');
  });
});

describe('heat map', () => {
  it('puts a number in every cell with answers, Monday first', () => {
    const root = mount(<HeatmapTable cells={[{ weekday: 1, hour: 9, n: 120, satisfied: 100, rate: 83.3 }]} metric="rate" lang="vi" />);
    const cell = root.querySelector('tr[data-weekday="1"] td[data-hour="9"]')!;
    expect(cell.textContent).toBe('83');
    expect(cell.getAttribute('data-n')).toBe('120');
    expect(root.querySelector('tr[data-weekday="1"] th')!.textContent).toBe('Thứ Hai');
    expect(root.querySelector('tr[data-weekday="7"] td[data-hour="9"]')!.textContent).toBe('');
  });
});
