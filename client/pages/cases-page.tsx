import { useState } from 'preact/hooks';
import { addCaseNote, answerCase, assignCase, closeCase, deleteCaseContact, fetchCase, fetchCases } from '../api';
import { caseActions, caseFilterFromQuery, caseFilterToQuery, casesApiQuery, type CaseFilter } from '../admin-helpers';
import { isCaseReason } from '../../surveys/case-origins';
import { CASE_STATUSES } from '../../surveys/case-states';
import type { CaseItem } from '../admin-types';
import type { Meta } from '../api-types';
import { ActionMessage } from '../components/action-message';
import { LoadView } from '../components/load-states';
import { UnitSelect } from '../components/unit-select';
import { formatDateTime, NO_VALUE } from '../format';
import { t, type Lang, type StringKey } from '../i18n';
import { useLang } from '../lang-context';
import { BASE, casePath, navigate } from '../router';
import { useAction } from '../use-action';
import { useApi } from '../use-api';

const go = (href: string) => (e: MouseEvent) => {
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(href);
};
const both = (key: StringKey) => ({ vi: t('vi', key), en: t('en', key) });
const reasonName = (reason: string, lang: Lang) =>
  isCaseReason(reason) ? t(lang, `reason_${reason}`) : reason;

/** Complaints, filtered by status and "overdue" (kept in the address bar), newest first, a page at a time. */
export function CasesPage({ search }: { search: string }) {
  const { lang } = useLang();
  const filter = caseFilterFromQuery(search);
  const own = caseFilterToQuery(filter);
  const [pages, setPages] = useState<{ key: string; items: CaseItem[]; next: number | null }>({ key: '', items: [], next: null });
  const [list, retry] = useApi(() => fetchCases(casesApiQuery(filter)), own);
  const [more, setMore] = useState(false);
  const setFilter = (next: CaseFilter) => {
    const q = caseFilterToQuery(next);
    navigate(`${BASE}cases${q ? `?${q}` : ''}`);
  };
  const extra = pages.key === own ? pages : { key: own, items: [], next: null };
  const loadMore = async (before: number) => {
    setMore(true);
    try {
      const r = await fetchCases(casesApiQuery(filter, before));
      setPages({ key: own, items: [...extra.items, ...r.items], next: r.nextBefore });
    } catch {
      // The button stays; the next click tries again.
    } finally {
      setMore(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="cases-title">
      <h2 id="cases-title">{t(lang, 'casesTitle')}</h2>
      <p class="muted intro">{t(lang, 'casesIntro')}</p>
      <form class="case-filter" onSubmit={(e) => e.preventDefault()} data-testid="case-filter">
        <label>
          <span>{t(lang, 'status')}</span>
          <select
            name="status"
            value={filter.status ?? ''}
            onChange={(e) => setFilter({ ...filter, status: (e.currentTarget.value || undefined) as CaseFilter['status'] })}
            data-testid="case-status-filter"
          >
            <option value="">{t(lang, 'allStatuses')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(lang, `case_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="overdue"
            checked={filter.overdue}
            onChange={(e) => setFilter({ ...filter, overdue: e.currentTarget.checked })}
            data-testid="case-overdue-filter"
          />
          <span>{t(lang, 'onlyOverdue')}</span>
        </label>
      </form>
      <LoadView load={list} retry={retry} isEmpty={(d) => d.items.length === 0} emptyText="noCases">
        {(data) => {
          const items = [...data.items, ...extra.items];
          const next = extra.items.length > 0 ? extra.next : data.nextBefore;
          return (
            <>
              <CaseTable items={items} lang={lang} />
              {next !== null && (
                <button type="button" class="button secondary" disabled={more} onClick={() => loadMore(next)} data-testid="cases-more">
                  {more ? t(lang, 'loading') : t(lang, 'loadMore')}
                </button>
              )}
            </>
          );
        }}
      </LoadView>
    </section>
  );
}

function CaseTable({ items, lang }: { items: CaseItem[]; lang: Lang }) {
  return (
    <div class="table-scroll">
      <table class="stats-table" data-testid="cases-table">
        <caption>{t(lang, 'casesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'caseNo')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col">{t(lang, 'caseReason')}</th>
            <th scope="col">{t(lang, 'unit')}</th>
            <th scope="col">{t(lang, 'assignedUnit')}</th>
            <th scope="col">{t(lang, 'createdAt')}</th>
            <th scope="col">{t(lang, 'dueAt')}</th>
            <th scope="col">{t(lang, 'phone')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-key={c.id} data-testid="case-row" data-status={c.status} data-overdue={c.overdue ? '1' : '0'}>
              <th scope="row">
                <a href={casePath(c.id)} onClick={go(casePath(c.id))} data-testid="case-link">
                  #{c.id}
                </a>
              </th>
              <td data-col="status">{t(lang, `case_${c.status}`)}</td>
              <td data-col="reason">{reasonName(c.reason, lang)}</td>
              <td data-col="unit">{c.unit.name}</td>
              <td data-col="assignedUnit">{c.assignedUnit?.name ?? NO_VALUE}</td>
              <td data-col="createdAt">{formatDateTime(c.createdAt, lang)}</td>
              <td data-col="dueAt">
                {formatDateTime(c.dueAt, lang)}{' '}
                {c.overdue && <span class="badge-overdue" data-testid="case-overdue">{t(lang, 'overdue')}</span>}
              </td>
              <td data-col="phone">{c.contact?.phone ?? t(lang, 'noPhone')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One complaint: what it is about, the answer it came from, its notes, and the next steps. */
export function CasePage({ id, meta }: { id: number; meta: Meta | null }) {
  const { lang } = useLang();
  const [detail, retry] = useApi(() => fetchCase(id), `case-${id}`);
  return (
    <>
      <p>
        <a href={`${BASE}cases`} onClick={go(`${BASE}cases`)} data-testid="back-to-cases">
          {t(lang, 'backToCases')}
        </a>
      </p>
      <LoadView load={detail} retry={retry}>
        {(c) => {
          const can = caseActions(c.status);
          return (
            <div data-testid="case-detail" data-status={c.status}>
              <section class="panel" aria-labelledby="case-title">
                <h2 id="case-title">
                  #{c.id} — {t(lang, `case_${c.status}`)}{' '}
                  {c.overdue && <span class="badge-overdue">{t(lang, 'overdue')}</span>}
                </h2>
                <dl class="case-facts">
                  <dt>{t(lang, 'caseReason')}</dt>
                  <dd>{reasonName(c.reason, lang)}</dd>
                  <dt>{t(lang, 'unit')}</dt>
                  <dd>{c.unit.name}</dd>
                  <dt>{t(lang, 'assignedUnit')}</dt>
                  <dd data-testid="case-assigned-unit">{c.assignedUnit?.name ?? NO_VALUE}</dd>
                  <dt>{t(lang, 'createdAt')}</dt>
                  <dd>{formatDateTime(c.createdAt, lang)}</dd>
                  <dt>{t(lang, 'dueAt')}</dt>
                  <dd>{formatDateTime(c.dueAt, lang)}</dd>
                  <dt>{t(lang, 'phone')}</dt>
                  <dd data-testid="case-phone">{c.contact?.phone ?? t(lang, 'noPhone')}</dd>
                  {c.answer !== null && (
                    <>
                      <dt>{t(lang, 'caseAnswer')}</dt>
                      <dd class="plain-text" data-testid="case-answer">{c.answer}</dd>
                    </>
                  )}
                  {c.closeReason !== null && (
                    <>
                      <dt>{t(lang, 'closeReason')}</dt>
                      <dd class="plain-text">{c.closeReason}</dd>
                    </>
                  )}
                </dl>
                {c.contact && <DeletePhone id={c.id} onDone={retry} />}
              </section>
              <section class="panel" aria-labelledby="case-response-title">
                <h2 id="case-response-title">{t(lang, 'theResponse')}</h2>
                {c.response === null ? (
                  <p class="muted">{t(lang, 'noResponse')}</p>
                ) : (
                  <div data-testid="case-response">
                    <p class="muted small">
                      {t(lang, 'submittedAt')}: {formatDateTime(c.response.submittedAt, lang)}
                      {c.response.counter && ` — ${c.response.counter.name ?? c.response.counter.code}`}
                    </p>
                    <h3>{t(lang, 'comment')}</h3>
                    {/* Plain text: the citizen's words are never read as markup. */}
                    <p class="plain-text" data-testid="case-comment">{c.response.comment || t(lang, 'noComment')}</p>
                    <h3>{t(lang, 'answers_')}</h3>
                    <ul data-testid="case-answers">
                      {Object.entries(c.response.answers).map(([key, value]) => (
                        <li key={key} data-key={key} data-value={value ?? ''}>
                          {key}: {value ?? t(lang, 'noAnswer')}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </section>
              <section class="panel" aria-labelledby="case-steps-title">
                <h2 id="case-steps-title">{t(lang, 'actions')}</h2>
                {can.assign && <AssignForm id={c.id} meta={meta} onDone={retry} />}
                {can.answer && <TextAction id="answer" title="answerTitle" label="caseAnswer" button="sendAnswer" required send={(text) => answerCase(c.id, text)} onDone={retry} />}
                {can.close && (
                  <TextAction
                    id="close"
                    title="closeTitle"
                    label={can.closeNeedsReason ? 'closeReasonRequired' : 'closeReasonOptional'}
                    button="closeCase"
                    required={can.closeNeedsReason}
                    send={(text) => closeCase(c.id, text || undefined)}
                    onDone={retry}
                  />
                )}
              </section>
              <section class="panel" aria-labelledby="case-notes-title">
                <h2 id="case-notes-title">{t(lang, 'notes')}</h2>
                {c.notes.length === 0 ? (
                  <p class="muted">{t(lang, 'noNotes')}</p>
                ) : (
                  <ul class="notes-list" data-testid="case-notes">
                    {c.notes.map((n) => (
                      <li key={n.id} data-key={n.id}>
                        <span class="muted small">
                          {formatDateTime(n.at, lang)}
                          {n.author ? ` — ${n.author}` : ''}
                        </span>
                        <p class="plain-text">{n.text}</p>
                      </li>
                    ))}
                  </ul>
                )}
                <TextAction id="note" title="addNote" label="noteText" button="addNote" required send={(text) => addCaseNote(c.id, text)} onDone={retry} />
              </section>
            </div>
          );
        }}
      </LoadView>
    </>
  );
}

function AssignForm({ id, meta, onDone }: { id: number; meta: Meta | null; onDone: () => void }) {
  const { lang } = useLang();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [due, setDue] = useState('');
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (unitId === undefined) {
      action.setError(both('fillUnit'));
      return;
    }
    if (await action.run(() => assignCase(id, unitId, due || undefined), both('caseSaved'))) onDone();
  };
  return (
    <form class="case-action" onSubmit={submit} noValidate data-testid="case-assign-form">
      <h3>{t(lang, 'assignTitle')}</h3>
      <UnitSelect units={meta?.units ?? []} value={unitId} onChange={setUnitId} label={t(lang, 'assignedUnit')} emptyLabel={t(lang, 'chooseUnit')} name="unitId" testid="case-assign-unit" />
      <label>
        <span>{t(lang, 'dueAtOptional')}</span>
        <input type="date" name="dueAt" value={due} onInput={(e) => setDue(e.currentTarget.value)} data-testid="case-assign-due" />
      </label>
      <ActionMessage error={action.error} done={action.done} testid="case-assign" />
      <button type="submit" class="button primary" disabled={action.busy} data-testid="case-assign">
        {t(lang, 'assign')}
      </button>
    </form>
  );
}

interface TextActionProps {
  id: 'answer' | 'close' | 'note';
  title: StringKey;
  label: StringKey;
  button: StringKey;
  required: boolean;
  send: (text: string) => Promise<unknown>;
  onDone: () => void;
}

/** A step that takes a text (answer, closing reason, note); the server's 409 is shown in words. */
function TextAction({ id, title, label, button, required, send, onDone }: TextActionProps) {
  const { lang } = useLang();
  const [text, setText] = useState('');
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (required && !text.trim()) {
      action.setError(both('fillText'));
      return;
    }
    if (await action.run(() => send(text.trim()).then(() => true), both(id === 'note' ? 'noteAdded' : 'caseSaved'))) {
      setText('');
      onDone();
    }
  };
  const field = `case-${id}-text`;
  return (
    <form class="case-action" onSubmit={submit} noValidate data-testid={`case-${id}-form`}>
      <h3>{t(lang, title)}</h3>
      <label for={field}>{t(lang, label)}</label>
      <textarea id={field} name={id} value={text} onInput={(e) => setText(e.currentTarget.value)} required={required} aria-invalid={action.error !== null} data-testid={`case-${id}-input`} />
      <ActionMessage error={action.error} done={action.done} testid={`case-${id}`} />
      <button type="submit" class="button primary" disabled={action.busy} data-testid={`case-${id}`}>
        {t(lang, button)}
      </button>
    </form>
  );
}

function DeletePhone({ id, onDone }: { id: number; onDone: () => void }) {
  const { lang } = useLang();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const remove = async () => {
    if (await action.run(() => deleteCaseContact(id), both('phoneDeleted'))) onDone();
  };
  return (
    <div class="row-actions">
      {!confirming ? (
        <button type="button" class="small" onClick={() => setConfirming(true)} data-testid="case-delete-phone">
          {t(lang, 'deletePhone')}
        </button>
      ) : (
        <>
          <button type="button" class="small" onClick={remove} disabled={action.busy} data-testid="case-delete-phone-confirm">
            {t(lang, 'confirmDeletePhone')}
          </button>
          <button type="button" class="small" onClick={() => setConfirming(false)}>
            {t(lang, 'cancel')}
          </button>
        </>
      )}
      <ActionMessage error={action.error} done={action.done} testid="case-delete-phone" />
    </div>
  );
}
