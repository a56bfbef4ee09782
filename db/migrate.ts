import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001-initial-schema';
import * as m0002 from './migrations/0002-visit-integrity';
import * as m0003 from './migrations/0003-hourly-rollups';
import * as m0004 from './migrations/0004-survey-waves';
import * as m0005 from './migrations/0005-audit-log';
import * as m0006 from './migrations/0006-complaint-cases';
import * as m0007 from './migrations/0007-sessions-and-retention';
import * as m0008 from './migrations/0008-partitioned-responses';
import * as m0009LoginAttempts from './migrations/0009-login-attempts';
import * as m0010CaseAssignee from './migrations/0010-case-assignee';
import * as m0011PaperChannel from './migrations/0011-paper-channel';
import * as m0012TenantSetup from './migrations/0012-tenant-setup';
import * as m0013UnitReorganisations from './migrations/0013-unit-reorganisations';
import * as m0014SurveyDesigner from './migrations/0014-survey-designer';
import * as m0015DossierIndex from './migrations/0015-dossier-index';
import * as m0016DossierReadRollups from './migrations/0016-dossier-read-rollups';
import * as m0017PublicResults from './migrations/0017-public-results';
import * as m0018Notifications from './migrations/0018-notifications';
import * as m0019ReportSettings from './migrations/0019-report-settings';
import * as m0020UserEmail from './migrations/0020-user-email';
import * as m0021UpkeepRuns from './migrations/0021-upkeep-runs';

// Listed by hand so a bundler or a fresh clone can never pick up a stray file.
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial-schema': m0001,
  '0002-visit-integrity': m0002,
  '0003-hourly-rollups': m0003,
  '0004-survey-waves': m0004,
  '0005-audit-log': m0005,
  '0006-complaint-cases': m0006,
  '0007-sessions-and-retention': m0007,
  '0008-partitioned-responses': m0008,
  '0009-login-attempts': m0009LoginAttempts,
  '0010-case-assignee': m0010CaseAssignee,
  '0011-paper-channel': m0011PaperChannel,
  '0012-tenant-setup': m0012TenantSetup,
  '0013-unit-reorganisations': m0013UnitReorganisations,
  '0014-survey-designer': m0014SurveyDesigner,
  '0015-dossier-index': m0015DossierIndex,
  '0016-dossier-read-rollups': m0016DossierReadRollups,
  '0017-public-results': m0017PublicResults,
  '0018-notifications': m0018Notifications,
  '0019-report-settings': m0019ReportSettings,
  '0020-user-email': m0020UserEmail,
  '0021-upkeep-runs': m0021UpkeepRuns,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Runs every pending migration in one transaction of one connection, which a transaction-mode
 * pooler (PgBouncer) keeps on one server session from BEGIN to COMMIT. Kysely's own run takes a
 * session-level advisory lock in a statement of its own before its transaction: through such a
 * pooler that lock and its unlock may land on different server sessions, and a lock left on a
 * pooled session makes the next process's start wait for it (seen: a restarted process under load
 * never came up). Here a transaction-scoped lock serialises processes starting together, and the
 * migrator's own lock and unlock fall inside the same transaction, on the same session.
 *
 * `schema`: where the bookkeeping tables live when the connection's search_path is not public.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the tables of db/types.ts exist (Kysely's own idiom)
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<{ applied: string[] }> {
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      await sql`select pg_advisory_xact_lock(hashtext('hailong:migrate'))`.execute(conn);
      const migrator = new Migrator({ db: conn, provider, disableTransactions: true, ...(schema ? { migrationTableSchema: schema } : {}) });
      const { error, results } = await migrator.migrateToLatest();
      const failed = results?.find((r) => r.status === 'Error');
      if (error || failed) {
        const cause = error instanceof Error ? error.message : String(error ?? '');
        throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${cause}`);
      }
      await sql`commit`.execute(conn);
      return { applied: (results ?? []).map((r) => r.migrationName) };
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw error;
    }
  });
}
