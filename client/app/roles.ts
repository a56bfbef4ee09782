import { ADMIN_PAGES, FILING_PAGES, PAGES, type NavKey, type Route } from './router';

/**
 * What each role sees. An interviewer enters a wave's answers and follows its fieldwork, nothing
 * else. A counter officer never sees individual answers (domain.md §1) and the statistics refuse
 * officers, so an officer sees the counts and posters of their counters only. Accounts are for
 * administrators.
 * Creating a wave is for analysts and administrators. The server refuses the rest anyway
 * (server/auth/role-policy.ts); hiding it keeps each screen to what its user can do.
 */
export const isInterviewer = (role: string) => role === 'interviewer';
export const canManageWaves = (role: string) => role === 'admin' || role === 'analyst';

export const isAdmin = (role: string) => role === 'admin';

/** The officer's home: the statistics endpoints refuse officers, their counters' counts do not. */
export const OFFICER_HOME = '/app/counters';

export function navEntries(role: string): NavKey[] {
  if (isInterviewer(role)) return ['waves'];
  if (role === 'officer') return ['counters'];
  return [...PAGES, ...FILING_PAGES, ...ADMIN_PAGES.filter((p) => p !== 'users' || isAdmin(role))];
}

/** Where a role goes instead of a page it cannot use, or null when the page is fine. */
export function redirectFor(role: string, route: Route): string | null {
  if (isInterviewer(role)) return route === 'waves' || route === 'wave' || route === 'wave_entry' ? null : '/app/waves';
  if (role === 'officer') return route === 'counters' ? null : OFFICER_HOME;
  if (route === 'users' && !isAdmin(role)) return '/app/';
  if (route === 'wave_new' && !canManageWaves(role)) return '/app/waves';
  return null;
}
