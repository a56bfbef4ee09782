import { t } from './i18n';
import { useLang } from './lang-context';
import { followLink, pageLink } from './links';
import { ADMIN_PAGES, FILING_PAGES, PAGES, type NavKey } from './router';

const groupOf = (page: NavKey) =>
  (PAGES as readonly string[]).includes(page)
    ? 0
    : (FILING_PAGES as readonly string[]).includes(page)
      ? 1
      : (ADMIN_PAGES as readonly string[]).includes(page)
        ? 2
        : 3;
import { navEntries } from './roles';

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
          const href = pageLink(page, withFilter ? query : '');
          // A divider between groups: analysis, taking results away, running the service.
          const first = i > 0 && groupOf(page) !== groupOf(all[i - 1]!);
          return (
            <li key={page} class={first ? 'nav-divider' : undefined}>
              <a href={href} aria-current={page === current ? 'page' : undefined} data-testid={`nav-${page}`} onClick={followLink(href)}>
                {t(lang, `page_${page}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
