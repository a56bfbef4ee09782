import { useCallback, useState } from 'preact/hooks';
import { REPORT_KINDS } from '../../surveys/periods';
import { localDay } from '../../surveys/time';
import type { Meta, StatsRow } from '../app/api-types';
import { formatDay } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { printableReportUrl, reportExcelUrl, reportsLink, reportWordUrl } from '../app/links';
import { LoadView } from '../app/load-states';
import { navigate } from '../app/router';
import { inSectorOrder, sectorLabel } from '../app/sector-display';
import { UnitSelect } from '../app/unit-select';
import { useApi } from '../app/use-api';
import { OverallCard } from '../dashboard/overall-card';
import { yearOptions } from '../dashboard/period-choice';
import { StatsTable } from '../dashboard/stats-table';
import { DownloadStatus } from '../exports/download-status';
import { useDownload } from '../exports/use-download';
import { ReportExtras } from './report-extras';
import { reportFromQuery, reportRange, reportToQuery, type ReportParams } from './report-query';
import { fetchReport } from './reports-api';
import { ReportSettingsPanel } from './report-settings-form';
import { ViewChoice, ViewRule } from '../dashboard/view-choice';

/**
 * A periodic report (docs/domain.md §7) chosen by kind, year (or two days) and unit, previewed from
 * the same JSON the printable page and the Excel file are built from, so the three agree.
 */
export function ReportsPage({ search, meta, canEditSettings }: { search: string; meta: Meta | null; canEditSettings: boolean }) {
  const { lang } = useLang();
  const today = localDay(new Date());
  const params = reportFromQuery(search, today);
  const query = reportToQuery(params);
  const [report, retry] = useApi(() => fetchReport(query), query);
  // One download at a time, Excel or Word.
  const excel = useDownload();
  const [docNumber, setDocNumber] = useState('');
  const labelOf = useCallback((row: StatsRow) => sectorLabel(row, meta, lang), [meta, lang]);
  const unitLabel = useCallback((row: StatsRow) => row.label, []);

  const go = (next: ReportParams) => navigate(reportsLink(next), { replace: true });
  const range = reportRange(params);
  const withUnit = (unit: number | undefined) => {
    const { unit: _old, ...rest } = params;
    go(unit === undefined ? rest : { ...rest, unit });
  };
  const onKind = (kind: string) => {
    const { unit, asOf } = params;
    const base =
      kind === 'custom' ? { kind, ...range } : { kind, year: params.kind === 'custom' ? Number(range.to.slice(0, 4)) : params.year };
    go({ ...(base as ReportParams), ...(unit !== undefined ? { unit } : {}), ...(asOf ? { asOf } : {}) });
  };
  const withAsOf = (asOf: string | undefined) => {
    const { asOf: _old, ...rest } = params;
    go(asOf === undefined ? rest : { ...rest, asOf });
  };
  const reorganised = (meta?.reorganisationDays ?? []).length > 0;
  const thisYear = Number(today.slice(0, 4));

  return (
    <>
      <section class="panel" aria-labelledby="report-choice">
        <h2 id="report-choice">{t(lang, 'reportTitle')}</h2>
        <p class="muted intro">{t(lang, 'reportIntro')}</p>
        <form class="report-form" onSubmit={(e) => e.preventDefault()} data-testid="report-form">
          <label>
            <span>{t(lang, 'reportKind')}</span>
            <select name="reportKind" value={params.kind} onChange={(e) => onKind(e.currentTarget.value)}>
              {REPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(lang, `report_${k}`)}
                </option>
              ))}
              <option value="custom">{t(lang, 'report_custom')}</option>
            </select>
          </label>
          {params.kind !== 'custom' ? (
            <label>
              <span>{t(lang, 'year')}</span>
              <select name="year" value={String(params.year)} onChange={(e) => go({ ...params, year: Number(e.currentTarget.value) })}>
                {yearOptions(thisYear, params.year).map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <>
              <label>
                <span>{t(lang, 'from')}</span>
                <input
                  type="date"
                  name="from"
                  value={params.from}
                  max={params.to}
                  required
                  onChange={(e) => e.currentTarget.value && go({ ...params, from: e.currentTarget.value })}
                />
              </label>
              <label>
                <span>{t(lang, 'to')}</span>
                <input
                  type="date"
                  name="to"
                  value={params.to}
                  min={params.from}
                  required
                  onChange={(e) => e.currentTarget.value && go({ ...params, to: e.currentTarget.value })}
                />
              </label>
            </>
          )}
          <UnitSelect
            units={meta?.units ?? []}
            value={params.unit}
            onChange={withUnit}
            label={t(lang, 'unit')}
            emptyLabel={t(lang, 'allUnits')}
            name="unit"
          />
          {reorganised && meta && <ViewChoice asOf={params.asOf} meta={meta} lang={lang} onChange={withAsOf} />}
          <p class="period-range" data-testid="report-range" data-from={range.from} data-to={range.to}>
            {formatDay(range.from, lang)} – {formatDay(range.to, lang)}
          </p>
        </form>
        <div class="form-actions">
          <a class="button primary" href={printableReportUrl(params, lang)} target="_blank" rel="noopener" data-testid="open-print">
            {t(lang, 'openPrintable')} <span class="visually-hidden">{t(lang, 'opensNewTab')}</span>
          </a>
          <button
            type="button"
            class="button secondary"
            disabled={excel.state.kind === 'running'}
            data-testid="report-excel"
            onClick={() =>
              excel.start({ url: reportExcelUrl(params), name: 'Excel', fallbackName: `hailong-report-${range.from}-${range.to}.xlsx` })
            }
          >
            {t(lang, 'downloadExcel')}
          </button>
          <button
            type="button"
            class="button secondary"
            disabled={excel.state.kind === 'running'}
            data-testid="report-word"
            onClick={() =>
              excel.start({
                url: reportWordUrl(params, docNumber.trim()),
                name: 'Word',
                fallbackName: `hailong-bao-cao-${range.from}-${range.to}.docx`,
              })
            }
          >
            {t(lang, 'downloadWord')}
          </button>
          <label class="doc-number">
            <span>{t(lang, 'docNumber')}</span>
            <input
              name="docNumber"
              inputMode="numeric"
              pattern="[0-9]{1,7}"
              maxLength={7}
              size={7}
              value={docNumber}
              onInput={(e) => setDocNumber(e.currentTarget.value)}
            />
          </label>
        </div>
        {reorganised && <ViewRule asOf={params.asOf} lang={lang} />}
        <DownloadStatus state={excel.state} onCancel={excel.cancel} />
      </section>
      {canEditSettings && <ReportSettingsPanel />}
      <LoadView load={report} retry={retry}>
        {(data) => (
          <div class="report-preview" data-testid="report-preview" data-from={data.period.from} data-to={data.period.to}>
            <h2 data-testid="report-title">{data.title[lang]}</h2>
            <p class="muted">
              {data.tenant}
              {data.unit ? ` — ${data.unit.name}` : ''} · {formatDay(data.period.from, lang)} – {formatDay(data.period.to, lang)}
              {data.period.due ? ` · ${t(lang, 'due')}: ${formatDay(data.period.due, lang)}` : ''}
            </p>
            {data.overall.n === 0 ? (
              <p class="state-message empty" data-testid="empty">
                {t(lang, 'empty')}
              </p>
            ) : (
              <>
                <OverallCard overall={data.overall} title={t(lang, 'overallTitle')} lang={lang} />
                <section class="panel" aria-labelledby="report-by-sector">
                  <h2 id="report-by-sector">{t(lang, 'bySector')}</h2>
                  <StatsTable rows={inSectorOrder(data.bySector, meta)} lang={lang} labelOf={labelOf} testid="report-sector-table" />
                </section>
                <section class="panel" aria-labelledby="report-by-unit">
                  <h2 id="report-by-unit">{t(lang, 'byUnit')}</h2>
                  <StatsTable
                    rows={data.byUnit}
                    lang={lang}
                    labelOf={unitLabel}
                    kind="unit"
                    testid="report-unit-table"
                    caption={t(lang, 'reportUnitCaption')}
                  />
                </section>
              </>
            )}
            <ReportExtras report={data} lang={lang} />
          </div>
        )}
      </LoadView>
    </>
  );
}
