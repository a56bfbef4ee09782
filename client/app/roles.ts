import { mayCall, type Endpoint } from '../../surveys/access-rules';
import { BASE, pagePath } from './links';
import { ADMIN_PAGES, FILING_PAGES, PAGES, type NavKey, type Route } from './router';

/**
 * What each role sees, read from the server's own rule book (surveys/access-rules.ts): a page is
 * offered to whoever may call the endpoint it is for. The server refuses the rest anyway; hiding
 * it keeps each screen to what its user can do.
 */
type Page = Exclude<Route, 'login' | 'not_found'>;

const PAGE_ENDPOINT: Record<Page, Endpoint> = {
  overview: 'GET /api/stats',
  sectors: 'GET /api/stats',
  units: 'GET /api/stats',
  trend: 'GET /api/stats/trend',
  factors: 'GET /api/stats/factors',
  distribution: 'GET /api/stats/distribution',
  heatmap: 'GET /api/stats/heatmap',
  comments: 'GET /api/comments',
  exports: 'GET /api/exports/responses.csv',
  reports: 'GET /api/reports',
  waves: 'GET /api/waves',
  wave: 'GET /api/waves/:id',
  wave_entry: 'POST /api/waves/:id/responses',
  wave_new: 'POST /api/waves',
  imports: 'POST /api/imports',
  index766: 'GET /api/indices/766/beside-survey',
  dossiers: 'POST /api/dossiers/import',
  reconciliation: 'GET /api/indices/766/reconciliation',
  counters: 'GET /api/officer/counters',
  cases: 'GET /api/cases',
  case: 'GET /api/cases/:id{[0-9]+}',
  users: 'GET /api/users',
  flagged: 'GET /api/flagged',
  kiosk: 'GET /api/counters',
  targets: 'GET /api/targets',
  retention: 'GET /api/privacy/retention',
  audit: 'GET /api/audit',
  structure: 'POST /api/units',
  surveys: 'GET /api/surveys',
  survey: 'GET /api/surveys/:key',
  'api-keys': 'GET /api/api-keys',
  'public-results': 'GET /api/public-results/settings',
  notifications: 'GET /api/webhooks',
};

/**
 * Pages a role may use but its screen leaves out: an interviewer's screen keeps to entering a
 * wave's answers and following its fieldwork (the server would also take their file import).
 */
const LEFT_OUT: Readonly<Record<string, readonly Route[]>> = { interviewer: ['imports'] };

const offered = (role: string, page: Page) => mayCall(role, PAGE_ENDPOINT[page]) && !LEFT_OUT[role]?.includes(page);

/**
 * Targets and sectors are the province's plan: a province-wide administrator changes them; an
 * analyst or a commune administrator reads them (server/targets/province-admin.ts).
 */
export const canEditTargets = (role: string, unitId: number | null) => mayCall(role, 'PUT /api/targets') && unitId === null;

/** Who issues and signs the Word reports is the whole tenant's: a province-wide administrator sets it. */
export const canEditReportSettings = (role: string, unitId: number | null) => mayCall(role, 'PUT /api/reports/settings') && unitId === null;

/** Creating a wave is for whoever may create one (analysts and administrators). */
export const canManageWaves = (role: string) => offered(role, 'wave_new');

export function navEntries(role: string): NavKey[] {
  return [...PAGES, ...FILING_PAGES, ...ADMIN_PAGES].filter((page) => offered(role, page));
}

/** Where a role starts: its first page (an officer's is their counters' counts). */
export function homePath(role: string): string {
  const first = navEntries(role)[0];
  return first ? pagePath(first) : BASE;
}

/** Where a role goes instead of a page it cannot use, or null when the page is fine (or there is nowhere else). */
export function redirectFor(role: string, route: Route): string | null {
  if (route === 'login' || route === 'not_found' || offered(role, route)) return null;
  const first = navEntries(role)[0];
  return first ? pagePath(first) : null;
}
