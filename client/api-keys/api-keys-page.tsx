import { useState } from 'preact/hooks';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../surveys/api-key-scopes';
import { ScopeSelect } from '../admin/scope-select';
import { ActionMessage } from '../app/action-message';
import type { Meta } from '../app/api-types';
import { formatDateTime } from '../app/format';
import { InBothLanguages } from '../app/in-both-languages';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { ListTable } from '../app/list-table';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { createApiKey, fetchApiKeys, revokeApiKey, type ApiKeyItem } from './api-keys-api';

/** The whole key, shown this once after it is created, with a copy button. */
function OneTimeKey({ name, apiKey, onHide }: { name: string; apiKey: string; onHide: () => void }) {
  const { lang } = useLang();
  const [copied, setCopied] = useState(false);
  return (
    <div class="one-time-password" role="status" data-testid="one-time-key">
      <span>{inBothLanguages('akShownOnce', { n: name })[lang]}</span>
      <code data-testid="api-key-secret">{apiKey}</code>
      {/* Whoever copies the key may read either language: the warning is in both. */}
      <strong class="small">
        <InBothLanguages text={inBothLanguages('akOnce')} testid="api-key-once" />
      </strong>
      <span class="row-actions">
        <button
          type="button"
          class="small"
          onClick={() =>
            navigator.clipboard?.writeText(apiKey).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
          data-testid="copy-key"
        >
          {t(lang, 'copy')}
        </button>
        {copied && <span>{t(lang, 'copied')}</span>}
        <button type="button" class="small" onClick={onHide} data-testid="hide-key">
          {t(lang, 'akHide')}
        </button>
      </span>
    </div>
  );
}

/**
 * API keys for machine clients (administrators): create one for a unit of the administrator's
 * subtree (scopeUnitId set: a commune administrator, who cannot give the whole tenant), see it
 * once, revoke it. The server keeps only a hash of the secret and audits every step.
 */
export function ApiKeysPage({ meta, scopeUnitId }: { meta: Meta | null; scopeUnitId: number | null }) {
  const { lang } = useLang();
  const [keys, retry] = useApi(fetchApiKeys, 'api-keys');
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  return (
    <>
      <NewKeyForm
        meta={meta}
        scopeUnitId={scopeUnitId}
        onCreated={(name, key) => {
          setShown({ name, key });
          retry();
        }}
      />
      {shown && <OneTimeKey name={shown.name} apiKey={shown.key} onHide={() => setShown(null)} />}
      <section class="panel" aria-labelledby="api-keys-title">
        <h2 id="api-keys-title">{t(lang, 'akListTitle')}</h2>
        <LoadView load={keys} retry={retry} isEmpty={(d) => d.keys.length === 0} emptyText="akNone">
          {(data) => (
            <ListTable
              testId="api-keys-table"
              caption={t(lang, 'akCaption')}
              headers={[
                t(lang, 'akName'),
                t(lang, 'akPrefix'),
                t(lang, 'akUnit'),
                t(lang, 'akCreatedCol'),
                t(lang, 'akLastUsed'),
                t(lang, 'akState'),
              ]}
            >
              {data.keys.map((k) => (
                <KeyRow key={`${k.id}-${k.revokedAt ?? ''}`} item={k} lang={lang} onChanged={retry} />
              ))}
            </ListTable>
          )}
        </LoadView>
      </section>
    </>
  );
}

function NewKeyForm({
  meta,
  scopeUnitId,
  onCreated,
}: {
  meta: Meta | null;
  scopeUnitId: number | null;
  onCreated: (name: string, key: string) => void;
}) {
  const { lang } = useLang();
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState<number | null>(scopeUnitId);
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['dossiers:write']);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return action.setError(inBothLanguages('akNeedName'));
    if (scopes.length === 0) return action.setError(inBothLanguages('akNeedScope'));
    const created = await action.run(() => createApiKey({ name: trimmed, unitId, scopes }), inBothLanguages('akCreated', { n: trimmed }));
    if (created) {
      setName('');
      onCreated(trimmed, created.key);
    }
  };
  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes(on ? [...new Set([...scopes, scope])] : scopes.filter((s) => s !== scope));
  return (
    <section class="panel" aria-labelledby="new-key-title">
      <h2 id="new-key-title">{t(lang, 'akNewTitle')}</h2>
      <p class="muted intro">{t(lang, 'akIntro')}</p>
      <form onSubmit={submit} noValidate data-testid="new-key-form">
        <div class="form-grid">
          <label>
            <span>{t(lang, 'akName')}</span>
            <input
              name="name"
              autoComplete="off"
              maxLength={100}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              required
              data-testid="new-key-name"
            />
          </label>
          <ScopeSelect
            units={meta?.units ?? []}
            value={unitId}
            onChange={setUnitId}
            wholeTenant={scopeUnitId === null}
            lang={lang}
            label={t(lang, 'akUnit')}
            name="unitId"
            testid="new-key-unit"
          />
          <fieldset class="choice-list">
            <legend>{t(lang, 'akScopes')}</legend>
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope}>
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(e) => toggle(scope, e.currentTarget.checked)}
                  data-testid={`new-key-scope-${scope}`}
                />
                <span>{t(lang, `akScope_${scope}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="new-key" />
        <button type="submit" class="button primary" disabled={action.busy} data-testid="create-key">
          {action.busy ? t(lang, 'saving') : t(lang, 'akCreate')}
        </button>
      </form>
    </section>
  );
}

function KeyRow({ item, lang, onChanged }: { item: ApiKeyItem; lang: Lang; onChanged: () => void }) {
  const action = useAction();
  const revoke = async () => {
    if (!confirm(inBothLanguages('akRevokeConfirm', { n: item.name })[lang])) return;
    if (await action.run(() => revokeApiKey(item.id))) onChanged();
  };
  const unit = item.unit ? `${item.unit.name ?? ''} (${item.unit.code ?? item.unit.id})` : t(lang, 'akWholeTenant');
  return (
    <tr data-key={item.id} data-testid="api-key-row" data-revoked={item.revokedAt ? '1' : '0'}>
      <th scope="row" data-col="name">
        {item.name}
      </th>
      <td data-col="prefix" data-label={t(lang, 'akPrefix')}>
        <code>hl_{item.prefix}_…</code>
      </td>
      <td data-col="unit" data-label={t(lang, 'akUnit')}>
        {unit}
      </td>
      <td data-col="created" data-label={t(lang, 'akCreatedCol')}>
        {formatDateTime(item.createdAt, lang)}
        {item.createdBy && <span class="muted small"> {inBothLanguages('akBy', { u: item.createdBy })[lang]}</span>}
      </td>
      <td data-col="last-used" data-label={t(lang, 'akLastUsed')}>
        {item.lastUsedAt ? formatDateTime(item.lastUsedAt, lang) : t(lang, 'akNeverUsed')}
      </td>
      <td data-col="state" data-label={t(lang, 'akState')}>
        {item.revokedAt ? (
          <span data-testid="api-key-revoked">{inBothLanguages('akRevokedAt', { t: formatDateTime(item.revokedAt, lang) })[lang]}</span>
        ) : (
          <span class="row-actions">
            <span>{t(lang, 'akActive')}</span>
            <button type="button" class="small" onClick={revoke} disabled={action.busy} data-testid="revoke-key">
              {t(lang, 'akRevoke')}
              <span class="visually-hidden"> {item.name}</span>
            </button>
          </span>
        )}
        <ActionMessage error={action.error} done={action.done} testid="api-key-row" />
      </td>
    </tr>
  );
}
