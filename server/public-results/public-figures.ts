import type { Kysely } from 'kysely';
import { caseFigures } from '../../db/cases';
import { countCasesReceived, listPublishedOutcomes, type PublicResultsSettings } from '../../db/public-results';
import { listSectors } from '../../db/sectors';
import type { Database } from '../../db/types';
import { listUnitsInForce, type UnitRow } from '../../db/units';
import type { HiddenReason } from '../../surveys/disclosure-control';
import type { LocalizedText } from '../../surveys/localized-text';
import type { Period } from '../../surveys/periods';
import type { PublicPeriods } from '../../surveys/public-periods';
import { sectorName } from '../../surveys/sectors';
import type { RateSummary } from '../../surveys/statistics';
import { addDays, dayStartUtc, localDay } from '../../surveys/time';
import { CONFIDENCE_WORDS, VERDICT_WORDS } from '../../surveys/verdict-words';
import { applyView } from '../http/stats-view';
import { rateTable } from '../stats/rate-table';
import { ALL_SECTORS, cellId } from './public-cells';

export type PublicCell =
  | ({ shown: true } & Omit<RateSummary, 'confidence'> & { confidence: RateSummary['confidence']; words: LocalizedText })
  | { shown: false; reason: HiddenReason; note: LocalizedText };

export const hiddenNote = (reason: HiddenReason, threshold: number): LocalizedText =>
  reason === 'few'
    ? { vi: `Chưa công bố: dưới ${threshold} ý kiến`, en: `Not shown: fewer than ${threshold} answers` }
    : { vi: 'Chưa công bố: để không suy ra được ô bị ẩn khác', en: 'Not shown: so that another hidden figure cannot be worked out' };

const verdictWords = (s: RateSummary): LocalizedText => {
  const v = VERDICT_WORDS[s.verdict];
  if (!s.confidence) return v;
  const c = CONFIDENCE_WORDS[s.confidence];
  return { vi: `${v.vi} (${c.vi.toLowerCase()})`, en: `${v.en} (${c.en.toLowerCase()})` };
};

export interface PublicFigures {
  unit: { id: number; name: string };
  threshold: number;
  quarter: PeriodFigures;
  year: PeriodFigures;
  /** The last four whole quarters, oldest first: overall and by sector, suppressed like the rest. */
  trend: PeriodFigures[];
  children: { id: number; name: string; quarter: PublicCell; year: PublicCell }[];
  complaints?: { period: LocalizedText; received: number; answered: number; answeredOnTime: number };
  /** What some closed cases led to, in an administrator's words; with the sector and the month (YYYY-MM) it was closed. */
  outcomes?: { unit: string; sector: { code: string; name: LocalizedText } | null; month: string | null; outcome: string }[];
}

export interface PeriodFigures {
  label: LocalizedText;
  from: string;
  to: string;
  overall: PublicCell;
  sectors: ({ sector: string; name: LocalizedText } & { cell: PublicCell })[];
}

interface Ctx {
  db: Kysely<Database>;
  tenantId: number;
  today: string;
  hidden: Map<string, HiddenReason>;
  threshold: number;
}

/** The figures of one unit's public page, every cell through the same rateTable as /api/stats, hidden ones emptied. */
export async function publicFigures(
  ctx: Ctx,
  unit: UnitRow,
  periods: PublicPeriods,
  settings: PublicResultsSettings,
): Promise<PublicFigures> {
  const { db, tenantId, today } = ctx;
  const names = new Map((await listSectors(db, tenantId)).map((s) => [s.code, { vi: s.name_vi, en: s.name_en }]));
  const nameOf = (code: string) => names.get(code) ?? { vi: sectorName(code, 'vi'), en: sectorName(code, 'en') };
  const tableOf = async (u: UnitRow, p: Period) =>
    rateTable(db, await applyView(db, { tenantId, from: p.from, to: p.to, unitPath: u.path }, today, u), 'sector');
  const cell = (u: UnitRow, p: Period, sector: string, s: RateSummary): PublicCell => {
    const reason = ctx.hidden.get(cellId(u.id, p, sector));
    if (reason) return { shown: false, reason, note: hiddenNote(reason, ctx.threshold) };
    return {
      shown: true,
      n: s.n,
      satisfied: s.satisfied,
      rate: s.rate,
      interval: s.interval,
      target: s.target,
      verdict: s.verdict,
      confidence: s.confidence,
      words: verdictWords(s),
    };
  };
  const periodFigures = async (p: Period): Promise<PeriodFigures> => {
    const t = await tableOf(unit, p);
    return {
      label: p.label,
      from: p.from,
      to: p.to,
      overall: cell(unit, p, ALL_SECTORS, t.overall),
      sectors: t.rows.filter((r) => r.n > 0).map((r) => ({ sector: r.key, name: nameOf(r.key), cell: cell(unit, p, r.key, r) })),
    };
  };
  const children = (await listUnitsInForce(db, tenantId)).filter((u) => u.parent_id === unit.id);
  const [quarter, year, trend, childFigures] = await Promise.all([
    periodFigures(periods.latestQuarter),
    periodFigures(periods.latestYear),
    Promise.all(periods.quarters.map(periodFigures)),
    Promise.all(
      children.map(async (c) => ({
        id: c.id,
        name: c.name,
        quarter: cell(c, periods.latestQuarter, ALL_SECTORS, (await tableOf(c, periods.latestQuarter)).overall),
        year: cell(c, periods.latestYear, ALL_SECTORS, (await tableOf(c, periods.latestYear)).overall),
      })),
    ),
  ]);
  const figures: PublicFigures = {
    unit: { id: unit.id, name: unit.name },
    threshold: ctx.threshold,
    quarter,
    year,
    trend,
    children: childFigures,
  };
  if (settings.showComplaints) {
    const q = periods.latestQuarter;
    const from = dayStartUtc(q.from);
    const to = dayStartUtc(addDays(q.to, 1));
    const [f, received] = await Promise.all([
      caseFigures(db, { tenantId, unitPath: unit.path, from, to, now: new Date() }),
      countCasesReceived(db, tenantId, unit.path, from, to),
    ]);
    figures.complaints = { period: q.label, received, answered: f.answered, answeredOnTime: f.answeredOnTime };
  }
  if (settings.showPublishedCases) {
    figures.outcomes = (await listPublishedOutcomes(db, tenantId, unit.path, 5)).map((o) => ({
      unit: o.unitName,
      sector: o.sector === null ? null : { code: o.sector, name: nameOf(o.sector) },
      month: o.closedAt === null ? null : localDay(o.closedAt).slice(0, 7),
      outcome: o.outcome,
    }));
  }
  return figures;
}
