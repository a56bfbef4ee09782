import { useEffect, useState } from 'preact/hooks';
import type { LocalizedText, Meta } from '../app/api-types';
import { formatDateTime } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { ErrorBox, LoadView } from '../app/load-states';
import { sectorLabel } from '../app/sector-display';
import { messageOf, useApi } from '../app/use-api';
import { fetchComments } from './dashboard-api';
import type { CommentItem } from './dashboard-types';
import type { PageProps } from './page-props';
import { ratingOutOf, ratingTone, ratingWords } from './rating-levels';

/**
 * What citizens wrote, newest first, with the rating they gave. Comments are text from the public:
 * they are only ever rendered as text nodes (Preact escapes them), never as HTML.
 */
export function CommentsPage({ filter, query, meta }: PageProps) {
  const { lang } = useLang();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [first, retry] = useApi(() => fetchComments(filter, search), `${query}&q=${search}`);
  const [more, setMore] = useState<CommentItem[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [moreError, setMoreError] = useState<LocalizedText | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setMore([]);
    setMoreError(null);
    setNext(first.kind === 'ready' ? first.data.nextBefore : null);
  }, [first]);

  // Searching as one types, after a short pause, so every key press is not a request.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 400);
    return () => clearTimeout(timer);
  }, [typed]);

  const loadMore = async () => {
    if (next === null) return;
    setBusy(true);
    try {
      const page = await fetchComments(filter, search, next);
      setMore((m) => [...m, ...page.items]);
      setNext(page.nextBefore);
      setMoreError(null);
    } catch (err) {
      setMoreError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="comments-title">
      <div class="panel-head">
        <h2 id="comments-title">{t(lang, 'commentsTitle')}</h2>
        <form
          role="search"
          class="comment-search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(typed.trim());
          }}
        >
          <label class="inline-field">
            <span>{t(lang, 'search')}</span>
            <input type="search" name="q" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="comment-search" />
          </label>
          <button type="submit" class="button secondary">
            {t(lang, 'searchButton')}
          </button>
        </form>
      </div>
      <LoadView load={first} retry={retry} isEmpty={(d) => d.items.length === 0} emptyText="noComments">
        {(data) => (
          <>
            <ol class="comments" data-testid="comments">
              {[...data.items, ...more].map((c) => (
                <CommentCard key={c.id} item={c} meta={meta} lang={lang} />
              ))}
            </ol>
            {moreError && <ErrorBox message={moreError} onRetry={loadMore} />}
            {next !== null && (
              <button type="button" class="button secondary load-more" onClick={loadMore} disabled={busy} data-testid="load-more">
                {busy ? t(lang, 'loading') : t(lang, 'loadMore')}
              </button>
            )}
          </>
        )}
      </LoadView>
    </section>
  );
}

export function CommentCard({ item, meta, lang }: { item: CommentItem; meta: Meta | null; lang: Lang }) {
  const scale = item.ratingScale ?? 'scale5';
  const tone = ratingTone(item.rating, scale);
  return (
    <li class={`comment tone-${tone}`} data-id={item.id} data-rating={item.rating ?? ''} data-scale={scale}>
      <div class="comment-head">
        <span class="comment-rating">
          {item.rating === null ? (
            <span class="muted">{t(lang, 'noRating')}</span>
          ) : (
            <>
              <span class="rating-number">{ratingOutOf(item.rating, scale)}</span> · {ratingWords(item.rating, scale, lang)}
            </>
          )}
        </span>
        <span class="comment-meta">
          <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt, lang)}</time>
          {' · '}
          {sectorLabel({ key: item.sector, label: item.sector }, meta, lang)}
          {' · '}
          {item.counter.name}, {item.unitName}
        </span>
      </div>
      <p class="comment-text" data-testid="comment-text">
        {item.comment}
      </p>
    </li>
  );
}
