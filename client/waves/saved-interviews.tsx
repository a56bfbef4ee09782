import { t, type Lang } from '../app/i18n';
import type { QueuedInterview } from './interview-queue';
import type { StratumRow } from './waves-types';

interface Props {
  items: readonly QueuedInterview[];
  strata: readonly StratumRow[];
  lang: Lang;
  onRetry: () => void;
  onDiscard: (clientKey: string) => void;
}

/** What became of each interview entered here, newest first: sending, waiting to retry, saved (with its number), or refused and why. */
export function SavedInterviews({ items, strata, lang, onRetry, onDiscard }: Props) {
  if (items.length === 0) return null;
  const unitName = (id: number) => strata.find((s) => s.unitId === id)?.unitName ?? String(id);
  const waiting = items.some((q) => q.status === 'retrying');
  return (
    <section class="panel" aria-labelledby="saved-title">
      <div class="panel-head">
        <h2 id="saved-title">{t(lang, 'savedThisSession')}</h2>
        {waiting && (
          <button type="button" class="button secondary" onClick={onRetry} data-testid="retry-now">
            {t(lang, 'retryNow')}
          </button>
        )}
      </div>
      <ol class="saved-list" data-testid="saved-interviews" aria-live="polite">
        {[...items].reverse().map((q) => (
          <li
            key={q.clientKey}
            class={`saved-item status-${q.status}`}
            data-status={q.status}
            data-client-key={q.clientKey}
            data-id={q.id ?? ''}
          >
            <span class="saved-status">
              {q.status === 'saved' ? '✓ ' : q.status === 'rejected' ? '✗ ' : '… '}
              {t(lang, `status_${q.status}`)}
            </span>{' '}
            {t(lang, 'interviewNo')} {q.seq} · {unitName(q.interview.unitId)}
            {q.id !== undefined && <span class="muted"> · #{q.id}</span>}
            {q.error && <span class="saved-error"> — {q.error[lang]}</span>}
            {q.status === 'rejected' && (
              <button type="button" class="button secondary small" onClick={() => onDiscard(q.clientKey)}>
                {t(lang, 'discard')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
