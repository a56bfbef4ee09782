import { useEffect, useState } from 'preact/hooks';

/**
 * A handful of pages do not need a router library: the pathname picks the page, the history API
 * moves between them, and the server answers every /app/* path with index.html. The filter is the
 * query string and travels unchanged from page to page. The addresses themselves are written by
 * links.ts.
 */

/** The analyst's pages, in the order of the navigation; the overview is the home screen. */
export const PAGES = ['overview', 'sectors', 'trend', 'factors', 'distribution', 'heatmap', 'units', 'comments', 'index766'] as const;
export type PageKey = (typeof PAGES)[number];

/**
 * Pages that take results away or bring them in (exports, reports, survey waves, imports). Exports
 * read the dashboard filter; the others keep their own query string.
 */
export const FILING_PAGES = ['exports', 'reports', 'waves', 'imports', 'dossiers', 'reconciliation'] as const;
export type FilingPage = (typeof FILING_PAGES)[number];

/**
 * Running the service: a counter's figures and posters, complaints followed up, flagged answers
 * reviewed, accounts, the counters' set-up and kiosk switch (/app/kiosk), how long personal data is kept, the audit log,
 * the unit tree (/app/structure: /app/units is the analysis by unit) and the surveys' designer.
 */
export const ADMIN_PAGES = [
  'counters',
  'cases',
  'flagged',
  'users',
  'kiosk',
  'targets',
  'retention',
  'audit',
  'structure',
  'surveys',
  'api-keys',
  'public-results',
  'notifications',
] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

/** A wave's own pages: its fieldwork and result, the interview entry form, and the form to set one up. */
export type WavePage = 'wave' | 'wave_entry' | 'wave_new';

export type NavKey = PageKey | FilingPage | AdminPage;
export type Route = PageKey | FilingPage | AdminPage | WavePage | 'case' | 'survey' | 'login' | 'not_found';

/** Pages whose figures follow the dashboard filter, so they show the filter bar. */
export const usesFilter = (route: Route): route is PageKey | 'exports' =>
  route === 'exports' || (PAGES as readonly string[]).includes(route);

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/app' || path === '') return 'overview';
  if (path === '/app/login') return 'login';
  if (path === '/app/waves/new') return 'wave_new';
  const wave = /^\/app\/waves\/([1-9]\d{0,9})(\/entry)?$/.exec(path);
  if (wave) return wave[2] ? 'wave_entry' : 'wave';
  if (/^\/app\/cases\/[1-9]\d{0,9}$/.test(path)) return 'case';
  if (surveyKeyOf(path) !== null) return 'survey';
  const page = [...PAGES, ...FILING_PAGES, ...ADMIN_PAGES].find((p) => p !== 'overview' && path === `/app/${p}`);
  return page ?? 'not_found';
}

/** The wave a /app/waves/:id path names, or null. */
export function waveIdOf(pathname: string): number | null {
  const m = /^\/app\/waves\/([1-9]\d{0,9})(?:\/|$)/.exec(pathname);
  return m ? Number(m[1]) : null;
}

/** The complaint a /app/cases/:id path names, or null. */
export function caseIdOf(pathname: string): number | null {
  const m = /^\/app\/cases\/([1-9]\d{0,9})\/?$/.exec(pathname);
  return m ? Number(m[1]) : null;
}

/** The survey a /app/surveys/:key path names (a survey key: lower-case, digits, dashes), or null. */
export function surveyKeyOf(pathname: string): string | null {
  const m = /^\/app\/surveys\/([a-z][a-z0-9-]{0,39})\/?$/.exec(pathname);
  return m ? m[1]! : null;
}

/** The entry in the navigation a route belongs to (a wave's pages sit under "waves"). */
export function navKeyOf(route: Route): NavKey | null {
  if (route === 'wave' || route === 'wave_entry' || route === 'wave_new') return 'waves';
  if (route === 'case') return 'cases';
  if (route === 'survey') return 'surveys';
  if (route === 'login' || route === 'not_found') return null;
  return route;
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
