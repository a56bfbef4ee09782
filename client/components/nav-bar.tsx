import { t } from '../i18n';
import { useLang } from '../lang-context';
import { navigate, pagePath, PAGES, type PageKey } from '../router';

/**
 * The pages, as links that carry the current filter along: a filter set on one page holds on the
 * next, and each link still opens in a new tab with the same view.
 */
export function NavBar({ current, query }: { current: PageKey; query: string }) {
  const { lang } = useLang();
  return (
    <nav class="nav-bar" aria-label={t(lang, 'navLabel')}>
      <ul>
        {PAGES.map((page) => {
          const href = `${pagePath(page)}?${query}`;
          return (
            <li key={page}>
              <a
                href={href}
                aria-current={page === current ? 'page' : undefined}
                data-testid={`nav-${page}`}
                onClick={(e) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  navigate(href);
                }}
              >
                {t(lang, `page_${page}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
