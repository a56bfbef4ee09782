// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Alert, CommentItem, FactorIndex } from '../../client/dashboard/dashboard-types';
import { SurveyFactors } from '../../client/dashboard/factors-page';
import { ResponsesCard } from '../../client/dashboard/responses-card';
import { WeightedResult } from '../../client/waves/weighted-result';
import { educationSurvey, sipasCounterShort } from '../../surveys/instruments';
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
      ratingScale: 'scale5',
      satisfied: false,
      comment: '<img src=x onerror="alert(1)"> chờ quá lâu <script>alert(2)</script>',
    };
    const root = mount(<CommentCard item={item} meta={null} lang="vi" />);
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.querySelector('[data-testid="comment-text"]')!.textContent).toBe(item.comment);
    expect(root.textContent).toContain('2/5 · Không hài lòng');
    expect(root.querySelector('time')!.textContent).toContain('14/03/2026'); // Vietnam time, 09:05
  });

  it('shows a 3-level rating in its own words, out of 3', () => {
    const item: CommentItem = {
      id: 2,
      submittedAt: '2026-03-14T02:05:00Z',
      counter: { code: 'demo-civil', name: 'Quầy Hộ tịch' },
      unitName: 'Phường An Tảo',
      sector: 'civil_status',
      rating: 3,
      ratingScale: 'scale3',
      satisfied: true,
      comment: 'Nhanh gọn',
    };
    const root = mount(<CommentCard item={item} meta={null} lang="vi" />);
    expect(root.textContent).toContain('3/3 · Rất hài lòng');
    expect(root.querySelector('li')!.className).toContain('tone-good');
    const en = mount(<CommentCard item={{ ...item, rating: 1, satisfied: false }} meta={null} lang="en" />);
    expect(en.textContent).toContain('1/3 · Dissatisfied');
    expect(en.querySelector('li')!.className).toContain('tone-bad');
  });
});

describe('alerts', () => {
  it('lists the worst first, in words and numbers', () => {
    const alert = (sector: string, rate: number, target: number, kinds: Alert['kinds'], drop: number | null): Alert => ({
      kinds,
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
        alerts={[
          alert('investment', 92, 85, ['dropped'], 6.5),
          alert('land', 70, 85, ['below_target'], null),
          alert('health', 84.96, 85, ['below_target', 'dropped'], 7),
        ]}
        asOf="2026-11-22"
        meta={null}
        lang="vi"
        hrefOf={() => '#'}
        onOpen={() => {}}
      />,
    );
    const items = [...root.querySelectorAll('li[data-kind]')];
    expect(items.map((li) => li.getAttribute('data-sector'))).toEqual(['land', 'health', 'investment']);
    expect(items[0]!.textContent).toContain('Dưới chỉ tiêu');
    expect(items[2]!.querySelector('[data-col="drop"]')!.textContent).toContain('−6,5 điểm');
    // One line for a sector both below target and fallen, naming both reasons; its rate is not rounded onto the target.
    const health = items[1]!;
    expect([...health.querySelectorAll('.alert-kind')].map((k) => k.textContent)).toEqual(['Dưới chỉ tiêu', 'Giảm mạnh']);
    expect(health.querySelector('[data-col="rate"]')!.textContent).toBe('84,96 %');
    expect(health.querySelector('[data-col="drop"]')!.textContent).toContain('−7,0 điểm');
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

describe('a rate beside its target', () => {
  it('shows 89.95 % against 90 % as "89,95 %" in the table, so "Không đạt" never sits beside "90,0 %"', () => {
    const r: StatsRow = { ...row('land', 89.95, 2000), satisfied: 1799, target: 90, verdict: 'not_met' };
    const root = mount(<StatsTable rows={[r]} lang="vi" labelOf={(x) => x.key} />);
    expect(root.querySelector('tr[data-key="land"] [data-col="rate"]')!.textContent).toBe('89,95 %');
  });
});

describe('the answers card', () => {
  it('writes a large rise as a multiple in the reader’s notation, not "+1.056 %"', () => {
    const vi = mount(<ResponsesCard current={1156} previous={100} previousRange={{ from: '2025-01-01', to: '2025-06-30' }} lang="vi" />);
    expect(vi.querySelector('[data-col="change"]')!.textContent).toBe(' ▲ gấp 11,6 lần');
    const en = mount(<ResponsesCard current={1156} previous={100} previousRange={{ from: '2025-01-01', to: '2025-06-30' }} lang="en" />);
    expect(en.querySelector('[data-col="change"]')!.textContent).toBe(' ▲ 11.6 times');
    const fall = mount(<ResponsesCard current={88} previous={100} previousRange={{ from: '2025-01-01', to: '2025-06-30' }} lang="vi" />);
    expect(fall.querySelector('[data-col="change"]')!.textContent).toBe(' ▼ \u221212 %');
  });
});

describe('the factors of a survey', () => {
  const factor = (key: string, index: number): FactorIndex => ({
    key,
    label: { vi: key, en: key },
    satisfied: index,
    valid: 100,
    index,
    interval: null,
  });
  it('says how many factors the education survey has, and does not call its index SIPAS', () => {
    const root = mount(
      <SurveyFactors
        survey={{
          survey: 'education',
          kind: 'education',
          title: educationSurvey.title,
          n: 120,
          factors: educationSurvey.factors.map((f, i) => factor(f.key, 80 + i)),
          items: [],
          sipasIndex: 82.5,
        }}
        lang="vi"
      />,
    );
    const intro = root.querySelector('[data-testid="factors-intro"]')!.textContent!;
    expect(intro).toMatch(/^Sáu yếu tố theo phiếu khảo sát của Bộ Giáo dục và Đào tạo/);
    expect(root.textContent).not.toContain('SIPAS');
    expect(root.querySelector('dd[data-col="sipasIndex"]')!.previousElementSibling!.textContent).toBe(
      'Chỉ số hài lòng về giáo dục (trung bình các yếu tố)',
    );
  });
  it('keeps the SIPAS words for the counter survey, with its own count', () => {
    const root = mount(
      <SurveyFactors
        survey={{
          survey: 'sipas-counter-short',
          kind: 'counter',
          title: sipasCounterShort.title,
          n: 120,
          factors: sipasCounterShort.factors.map((f, i) => factor(f.key, 80 + i)),
          items: [],
          sipasIndex: 82,
        }}
        lang="en"
      />,
    );
    expect(root.querySelector('[data-testid="factors-intro"]')!.textContent).toMatch(/^The five factors of the SIPAS model/);
    expect(root.textContent).toContain('SIPAS index (mean of the factors)');
  });
});

describe('a wave’s weighted result', () => {
  it('labels the weighted rate once, the tag saying how it is weighted', () => {
    const summary = { n: 400, satisfied: 360, rate: 90, interval: null, target: 90, verdict: 'met' as const, confidence: null };
    const root = mount(
      <WeightedResult
        weighted={{ ...summary, nEff: 351.2, nDesign: 372.4, intervalBasis: 'design', standardError: 1.5 }}
        unweighted={summary}
        lang="vi"
      />,
    );
    const heading = root.querySelector('[data-testid="weighted"] h3')!.textContent!;
    expect(heading).toBe('Tỷ lệ hài lòng gia quyền trọng số N_h/n_h');
    expect(heading.match(/gia quyền/g)).toHaveLength(1);
    expect(root.querySelector('[data-col="nEff"]')!.textContent).toBe('351,2');
  });
});
