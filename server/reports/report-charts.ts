import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import { displayDay } from '../../surveys/date-display';
import type { Verdict } from '../../surveys/statistics';
import { VERDICT_WORDS } from '../../surveys/verdict-words';
import { docxTarget } from './docx/docx-parts';
import type { PeriodicReport } from './report-data';
import { viNumber, viRate } from './report-numbers';

/**
 * The report's two charts, drawn on the server as SVG and rasterised to PNG by resvg (no browser):
 * the sector rates against their targets with their 95 % intervals, and the monthly trend of the
 * overall rate against its target. Made for black-and-white print: black, greys and hatching, no
 * colour; words in Vietnamese and numbers in Vietnamese format, as the tables print them.
 */

/** Drawing units per chart width: 600 px at 96 dpi is 15,9 cm, the text width of an A4 page with Decree 30 margins. */
export const CHART_WIDTH = 600;
/** Rasterised at 3× (288 dpi at that width), sharp in print. */
export const CHART_SCALE = 3;

const FONT_SETS = [
  { family: 'DejaVu Sans', dir: '/usr/share/fonts/truetype/dejavu', files: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] },
  {
    family: 'Liberation Sans',
    dir: '/usr/share/fonts/truetype/liberation2',
    files: ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'],
  },
  {
    family: 'Liberation Sans',
    dir: '/usr/share/fonts/truetype/liberation',
    files: ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'],
  },
];

export interface ChartFont {
  family: string;
  /** The font files given to resvg; empty when it falls back to scanning the system's fonts. */
  files: string[];
}

let font: ChartFont | undefined;
/**
 * resvg draws text only with fonts it is given. DejaVu Sans (Debian's fonts-dejavu-core, which has
 * every Vietnamese letter) or Liberation Sans, loaded from their files: fast, and the same glyphs
 * on every machine. Neither there: resvg scans the system's fonts and takes its sans-serif.
 */
export function chartFont(): ChartFont {
  if (!font) {
    const found = FONT_SETS.map((s) => ({ family: s.family, files: s.files.map((f) => `${s.dir}/${f}`) })).find((s) =>
      s.files.every((f) => existsSync(f)),
    );
    font = found ?? { family: 'sans-serif', files: [] };
    if (!found)
      console.error(
        'report charts: neither DejaVu Sans nor Liberation Sans is installed; resvg falls back to the system fonts, and with none the charts have no text (apt-get install fonts-dejavu-core)',
      );
  }
  return font;
}

const FAMILIES = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f1 = (v: number) => Number(v.toFixed(1));

const svgOpen = (height: number, title: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FAMILIES}" font-size="11">` +
  `<title>${esc(title)}</title>` +
  '<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">' +
  '<rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#000" stroke-width="1.6"/></pattern></defs>' +
  `<rect width="${CHART_WIDTH}" height="${height}" fill="#fff"/>`;

/** How a bar of each verdict is filled: grey for met, hatched for not met, white and dashed for too few answers. */
const BAR_STYLE: Record<Verdict, string> = {
  met: 'fill="#a6a6a6" stroke="#000" stroke-width="0.8"',
  not_met: 'fill="url(#hatch)" stroke="#000" stroke-width="0.8"',
  too_few: 'fill="#fff" stroke="#000" stroke-width="0.8" stroke-dasharray="3 2"',
};

/** A label cut into at most two lines of about `width` characters, the second ending in "…" when it is cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0]!, `${second.slice(0, width - 1).trimEnd()}…`];
}

/** A black line with a white edge, so it reads over grey and hatching alike. */
const haloLine = (x1: number, y1: number, x2: number, y2: number, width: number) =>
  `<line x1="${f1(x1)}" y1="${f1(y1)}" x2="${f1(x2)}" y2="${f1(y2)}" stroke="#fff" stroke-width="${width + 2.5}"/>` +
  `<line x1="${f1(x1)}" y1="${f1(y1)}" x2="${f1(x2)}" y2="${f1(y2)}" stroke="#000" stroke-width="${width}"/>`;

/** Legend items laid out left to right from x on one line; widths estimated from the character count. */
function legendLine(y: number, items: { swatch: (x: number, y: number) => string; text: string }[]): string {
  let x = 12;
  let out = '';
  for (const item of items) {
    out += item.swatch(x, y) + `<text x="${x + 22}" y="${y + 4}">${esc(item.text)}</text>`;
    x += 22 + item.text.length * 6.6 + 18;
  }
  return out;
}

type SectorRow = PeriodicReport['bySector'][number];

/** (a) Horizontal bars of the satisfied share per sector, its target a thick tick, its 95 % interval whiskers. */
export function sectorChartSvg(rows: SectorRow[]): string {
  const labelW = 172;
  const valueW = 78;
  const x0 = labelW + 6;
  const x1 = CHART_WIDTH - valueW - 8;
  const rowH = 34;
  const top = 10;
  const plotBottom = top + rows.length * rowH;
  const height = plotBottom + 34 + 44;
  const x = (pct: number) => x0 + (Math.max(0, Math.min(100, pct)) / 100) * (x1 - x0);
  let out = svgOpen(height, 'Tỷ lệ hài lòng theo lĩnh vực so với chỉ tiêu');
  // Grid and axis first, so bars lie over them.
  for (let p = 0; p <= 100; p += 10) {
    out += `<line x1="${f1(x(p))}" y1="${top}" x2="${f1(x(p))}" y2="${plotBottom}" stroke="${p === 0 ? '#000' : '#cccccc'}" stroke-width="${p === 0 ? 1 : 0.6}"/>`;
    out += `<text x="${f1(x(p))}" y="${plotBottom + 14}" text-anchor="middle" font-size="10">${p}</text>`;
  }
  out += `<line x1="${x0}" y1="${plotBottom}" x2="${x1}" y2="${plotBottom}" stroke="#000" stroke-width="1"/>`;
  out += `<text x="${f1((x0 + x1) / 2)}" y="${plotBottom + 28}" text-anchor="middle" font-size="10.5">Tỷ lệ hài lòng (%)</text>`;
  rows.forEach((r, i) => {
    const cy = top + i * rowH + rowH / 2;
    const rate = viRate(r.rate, r.target);
    out += `<g><title>${esc(`${r.label}: ${rate}, chỉ tiêu ${docxTarget(r.target)}, ${VERDICT_WORDS[r.verdict].vi}`)}</title>`;
    const lines = wrap(r.label, 26);
    lines.forEach((line, k) => {
      const y = cy + 4 + (k - (lines.length - 1) / 2) * 13;
      out += `<text x="${labelW}" y="${f1(y)}" text-anchor="end" font-size="11.5">${esc(line)}</text>`;
    });
    if (r.rate !== null) out += `<rect x="${x0}" y="${cy - 8}" width="${f1(x(r.rate) - x0)}" height="16" ${BAR_STYLE[r.verdict]}/>`;
    if (r.interval) {
      const [lo, hi] = [x(r.interval.low), x(r.interval.high)];
      out += haloLine(lo, cy, hi, cy, 1.4) + haloLine(lo, cy - 5, lo, cy + 5, 1.4) + haloLine(hi, cy - 5, hi, cy + 5, 1.4);
    }
    out += haloLine(x(r.target), cy - 14, x(r.target), cy + 14, 3);
    out += `<text x="${CHART_WIDTH - 8}" y="${cy + 1}" text-anchor="end" font-size="12" font-weight="bold">${esc(rate)}</text>`;
    out += `<text x="${CHART_WIDTH - 8}" y="${cy + 13}" text-anchor="end" font-size="9.5" fill="#333">n = ${esc(viNumber(r.n))}</text></g>`;
  });
  const ly = plotBottom + 46;
  const swatch = (verdict: Verdict) => (x: number, y: number) =>
    `<rect x="${x}" y="${y - 5}" width="16" height="10" ${BAR_STYLE[verdict]}/>`;
  out += legendLine(ly, [
    { swatch: swatch('met'), text: VERDICT_WORDS.met.vi },
    { swatch: swatch('not_met'), text: VERDICT_WORDS.not_met.vi },
    { swatch: swatch('too_few'), text: VERDICT_WORDS.too_few.vi },
  ]);
  out += legendLine(ly + 18, [
    { swatch: (x, y) => haloLine(x + 8, y - 7, x + 8, y + 7, 3), text: 'Chỉ tiêu' },
    {
      swatch: (x, y) => haloLine(x, y, x + 16, y, 1.4) + haloLine(x, y - 4, x, y + 4, 1.4) + haloLine(x + 16, y - 4, x + 16, y + 4, 1.4),
      text: 'Khoảng tin cậy 95 %',
    },
  ]);
  return `${out}</svg>`;
}

type TrendRow = PeriodicReport['trend'][number];

/** (b) The overall satisfied share month by month, a line with its points, against the target (dashed). */
export function trendChartSvg(months: TrendRow[]): string {
  const height = 270;
  const x0 = 46;
  const x1 = CHART_WIDTH - 12;
  const top = 26;
  const bottom = height - 80;
  const values = [...months.flatMap((m) => (m.rate === null ? [] : [m.rate])), ...months.map((m) => m.target)];
  const lo = values.length ? Math.min(...values) : 0;
  const yMin = Math.max(0, Math.floor((lo - 3) / 10) * 10);
  const step = 100 - yMin <= 30 ? 5 : 10;
  const y = (pct: number) => bottom - ((pct - yMin) / (100 - yMin)) * (bottom - top);
  const slot = (x1 - x0) / Math.max(1, months.length);
  const cx = (i: number) => x0 + (i + 0.5) * slot;
  let out = svgOpen(height, 'Tỷ lệ hài lòng chung theo tháng so với chỉ tiêu');
  for (let p = yMin; p <= 100; p += step) {
    out += `<line x1="${x0}" y1="${f1(y(p))}" x2="${x1}" y2="${f1(y(p))}" stroke="${p === yMin ? '#000' : '#cccccc'}" stroke-width="${p === yMin ? 1 : 0.6}"/>`;
    out += `<text x="${x0 - 5}" y="${f1(y(p) + 3.5)}" text-anchor="end" font-size="10">${p}</text>`;
  }
  out += `<line x1="${x0}" y1="${top}" x2="${x0}" y2="${bottom}" stroke="#000" stroke-width="1"/>`;
  out += `<text x="${x0 - 5}" y="${top - 12}" text-anchor="end" font-size="10">%</text>`;
  // The target, a step line when it changes with the year.
  const target = months
    .map((m, i) => `${i === 0 ? 'M' : 'L'}${f1(cx(i) - slot / 2)},${f1(y(m.target))} L${f1(cx(i) + slot / 2)},${f1(y(m.target))}`)
    .join(' ');
  out += `<path d="${target}" fill="none" stroke="#000" stroke-width="1.5" stroke-dasharray="7 4"/>`;
  // The rate, broken where a month has no answers.
  let path = '';
  months.forEach((m, i) => {
    if (m.rate === null) return;
    path += `${i > 0 && months[i - 1]!.rate !== null ? 'L' : 'M'}${f1(cx(i))},${f1(y(m.rate))} `;
  });
  if (path) out += `<path d="${path.trim()}" fill="none" stroke="#000" stroke-width="2.2"/>`;
  // A long custom period: every k-th month named, the year under the first named month of each year; figures only when they fit.
  const every = Math.ceil(26 / slot);
  const figures = slot >= 40;
  let yearShown = '';
  months.forEach((m, i) => {
    const [mm, yyyy] = [Number(m.month.slice(5, 7)), m.month.slice(0, 4)];
    if (i % every === 0) {
      out += `<text x="${f1(cx(i))}" y="${bottom + 14}" text-anchor="middle" font-size="10">T${mm}</text>`;
      if (yyyy !== yearShown) out += `<text x="${f1(cx(i))}" y="${bottom + 26}" text-anchor="middle" font-size="10">${yyyy}</text>`;
      yearShown = yyyy;
    }
    if (m.rate === null) return;
    const py = y(m.rate);
    const text = viRate(m.rate, m.target);
    out += `<g><title>${esc(`${mm}/${yyyy}: ${text}, n = ${viNumber(m.n)}`)}</title>`;
    out += `<circle cx="${f1(cx(i))}" cy="${f1(py)}" r="3.6" fill="${m.verdict === 'too_few' ? '#fff' : '#000'}" stroke="#000" stroke-width="1.4"/>`;
    if (figures) {
      // Above a peak, below a valley, on a white ground: the line runs away from its figure.
      const near = [months[i - 1]?.rate, months[i + 1]?.rate].filter((r): r is number => typeof r === 'number');
      const valley = near.length > 0 && m.rate < near.reduce((a, b) => a + b, 0) / near.length;
      const below = (valley && py + 18 < bottom) || py - 10 < top;
      const ty = below ? py + 16 : py - 8;
      const w = text.length * 5.8 + 4;
      out += `<rect x="${f1(cx(i) - w / 2)}" y="${f1(ty - 9.5)}" width="${f1(w)}" height="12" fill="#fff"/>`;
      out += `<text x="${f1(cx(i))}" y="${f1(ty)}" text-anchor="middle" font-size="9.5" font-weight="bold">${esc(text)}</text>`;
    }
    out += '</g>';
  });
  out += `<text x="${f1((x0 + x1) / 2)}" y="${bottom + 40}" text-anchor="middle" font-size="10.5">Tháng</text>`;
  const targets = [...new Set(months.map((m) => m.target))];
  const ly = bottom + 60;
  out += legendLine(ly, [
    {
      swatch: (x, yy) =>
        `<line x1="${x}" y1="${yy}" x2="${x + 16}" y2="${yy}" stroke="#000" stroke-width="2.2"/><circle cx="${x + 8}" cy="${yy}" r="3.6" fill="#000"/>`,
      text: 'Tỷ lệ hài lòng chung',
    },
    {
      swatch: (x, yy) => `<circle cx="${x + 8}" cy="${yy}" r="3.6" fill="#fff" stroke="#000" stroke-width="1.4"/>`,
      text: VERDICT_WORDS.too_few.vi,
    },
    {
      swatch: (x, yy) => `<line x1="${x}" y1="${yy}" x2="${x + 16}" y2="${yy}" stroke="#000" stroke-width="1.5" stroke-dasharray="7 4"/>`,
      text: targets.length === 1 ? `Chỉ tiêu ${docxTarget(targets[0]!)}` : 'Chỉ tiêu',
    },
  ]);
  return `${out}</svg>`;
}

/** The SVG's drawing height, read back from its root element. */
const svgHeight = (svg: string) => Number(/^<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);

/**
 * An SVG chart as PNG, CHART_SCALE times its drawing size, with the font of chartFont(). Drawn on
 * libuv's thread pool (~0.1 s a chart), so the server goes on taking answers meanwhile.
 */
export async function chartPng(svg: string): Promise<Uint8Array> {
  const f = chartFont();
  const fontOptions =
    f.files.length > 0
      ? { loadSystemFonts: false, fontFiles: f.files, defaultFontFamily: f.family, sansSerifFamily: f.family }
      : { loadSystemFonts: true };
  const image = await renderAsync(svg, { fitTo: { mode: 'zoom', value: CHART_SCALE }, background: '#ffffff', font: fontOptions });
  return new Uint8Array(image.asPng());
}

const figure = async (svg: string, altTitle: string, altText: string, caption: string): Promise<Paragraph[]> => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 240 },
    children: [
      new ImageRun({
        type: 'png',
        data: await chartPng(svg),
        transformation: { width: CHART_WIDTH, height: svgHeight(svg) },
        altText: { name: altTitle, title: altTitle, description: altText },
      }),
    ],
  }),
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text: caption, italics: true, size: 24 })],
  }),
];

/**
 * The charts as Word paragraphs: each image with its alternative text (the figures it shows, for a
 * screen reader) and its caption "Hình n. …" below. A chart with nothing to show is left out.
 */
export async function chartParagraphs(report: PeriodicReport): Promise<Paragraph[]> {
  const period = `từ ngày ${displayDay(report.period.from, 'vi')} đến ngày ${displayDay(report.period.to, 'vi')}`;
  const out: Paragraph[] = [];
  let n = 0;
  if (report.bySector.length > 0) {
    const alt = report.bySector
      .map((r) => `${r.label}: ${viRate(r.rate, r.target)} (chỉ tiêu ${docxTarget(r.target)}, ${VERDICT_WORDS[r.verdict].vi})`)
      .join('; ');
    out.push(
      ...(await figure(
        sectorChartSvg(report.bySector),
        'Tỷ lệ hài lòng theo lĩnh vực',
        `Biểu đồ thanh ngang, tỷ lệ hài lòng theo lĩnh vực so với chỉ tiêu: ${alt}.`,
        `Hình ${++n}. Tỷ lệ người dân hài lòng theo lĩnh vực so với chỉ tiêu (khoảng tin cậy 95 %), ${period}`,
      )),
    );
  }
  if (report.trend.some((m) => m.rate !== null)) {
    const alt = report.trend
      .map(
        (m) =>
          `tháng ${Number(m.month.slice(5, 7))}/${m.month.slice(0, 4)}: ${m.rate === null ? 'không có phiếu' : viRate(m.rate, m.target)}`,
      )
      .join('; ');
    out.push(
      ...(await figure(
        trendChartSvg(report.trend),
        'Tỷ lệ hài lòng chung theo tháng',
        `Biểu đồ đường, tỷ lệ hài lòng chung theo tháng so với chỉ tiêu: ${alt}.`,
        `Hình ${++n}. Tỷ lệ hài lòng chung theo tháng so với chỉ tiêu, ${period}`,
      )),
    );
  }
  return out;
}
