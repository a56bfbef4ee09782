import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CHART_SCALE, CHART_WIDTH, chartPng, sectorChartSvg, trendChartSvg } from '../../server/reports/report-charts';
import { docxRate } from '../../server/reports/report-docx';
import { viRate } from '../../server/reports/report-numbers';
import { summarize } from '../../surveys/statistics';
import { monthsBetween } from '../../surveys/time';

const sector = (key: string, label: string, satisfied: number, valid: number, target: number) => ({
  key,
  label,
  labelEn: label,
  targetBasis: 'sector' as const,
  ...summarize({ satisfied, valid, target }),
});

const SECTORS = [
  sector('land', 'Đất đai', 167, 200, 90),
  sector('civil_status', 'Hộ tịch', 330, 350, 90),
  sector('health', 'Y tế', 15, 20, 85),
  // 89.95 % against 90 %: printed with two decimals so it does not read as met.
  sector('investment', 'Đầu tư & <kế hoạch>', 1799, 2000, 90),
];

const month = (m: string, satisfied: number, valid: number) => {
  const s = summarize({ satisfied, valid, target: 90 });
  return { month: m, n: s.n, satisfied: s.satisfied, rate: s.rate, interval: s.interval, target: s.target, verdict: s.verdict };
};
const TREND = [month('2025-12', 40, 50), month('2026-01', 170, 200), { ...month('2026-02', 0, 0) }, month('2026-03', 190, 200)];

const heightOf = (svg: string) => Number(/^<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);

describe('report charts', () => {
  it('draws every sector with its label and its rate as the Word table prints it', () => {
    const svg = sectorChartSvg(SECTORS);
    expect(SECTORS[3]!.rate).toBeCloseTo(89.95, 5);
    for (const r of SECTORS) {
      const rate = viRate(r.rate, r.target);
      expect(rate).toBe(docxRate(r.rate, r.target));
      expect(svg).toContain(`>${rate}</text>`);
      expect(svg).toContain(r.label.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;'));
    }
    expect(svg).toContain('>89,95\u00a0%</text>');
    expect(svg).toContain('>83,5\u00a0%</text>');
    // A label is escaped, never markup.
    expect(svg).not.toContain('<kế hoạch>');
    expect(svg).toContain('Khoảng tin cậy 95 %');
    // Black, white and greys only: legible in black-and-white print.
    const colours = new Set(svg.match(/#[0-9a-f]{3,6}\b/gi));
    for (const c of colours) expect(c, c).toMatch(/^#(fff|ffffff|000|333|a6a6a6|cccccc)$/i);
  });

  it('draws the monthly trend with each month’s rate and the target, a month without answers left as a gap', () => {
    const svg = trendChartSvg(TREND);
    expect(svg).toContain('>80,0\u00a0%</text>');
    expect(svg).toContain('>85,0\u00a0%</text>');
    expect(svg).toContain('>95,0\u00a0%</text>');
    expect(svg).toContain('Chỉ tiêu 90\u00a0%');
    for (const m of ['T12', 'T1', 'T2', 'T3']) expect(svg).toContain(`>${m}</text>`);
    // Two runs of the line: December–January, then March alone (no segment across February).
    const line = /<path d="([^"]+)" fill="none" stroke="#000" stroke-width="2.2"\/>/.exec(svg)![1]!;
    expect(line.match(/M/g)).toHaveLength(2);
    expect(line.match(/L/g)).toHaveLength(1);
  });

  it('names every other month and leaves the figures out when three years of months would crowd them', () => {
    const long = monthsBetween('2024-01', '2026-12').map((m) => month(m, 170, 200));
    const svg = trendChartSvg(long);
    expect(svg.match(/>T\d+<\/text>/g)).toHaveLength(18);
    for (const y of ['2024', '2025', '2026']) expect(svg).toContain(`>${y}</text>`);
    expect(svg).not.toContain('>85,0\u00a0%</text>');
    // Each month is still said in its title, for a screen reader.
    expect(svg.match(/<title>\d+\/\d{4}: 85,0\u00a0%/g)).toHaveLength(36);
  });

  it('rasterises to a PNG three times the drawing size, 1800 px wide for A4 portrait', async () => {
    for (const svg of [sectorChartSvg(SECTORS), trendChartSvg(TREND)]) {
      const png = PNG.sync.read(Buffer.from(await chartPng(svg)));
      expect(png.width).toBe(CHART_WIDTH * CHART_SCALE);
      expect(png.width).toBe(1800);
      expect(png.height).toBe(heightOf(svg) * CHART_SCALE);
      // Drawn, not blank: some black (the axis, the target) on white.
      let black = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 40 && png.data[i + 1]! < 40 && png.data[i + 2]! < 40) black++;
      expect(black).toBeGreaterThan(1000);
      expect(png.data[0]).toBe(255);
    }
  });
});
