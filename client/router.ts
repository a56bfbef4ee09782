import { useEffect, useState } from 'preact/hooks';

/**
 * A handful of pages do not need a router library: the pathname picks the page, the history API
 * moves between them, and the server answers every /app/* path with index.html. The filter is the
 * query string and travels unchanged from page to page.
 */
export const BASE = '/app/';
export const LOGIN_PATH = `${BASE}login`;

/** The analyst's pages, in the order of the navigation; the overview is the home screen. */
export const PAGES = ['overview', 'sectors', 'trend', 'factors', 'distribution', 'heatmap', 'units', 'comments'] as const;
export type PageKey = (typeof PAGES)[number];

export type Route = PageKey | 'login' | 'not_found';

export function pagePath(page: PageKey): string {
  return page === 'overview' ? BASE : `${BASE}${page}`;
}

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/app' || path === '') return 'overview';
  if (path === '/app/login') return 'login';
  const page = PAGES.find((p) => p !== 'overview' && path === `/app/${p}`);
  return page ?? 'not_found';
}

// pushState fires no event, so navigations announce themselves with this one; back/forward use popstate.
const NAVIGATE_EVENT = 'hailong:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  dispatchEvent(new Event(NAVIGATE_EVENT));
}

export interface Place {
  pathname: string;
  search: string;
}

/** The current pathname and query string, re-rendering on every navigation. */
export function useLocation(): Place {
  const read = (): Place => ({ pathname: location.pathname, search: location.search });
  const [place, setPlace] = useState(read);
  useEffect(() => {
    const update = () => setPlace(read());
    addEventListener('popstate', update);
    addEventListener(NAVIGATE_EVENT, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return place;
}
