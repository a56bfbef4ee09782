import { formatCount, formatDay, formatDecimal, formatPercent } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { followLink, pagePath, wavePath } from '../app/links';
import { LoadView } from '../app/load-states';
import { SortableTable, type Column } from '../app/sortable-table';
import { surveyName } from '../app/survey-options';
import { useApi } from '../app/use-api';
import { VerdictBadge } from '../app/verdict-badge';
import { fetchWave } from './waves-api';
import type { StratumRow } from './waves-types';
import { WeightedResult } from './weighted-result';

/**
 * A wave's fieldwork and result: per stratum how far the interviews are from the Yamane size,
 * then the weighted rate (N_h/n_h, interval on the design effective n) beside the unweighted one, on its own.
 */
export function WavePage({ id, role: _role }: { id: number; role: string }) {
  const { lang } = useLang();
  const [wave, retry] = useApi(() => fetchWave(id), `wave-${id}`);
  const entry = wavePath(id, true);
  return (
    <LoadView load={wave} retry={retry}>
      {(data) => (
        <>
          <section class="panel" aria-labelledby="wave-title" data-testid="wave-head" data-wave={data.wave.id}>
            <p>
              <a href={pagePath('waves')} onClick={followLink(pagePath('waves'))}>
                {t(lang, 'backToWaves')}
              </a>
            </p>
            <div class="panel-head">
              <h2 id="wave-title" data-testid="wave-name">
                {data.wave.name}
              </h2>
              <a class="button primary" href={entry} onClick={followLink(entry)} data-testid="enter-interviews">
                {t(lang, 'enterInterviews')}
              </a>
            </div>
            <p class="muted">
              {formatDay(data.wave.period_from, lang)} – {formatDay(data.wave.period_to, lang)} · {surveyName(data.wave.survey_key, lang)} ·
              e = {formatPercent(data.wave.margin * 100, lang)}
            </p>
          </section>
          <section class="panel" aria-labelledby="fieldwork">
            <h2 id="fieldwork">{t(lang, 'fieldwork')}</h2>
            <StrataTable rows={data.strata} lang={lang} />
          </section>
          <section class="panel" aria-labelledby="wave-result">
            <h2 id="wave-result">{t(lang, 'waveResult')}</h2>
            <WeightedResult weighted={data.weighted} unweighted={data.unweighted} lang={lang} />
          </section>
        </>
      )}
    </LoadView>
  );
}

function StrataTable({ rows, lang }: { rows: StratumRow[]; lang: Lang }) {
  const columns: Column<StratumRow>[] = [
    { key: 'unit', label: t(lang, 'unit'), rowHeader: true, value: (r) => r.unitName },
    {
      key: 'population',
      label: t(lang, 'population'),
      numeric: true,
      value: (r) => r.population,
      render: (r) => formatCount(r.population, lang),
    },
    { key: 'required', label: t(lang, 'required'), numeric: true, value: (r) => r.required, render: (r) => formatCount(r.required, lang) },
    {
      key: 'collected',
      label: t(lang, 'collected'),
      numeric: true,
      value: (r) => r.collected,
      render: (r) => formatCount(r.collected, lang),
    },
    {
      key: 'progress',
      label: t(lang, 'progress'),
      value: (r) => (r.required > 0 ? r.collected / r.required : null),
      render: (r) => <FieldworkBar collected={r.collected} required={r.required} lang={lang} />,
    },
    {
      key: 'shortfall',
      label: t(lang, 'shortfall'),
      numeric: true,
      value: (r) => r.shortfall,
      render: (r) => formatCount(r.shortfall, lang),
    },
    {
      key: 'weight',
      label: t(lang, 'weight'),
      numeric: true,
      value: (r) => r.weight,
      render: (r) => (r.weight === null ? '—' : formatDecimal(r.weight, lang, 2)),
    },
    { key: 'rate', label: t(lang, 'rate'), numeric: true, value: (r) => r.rate, render: (r) => formatPercent(r.rate, lang) },
    { key: 'verdict', label: t(lang, 'verdict'), value: (r) => r.verdict, render: (r) => <VerdictBadge verdict={r.verdict} lang={lang} /> },
  ];
  return (
    <SortableTable
      rows={rows}
      columns={columns}
      rowKey={(r) => String(r.unitId)}
      caption={t(lang, 'fieldworkCaption')}
      testid="strata-progress"
    />
  );
}

/** Collected against required as a bar; a native <progress> so screen readers announce the share. */
function FieldworkBar({ collected, required, lang }: { collected: number; required: number; lang: Lang }) {
  const share = required > 0 ? Math.min(1, collected / required) : 1;
  return (
    <span class="fieldwork-bar">
      <progress
        max={required || 1}
        value={Math.min(collected, required || 1)}
        aria-label={`${formatCount(collected, lang)} / ${formatCount(required, lang)}`}
      />
      <span class="fieldwork-share">{formatPercent(share * 100, lang, 0)}</span>
    </span>
  );
}
