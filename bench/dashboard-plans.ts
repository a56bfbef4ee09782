import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import type { DbHandle } from '../db/create-db';
import { streamResponses } from '../db/response-export';
import { satisfiedCountsFromResponses, type StatsFilter } from '../db/stats';
import type { Database } from '../db/types';
import { recentActivity } from '../db/visit-signals';

class Captured extends Error {}

/**
 * A Kysely that records the SQL it is asked to run. `dry`: records the first query and stops
 * there (a scan of millions of rows need not run to be explained).
 */
function capturing(db: Kysely<Database>) {
  const queries: CompiledQuery[] = [];
  const state = { dry: false };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      queries.push(db.getExecutor().compileQuery(args.node, args.queryId));
      if (state.dry) throw new Captured();
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), queries, state };
}

async function dryRun(capture: ReturnType<typeof capturing>, run: () => Promise<unknown>): Promise<CompiledQuery> {
  capture.queries.length = 0;
  capture.state.dry = true;
  try {
    await run();
  } catch (error) {
    if (!(error instanceof Captured)) throw error;
  } finally {
    capture.state.dry = false;
  }
  const query = capture.queries[0];
  if (!query) throw new Error('no query captured');
  return query;
}

export interface PlanOptions {
  handle: DbHandle;
  dir: string;
  filter: StatsFilter;
  /** The path of GET /api/stats for a grouping, and the session cookie to send with it. */
  statsPath: (groupBy: string) => string;
  cookie: string;
  /** The app, built over the database handle it is given. */
  appOver: (handle: DbHandle) => { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
  counterId: number;
  groupings: readonly string[];
}

/**
 * EXPLAIN (COSTS OFF) of the queries the dashboard, the export and the submission path depend
 * on, written to bench/plans/ so a plan that changes (an index no longer used, a partition no
 * longer pruned) shows in review. Costs are left out: they change with every data set.
 */
export async function writePlans(opts: PlanOptions): Promise<string[]> {
  const capture = capturing(opts.handle.dbRead);
  const queries: [string, CompiledQuery][] = [];
  const app = opts.appOver({ ...opts.handle, dbRead: capture.db, dbWrite: capture.db });
  for (const groupBy of opts.groupings) {
    capture.queries.length = 0;
    const res = await app.request(opts.statsPath(groupBy), { headers: { cookie: opts.cookie } });
    if (res.status !== 200) throw new Error(`stats by ${groupBy}: ${res.status}`);
    // The session and user look-ups are not the dashboard's cost; the rollup reads are.
    const reads = capture.queries.filter((q) => /rollups|from responses/i.test(q.sql));
    reads.forEach((q, i) => queries.push([`stats-by-${groupBy}${reads.length > 1 ? `-${i + 1}` : ''}`, q]));
  }
  queries.push(['raw-scan-by-sector', await dryRun(capture, () => satisfiedCountsFromResponses(capture.db, opts.filter, 'sector'))]);
  queries.push(['export-page', await dryRun(capture, () => streamResponses(capture.db, opts.filter).next())]);
  queries.push([
    'visit-signals',
    await dryRun(capture, () =>
      recentActivity(capture.db, {
        counterId: opts.counterId,
        originHash: 'bench-origin',
        deviceHash: 'bench-device',
        since: new Date('2025-06-01T00:00:00Z'),
      }),
    ),
  ]);

  mkdirSync(opts.dir, { recursive: true });
  const written: string[] = [];
  for (const [name, query] of queries) {
    const plan = await opts.handle.dbRead.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (costs off) ${query.sql}`, [...query.parameters]),
    );
    const text = [
      `-- ${name}: EXPLAIN (COSTS OFF), written by \`npm run bench\` (full) on the dashboard data set. Do not edit.`,
      query.sql.replace(/\s+/g, ' ').trim(),
      `-- parameters: ${JSON.stringify(query.parameters)}`,
      '',
      ...plan.rows.map((r) => r['QUERY PLAN']),
      '',
    ].join('\n');
    const file = join(opts.dir, `${name}.txt`);
    writeFileSync(file, text);
    written.push(file);
  }
  return written;
}
