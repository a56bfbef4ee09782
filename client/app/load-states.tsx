import type { ComponentChildren } from 'preact';
import type { LocalizedText } from './api-types';
import { t, type StringKey } from './i18n';
import { useLang } from './lang-context';
import { BASE, followLink, withoutUnit } from './links';
import type { Load } from './use-api';

export function Loading() {
  const { lang } = useLang();
  return (
    <p class="state-message loading" aria-busy="true" data-testid="loading">
      <span class="spinner" aria-hidden="true" />
      {t(lang, 'loading')}
    </p>
  );
}

export function Empty({ text = 'empty' }: { text?: StringKey }) {
  const { lang } = useLang();
  return (
    <p class="state-message empty" data-testid="empty">
      {t(lang, text)}
    </p>
  );
}

/**
 * A failed load and what to do about it. Trying again cannot help a refusal (403): that box says
 * what the account can see instead, and offers the same page without the unit it may not see.
 */
export function ErrorBox({ message, onRetry, status }: { message: LocalizedText; onRetry: () => void; status?: number | undefined }) {
  const { lang } = useLang();
  if (status === 403) {
    const own = withoutUnit(location.pathname, location.search);
    return (
      <div class="state-message error" role="alert" data-testid="error" data-status="403">
        <strong>{t(lang, 'forbiddenTitle')}</strong>
        <p>{message[lang]}</p>
        <p data-testid="forbidden-hint">{t(lang, 'forbiddenHint')}</p>
        <a class="button secondary" href={own} onClick={followLink(own)} data-testid="show-own-units">
          {t(lang, own === BASE ? 'toDashboard' : 'showOwnUnits')}
        </a>
      </div>
    );
  }
  return (
    <div class="state-message error" role="alert" data-testid="error">
      <strong>{t(lang, 'errorTitle')}</strong>
      <p>{message[lang]}</p>
      <button type="button" class="button secondary" onClick={onRetry}>
        {t(lang, 'retry')}
      </button>
    </div>
  );
}

interface Props<T> {
  load: Load<T>;
  retry: () => void;
  /** True when the answer holds nothing to show for this filter. */
  isEmpty?: (data: T) => boolean;
  emptyText?: StringKey;
  children: (data: T) => ComponentChildren;
}

/**
 * Loading, error, empty or the content. Only the states sit in the live region: a screen reader
 * hears "loading…" and "no answers", not every cell of a table read out on each change.
 */
export function LoadView<T>({ load, retry, isEmpty, emptyText, children }: Props<T>) {
  const empty = load.kind === 'ready' && (isEmpty?.(load.data) ?? false);
  return (
    <>
      <div class="live" aria-live="polite">
        {load.kind === 'loading' && <Loading />}
        {load.kind === 'error' && <ErrorBox message={load.message} onRetry={retry} status={load.status} />}
        {empty && <Empty text={emptyText} />}
      </div>
      {load.kind === 'ready' && !empty && children(load.data)}
    </>
  );
}
