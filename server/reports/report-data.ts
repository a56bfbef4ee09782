import type { Kysely } from 'kysely';
import { caseFigures } from '../../db/cases';
import { countComments } from '../../db/comments';
import { listSectors } from '../../db/sectors';
import { satisfiedCountsFromRollups, type StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { versionSpans } from '../../db/version-timeline';
import { listWaves, stratumProgress } from '../../db/waves';
import { CHANNEL_NAMES, isChannel } from '../../surveys/channels';
import { ONLINE_SERVICE_TARGET } from '../../surveys/index-766';
import { DEFAULT_MIN_SAMPLE } from '../../surveys/statistics';
import { reportTitle } from '../../surveys/report-title';
import { sectorName } from '../../surveys/sectors';
import { addDays, dayStartUtc, monthsBetween } from '../../surveys/time';
import { displayDay } from '../../surveys/date-display';
import { viewRule } from '../../surveys/view-rule';
import { scopePath } from '../http/unit-scope';
import type { SessionUser } from '../http/context';
import { factorReport } from '../stats/factor-report';
import { indexTable } from '../indices/index-table';
import { rateTable, type RateRow } from '../stats/rate-table';
import { resolveFilter, type FilterQuery } from '../http/stats-filter';
import { targetLookup } from '../stats/target-lookup';
import { waveReport } from '../waves/wave-report';
import type { ReportPeriodInfo } from './report-period';

/**
 * Everything a periodic report says (docs/domain.md §7): rates by sector and by unit against targets,
 * counts by channel, factor indices, comments, survey waves of the period (weighted, apart), and
 * a methods note. Built from the same computations as the dashboard, so the figures agree.
 */
export async function periodicReport(
  db: Kysely<Database>,
  user: SessionUser,
  period: ReportPeriodInfo,
  choice: Pick<FilterQuery, 'unit' | 'view' | 'asOf'> = {},
) {
  const unitId = choice.unit;
  const filter: StatsFilter = await resolveFilter(db, user, { from: period.from, to: period.to, ...choice });
  const unit = unitId !== undefined ? await findUnit(db, user.tenant_id, unitId) : undefined;
  const scope = await scopePath(db, user);
  // The 766 group reads the same period, unit and view as /api/indices/766, over every channel.
  const indexFilter = { tenantId: filter.tenantId, from: filter.from, to: filter.to, unitPath: filter.unitPath, view: filter.view };
  const [bySector, byUnit, channels, factors, comments, spans, waves, cases, sectors, index766BySector, index766ByUnit, byMonth] =
    await Promise.all([
      rateTable(db, filter, 'sector'),
      rateTable(db, filter, 'unit'),
      satisfiedCountsFromRollups(db, filter, 'channel'),
      factorReport(db, filter),
      countComments(db, filter),
      versionSpans(db, filter),
      periodWaves(db, user, period),
      caseFigures(db, {
        tenantId: user.tenant_id,
        scopePath: scope,
        unitPath: filter.unitPath,
        from: dayStartUtc(period.from),
        to: dayStartUtc(addDays(period.to, 1)),
        now: new Date(),
      }),
      listSectors(db, user.tenant_id),
      indexTable(db, indexFilter, 'sector'),
      indexTable(db, indexFilter, 'unit'),
      // The trend: the same computation as /api/stats?groupBy=month.
      rateTable(db, filter, 'month'),
    ]);
  // The tenant's own names first: a sector it added itself has no built-in name.
  const names = new Map(sectors.map((s) => [s.code, { vi: s.name_vi, en: s.name_en }]));
  return {
    title: reportTitle(period.phrase),
    period,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    tenant: user.tenant_name,
    generatedAt: new Date().toISOString(),
    overall: bySector.overall,
    bySector: bySector.rows.map((r) => ({
      ...r,
      label: names.get(r.key)?.vi ?? sectorName(r.key, 'vi'),
      labelEn: names.get(r.key)?.en ?? sectorName(r.key, 'en'),
    })),
    byUnit: byUnit.rows,
    trend: monthlyRates(byMonth.rows, filter.from, filter.to, bySector.overall.target),
    byChannel: channels.map((c) => ({
      channel: c.key,
      label: isChannel(c.key) ? CHANNEL_NAMES[c.key] : { vi: c.key, en: c.key },
      n: c.valid,
    })),
    factors: factors.surveys,
    comments,
    complaints: { ...cases, answeredOnTimeShare: cases.answered > 0 ? cases.answeredOnTime / cases.answered : null },
    excluded: bySector.excluded,
    waves,
    index766: {
      overall: index766BySector.overall,
      bySector: index766BySector.rows.map((r) => ({
        ...r,
        label: names.get(r.key)?.vi ?? sectorName(r.key, 'vi'),
        labelEn: names.get(r.key)?.en ?? sectorName(r.key, 'en'),
      })),
      byUnit: index766ByUnit.rows,
      /** Received, not finished now: in no ratio yet. */
      open: index766BySector.open,
      onlineTarget: ONLINE_SERVICE_TARGET,
      rule: {
        vi: 'Theo Quyết định 766/QĐ-TTg: R1 = số phản ánh, kiến nghị được trả lời đúng hạn ÷ số phản ánh, kiến nghị; R2 = (số phản ánh, kiến nghị − số không hài lòng với trả lời − số trả lời quá hạn) ÷ số phản ánh, kiến nghị; R3 = (số hồ sơ − số hồ sơ bị đánh giá "không hài lòng", bị phản ánh, kiến nghị hoặc trả kết quả quá hạn) ÷ số hồ sơ. Hồ sơ tính vào ngày trả kết quả (giờ Việt Nam); hồ sơ không được đánh giá tính là hài lòng; hồ sơ chưa trả kết quả chưa được tính. Tỷ lệ hài lòng với dịch vụ công trực tuyến (quy tắc R3 trên hồ sơ trực tuyến) so với chỉ tiêu 95% (Quyết định 1565/QĐ-TTg).',
        en: 'Under Decision 766/QĐ-TTg: R1 = complaints answered by their due time ÷ complaints; R2 = (complaints − not satisfied with the answer − answered late) ÷ complaints; R3 = (dossiers − rated "not satisfied", complained about or finished late) ÷ dossiers. A dossier counts on the day its result was returned (Vietnam time); an unrated dossier counts as satisfied; unfinished dossiers are not counted yet. The online-service rate (the R3 rule on online dossiers) is judged against the 95% target (Decision 1565/QĐ-TTg).',
      },
    },
    methods: {
      n: bySector.overall.n,
      minSample: DEFAULT_MIN_SAMPLE,
      interval: { vi: 'Khoảng tin cậy Wilson 95%', en: 'Wilson score interval, 95%' },
      verdict: {
        vi: 'Đánh giá: "Đạt" khi tỷ lệ hài lòng bằng hoặc cao hơn chỉ tiêu của năm kế hoạch mà kỳ kết thúc, ngược lại "Không đạt"; "chắc chắn" khi cả khoảng tin cậy nằm cùng phía chỉ tiêu với kết luận, ngược lại "chưa chắc chắn". Mỗi dòng so với chỉ tiêu của lĩnh vực của các phiếu; dòng gồm nhiều lĩnh vực so với chỉ tiêu chung.',
        en: 'Verdict: "met" when the rate is at or above the target of the plan year the period ends in, else "not met"; "confident" when the whole interval lies on the verdict\'s side of the target, else "not conclusive". Each row is judged against the target of its answers\' sector; a row of several sectors against the overall target.',
      },
      weighting: {
        vi: 'Phiếu tại quầy (QR, máy tại quầy) không gia quyền. Đợt điều tra xã hội học gia quyền N_h/n_h theo đơn vị, khoảng tin cậy theo cỡ mẫu hiệu dụng của thiết kế (phân tầng, hiệu chỉnh tổng thể hữu hạn), ngưỡng tối thiểu tính trên số phiếu hợp lệ; báo cáo riêng, không gộp.',
        en: 'Counter answers (QR, kiosk) are unweighted. Sociological survey waves are weighted N_h/n_h by unit, with intervals on the design effective sample size (strata, finite-population correction) and the minimum counted in valid interviews; reported apart, never mixed.',
      },
      rule: {
        vi: 'Hài lòng = trả lời 4 (Hài lòng) hoặc 5 (Rất hài lòng) câu hỏi chung; "Không ý kiến" không tính vào mẫu số. Dưới 30 phiếu hợp lệ: chưa đủ số phiếu để kết luận. Phiếu bị gắn cờ (gửi dồn dập) không được tính.',
        en: 'Satisfied = answer 4 or 5 to the overall question; "no opinion" is left out of denominators. Below 30 valid answers: too few to conclude. Flagged answers (bursts) are not counted.',
      },
      // Said when units were reorganised: which tree the figures are told in.
      units:
        filter.view && filter.view.lineage.length > 0
          ? viewRule(choice.asOf === undefined ? undefined : displayDay(choice.asOf, 'vi'))
          : null,
      surveyVersions: spans.map((s) => ({
        survey: s.survey_key,
        version: s.version,
        title: s.definition.title,
        from: s.first_day,
        to: s.last_day,
      })),
      complaints: {
        vi: 'Phản ánh, kiến nghị: chỉ tính phản ánh nhận trong kỳ; đang mở và quá hạn tính tại ngày cuối kỳ (hoặc lúc lập báo cáo, nếu kỳ chưa kết thúc); đã trả lời và trả lời đúng hạn tính trên các phản ánh đó được trả lời trong kỳ.',
        en: 'Complaints: only those received in the period; open and overdue as they stood at the end of the period (or when the report was made, for a period not over yet); answered and answered on time among them, answered within the period.',
      },
    },
  };
}

export type PeriodicReport = Awaited<ReturnType<typeof periodicReport>>;

/**
 * The overall rate of every month the period touches, in order, a month without answers included
 * (n 0, no rate) so a chart shows the gap. The first and last months may be partial (a period
 * from the 15th): their rates count the period's days only.
 */
function monthlyRates(rows: RateRow[], from: string, to: string, overallTarget: number) {
  const byMonth = new Map(rows.map((r) => [r.key, r]));
  return monthsBetween(from.slice(0, 7), to.slice(0, 7)).map((month) => {
    const r = byMonth.get(month);
    return r
      ? { month, n: r.n, satisfied: r.satisfied, rate: r.rate, interval: r.interval, target: r.target, verdict: r.verdict }
      : { month, n: 0, satisfied: 0, rate: null, interval: null, target: overallTarget, verdict: 'too_few' as const };
  });
}

/** Survey waves whose fieldwork overlaps the period, each with its weighted result. */
async function periodWaves(db: Kysely<Database>, user: SessionUser, period: ReportPeriodInfo) {
  const waves = (await listWaves(db, user.tenant_id)).filter((w) => w.period_from <= period.to && w.period_to >= period.from);
  const targets = await targetLookup(db, { tenantId: user.tenant_id, from: period.from, to: period.to });
  return Promise.all(
    waves.map(async (w) => {
      const target = targets(w.sector_code === 'other' ? null : w.sector_code, Number(w.period_to.slice(0, 4)));
      const report = waveReport(await stratumProgress(db, w.id), w.margin, target);
      return { id: w.id, name: w.name, from: w.period_from, to: w.period_to, weighted: report.weighted, unweighted: report.unweighted };
    }),
  );
}
