import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { createApp } from '../server/app';
import { appConfigFromEnv } from '../server/app-config';
import { firstStart } from '../server/bootstrap/first-start';
import { parseEnv } from '../server/env';
import { benchCitizenPage } from './citizen-page';
import { measureExport, type ExportFigures } from './exports';
import { seedResponses } from './seed-responses';

// `npm run bench` (add `-- --quick` for a short run). Figures are medians or percentiles of
// several runs, each beside a baseline measured in the same run on the same machine.
const quick = process.argv.includes('--quick');

async function main() {
  const env = parseEnv({ ...process.env, HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: 'bench-password-0' });
  // On PostgreSQL the bench works in a schema of its own, dropped at the end: it never touches data.
  const schema = env.DATABASE_URL ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const handle = await createDb({ databaseUrl: env.DATABASE_URL, schema });
  await migrateToLatest(handle.dbWrite, schema);
  const state = await firstStart(handle.dbWrite, env, () => {});
  const app = createApp({ db: handle, config: appConfigFromEnv(env, state.secret) });

  const page = await benchCitizenPage(app, quick ? 300 : 2000);
  const rows = [
    ['citizen page, all in (gzip)', `${page.totalBytesGzip} B`, `budget ${page.budgetBytes} B`, page.totalBytesGzip <= page.budgetBytes ? 'ok' : 'OVER'],
    ['  HTML + inline CSS (gzip)', `${page.htmlBytesGzip} B`, '', ''],
    ['  enhancement script (gzip)', `${page.scriptBytesGzip} B`, '', ''],
    ['citizen page render p50 / p99', `${page.renderP50Ms.toFixed(2)} / ${page.renderP99Ms.toFixed(2)} ms`, `bare handler p99 ${page.baselineP99Ms.toFixed(2)} ms`, `${(page.renderP99Ms / page.baselineP99Ms).toFixed(1)}× baseline`],
  ];

  // Exports at two sizes: memory that stays flat grows the same whatever the number of rows.
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password-0' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const sizes = quick ? [5_000, 20_000] : [20_000, 100_000];
  const exportsMeasured: ExportFigures[] = [];
  let seeded = 0;
  for (const size of sizes) {
    await seedResponses(handle.dbWrite, size - seeded, seeded);
    seeded = size;
    for (const format of ['csv', 'xlsx', 'sav']) exportsMeasured.push(await measureExport(app, cookie, format, size));
  }
  for (const e of exportsMeasured) {
    rows.push([
      `export ${e.format}, ${e.rows} rows`,
      `${Math.round(e.rowsPerSecond)} rows/s`,
      `heap +${e.heapGrowthMb.toFixed(0)} MB, RSS ${e.peakRssMb.toFixed(0)} MB`,
      `${(e.bytes / 2 ** 20).toFixed(1)} MB`,
    ]);
  }
  console.log(`hailong bench (${handle.kind}${quick ? ', quick' : ''})`);
  for (const r of rows) console.log(`${r[0]!.padEnd(34)} ${r[1]!.padStart(18)}   ${r[2]!.padEnd(30)} ${r[3]}`);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', JSON.stringify({ database: handle.kind, quick, citizenPage: page, exports: exportsMeasured }, null, 2));
  if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
  await handle.close();
  if (page.totalBytesGzip > page.budgetBytes) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
