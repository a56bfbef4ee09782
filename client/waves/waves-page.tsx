import { formatDay, formatPercentNumber } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { followLink, NEW_WAVE_PATH, wavePath } from '../app/links';
import { LoadView } from '../app/load-states';
import { canManageWaves } from '../app/roles';
import { surveyName } from '../app/survey-options';
import { useApi } from '../app/use-api';
import { fetchWaves } from './waves-api';
import type { WaveListItem } from './waves-types';

/** The tenant's survey waves, newest first, each with its fieldwork page and its interview entry. */
export function WavesPage({ role }: { role: string }) {
  const { lang } = useLang();
  const [waves, retry] = useApi(fetchWaves, 'waves');
  return (
    <section class="panel" aria-labelledby="waves-title">
      <div class="panel-head">
        <h2 id="waves-title">{t(lang, 'wavesTitle')}</h2>
        {canManageWaves(role) && (
          <a class="button primary" href={NEW_WAVE_PATH} onClick={followLink(NEW_WAVE_PATH)} data-testid="new-wave">
            {t(lang, 'newWave')}
          </a>
        )}
      </div>
      <p class="muted intro">{t(lang, 'wavesIntro')}</p>
      <LoadView load={waves} retry={retry} isEmpty={(d) => d.waves.length === 0} emptyText="noWaves">
        {(data) => <WaveList waves={data.waves} lang={lang} />}
      </LoadView>
    </section>
  );
}

function WaveList({ waves, lang }: { waves: WaveListItem[]; lang: Lang }) {
  return (
    <div class="table-scroll">
      <table class="stats-table" data-testid="wave-list">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'waveName')}</th>
            <th scope="col">{t(lang, 'period')}</th>
            <th scope="col">{t(lang, 'survey')}</th>
            <th scope="col" class="num">
              {t(lang, 'margin')}
            </th>
            <th scope="col">
              <span class="visually-hidden">{t(lang, 'enterInterviews')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {waves.map((w) => (
            <tr key={w.id} data-key={w.id}>
              <th scope="row">
                <a href={wavePath(w.id)} onClick={followLink(wavePath(w.id))} data-testid="wave-link">
                  {w.name}
                </a>
              </th>
              <td>
                {formatDay(w.period_from, lang)} – {formatDay(w.period_to, lang)}
              </td>
              <td>{surveyName(w.survey_key, lang)}</td>
              <td class="num">{formatPercentNumber(w.margin * 100, lang)}</td>
              <td>
                <a
                  class="button secondary small"
                  href={wavePath(w.id, true)}
                  onClick={followLink(wavePath(w.id, true))}
                  data-testid="wave-entry-link"
                >
                  {t(lang, 'enterInterviews')} <span class="visually-hidden">{w.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
