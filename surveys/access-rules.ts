import type { ApiKeyScope } from './api-key-scopes';
import { isRole, ROLES, type Role } from './roles';

/**
 * Who may call what: the one rule book of the HTTP face. Each mounted route, written exactly as
 * Hono registers it (method, then path pattern), has one rule; the server's access policy
 * (server/auth/access-policy.ts) applies it before any route runs, and the analyst app reads it to
 * show each person the screens they can use. test/api/access-rules.test.ts fails when a route has
 * no rule, when a rule names no route, or when one address could match two routes.
 */
export type AccessRule = PersonRule | MachineRule;

/** A route for people: in a browser, with a session (or none needed). */
export interface PersonRule {
  /** 'anyone': no session needed; 'signed-in': any role; otherwise only these roles. */
  allow: 'anyone' | 'signed-in' | readonly Role[];
  /**
   * The route also keeps the caller to their unit subtree: asked for a unit outside it, it refuses
   * (403); asked for no unit, it answers for the subtree only. Checked by the route itself.
   */
  scoped?: true;
}

/**
 * A route for machine clients (the one-stop system): an API key with this scope in an
 * `Authorization: Bearer` header, never a session; the key's unit subtree holds as `scoped` does.
 */
export interface MachineRule {
  allow: 'api-key';
  scope: ApiKeyScope;
}

export const isMachineRule = (rule: AccessRule): rule is MachineRule => rule.allow === 'api-key';

const READERS = ['admin', 'analyst'] as const satisfies readonly Role[];
const WAVE_WORKERS = ['admin', 'analyst', 'interviewer'] as const satisfies readonly Role[];
const COUNTER_STAFF = ['admin', 'analyst', 'officer'] as const satisfies readonly Role[];
const ADMINS = ['admin'] as const satisfies readonly Role[];

const anyone = { allow: 'anyone' } as const;
const signedIn = { allow: 'signed-in' } as const;
const readers = { allow: READERS, scoped: true } as const;
const admins = { allow: ADMINS } as const;

export const ACCESS_RULES = {
  // The citizen's side, the analyst app's files, and the server's own health.
  'GET /healthz': anyone,
  'GET /livez': anyone,
  'GET /print.js': anyone,
  'GET /favicon.ico': anyone,
  'GET /q': anyone,
  'GET /q/': anyone,
  'GET /q/:code': anyone,
  'POST /q/:code': anyone,
  'GET /q-assets/citizen.js': anyone,
  'GET /q-sw.js': anyone,
  'GET /': anyone,
  'GET /app/*': anyone,
  // A one-stop system fetches one receipt QR per dossier; it encodes only a public address.
  'GET /posters/:code/receipt.svg': anyone,
  'GET /posters/:code/receipt.png': anyone,

  'POST /api/auth/login': anyone,
  'POST /api/auth/logout': anyone,
  'POST /api/auth/logout-all': signedIn,
  'GET /api/auth/me': signedIn,
  'GET /api/meta': signedIn,

  // Figures, answers and what is taken away: analysts and administrators, within their units.
  'GET /api/stats': readers,
  'GET /api/stats/trend': readers,
  'GET /api/stats/factors': readers,
  'GET /api/stats/heatmap': readers,
  'GET /api/stats/distribution': readers,
  'GET /api/alerts': readers,
  'GET /api/comments': readers,
  'GET /api/flagged': readers,
  'POST /api/flagged/:id/clear': readers,
  'POST /api/responses/:id/erase': readers,
  'GET /api/exports/responses.csv': readers,
  'GET /api/exports/responses.xlsx': readers,
  'GET /api/exports/responses.sav': readers,
  'GET /api/exports/codebook.json': readers,
  'GET /exports/codebook': readers,
  'GET /api/reports': readers,
  'GET /api/reports/report.xlsx': readers,
  'GET /api/reports/report.docx': readers,
  // Who issues and signs the Word report: the tenant's administrators (a unit's one reads, never changes).
  'GET /api/reports/settings': admins,
  'PUT /api/reports/settings': admins,
  'GET /reports/print': readers,

  // Complaints followed to the end.
  'GET /api/cases': readers,
  'GET /api/cases/figures': readers,
  'GET /api/cases/:id{[0-9]+}': readers,
  'POST /api/cases': readers,
  'POST /api/cases/:id{[0-9]+}/assign': readers,
  'POST /api/cases/:id{[0-9]+}/answer': readers,
  'POST /api/cases/:id{[0-9]+}/close': readers,
  'POST /api/cases/:id{[0-9]+}/notes': readers,
  'DELETE /api/cases/:id{[0-9]+}/contact': readers,
  // Whom a case of a unit may be given to; and the phone in clear, only for the person it is
  // assigned to (server/cases/contact-reveal.ts), with a reason, each time in the audit log.
  'GET /api/cases/assignees': readers,
  'POST /api/cases/:id{[0-9]+}/contact/reveal': readers,

  // Survey waves: set up by analysts, worked by interviewers; earlier results brought in.
  'POST /api/waves': readers,
  'GET /api/waves': { allow: WAVE_WORKERS },
  'GET /api/waves/:id': { allow: WAVE_WORKERS },
  'GET /api/waves/:id/form': { allow: WAVE_WORKERS },
  'POST /api/waves/:id/responses': { allow: WAVE_WORKERS, scoped: true },
  'POST /api/imports': { allow: WAVE_WORKERS, scoped: true },

  // The counters: their counts and QR posters (officers see counts, never answers).
  'GET /api/officer/counters': { allow: COUNTER_STAFF, scoped: true },
  'GET /posters/unit/:unitId{[0-9]+}': { allow: COUNTER_STAFF, scoped: true },
  'GET /posters/:file': { allow: COUNTER_STAFF, scoped: true },

  // Running the instance: accounts, settings, personal data, the audit log.
  // Counters set up by administrators; one with a unit manages the counters of its subtree only.
  'GET /api/counters': { allow: ADMINS, scoped: true },
  'POST /api/counters': { allow: ADMINS, scoped: true },
  'POST /api/counters/import': { allow: ADMINS, scoped: true },
  'PATCH /api/counters/:code': { allow: ADMINS, scoped: true },
  // Accounts: a commune administrator (an admin with a unit) manages its subtree's accounts only.
  'GET /api/users': { allow: ADMINS, scoped: true },
  'POST /api/users': { allow: ADMINS, scoped: true },
  'PATCH /api/users/:id': { allow: ADMINS, scoped: true },
  'PUT /api/users/:id/counters': { allow: ADMINS, scoped: true },
  'POST /api/users/:id/reset-password': { allow: ADMINS, scoped: true },
  'GET /api/privacy/retention': admins,
  'PUT /api/privacy/retention': admins,
  'GET /api/privacy/retention/preview': admins,
  'GET /api/audit': admins,
  'GET /api/audit/verify': admins,
  // The province's plan: targets per plan year and sector, and its own sectors. Changing them is
  // for province-wide administrators only (server/targets/province-admin.ts refuses a commune's).
  'GET /api/targets': { allow: READERS },
  'PUT /api/targets': admins,
  'GET /api/sectors': { allow: READERS },
  'POST /api/sectors': admins,

  // The tenant's units: readers see the tree of their subtree; administrators change it, a
  // commune administrator within their own subtree only (server/units/unit-change.ts).
  'GET /api/units': readers,
  'POST /api/units': { allow: ADMINS, scoped: true },
  'PATCH /api/units/:id{[0-9]+}': { allow: ADMINS, scoped: true },
  'POST /api/units/import': { allow: ADMINS, scoped: true },
  // Reorganisations (merge, split, rename, recode, move) and their undo: administrators, a commune
  // administrator within their own subtree (server/units/reorganisation-plan.ts); readers see the list.
  'GET /api/units/reorganisations': readers,
  'POST /api/units/reorganisations': { allow: ADMINS, scoped: true },
  'POST /api/units/reorganisations/import': { allow: ADMINS, scoped: true },
  'POST /api/units/reorganisations/:id{[0-9]+}/undo': { allow: ADMINS, scoped: true },
  // The survey designer: administrators; changing a survey is for province-wide ones only
  // (server/surveys/survey-refusals.ts assertTenantAdmin), as surveys are the whole tenant's.
  'GET /api/surveys': admins,
  'POST /api/surveys': admins,
  'POST /api/surveys/import': admins,
  'GET /api/surveys/:key': admins,
  'PUT /api/surveys/:key/draft': admins,
  'GET /api/surveys/:key/draft.json': admins,
  'POST /api/surveys/:key/publish': admins,
  'GET /api/surveys/:key/versions': admins,
  'GET /api/surveys/:key/versions/:version/definition.json': admins,
  'POST /api/surveys/:key/versions/:version/edit': admins,
  'DELETE /api/surveys/:key/versions/:version': admins,
  'POST /api/surveys/:key/retire': admins,
  'POST /api/surveys/:key/unretire': admins,
  // A survey as citizens will see it, before it is published; what it posts is checked, never stored.
  'GET /surveys/:key/preview': admins,
  'POST /surveys/:key/preview': admins,

  // The Decision 766 index from one-stop dossiers: read by analysts; dossiers come in by sheet
  // (analysts and administrators, within their units) or by the batch API (a machine client's key).
  'GET /api/indices/766': readers,
  'POST /api/dossiers/batch': { allow: 'api-key', scope: 'dossiers:write' },
  // The keys themselves: administrators, a commune administrator those of their own subtree.
  'GET /api/api-keys': { allow: ADMINS, scoped: true },
  'POST /api/api-keys': { allow: ADMINS, scoped: true },
  'POST /api/api-keys/:id{[0-9]+}/revoke': { allow: ADMINS, scoped: true },
  // Alerts by e-mail: anyone signed in subscribes their own address; administrators anyone's, within their subtree.
  'GET /api/alert-subscriptions': signedIn,
  'POST /api/alert-subscriptions': signedIn,
  'DELETE /api/alert-subscriptions/:id{[0-9]+}': signedIn,
  // Webhooks belong to the whole tenant: its administrators only.
  'GET /api/webhooks': admins,
  'POST /api/webhooks': admins,
  'PATCH /api/webhooks/:id{[0-9]+}': admins,
  'DELETE /api/webhooks/:id{[0-9]+}': admins,
  'GET /api/webhooks/:id{[0-9]+}/deliveries': admins,
  'POST /api/webhooks/:id{[0-9]+}/deliveries/:deliveryId{[0-9]+}/redeliver': admins,
  'GET /api/indices/766/beside-survey': readers,
  'POST /api/dossiers/import': readers,
  'GET /api/dossiers/template.csv': readers,
  // Reconciliation with the national portal: the portal's figures entered or imported by readers
  // for units of their subtree, compared with hailong's, and the dossiers behind a difference.
  'PUT /api/indices/766/portal-figures': readers,
  'DELETE /api/indices/766/portal-figures/:id{[0-9]+}': readers,
  'POST /api/indices/766/portal-figures/import': readers,
  'GET /api/indices/766/reconciliation': readers,
  'GET /api/indices/766/reconciliation/dossiers': readers,
  'GET /api/indices/766/reconciliation/dossiers.csv': readers,
  // Public results (công khai): anyone, once the tenant's administrator has turned them on
  // (server/public-results/); small cells hidden by surveys/disclosure-control.ts.
  'GET /cong-khai': anyone,
  'GET /cong-khai/:unitId{[0-9]+}': anyone,
  'GET /api/public/results': anyone,
  'GET /api/public-results/settings': admins,
  'PUT /api/public-results/settings': admins,
  'PUT /api/cases/:id{[0-9]+}/published-outcome': { allow: ADMINS, scoped: true },
} as const satisfies Record<string, AccessRule>;

/** A route as the rule book names it: 'GET /api/stats'. */
export type Endpoint = keyof typeof ACCESS_RULES;

export const endpointOf = (method: string, path: string) => `${method} ${path}`;

export function accessRuleOf(endpoint: string): AccessRule | undefined {
  return Object.hasOwn(ACCESS_RULES, endpoint) ? ACCESS_RULES[endpoint as Endpoint] : undefined;
}

/** Whether a signed-in person of this role passes the rule (the unit scope aside); a machine rule lets no person through. */
export function roleAllowed(rule: AccessRule, role: Role): boolean {
  if (isMachineRule(rule)) return false;
  return rule.allow === 'anyone' || rule.allow === 'signed-in' || rule.allow.includes(role);
}

/** The roles a rule lets through, in the order roles are listed. */
export function rolesOf(rule: AccessRule): readonly Role[] {
  return ROLES.filter((role) => roleAllowed(rule, role));
}

/** Whether this role may call this endpoint: what the analyst app asks before showing a screen. */
export const mayCall = (role: string, endpoint: Endpoint) => isRole(role) && roleAllowed(ACCESS_RULES[endpoint], role);

/**
 * Whether an account of this role may work complaint cases (answer them, reveal a phone to call
 * back): whoever the rule book lets answer one. A case may be assigned to such a person only.
 */
export const mayWorkCases = (role: string) => isRole(role) && roleAllowed(ACCESS_RULES['POST /api/cases/:id{[0-9]+}/answer'], role);
