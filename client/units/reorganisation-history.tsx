import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { formatDateTime, formatDay, formatPercent } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { fetchReorganisations, undoReorganisation } from './units-api';
import type { ReorganisationView } from './units-types';

const named = (u: { name: string; code: string }) => `${u.name} (${u.code})`;
const fill = (text: string, values: Record<string, string>) => Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

/**
 * Every recorded reorganisation touching the administrator's units, newest effective date first:
 * what it was, from when, which units went into which with what share, the counters it moved, its
 * basis and who recorded it; an undo (asked twice) on those not undone, refused in words once an
 * answer arrived under the new tree.
 */
export function ReorganisationHistory({ lang, version, onChanged }: { lang: Lang; version: number; onChanged: () => void }) {
  const [events, retry] = useApi(fetchReorganisations, `reorganisations-${version}`);
  return (
    <section class="panel" aria-labelledby="reorg-history-title">
      <h2 id="reorg-history-title">
        <InBothLanguages text={inBothLanguages('reorgHistoryTitle')} />
      </h2>
      <LoadView load={events} retry={retry} isEmpty={(d) => d.reorganisations.length === 0} emptyText="reorgHistoryNone">
        {(data) => (
          <ol class="reorg-list" data-testid="reorg-list">
            {data.reorganisations.map((e) => (
              <ReorganisationItem key={e.id} event={e} lang={lang} onChanged={onChanged} />
            ))}
          </ol>
        )}
      </LoadView>
    </section>
  );
}

function ReorganisationItem({ event: e, lang, onChanged }: { event: ReorganisationView; lang: Lang; onChanged: () => void }) {
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const undo = async () => {
    setAsking(false);
    if (await action.run(() => undoReorganisation(e.id), inBothLanguages('reorgUndoDone'))) onChanged();
  };
  const undone = e.undoneAt !== null;
  const codeOf = (id: number) => e.successors.find((s) => s.id === id) ?? e.predecessors.find((p) => p.id === id);
  return (
    <li
      class={undone ? 'reorg-item reorg-undone' : 'reorg-item'}
      data-testid="reorg-item"
      data-kind={e.kind}
      data-undone={undone ? '1' : '0'}
    >
      <div class="reorg-head">
        <strong class="reorg-kind">
          <InBothLanguages text={inBothLanguages(`reorgKind_${e.kind}`)} />
        </strong>
        <span class="muted">{t(lang, 'reorgEffective').replace('{d}', formatDay(e.effectiveOn, lang))}</span>
        {undone && (
          <span class="tag" data-testid="reorg-undone">
            <InBothLanguages text={inBothLanguages('reorgUndone')} />
          </span>
        )}
      </div>
      {e.before ? (
        <InPlaceChange event={e} lang={lang} />
      ) : (
        <ul class="reorg-links">
          {e.links.map((l) => (
            <li key={`${l.fromId}-${l.toId}`} data-testid="reorg-link">
              {`${l.fromName} (${l.fromCode}) → ${l.toName} (${l.toCode})`}
              {e.kind === 'split' && <span class="reorg-share"> · {sharePercent(l.share, lang)}</span>}
            </li>
          ))}
        </ul>
      )}
      {e.counters.length > 0 && (
        <p class="reorg-line" data-testid="reorg-counters">
          {fill(t(lang, 'reorgCounters'), {
            c: e.counters.map((c) => `${c.code} → ${codeOf(c.toUnitId)?.code ?? `#${c.toUnitId}`}`).join(', '),
          })}
        </p>
      )}
      {e.children.length > 0 && <p class="reorg-line">{fill(t(lang, 'reorgChildren'), { c: e.children.map((c) => c.code).join(', ') })}</p>}
      {e.note && <p class="reorg-line">{fill(t(lang, 'reorgNote'), { n: e.note })}</p>}
      <p class="reorg-line muted small" data-testid="reorg-who">
        {e.createdByName === null
          ? fill(t(lang, 'reorgRecordedAt'), { t: formatDateTime(e.createdAt, lang) })
          : fill(t(lang, 'reorgRecorded'), { t: formatDateTime(e.createdAt, lang), u: e.createdByName })}
        {e.undoneAt !== null &&
          ` · ${t(lang, 'reorgUndone')} ${fill(t(lang, e.undoneByName === null ? 'reorgUndoneAt' : 'reorgUndoneBy'), {
            t: formatDateTime(e.undoneAt, lang),
            u: e.undoneByName ?? '',
          })}`}
      </p>
      {!undone && (
        <div class="form-actions reorg-actions">
          {asking ? (
            <>
              <span role="alert">{t(lang, 'reorgUndoConfirm')}</span>
              <button
                type="button"
                class="button primary small"
                disabled={action.busy}
                onClick={() => void undo()}
                data-testid="reorg-undo-yes"
              >
                {t(lang, 'reorgUndoYes')}
              </button>
              <button type="button" class="button secondary small" onClick={() => setAsking(false)} data-testid="reorg-undo-no">
                {t(lang, 'reorgUndoNo')}
              </button>
            </>
          ) : (
            <button type="button" class="button secondary small" onClick={() => setAsking(true)} data-testid="reorg-undo">
              {t(lang, 'reorgUndo')}
              <span class="visually-hidden"> {named(e.predecessors[0] ?? { name: '', code: String(e.id) })}</span>
            </button>
          )}
        </div>
      )}
      <ActionMessage error={action.error} done={action.done} testid="reorg-undo" />
    </li>
  );
}

const sharePercent = (share: number, lang: Lang) => formatPercent(share * 100, lang, Number.isInteger(share * 100) ? 0 : 2);

/** A rename or a move changes the unit itself: a rename says the names (and its code), a move names the unit, then its parents. */
function InPlaceChange({ event: e, lang }: { event: ReorganisationView; lang: Lang }) {
  const unit = e.predecessors[0];
  if (e.before?.name !== undefined)
    return (
      <p class="reorg-line" data-testid="reorg-change">
        {fill(t(lang, 'reorgName'), { c: unit?.code ?? '', a: e.before.name, b: e.after?.name ?? '' })}
      </p>
    );
  return (
    <>
      {unit && <p class="reorg-line reorg-unit">{named(unit)}</p>}
      <p class="reorg-line" data-testid="reorg-change">
        {fill(t(lang, 'reorgParent'), { a: e.before?.parentCode ?? t(lang, 'reorgTop'), b: e.after?.parentCode ?? t(lang, 'reorgTop') })}
      </p>
    </>
  );
}
