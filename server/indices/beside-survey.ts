import type { Kysely } from 'kysely';
import { answersWithDossier } from '../../db/dossier-survey-links';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { zeroCounts } from '../../surveys/dossier-outcome';
import { index766, type Ratio } from '../../surveys/index-766';
import { inPlanOrder } from '../../surveys/sectors';
import type { RateSummary } from '../../surveys/statistics';
import { labelsFor } from '../stats/group-labels';
import { rateTable, type RateRow } from '../stats/rate-table';
import { indexTable, type IndexRow } from './index-table';

export interface BesideRow {
  key: string;
  label: string;
  /** The survey's satisfaction rate of the group, as /api/stats gives it; null when it has no answers. */
  survey: RateSummary | null;
  r3: Ratio;
  r1: Ratio;
  r2: Ratio;
  online: RateSummary;
  /** Finished dossiers: what R3 counts. */
  dossiers: number;
  answersWithDossier: number;
}

export interface BesideSurvey {
  overall: BesideRow;
  rows: BesideRow[];
  open: { open: number; pastDue: number };
}

const EMPTY_INDEX = index766(zeroCounts());

function besideRow(key: string, label: string, survey: RateRow | undefined, index: IndexRow | undefined, links: number): BesideRow {
  const i = index ?? EMPTY_INDEX;
  return {
    key,
    label,
    survey: survey ? surveyPart(survey) : null,
    r3: i.r3,
    r1: i.r1,
    r2: i.r2,
    online: i.online,
    dossiers: i.dossiers.total,
    answersWithDossier: links,
  };
}

const surveyPart = (r: RateRow): RateSummary => ({
  n: r.n,
  satisfied: r.satisfied,
  rate: r.rate,
  interval: r.interval,
  target: r.target,
  verdict: r.verdict,
  confidence: r.confidence,
});

/**
 * The Decision 766 ratios beside the survey's satisfaction rate, per sector or unit, each side
 * computed by the one computation its own endpoint uses (rateTable, indexTable), so the figures
 * equal /api/stats and /api/indices/766 for the same filter. A group seen on either side is kept.
 */
export async function besideSurvey(db: Kysely<Database>, filter: StatsFilter, groupBy: 'sector' | 'unit'): Promise<BesideSurvey> {
  const [survey, index, links, overallLinks, labels] = await Promise.all([
    rateTable(db, filter, groupBy),
    indexTable(db, filter, groupBy),
    answersWithDossier(db, filter, groupBy),
    answersWithDossier(db, filter, 'none'),
    labelsFor(db, filter.tenantId, groupBy),
  ]);
  const surveyBy = new Map(survey.rows.map((r) => [r.key, r]));
  const indexBy = new Map(index.rows.map((r) => [r.key, r]));
  const linksBy = new Map(links.map((l) => [l.key, l.answers]));
  const keys = [...new Set([...surveyBy.keys(), ...indexBy.keys(), ...linksBy.keys()])].sort();
  const rows = keys.map((k) =>
    besideRow(
      k,
      labels.get(k) ?? surveyBy.get(k)?.label ?? indexBy.get(k)?.label ?? k,
      surveyBy.get(k),
      indexBy.get(k),
      linksBy.get(k) ?? 0,
    ),
  );
  return {
    overall: besideRow(
      survey.overall.key,
      survey.overall.label,
      survey.overall.n > 0 ? survey.overall : undefined,
      index.overall,
      overallLinks[0]?.answers ?? 0,
    ),
    rows: groupBy === 'sector' ? inPlanOrder(rows, (r) => r.key) : rows,
    open: index.open,
  };
}
