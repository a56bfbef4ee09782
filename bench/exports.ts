import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { firstStart } from '../server/bootstrap/first-start';
import { parseEnv } from '../server/config/env';
import { plainCopyStatement } from './export-baseline';
import { buildExportServer, download, loginCookie, median, processMemory, startExportServer } from './export-measure';
import { seedResponses } from './seed-responses';

/** One export format measured over HTTP against the real server in a child process. */
export interface ExportFormatFigures {
  format: string;
  rows: number;
  /** Medians over `runs` downloads, each from a freshly started server. */
  rowsPerSecond: number;
  seconds: number;
  bytes: number;
  runs: number;
  /** The server process's peak resident memory (VmHWM), highest over the runs, in MB. */
  peakRssMb: number;
  /** The same server's resident memory once started and logged in, before exporting, in MB. */
  idleRssMb: number;
}

export interface ExportBench {
  database: 'postgres' | 'pglite';
  rows: number;
  formats: ExportFormatFigures[];
  /** PostgreSQL's own COPY (SELECT the same rows and columns) TO STDOUT (FORMAT csv); null on PGlite. */
  copyBaseline: { rowsPerSecond: number; seconds: number; bytes: number; runs: number } | null;
  /** CSV rows/s over COPY's rows/s (target ≥ 0.5); null on PGlite. */
  csvToCopyRatio: number | null;
}

const BENCH_PASSWORD = 'bench-password-0';
const FROM = '2025-01-01';
const TO = '2025-12-31';

/**
 * Seeds `rows` responses with SQL into a schema (PostgreSQL) or PGlite folder of its own, then
 * downloads each export from the real server in a child process, started fresh for every download
 * so its peak RSS belongs to that one export; beside them, COPY's own speed as the baseline.
 * Everything it created is dropped at the end.
 */
export async function measureExports(opts: {
  databaseUrl?: string;
  rows: number;
  formats?: string[];
  runs?: number;
}): Promise<ExportBench> {
  const formats = opts.formats ?? ['csv', 'xlsx', 'sav'];
  // Several runs where affordable; at a million rows XLSX and SAV take minutes, so once.
  const runsFor = (format: string) => opts.runs ?? (opts.rows <= 200_000 || format === 'csv' ? 3 : 1);
  const schema = opts.databaseUrl ? `bench_exports_${randomBytes(4).toString('hex')}` : undefined;
  const dataDir = opts.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'hailong-bench-exports-'));
  const env = parseEnv({
    HAILONG_DEMO: '1',
    HAILONG_ADMIN_PASSWORD: BENCH_PASSWORD,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  });
  await buildExportServer();
  const handle = await createDb({ databaseUrl: opts.databaseUrl, dataDir, schema });
  try {
    await migrateToLatest(handle.dbWrite, schema);
    await firstStart(handle.dbWrite, env, () => {});
    await seedResponses(handle.dbWrite, opts.rows);
    await sql`analyze`.execute(handle.dbWrite);

    let copyBaseline: ExportBench['copyBaseline'] = null;
    if (handle.copyOut) {
      const runs: { seconds: number; bytes: number }[] = [];
      for (let i = 0; i < runsFor('csv'); i++) {
        const start = performance.now();
        let bytes = 0;
        for await (const chunk of await handle.copyOut(plainCopyStatement(handle.dbRead, FROM, TO))) bytes += (chunk as Buffer).length;
        runs.push({ seconds: (performance.now() - start) / 1000, bytes });
      }
      const seconds = median(runs.map((r) => r.seconds));
      copyBaseline = { rowsPerSecond: opts.rows / seconds, seconds, bytes: runs[0]!.bytes, runs: runs.length };
    }
    // One process per PGlite folder: the server opens it once the bench has let go.
    if (!opts.databaseUrl) await handle.close();

    const serverEnv: Record<string, string> = {
      HAILONG_DEMO: '1',
      HAILONG_ADMIN_PASSWORD: BENCH_PASSWORD,
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl, BENCH_SCHEMA: schema! } : { HAILONG_DATA_DIR: dataDir!, DATABASE_URL: '' }),
    };
    const figures: ExportFormatFigures[] = [];
    for (const format of formats) {
      const runs: { seconds: number; bytes: number; peakRssMb: number; idleRssMb: number }[] = [];
      for (let i = 0; i < runsFor(format); i++) {
        const server = await startExportServer(serverEnv);
        try {
          const cookie = await loginCookie(server.port, BENCH_PASSWORD);
          const idle = processMemory(server.pid);
          const got = await download(server.port, `/api/exports/responses.${format}?from=${FROM}&to=${TO}`, cookie);
          runs.push({ ...got, peakRssMb: processMemory(server.pid).peakRssMb, idleRssMb: idle.rssMb });
        } finally {
          await server.stop();
        }
      }
      const seconds = median(runs.map((r) => r.seconds));
      figures.push({
        format,
        rows: opts.rows,
        rowsPerSecond: opts.rows / seconds,
        seconds,
        bytes: runs[0]!.bytes,
        runs: runs.length,
        peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
        idleRssMb: median(runs.map((r) => r.idleRssMb)),
      });
    }
    const csv = figures.find((f) => f.format === 'csv');
    return {
      database: opts.databaseUrl ? 'postgres' : 'pglite',
      rows: opts.rows,
      formats: figures,
      copyBaseline,
      csvToCopyRatio: csv && copyBaseline ? csv.rowsPerSecond / copyBaseline.rowsPerSecond : null,
    };
  } finally {
    if (schema) {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
      await handle.close();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
