import { useState } from 'preact/hooks';
import { AUDIT_ACTIONS } from '../../surveys/audit-actions';
import { ActionMessage } from '../app/action-message';
import { formatCount, formatDateTime } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { auditLink } from '../app/links';
import { LoadView } from '../app/load-states';
import { navigate } from '../app/router';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { fetchAudit, verifyAudit } from './audit-api';
import { auditApiQuery, auditFilterFromQuery, auditFilterToQuery, type AuditFilter } from './audit-filter';
import type { AuditItem, AuditVerdict } from './audit-types';
import { actionWords } from './audit-words';

/**
 * The audit log for administrators: the chain checked on request, and the entries newest first,
 * filtered by kind and by person (kept in the address bar), a page at a time.
 */
export function AuditPage({ search }: { search: string }) {
  const { lang } = useLang();
  const filter = auditFilterFromQuery(search);
  const own = auditFilterToQuery(filter);
  const [list, retry] = useApi(() => fetchAudit(auditApiQuery(filter)), own);
  const [pages, setPages] = useState<{ key: string; items: AuditItem[]; next: number | null }>({ key: '', items: [], next: null });
  const [more, setMore] = useState(false);
  const extra = pages.key === own ? pages : { key: own, items: [], next: null };
  const loadMore = async (before: number) => {
    setMore(true);
    try {
      const r = await fetchAudit(auditApiQuery(filter, before));
      setPages({ key: own, items: [...extra.items, ...r.items], next: r.nextBefore });
    } catch {
      // The button stays; the next click tries again.
    } finally {
      setMore(false);
    }
  };
  return (
    <>
      <ChainCheck lang={lang} />
      <section class="panel" aria-labelledby="audit-title">
        <h2 id="audit-title">
          <InBothLanguages text={inBothLanguages('auditTitle')} />
        </h2>
        <p class="muted intro">{t(lang, 'auditIntro')}</p>
        <AuditFilterForm key={own} filter={filter} lang={lang} />
        <LoadView load={list} retry={retry} isEmpty={(d) => d.items.length === 0} emptyText="noAudit">
          {(data) => {
            const items = [...data.items, ...extra.items];
            const next = extra.items.length > 0 ? extra.next : data.nextBefore;
            return (
              <>
                <ol class="record-list" data-testid="audit-list">
                  {items.map((item) => (
                    <AuditEntry key={item.id} item={item} lang={lang} />
                  ))}
                </ol>
                {next !== null && (
                  <button type="button" class="button secondary" disabled={more} onClick={() => loadMore(next)} data-testid="audit-more">
                    {more ? t(lang, 'loading') : t(lang, 'loadMore')}
                  </button>
                )}
              </>
            );
          }}
        </LoadView>
      </section>
    </>
  );
}

function AuditFilterForm({ filter, lang }: { filter: AuditFilter; lang: Lang }) {
  const [action, setAction] = useState(filter.action ?? '');
  const [actor, setActor] = useState(filter.actor ?? '');
  const apply = (e: Event) => {
    e.preventDefault();
    navigate(auditLink({ action: (action || undefined) as AuditFilter['action'], actor: actor.trim() || undefined }));
  };
  return (
    <form class="filter-row" onSubmit={apply} data-testid="audit-filter">
      <label>
        <span>{t(lang, 'auditAction')}</span>
        <select name="action" value={action} onChange={(e) => setAction(e.currentTarget.value)} data-testid="audit-action-filter">
          <option value="">{t(lang, 'auditAllActions')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionWords(a)[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'auditActor')}</span>
        <input
          name="actor"
          autoComplete="off"
          value={actor}
          maxLength={200}
          onInput={(e) => setActor(e.currentTarget.value)}
          data-testid="audit-actor-filter"
        />
      </label>
      <span class="row-actions">
        <button type="submit" class="button secondary" data-testid="audit-apply">
          {t(lang, 'auditApply')}
        </button>
        {(filter.action || filter.actor) && (
          <a class="button secondary" href={auditLink({ action: undefined, actor: undefined })} onClick={followAudit}>
            {t(lang, 'auditClear')}
          </a>
        )}
      </span>
    </form>
  );
}

function followAudit(e: MouseEvent) {
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(auditLink({ action: undefined, actor: undefined }));
}

/** The details as short "key: value" lines: plain JSON facts (before and after, a filter, counts). */
function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

function AuditEntry({ item, lang }: { item: AuditItem; lang: Lang }) {
  const lines = detailLines(item.details);
  return (
    <li class="record" data-testid="audit-entry" data-id={item.id} data-action={item.action}>
      <div class="record-main">
        <p class="record-title">
          <span data-testid="audit-entry-action">{actionWords(item.action)[lang]}</span>
          {' · '}
          <span class="muted">{item.actor.username ?? t(lang, 'auditSystem')}</span>
        </p>
        <dl class="record-facts">
          <dt>{inBothLanguages('auditEntry', { id: String(item.id) })[lang]}</dt>
          <dd>
            <time dateTime={item.at}>{formatDateTime(item.at, lang)}</time>
            {item.tenantId === null && <span class="muted"> · {t(lang, 'auditInstance')}</span>}
          </dd>
          {item.subject && (
            <>
              <dt>{t(lang, 'auditSubject')}</dt>
              <dd>
                <code>{item.subject}</code>
              </dd>
            </>
          )}
          {lines.length > 0 && (
            <>
              <dt>{t(lang, 'auditDetails')}</dt>
              <dd>
                {lines.map((l) => (
                  <code key={l} class="detail-line">
                    {l}
                  </code>
                ))}
              </dd>
            </>
          )}
          <dt>{t(lang, 'auditHash')}</dt>
          <dd>
            <code title={item.hash}>{item.hash.slice(0, 16)}…</code>
          </dd>
        </dl>
      </div>
    </li>
  );
}

/** "Verify the chain": the whole log recomputed by the server, and its verdict in words. */
function ChainCheck({ lang }: { lang: Lang }) {
  const action = useAction();
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const check = async () => {
    setVerdict(null);
    const result = await action.run(verifyAudit);
    if (result) setVerdict(result);
  };
  return (
    <section class="panel" aria-labelledby="audit-verify-title">
      <h2 id="audit-verify-title">
        <InBothLanguages text={inBothLanguages('auditCheckTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'auditCheckIntro')}</p>
      <button type="button" class="button primary" onClick={check} disabled={action.busy} data-testid="audit-verify">
        {action.busy ? t(lang, 'auditVerifying') : t(lang, 'auditVerify')}
      </button>
      <ActionMessage error={action.error} done={null} testid="audit-verify" />
      <div aria-live="polite">{verdict && <VerdictBox verdict={verdict} lang={lang} />}</div>
    </section>
  );
}

function VerdictBox({ verdict, lang }: { verdict: AuditVerdict; lang: Lang }) {
  const entries = formatCount(verdict.entries, lang);
  return (
    <div
      class={`verify-result ${verdict.ok ? 'ok' : 'broken'}`}
      role="status"
      data-testid="audit-verify-result"
      data-ok={verdict.ok ? 'true' : 'false'}
      data-entries={verdict.entries}
    >
      {verdict.ok ? (
        <>
          <p class="record-title">
            <InBothLanguages text={inBothLanguages('auditIntact')} />
          </p>
          <p data-testid="audit-verify-entries">{inBothLanguages('auditChecked', { n: entries })[lang]}</p>
          {verdict.head && (
            <>
              <p>
                {inBothLanguages('auditHead', { id: String(verdict.head.id) })[lang]} <code class="detail-line">{verdict.head.hash}</code>
              </p>
              <p class="muted small">{t(lang, 'auditNoteHead')}</p>
            </>
          )}
        </>
      ) : (
        <>
          <p class="record-title">
            <InBothLanguages text={inBothLanguages('auditBroken', { id: String(verdict.brokenAt) })} />
          </p>
          <p lang="en">{verdict.reason}</p>
          <p>{inBothLanguages('auditBrokenIntact', { n: entries })[lang]}</p>
        </>
      )}
    </div>
  );
}
