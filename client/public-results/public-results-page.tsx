import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { fetchPublicResults, savePublicResults, type PublicResultsSettings } from './public-results-api';

/** The public results switch, what the page shows, its threshold, and the address to hand out. */
export function PublicResultsPage() {
  const [load, retry] = useApi(fetchPublicResults, 'public-results');
  return (
    <section class="panel" aria-labelledby="public-results-title">
      <h2 id="public-results-title">
        <InBothLanguages text={inBothLanguages('publicResultsTitle')} />
      </h2>
      <LoadView load={load} retry={retry}>
        {(settings) => <SettingsForm key={JSON.stringify(settings)} settings={settings} />}
      </LoadView>
    </section>
  );
}

function SettingsForm({ settings }: { settings: PublicResultsSettings }) {
  const { lang } = useLang();
  const [s, setS] = useState(settings);
  const action = useAction();
  const save = async (e: Event) => {
    e.preventDefault();
    const saved = await action.run(() => savePublicResults(s));
    if (saved) setS(saved);
  };
  const check = (
    key: 'enabled' | 'showComplaints' | 'showPublishedCases',
    label: 'publicResultsEnabled' | 'publicResultsComplaints' | 'publicResultsCases',
  ) => (
    <label>
      <input type="checkbox" checked={s[key]} onChange={(e) => setS({ ...s, [key]: e.currentTarget.checked })} data-testid={`pr-${key}`} />{' '}
      {t(lang, label)}
    </label>
  );
  const link = `${location.origin}/cong-khai`;
  return (
    <form onSubmit={save} data-testid="public-results-form">
      <p class="muted intro">{t(lang, 'publicResultsIntro')}</p>
      {check('enabled', 'publicResultsEnabled')}
      {check('showComplaints', 'publicResultsComplaints')}
      {check('showPublishedCases', 'publicResultsCases')}
      <label>
        <span>{t(lang, 'publicResultsThreshold')}</span>
        <input
          type="number"
          min={5}
          max={1000}
          step={1}
          value={s.threshold}
          onInput={(e) => setS({ ...s, threshold: Number(e.currentTarget.value) })}
          data-testid="pr-threshold"
        />
      </label>
      <button type="submit" class="button primary" disabled={action.busy}>
        {t(lang, 'publicResultsSave')}
      </button>
      <ActionMessage error={action.error} done={action.done} testid="public-results" />
      <p>
        {t(lang, 'publicResultsLink')}: <a href={link}>{link}</a>
      </p>
    </form>
  );
}
