import { useEffect, useRef, useState } from 'preact/hooks';
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
 * keep their own query, so their links carry none. On a phone the list folds behind one button
 * that names the page shown (styles.css); Escape closes it again and gives the button back its focus.
 */
export function NavBar({ current, query, role }: { current: NavKey | null; query: string; role: string }) {
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Arriving on another page closes the list.
  useEffect(() => setOpen(false), [current]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <nav class={open ? 'nav-bar open' : 'nav-bar'} aria-label={t(lang, 'navLabel')} onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        class="nav-toggle"
        aria-expanded={open}
        aria-controls="nav-pages"
        onClick={() => setOpen(!open)}
        data-testid="nav-toggle"
      >
        <span class="nav-toggle-mark" aria-hidden="true">
          {open ? '✕' : '☰'}
        </span>
        <span>{t(lang, 'menu')}</span>
        {current && <span class="nav-toggle-current">{t(lang, `page_${current}`)}</span>}
      </button>
      <ul id="nav-pages">
        {navEntries(role).map((page, i, all) => {
          const withFilter = page === 'exports' || (PAGES as readonly string[]).includes(page);
          const href = pageLink(page, withFilter ? query : '');
          // A divider between groups: analysis, taking results away, running the service.
          const first = i > 0 && groupOf(page) !== groupOf(all[i - 1]!);
          const follow = followLink(href);
          return (
            <li key={page} class={first ? 'nav-divider' : undefined}>
              <a
                href={href}
                aria-current={page === current ? 'page' : undefined}
                data-testid={`nav-${page}`}
                onClick={(e) => {
                  setOpen(false);
                  follow(e);
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
