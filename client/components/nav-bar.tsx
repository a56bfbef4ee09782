import { t } from '../i18n';
import { useLang } from '../lang-context';
import { navigate, pagePath, PAGES, type NavKey } from '../router';
import { navEntries } from '../roles';

/**
 * The pages, as links that carry the current filter along: a filter set on one page holds on the
 * next, and each link still opens in a new tab with the same view. Reports, waves and imports
 * keep their own query, so their links carry none.
 */
export function NavBar({ current, query, role }: { current: NavKey | null; query: string; role: string }) {
  const { lang } = useLang();
  return (
    <nav class="nav-bar" aria-label={t(lang, 'navLabel')}>
      <ul>
        {navEntries(role).map((page, i, all) => {
          const withFilter = page === 'exports' || (PAGES as readonly string[]).includes(page);
          const href = withFilter ? `${pagePath(page)}?${query}` : pagePath(page);
          // A divider before the first filing page: analysis above, taking results away below.
          const first = i > 0 && !(PAGES as readonly string[]).includes(page) && (PAGES as readonly string[]).includes(all[i - 1]!);
          return (
            <li key={page} class={first ? 'nav-divider' : undefined}>
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
