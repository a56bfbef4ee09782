import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { fetchCounterSettings, setCounterKiosk } from './admin-api';
import type { CounterSetting } from './admin-types';

/** The administrator's kiosk switch: each counter, whether its form runs as a kiosk, and the button that changes it. */
export function KioskPage() {
  const { lang } = useLang();
  const [counters, retry] = useApi(fetchCounterSettings, 'counter-settings');
  return (
    <section class="panel" aria-labelledby="kiosk-title">
      <h2 id="kiosk-title">
        <InBothLanguages text={inBothLanguages('kioskTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'kioskIntro')}</p>
      <LoadView load={counters} retry={retry} isEmpty={(d) => d.counters.length === 0} emptyText="noCounterSettings">
        {(data) => (
          <ul class="record-list" data-testid="kiosk-list">
            {data.counters.map((c) => (
              <KioskRow key={c.code} counter={c} lang={lang} />
            ))}
          </ul>
        )}
      </LoadView>
    </section>
  );
}

/** One counter; after a switch it shows the state the server answered with. */
function KioskRow({ counter, lang }: { counter: CounterSetting; lang: Lang }) {
  const action = useAction();
  const [kiosk, setKiosk] = useState(counter.kiosk);
  const toggle = async () => {
    const done = inBothLanguages(kiosk ? 'kioskTurnedOff' : 'kioskTurnedOn', { c: counter.name });
    const saved = await action.run(() => setCounterKiosk(counter.code, !kiosk), done);
    if (saved) setKiosk(saved.kiosk);
  };
  const state = counter.retired ? 'counterRetired' : kiosk ? 'kioskOn' : 'kioskOff';
  return (
    <li class="record" data-testid="kiosk-counter" data-code={counter.code} data-kiosk={kiosk ? 'on' : 'off'}>
      <div class="record-main">
        <p class="record-title">{counter.name}</p>
        <dl class="record-facts">
          <dt>{t(lang, 'counterCode')}</dt>
          <dd>
            <code>{counter.code}</code>
          </dd>
          <dt>{t(lang, 'unit')}</dt>
          <dd>{counter.unit.name}</dd>
        </dl>
      </div>
      <div class="record-side">
        <p class={`record-state ${kiosk && !counter.retired ? 'state-on' : 'state-off'}`} data-testid="kiosk-state">
          <InBothLanguages text={inBothLanguages(state)} />
        </p>
        {!counter.retired && (
          <button
            type="button"
            class={kiosk ? 'button secondary' : 'button primary'}
            onClick={toggle}
            disabled={action.busy}
            data-testid="kiosk-toggle"
          >
            {t(lang, kiosk ? 'turnKioskOff' : 'turnKioskOn')}
            <span class="visually-hidden"> {counter.name}</span>
          </button>
        )}
        <ActionMessage error={action.error} done={action.done} testid="kiosk" />
      </div>
    </li>
  );
}
