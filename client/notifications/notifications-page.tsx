import { useState } from 'preact/hooks';
import { WEBHOOK_EVENTS } from '../../surveys/webhook-events';
import { ScopeSelect } from '../admin/scope-select';
import { ActionMessage } from '../app/action-message';
import type { Meta } from '../app/api-types';
import { formatDateTime } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import {
  createSubscription,
  createWebhook,
  deleteSubscription,
  deleteWebhook,
  fetchDeliveries,
  fetchSubscriptions,
  fetchWebhooks,
  redeliver,
  setWebhookEnabled,
  type WebhookItem,
} from './notifications-api';

/** Alerts by e-mail (any signed-in user for their own address) and the tenant's webhooks (administrators). */
export function NotificationsPage({ meta, scopeUnitId }: { meta: Meta | null; scopeUnitId: number | null }) {
  const { lang } = useLang();
  return (
    <>
      <Subscriptions meta={meta} scopeUnitId={scopeUnitId} lang={lang} />
      <Webhooks lang={lang} />
    </>
  );
}

function Subscriptions({ meta, scopeUnitId, lang }: { meta: Meta | null; scopeUnitId: number | null; lang: Lang }) {
  const [subs, retry] = useApi(fetchSubscriptions, 'alert-subscriptions');
  const [email, setEmail] = useState('');
  const [unitId, setUnitId] = useState<number | null>(scopeUnitId);
  const [mode, setMode] = useState('immediate');
  const [quiet, setQuiet] = useState(true);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const unit = unitId ?? meta?.units[0]?.id;
    if (unit === undefined) return;
    const quietHours = quiet ? { quietFrom: 21, quietTo: 7 } : { quietFrom: null, quietTo: null };
    if (await action.run(() => createSubscription({ unitId: unit, email: email.trim(), mode, ...quietHours }))) {
      setEmail('');
      retry();
    }
  };
  return (
    <section class="panel" aria-labelledby="subs-title">
      <h2 id="subs-title">{t(lang, 'ntSubsTitle')}</h2>
      <form onSubmit={submit} noValidate data-testid="new-subscription">
        <div class="form-grid">
          <label>
            <span>{t(lang, 'ntEmail')}</span>
            <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required data-testid="sub-email" />
          </label>
          <ScopeSelect
            units={meta?.units ?? []}
            value={unitId}
            onChange={setUnitId}
            wholeTenant={false}
            lang={lang}
            label={t(lang, 'ntUnit')}
            name="unitId"
            testid="sub-unit"
          />
          <label>
            <span>{t(lang, 'ntMode')}</span>
            <select value={mode} onChange={(e) => setMode(e.currentTarget.value)} data-testid="sub-mode">
              <option value="immediate">{t(lang, 'ntImmediate')}</option>
              <option value="digest">{t(lang, 'ntDigest')}</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.currentTarget.checked)} />
            <span>{t(lang, 'ntQuiet')}</span>
          </label>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="new-subscription" />
        <button type="submit" class="button primary" disabled={action.busy}>
          {t(lang, 'ntSubscribe')}
        </button>
      </form>
      <LoadView load={subs} retry={retry} isEmpty={(d) => d.subscriptions.length === 0} emptyText="ntNoSubs">
        {(data) => (
          <ul data-testid="subscriptions">
            {data.subscriptions.map((s) => (
              <li key={s.id}>
                {s.email} — {s.unit.name} — {t(lang, s.mode === 'digest' ? 'ntDigest' : 'ntImmediate')}
                {s.quietFrom !== null && ` (${s.quietFrom}:00–${s.quietTo}:00)`}{' '}
                <button type="button" class="small" onClick={() => void deleteSubscription(s.id).then(retry)}>
                  {t(lang, 'ntUnsubscribe')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </LoadView>
    </section>
  );
}

function Webhooks({ lang }: { lang: Lang }) {
  const [hooks, retry] = useApi(fetchWebhooks, 'webhooks');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['case.opened', 'case.closed']);
  const [secret, setSecret] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const created = await action.run(() => createWebhook({ url: url.trim(), events }));
    if (created) {
      setSecret(created.secret);
      setUrl('');
      retry();
    }
  };
  return (
    <section class="panel" aria-labelledby="hooks-title">
      <h2 id="hooks-title">{t(lang, 'ntHooksTitle')}</h2>
      <form onSubmit={submit} noValidate data-testid="new-webhook">
        <div class="form-grid">
          <label>
            <span>{t(lang, 'ntUrl')}</span>
            <input type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} required data-testid="hook-url" />
          </label>
          <fieldset class="choice-list">
            <legend>{t(lang, 'ntEvents')}</legend>
            {WEBHOOK_EVENTS.map((ev) => (
              <label key={ev}>
                <input
                  type="checkbox"
                  checked={events.includes(ev)}
                  onChange={(e) => setEvents(e.currentTarget.checked ? [...events, ev] : events.filter((x) => x !== ev))}
                />
                <code>{ev}</code>
              </label>
            ))}
          </fieldset>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="new-webhook" />
        <button type="submit" class="button primary" disabled={action.busy}>
          {t(lang, 'ntAddHook')}
        </button>
      </form>
      {secret && (
        <div class="one-time-password" role="status" data-testid="webhook-secret">
          <span>{t(lang, 'ntSecretOnce')}</span>
          <code>{secret}</code>
        </div>
      )}
      <LoadView load={hooks} retry={retry} isEmpty={(d) => d.webhooks.length === 0} emptyText="ntNoHooks">
        {(data) => (
          <div>
            {data.webhooks.map((w) => (
              <Webhook key={w.id} hook={w} lang={lang} onChanged={retry} />
            ))}
          </div>
        )}
      </LoadView>
    </section>
  );
}

function Webhook({ hook, lang, onChanged }: { hook: WebhookItem; lang: Lang; onChanged: () => void }) {
  const [log, retryLog] = useApi(() => fetchDeliveries(hook.id), `deliveries-${hook.id}`);
  return (
    <article data-testid="webhook">
      <h3>
        <code>{hook.url}</code> — {t(lang, hook.enabled ? 'ntEnabled' : 'ntDisabled')}
        {hook.disabledReason && ` (${hook.disabledReason})`}
      </h3>
      <p class="row-actions">
        <span>{hook.events.join(', ')}</span>
        <button type="button" class="small" onClick={() => void setWebhookEnabled(hook.id, !hook.enabled).then(onChanged)}>
          {t(lang, hook.enabled ? 'ntDisable' : 'ntEnable')}
        </button>
        <button type="button" class="small" onClick={() => void deleteWebhook(hook.id).then(onChanged)}>
          {t(lang, 'ntDelete')}
        </button>
      </p>
      <LoadView load={log} retry={retryLog} isEmpty={(d) => d.deliveries.length === 0} emptyText="ntNoDeliveries">
        {(data) => (
          <div class="table-scroll">
            <table class="stats-table stacked-table" data-testid="deliveries">
              <caption>{t(lang, 'ntLog')}</caption>
              <tbody>
                {data.deliveries.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.event}</th>
                    <td data-label={t(lang, 'ntStatus')}>
                      {d.status} ({d.attempts})
                    </td>
                    <td data-label={t(lang, 'ntAnswer')}>
                      {d.last_attempt_at ? formatDateTime(d.last_attempt_at, lang) : ''} {d.last_status ?? d.last_error ?? ''}{' '}
                      {d.last_body?.slice(0, 80)}
                    </td>
                    <td>
                      <button type="button" class="small" onClick={() => void redeliver(hook.id, d.id).then(retryLog)}>
                        {t(lang, 'ntRedeliver')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadView>
    </article>
  );
}
