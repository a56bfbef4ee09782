import { describe, expect, it } from 'vitest';
import { ADMIN_STRINGS } from '../../client/admin/admin-strings';
import { COUNTER_ADMIN_STRINGS } from '../../client/admin/counter-admin-strings';
import { AUDIT_STRINGS } from '../../client/audit/audit-strings';
import { SHELL_STRINGS } from '../../client/app/shell-strings';
import { SHARED_STRINGS, STRINGS } from '../../client/app/strings';
import { AUTH_STRINGS } from '../../client/auth/auth-strings';
import { CASES_STRINGS } from '../../client/cases/cases-strings';
import { DASHBOARD_STRINGS } from '../../client/dashboard/dashboard-strings';
import { EXPORTS_STRINGS } from '../../client/exports/exports-strings';
import { FLAGGED_STRINGS } from '../../client/flagged/flagged-strings';
import { IMPORTS_STRINGS } from '../../client/imports/imports-strings';
import { PRIVACY_STRINGS } from '../../client/privacy/privacy-strings';
import { PUBLIC_RESULTS_STRINGS } from '../../client/public-results/public-results-strings';
import { REPORTS_STRINGS } from '../../client/reports/reports-strings';
import { TARGETS_STRINGS } from '../../client/targets/targets-strings';
import { REORGANISATION_IMPORT_STRINGS } from '../../client/units/reorganisation-import-strings';
import { UNITS_STRINGS } from '../../client/units/units-strings';
import { SURVEYS_STRINGS } from '../../client/surveys/surveys-strings';
import { WAVES_STRINGS } from '../../client/waves/waves-strings';
import { API_KEYS_STRINGS } from '../../client/api-keys/api-keys-strings';
import { NOTIFICATIONS_STRINGS } from '../../client/notifications/notifications-strings';
import { INDICES_STRINGS } from '../../client/indices/indices-strings';
import { RECONCILIATION_STRINGS } from '../../client/indices/reconciliation-strings';

const TABLES = {
  shared: SHARED_STRINGS,
  shell: SHELL_STRINGS,
  auth: AUTH_STRINGS,
  dashboard: DASHBOARD_STRINGS,
  exports: EXPORTS_STRINGS,
  reports: REPORTS_STRINGS,
  imports: IMPORTS_STRINGS,
  waves: WAVES_STRINGS,
  cases: CASES_STRINGS,
  admin: ADMIN_STRINGS,
  counterAdmin: COUNTER_ADMIN_STRINGS,
  flagged: FLAGGED_STRINGS,
  privacy: PRIVACY_STRINGS,
  publicResults: PUBLIC_RESULTS_STRINGS,
  audit: AUDIT_STRINGS,
  targets: TARGETS_STRINGS,
  units: UNITS_STRINGS,
  reorganisationImport: REORGANISATION_IMPORT_STRINGS,
  surveys: SURVEYS_STRINGS,
  apiKeys: API_KEYS_STRINGS,
  notifications: NOTIFICATIONS_STRINGS,
  indices: INDICES_STRINGS,
  reconciliation: RECONCILIATION_STRINGS,
};

describe('the analyst app’s words, one table per feature', () => {
  it('gives every key one home: a key in two tables would let the later one silently replace the other', () => {
    const homes = new Map<string, string[]>();
    for (const [table, words] of Object.entries(TABLES))
      for (const key of Object.keys(words)) homes.set(key, [...(homes.get(key) ?? []), table]);
    const twice = [...homes].filter(([, tables]) => tables.length > 1);
    expect(twice).toEqual([]);
  });

  it('puts every table into the one the pages read, and nothing else', () => {
    const all = Object.values(TABLES).flatMap((words) => Object.keys(words));
    expect(Object.keys(STRINGS).sort()).toEqual(all.sort());
  });

  it('has both languages for every key', () => {
    const missing = Object.entries(STRINGS).filter(([, text]) => !text.vi.trim() || !text.en.trim());
    expect(missing).toEqual([]);
  });
});
