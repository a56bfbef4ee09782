import { render } from 'preact-render-to-string';
import { PRINT_SCRIPT_PATH } from '../http/print-script';
import { displayDay, displayInstant, displayRange, VIETNAM_ZONE } from '../../surveys/date-display';
import { factorMeanName } from '../../surveys/instrument-family';
import type { LocalizedText } from '../../surveys/localized-text';
import { shownRate } from '../../surveys/rate-precision';
import { TARGET_BASIS_WORDS, type TargetBasis } from '../../surveys/row-target';
import type { RateSummary } from '../../surveys/statistics';

type JudgedRate = RateSummary & { targetBasis?: TargetBasis };
import { CONFIDENCE_WORDS, DOSSIER_VERDICT_WORDS, VERDICT_WORDS } from '../../surveys/verdict-words';
import type { PeriodicReport } from './report-data';
import { REPORT_CSS } from './report-css';

type Lang = 'vi' | 'en';

const W = {
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  n: { vi: 'Số phiếu', en: 'Answers' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  rate: { vi: 'Tỷ lệ', en: 'Rate' },
  interval: { vi: 'Khoảng tin cậy 95%', en: '95% interval' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  verdict: { vi: 'Đánh giá', en: 'Verdict' },
  overall: { vi: 'Tổng thể', en: 'Overall' },
  bySector: { vi: '1. Mức độ hài lòng theo lĩnh vực', en: '1. Satisfaction by sector' },
  byUnit: { vi: '2. Mức độ hài lòng theo đơn vị', en: '2. Satisfaction by unit' },
  byChannel: { vi: '3. Số phiếu theo kênh', en: '3. Answers by channel' },
  factors: { vi: '4. Chỉ số thành phần', en: '4. Factor indices' },
  comments: { vi: '5. Góp ý và phản ánh', en: '5. Comments and complaints' },
  waves: { vi: '6. Điều tra xã hội học (gia quyền, báo cáo riêng)', en: '6. Sociological survey waves (weighted, reported apart)' },
  index766: {
    vi: '7. Chỉ số hài lòng theo Quyết định 766',
    en: '7. Decision 766 satisfaction group',
  },
  index766BySector: { vi: 'Theo lĩnh vực', en: 'By sector' },
  index766ByUnit: { vi: 'Theo đơn vị', en: 'By unit' },
  dossiers: { vi: 'Hồ sơ đã trả kết quả', en: 'Dossiers finished' },
  online: { vi: 'Trực tuyến (chỉ tiêu {t})', en: 'Online (target {t})' },
  noDossiers: { vi: 'Không có hồ sơ trong kỳ này.', en: 'No dossiers in this period.' },
  openDossiers: {
    vi: 'Hồ sơ chưa trả kết quả, chưa được tính: {o} (trong đó {d} quá hạn).',
    en: 'Dossiers not finished yet, not counted: {o} ({d} of them past their due time).',
  },
  methods: { vi: 'Ghi chú phương pháp', en: 'Methods note' },
  channel: { vi: 'Kênh', en: 'Channel' },
  factor: { vi: 'Thành phần', en: 'Factor' },
  index: { vi: 'Chỉ số', en: 'Index' },
  print: { vi: 'In báo cáo (A4)', en: 'Print (A4)' },
  excel: { vi: 'Tải Excel', en: 'Download Excel' },
  word: { vi: 'Tải Word (để ký)', en: 'Download Word (to sign)' },
  due: { vi: 'Hạn nộp', en: 'Due' },
  generated: { vi: 'Lập lúc', en: 'Generated' },
  none: { vi: 'Không có.', en: 'None.' },
  complaintsLine: {
    vi: 'Phản ánh, kiến nghị: {o} đang mở, trong đó {d} quá hạn; {a} đã trả lời trong kỳ, đúng hạn {s}.',
    en: 'Complaints: {o} open, {d} of them overdue; {a} answered in the period, {s} on time.',
  },
  commentsLine: { vi: '{t} góp ý, trong đó {d} từ người chưa hài lòng.', en: '{t} comments, {d} of them from people not satisfied.' },
  excluded: { vi: '{n} phiếu bị gắn cờ (gửi dồn dập) không được tính.', en: '{n} flagged answers (bursts) are not counted.' },
  weighted: { vi: 'Tỷ lệ gia quyền', en: 'Weighted rate' },
  unweighted: { vi: 'Tỷ lệ không gia quyền', en: 'Unweighted rate' },
  nEff: { vi: 'Cỡ mẫu hiệu dụng', en: 'Effective sample size' },
  versions: { vi: 'Phiếu khảo sát đã dùng', en: 'Survey versions used' },
} satisfies Record<string, LocalizedText>;

/** Figures in the reader's notation, as the analyst app writes them (client/app/format.ts): "87,5 %" / "87.5%". */
function fmt(lang: Lang) {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const fixed = (v: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
  const count = new Intl.NumberFormat(locale);
  // A no-break space: on a narrow screen a figure may wrap at the dash of an interval, never before its "%".
  const sign = (text: string) => (lang === 'vi' ? `${text}\u00a0%` : `${text}%`);
  return {
    pct: (v: number | null) => (v === null ? '—' : sign(fixed(v, 1))),
    /** A rate beside its target, with the decimals it takes to read on its true side (surveys/rate-precision.ts). */
    rate: (v: number | null, target: number | null) => {
      if (v === null) return '—';
      const shown = shownRate(v, target);
      return sign(fixed(shown.value, shown.digits));
    },
    target: (v: number) => sign(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)),
    decimal: (v: number) => fixed(v, 1),
    count: (v: number) => count.format(v),
    interval: (i: { low: number; high: number } | null) => (i ? sign(`${fixed(i.low, 1)} – ${fixed(i.high, 1)}`) : '—'),
    day: (d: string) => displayDay(d, lang),
    range: (from: string, to: string) => displayRange(from, to, lang),
  };
}

function RateTable({
  rows,
  head,
  lang,
  overall,
}: {
  rows: (JudgedRate & { label: string; key: string })[];
  head: LocalizedText;
  lang: Lang;
  overall?: JudgedRate;
}) {
  const f = fmt(lang);
  const line = (label: string, r: JudgedRate, key: string) => (
    <tr data-key={key}>
      <td>{label}</td>
      <td class="num" data-col="n">
        {f.count(r.n)}
      </td>
      <td class="num" data-col="satisfied">
        {f.count(r.satisfied)}
      </td>
      <td class="num" data-col="rate">
        {f.rate(r.rate, r.target)}
      </td>
      <td class="num">{f.interval(r.interval)}</td>
      <td class="num" data-col="target" data-basis={r.targetBasis ?? ''}>
        {f.target(r.target)}
        {r.targetBasis === 'mixed' ? <span class="basis"> ({TARGET_BASIS_WORDS.mixed[lang]})</span> : null}
      </td>
      <td class={r.verdict} data-col="verdict">
        {VERDICT_WORDS[r.verdict][lang]}
        {r.confidence ? ` (${CONFIDENCE_WORDS[r.confidence][lang].toLowerCase()})` : ''}
      </td>
    </tr>
  );
  return (
    <table>
      <thead>
        <tr>
          <th>{head[lang]}</th>
          <th>{W.n[lang]}</th>
          <th>{W.satisfied[lang]}</th>
          <th>{W.rate[lang]}</th>
          <th>{W.interval[lang]}</th>
          <th>{W.target[lang]}</th>
          <th>{W.verdict[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => line(r.label, r, r.key))}
        {overall ? line(W.overall[lang], overall, '_overall') : null}
      </tbody>
    </table>
  );
}

type IndexRow = PeriodicReport['index766']['overall'];

/** R1, R2, R3 and the online rate per row: each ratio with its numerator and denominator. */
function IndexTable({ rows, head, lang, overall }: { rows: IndexRow[]; head: LocalizedText; lang: Lang; overall?: IndexRow }) {
  const f = fmt(lang);
  const ratio = (r: { numerator: number; denominator: number; value: number | null }, col: string) => (
    <td class="num" data-col={col}>
      {f.pct(r.value)} ({f.count(r.numerator)}/{f.count(r.denominator)})
    </td>
  );
  const line = (label: string, r: IndexRow, key: string) => (
    <tr data-key={key}>
      <td>{label}</td>
      <td class="num" data-col="dossiers">
        {f.count(r.dossiers.total)}
      </td>
      {ratio(r.r1, 'r1')}
      {ratio(r.r2, 'r2')}
      {ratio(r.r3, 'r3')}
      <td class="num" data-col="online">
        {f.rate(r.online.rate, r.online.target)} ({f.count(r.online.satisfied)}/{f.count(r.online.n)})
      </td>
      <td class={r.online.verdict} data-col="verdict">
        {DOSSIER_VERDICT_WORDS[r.online.verdict][lang]}
      </td>
    </tr>
  );
  const target = overall?.online.target ?? rows[0]?.online.target ?? 95;
  return (
    <table>
      <thead>
        <tr>
          <th>{head[lang]}</th>
          <th>{W.dossiers[lang]}</th>
          <th>R1</th>
          <th>R2</th>
          <th>R3</th>
          <th>{W.online[lang].replace('{t}', f.target(target))}</th>
          <th>{W.verdict[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => line(r.label, r, r.key))}
        {overall ? line(W.overall[lang], overall, '_overall') : null}
      </tbody>
    </table>
  );
}

function Index766Section({ report, lang }: { report: PeriodicReport; lang: Lang }) {
  const f = fmt(lang);
  const x = report.index766;
  return (
    <section data-testid="index766">
      <h2>{W.index766[lang]}</h2>
      <p class="note">{x.rule[lang]}</p>
      {x.overall.dossiers.total === 0 ? (
        <p data-testid="no-dossiers">{W.noDossiers[lang]}</p>
      ) : (
        <>
          <h3>{W.index766BySector[lang]}</h3>
          <IndexTable
            rows={x.bySector.map((r) => ({ ...r, label: lang === 'vi' ? r.label : r.labelEn }))}
            head={W.sector}
            lang={lang}
            overall={x.overall}
          />
          <h3>{W.index766ByUnit[lang]}</h3>
          <IndexTable rows={x.byUnit} head={W.unit} lang={lang} />
        </>
      )}
      {x.open.open > 0 ? (
        <p class="note">{W.openDossiers[lang].replace('{o}', f.count(x.open.open)).replace('{d}', f.count(x.open.pastDue))}</p>
      ) : null}
    </section>
  );
}

function Report({ report, lang, xlsxUrl, docxUrl }: { report: PeriodicReport; lang: Lang; xlsxUrl: string; docxUrl: string }) {
  const f = fmt(lang);
  const m = report.methods;
  return (
    <>
      <div class="actions">
        <button type="button" data-print="">
          {W.print[lang]}
        </button>
        <a href={xlsxUrl}>{W.excel[lang]}</a>
        <a href={docxUrl} data-testid="print-docx">
          {W.word[lang]}
        </a>
      </div>
      <h1>{report.title[lang]}</h1>
      <p class="sub">
        {report.tenant}
        {report.unit ? ` — ${report.unit.name}` : ''}
        <br />
        {f.range(report.period.from, report.period.to)}
        {report.period.due ? ` · ${W.due[lang]}: ${f.day(report.period.due)}` : ''}
      </p>
      <h2>{W.bySector[lang]}</h2>
      <RateTable
        rows={report.bySector.map((r) => ({ ...r, label: lang === 'vi' ? r.label : r.labelEn }))}
        head={W.sector}
        lang={lang}
        overall={report.overall}
      />
      <h2>{W.byUnit[lang]}</h2>
      <RateTable rows={report.byUnit} head={W.unit} lang={lang} />
      <h2>{W.byChannel[lang]}</h2>
      <table>
        <thead>
          <tr>
            <th>{W.channel[lang]}</th>
            <th>{W.n[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {report.byChannel.map((c) => (
            <tr data-key={c.channel}>
              <td>{c.label[lang]}</td>
              <td class="num">{f.count(c.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{W.factors[lang]}</h2>
      {report.factors.length === 0 ? <p>{W.none[lang]}</p> : null}
      {report.factors.map((s) => (
        <table>
          <thead>
            <tr>
              <th>{s.title[lang]}</th>
              <th>{W.n[lang]}</th>
              <th>{W.index[lang]}</th>
              <th>{W.interval[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {s.factors.map((fa) => (
              <tr>
                <td>{fa.label[lang]}</td>
                <td class="num">{f.count(fa.valid)}</td>
                <td class="num">{f.pct(fa.index)}</td>
                <td class="num">{f.interval(fa.interval)}</td>
              </tr>
            ))}
            <tr>
              <td>{factorMeanName(s.kind)[lang]}</td>
              <td />
              <td class="num">{f.pct(s.sipasIndex)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      ))}
      <h2>{W.comments[lang]}</h2>
      <p>{W.commentsLine[lang].replace('{t}', f.count(report.comments.total)).replace('{d}', f.count(report.comments.dissatisfied))}</p>
      <p data-testid="complaints">
        {W.complaintsLine[lang]
          .replace('{o}', f.count(report.complaints.open))
          .replace('{d}', f.count(report.complaints.overdue))
          .replace('{a}', f.count(report.complaints.answered))
          .replace('{s}', report.complaints.answeredOnTimeShare === null ? '—' : f.pct(report.complaints.answeredOnTimeShare * 100))}{' '}
        <span class="note">{m.complaints[lang]}</span>
      </p>
      <h2>{W.waves[lang]}</h2>
      {report.waves.length === 0 ? <p>{W.none[lang]}</p> : null}
      {report.waves.map((w) => (
        <p>
          <strong>{w.name}</strong> ({f.range(w.from, w.to)}): {W.weighted[lang]} {f.rate(w.weighted.rate, w.weighted.target)} (
          {f.interval(w.weighted.interval)}, {W.nEff[lang]} {f.decimal(w.weighted.nEff)}, {VERDICT_WORDS[w.weighted.verdict][lang]});{' '}
          {W.unweighted[lang]} {f.pct(w.unweighted.rate)}, n = {f.count(w.unweighted.n)}.
        </p>
      ))}
      <Index766Section report={report} lang={lang} />
      <h2>{W.methods[lang]}</h2>
      <p class="note">
        {f.range(report.period.from, report.period.to)}; n = {f.count(m.n)}. {m.rule[lang]} {m.interval[lang]}. {m.weighting[lang]}{' '}
        {report.excluded.flagged > 0 ? W.excluded[lang].replace('{n}', f.count(report.excluded.flagged)) : ''}
      </p>
      {m.units && <p class="note">{m.units[lang]}</p>}
      <p class="note">
        {W.versions[lang]}:{' '}
        {m.surveyVersions.map((v) => `${v.title[lang]} (v${v.version}, ${f.range(v.from, v.to)})`).join('; ') || W.none[lang]}
      </p>
      <p class="note">
        {W.generated[lang]} {displayInstant(report.generatedAt, lang)} ({VIETNAM_ZONE[lang]})
      </p>
    </>
  );
}

/** The report as a printable A4 page, Vietnamese first (English with ?lang=en). */
export function renderReportPage(report: PeriodicReport, lang: Lang, xlsxUrl: string, docxUrl: string): string {
  return (
    '<!doctype html>' +
    render(
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{report.title[lang]}</title>
          <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
          <script src={PRINT_SCRIPT_PATH} defer />
        </head>
        <body>
          <Report report={report} lang={lang} xlsxUrl={xlsxUrl} docxUrl={docxUrl} />
        </body>
      </html>,
    )
  );
}
