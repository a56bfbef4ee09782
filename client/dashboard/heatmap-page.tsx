import { useState } from 'preact/hooks';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useApi } from '../app/use-api';
import { fetchHeatmap } from './dashboard-api';
import { rateLook, volumeLook } from './heatmap-grid';
import { HeatmapTable, type HeatMetric } from './heatmap-table';
import type { PageProps } from './page-props';

const METRICS: readonly HeatMetric[] = ['volume', 'rate'];

/** When people come, and when service goes wrong: answers and rate by hour of the week. */
export function HeatmapPage({ filter, query }: PageProps) {
  const { lang } = useLang();
  const [metric, setMetric] = useState<HeatMetric>('volume');
  const [heat, retry] = useApi(() => fetchHeatmap(filter), query);
  const ramp = [0, 0.25, 0.5, 0.75, 1].map((k) => (metric === 'volume' ? volumeLook(k, 1) : rateLook(100 - 30 * k, 100)).background);
  return (
    <section class="panel" aria-labelledby="heatmap-title">
      <div class="panel-head">
        <h2 id="heatmap-title">{t(lang, 'heatmapTitle')}</h2>
        <div class="segmented" role="group" aria-label={t(lang, 'metric')}>
          {METRICS.map((m) => (
            <button key={m} type="button" aria-pressed={m === metric} onClick={() => setMetric(m)} data-testid={`metric-${m}`}>
              {t(lang, `metric_${m}`)}
            </button>
          ))}
        </div>
      </div>
      <p class="muted intro">{t(lang, 'heatmapIntro')}</p>
      <LoadView load={heat} retry={retry} isEmpty={(d) => d.cells.every((c) => c.n === 0)}>
        {(data) => (
          <>
            <HeatmapTable cells={data.cells} metric={metric} lang={lang} />
            <div class="heat-legend" aria-hidden="true">
              <span>{t(lang, metric === 'volume' ? 'less' : 'highRate')}</span>
              {ramp.map((bg) => (
                <span key={bg} class="swatch" style={{ background: bg }} />
              ))}
              <span>{t(lang, metric === 'volume' ? 'more' : 'lowRate')}</span>
            </div>
            {metric === 'rate' && <p class="muted">{t(lang, 'fewInCell')}</p>}
          </>
        )}
      </LoadView>
    </section>
  );
}
