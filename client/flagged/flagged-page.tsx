import { useState } from 'preact/hooks';
import { CHANNEL_NAMES } from '../../surveys/channels';
import { ActionMessage } from '../app/action-message';
import type { Meta } from '../app/api-types';
import { formatCount, formatDateTime } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { sectorLabel } from '../app/sector-display';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { clearFlagged, fetchFlagged } from './flagged-api';
import type { FlaggedItem } from './flagged-types';

/** Why an answer was flagged, in words; a reason this app does not know yet is shown by its code. */
export function flagReason(flag: string, lang: Lang): string {
  return flag === 'burst' ? t(lang, 'flag_burst') : `${t(lang, 'flagUnknown')}: ${flag}`;
}

/**
 * Flagged answers of a period (this year by default), newest first, each with its reason: a person
 * clears the genuine ones, which then count; the rest stay kept and out of the official rates.
 */
export function FlaggedPage({ meta }: { meta: Meta | null }) {
  const { lang } = useLang();
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [list, retry] = useApi(() => fetchFlagged(period), `${period.from ?? ''}|${period.to ?? ''}`);
  const [cleared, setCleared] = useState<ReadonlySet<number>>(new Set());
  const show = (e: Event) => {
    e.preventDefault();
    setPeriod({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  };
  return (
    <section class="panel" aria-labelledby="flagged-title">
      <h2 id="flagged-title">
        <InBothLanguages text={inBothLanguages('flaggedTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'flaggedIntro')}</p>
      <form class="filter-row" onSubmit={show} data-testid="flagged-period">
        <label>
          <span>{t(lang, 'from')}</span>
          <input type="date" name="from" value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t(lang, 'to')}</span>
          <input type="date" name="to" value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </label>
        <button type="submit" class="button secondary">
          {t(lang, 'show')}
        </button>
      </form>
      <LoadView load={list} retry={retry} isEmpty={(d) => d.items.length === 0} emptyText="noFlagged">
        {(data) => {
          const remaining = data.total - data.items.filter((i) => cleared.has(i.id)).length;
          return (
            <>
              <p data-testid="flagged-total" data-total={remaining}>
                {inBothLanguages('flaggedTotal', { n: formatCount(remaining, lang) })[lang]}
                {data.total > data.items.length &&
                  ` ${inBothLanguages('flaggedShown', { shown: formatCount(data.items.length, lang) })[lang]}`}
              </p>
              <ul class="record-list" data-testid="flagged-list">
                {data.items.map((item) => (
                  <FlaggedRow
                    key={item.id}
                    item={item}
                    meta={meta}
                    lang={lang}
                    cleared={cleared.has(item.id)}
                    onCleared={() => setCleared(new Set([...cleared, item.id]))}
                  />
                ))}
              </ul>
            </>
          );
        }}
      </LoadView>
    </section>
  );
}

interface RowProps {
  item: FlaggedItem;
  meta: Meta | null;
  lang: Lang;
  cleared: boolean;
  onCleared: () => void;
}

function FlaggedRow({ item, meta, lang, cleared, onCleared }: RowProps) {
  const action = useAction();
  const clear = async () => {
    if (await action.run(() => clearFlagged(item.id), inBothLanguages('flagCleared', { id: String(item.id) }))) onCleared();
  };
  return (
    <li class={`record${cleared ? ' record-done' : ''}`} data-testid="flagged-item" data-id={item.id} data-cleared={cleared ? '1' : '0'}>
      <div class="record-main">
        <p class="record-title">
          {inBothLanguages('answerNumber', { id: String(item.id) })[lang]} ·{' '}
          <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt, lang)}</time>
        </p>
        <dl class="record-facts">
          <dt>{t(lang, 'flagReason')}</dt>
          <dd data-testid="flag-reason">{item.flags.map((f) => flagReason(f, lang)).join('; ')}</dd>
          <dt>{t(lang, 'counter')}</dt>
          <dd>
            {item.counter.name} (<code>{item.counter.code}</code>)
          </dd>
          <dt>{t(lang, 'sector')}</dt>
          <dd>{sectorLabel({ key: item.sector, label: item.sector }, meta, lang)}</dd>
          <dt>{t(lang, 'channel')}</dt>
          <dd>{CHANNEL_NAMES[item.channel]?.[lang] ?? item.channel}</dd>
          <dt>{t(lang, 'satisfiedQuestion')}</dt>
          <dd>{item.satisfied === null ? '—' : t(lang, item.satisfied ? 'yes' : 'no')}</dd>
          {item.comment && (
            <>
              <dt>{t(lang, 'commentLabel')}</dt>
              <dd>{item.comment}</dd>
            </>
          )}
        </dl>
      </div>
      <div class="record-side">
        {!cleared && (
          <button type="button" class="button primary" onClick={clear} disabled={action.busy} data-testid="flagged-clear">
            {t(lang, 'clearFlag')}
            <span class="visually-hidden"> {inBothLanguages('answerNumber', { id: String(item.id) })[lang]}</span>
          </button>
        )}
        <ActionMessage error={action.error} done={action.done} testid="flagged" />
      </div>
    </li>
  );
}
