import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { createApp } from '../server/app';
import { appConfigFromEnv } from '../server/config/app-config';
import { firstStart } from '../server/bootstrap/first-start';
import { parseEnv } from '../server/config/env';
import { benchCitizenPage, type CitizenPageFigures } from './citizen-page';
import { measureDashboard, type DashboardFigures } from './dashboard';
import { measureExports, type ExportBench } from './exports';
import { measureIndex766, type IndexFigures } from './index-766';
import { measureLoginFlood, type LoginFloodFigures } from './login-flood';
import { measureNational, type NationalFigures } from './national';
import { ACK_WITHIN_MS, measureOpenLoop, type OpenLoopFigures } from './open-loop';
import { NATIONAL_FULL, NATIONAL_QUICK } from './national-seed';
import { measureThroughput, type ThroughputFigures } from './throughput';

// `npm run bench` (full) or `npm run bench -- --quick` (under 2 minutes; CI). `--reseed` rebuilds
// the kept 10M-response dashboard, 10M-dossier 766 and national (3 × 50M answers' rollups) data sets. `--only <section>[,<section>]` runs only those
// (throughput, loginFlood, dashboard, index766, citizenPage, exports, national, openLoop), e.g. to measure one line again. Real PostgreSQL when DATABASE_URL is set, embedded
// PGlite otherwise (reported: the two are not comparable). Every figure sits beside a baseline
// measured in the same run on the same machine. Exits non-zero only when a correctness check
// fails, never because of a timing: timings on a shared machine are noise, wrong data is not.
const quick = process.argv.includes('--quick');
const reseed = process.argv.includes('--reseed');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : null;
const databaseUrl = process.env.DATABASE_URL || undefined;
const log = (line: string) => console.error(line);

/** One measured figure, its baseline, and whether it meets the issue's target. */
interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineName: string | null;
  /** value / baseline, or how many times faster than the baseline where lower is better. */
  ratio: number | null;
  target: string;
  met: boolean | null;
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const figures: Figure[] = [];
const checks: Check[] = [];
/** Lines printed under the table: targets told as a sentence. */
const notes: string[] = [];
const fig = (f: Omit<Figure, 'baseline' | 'baselineName' | 'ratio' | 'met'> & Partial<Figure>) =>
  figures.push({ baseline: null, baselineName: null, ratio: null, met: null, ...f });

async function throughputSection(): Promise<ThroughputFigures> {
  log('throughput: loading the server, the bare baseline and the minimal durable baseline…');
  const t = await measureThroughput({ databaseUrl, seconds: quick ? 3 : 10, runs: quick ? 1 : 3, warmupSeconds: quick ? 1 : 2 });
  fig({
    name: 'submissions/s (64 clients)',
    value: t.hailong.requestsPerSecond,
    unit: 'req/s',
    baseline: t.bare.requestsPerSecond,
    baselineName: 'bare Hono handler',
    ratio: t.ratio,
    target: '≥ 0.5× baseline',
    met: t.ratio >= 0.5,
  });
  fig({
    name: 'submissions/s vs minimal durable',
    value: t.hailong.requestsPerSecond,
    unit: 'req/s',
    baseline: t.minimal.requestsPerSecond,
    baselineName: 'minimal durable + rollup server',
    ratio: t.ratioMinimal,
    target: '≥ 0.7× baseline',
    met: t.ratioMinimal >= 0.7,
  });
  fig({
    name: 'submission latency p50',
    value: t.hailong.p50Ms,
    unit: 'ms',
    baseline: t.bare.p50Ms,
    baselineName: 'bare Hono handler',
    ratio: t.hailong.p50Ms / t.bare.p50Ms,
    target: '—',
  });
  fig({
    name: 'submission latency p99',
    value: t.hailong.p99Ms,
    unit: 'ms',
    baseline: t.bare.p99Ms,
    baselineName: 'bare Hono handler',
    ratio: t.hailong.p99Ms / t.bare.p99Ms,
    target: '< 50 ms',
    met: t.hailong.p99Ms < 50,
  });
  fig({
    name: 'server CPU per stored answer',
    value: t.hailong.serverCpuUsPerAnswer,
    unit: 'µs',
    baseline: t.minimal.serverCpuUsPerAnswer,
    baselineName: 'minimal durable + rollup server',
    ratio: t.hailong.serverCpuUsPerAnswer / t.minimal.serverCpuUsPerAnswer,
    target: '—',
  });
  if (t.hailong.postgresCpuUsPerAnswer !== null && t.minimal.postgresCpuUsPerAnswer !== null) {
    fig({
      name: 'PostgreSQL CPU per stored answer',
      value: t.hailong.postgresCpuUsPerAnswer,
      unit: 'µs',
      baseline: t.minimal.postgresCpuUsPerAnswer,
      baselineName: 'minimal durable + rollup server',
      ratio: t.hailong.postgresCpuUsPerAnswer / t.minimal.postgresCpuUsPerAnswer,
      target: '—',
    });
  }
  const us = (v: number | null) => (v === null ? 'in server' : `${Math.round(v)} µs`);
  const row = (name: string, f: ThroughputFigures['hailong'], ratios: string) =>
    `  ${name.padEnd(34)} ${`${Math.round(f.requestsPerSecond)} req/s`.padStart(12)}  p99 ${`${f.p99Ms} ms`.padStart(7)}  server CPU ${us(f.serverCpuUsPerAnswer).padStart(8)}  PostgreSQL CPU ${us(f.postgresCpuUsPerAnswer).padStart(9)} per answer${ratios}`;
  notes.push(
    'Submissions, per server (medians; CPU from /proc, per acknowledged answer):',
    row('hailong', t.hailong, `  (${round(t.ratio)}× bare, ${round(t.ratioMinimal)}× minimal durable)`),
    row('minimal durable + rollup', t.minimal, ''),
    row('bare Hono + zod', t.bare, ''),
  );
  const c = t.count;
  checks.push({
    name: 'every acknowledged answer stored exactly once',
    ok: c.ok,
    detail: `${c.acknowledged} acknowledged, ${c.stored} stored, ${c.duplicates} duplicates, ${c.lost} lost, ${c.storedDespiteError} stored despite an error, ${c.inFlightAtStop} in flight at stop; statuses ${JSON.stringify(c.statusCounts)}`,
  });
  for (const r of t.recount) {
    checks.push({ name: `rollups = recount after load, by ${r.grouping}`, ok: r.equal, detail: `${r.groups} groups` });
  }
  const m = t.minimalCount;
  checks.push({
    name: 'minimal durable baseline: every acknowledged answer stored once',
    ok: m.ok,
    detail: `${m.acknowledged} acknowledged, ${m.stored} stored, ${m.lost} lost, ${m.storedDespiteError} stored despite an error; statuses ${JSON.stringify(m.statusCounts)}`,
  });
  checks.push({
    name: 'minimal durable baseline: rollup = recount',
    ok: t.minimalRecount.equal,
    detail: `${t.minimalRecount.cells} cells`,
  });
  return t;
}

/** Citizens' submissions at a steady rate, alone and beside a flood of unknown-user logins. */
async function loginFloodSection(): Promise<LoginFloodFigures> {
  log('login flood: citizen submissions with and without a flood of unknown-user logins…');
  const f = await measureLoginFlood({ databaseUrl, seconds: quick ? 3 : 8, runs: quick ? 1 : 3 });
  const load = `${f.citizens.perSecond}/s`;
  fig({
    name: `submission p99 (${load}), login flood`,
    value: f.flooded.p99Ms,
    unit: 'ms',
    baseline: f.quiet.p99Ms,
    baselineName: `the same ${load} without the flood`,
    ratio: f.ratio,
    target: '≤ 2× without the flood',
    met: f.ratio <= 2,
  });
  fig({
    name: 'server peak RSS, login flood',
    value: f.peakRssMb,
    unit: 'MB',
    baseline: f.quietPeakRssMb,
    baselineName: 'before the first flood',
    ratio: f.peakRssMb / f.quietPeakRssMb,
    target: '—',
  });
  const c = f.count;
  checks.push({
    name: 'citizen answers beside the login flood: all acknowledged, each stored once',
    ok: c.ok,
    detail: `${c.acknowledged} acknowledged, ${c.stored} stored, ${c.duplicates} duplicates, ${c.lost} lost, ${c.storedDespiteError} stored despite an error, ${c.inFlightAtStop} in flight at stop; statuses ${JSON.stringify(c.statusCounts)}`,
  });
  checks.push({
    name: 'login flood: no unknown name got in, the excess was refused',
    ok: f.floodOk,
    detail: `${f.flood.sent} logins sent, statuses ${JSON.stringify(f.flood.statuses)}`,
  });
  return f;
}

async function dashboardSection(): Promise<DashboardFigures> {
  // 10M on PostgreSQL; an embedded PGlite is one process for one office, so it gets 1M.
  const responses = quick ? 200_000 : databaseUrl ? 10_000_000 : 1_000_000;
  const d = await measureDashboard({
    databaseUrl,
    responses,
    keep: !quick,
    reseed,
    requestRuns: quick ? 60 : 400,
    scanRuns: quick ? 1 : 3,
    plansDir: quick ? undefined : 'bench/plans',
    log,
  });
  const size = `${responses >= 1e6 ? `${responses / 1e6}M` : `${responses / 1e3}k`}`;
  for (const g of d.groups) {
    fig({
      name: `stats by ${g.groupBy}, ${size} responses, ${d.reorganisations} reorganisations (view=now), p95`,
      value: g.p95Ms,
      unit: 'ms',
      baseline: g.scanMs,
      baselineName: 'raw-response scan (median)',
      ratio: g.speedup,
      target: '< 50 ms and ≥ 100× faster',
      met: g.p95Ms < 50 && g.speedup >= 100,
    });
    fig({
      name: `rollup read by ${g.groupBy} in today's tree (through the links), p95`,
      value: g.viewedP95Ms,
      unit: 'ms',
      baseline: g.asGivenP95Ms,
      baselineName: 'same read, each answer at its own unit',
      ratio: g.viewedP95Ms / g.asGivenP95Ms,
      target: 'the links cost little (ratio near 1)',
      met: g.viewedP95Ms < 50,
    });
    checks.push({ name: `rebuilt rollups = scan of ${size} responses, by ${g.groupBy}`, ok: g.equal, detail: `${g.groups} groups` });
  }
  return d;
}

/**
 * The Decision 766 index over N dossiers: 10M on PostgreSQL (the issue's size), 1M on PGlite,
 * 100k / 20k in quick mode. Seeded with SQL, rollups rebuilt, then checked against a recount.
 */
async function index766Section(): Promise<IndexFigures> {
  const dossiers = quick ? (databaseUrl ? 100_000 : 20_000) : databaseUrl ? 10_000_000 : 1_000_000;
  const size = dossiers >= 1e6 ? `${dossiers / 1e6}M` : `${dossiers / 1e3}k`;
  log(`766 index: ${dossiers.toLocaleString('en')} dossiers`);
  const d = await measureIndex766({
    databaseUrl,
    dossiers,
    keep: !quick && databaseUrl !== undefined,
    reseed,
    requestRuns: 50,
    // A recount of 10M dossiers takes a minute on two shared cores: once is enough to compare.
    recountRuns: quick ? 3 : 1,
    sampleSize: quick ? 2000 : 5000,
    log,
  });
  for (const c of d.cases) {
    fig({
      name: `766 index, ${c.name}, ${size} dossiers, p95`,
      value: c.p95Ms,
      unit: 'ms',
      baseline: c.recountP95Ms,
      baselineName: 'recount of the stored dossiers (p95)',
      ratio: c.speedup,
      target: '< 50 ms',
      met: c.p95Ms < 50,
    });
    fig({
      name: `766 rollup read alone, ${c.name}, p95`,
      value: c.rollupP95Ms,
      unit: 'ms',
      baseline: c.recountP95Ms,
      baselineName: 'recount of the stored dossiers (p95)',
      ratio: c.recountP95Ms / c.rollupP95Ms,
      target: '< 50 ms',
      met: c.rollupP95Ms < 50,
    });
    fig({
      name: `766 index, ${c.name}, p50`,
      value: c.p50Ms,
      unit: 'ms',
      baseline: c.recountP50Ms,
      baselineName: 'recount of the stored dossiers (p50)',
      ratio: c.recountP50Ms / c.p50Ms,
      target: '—',
    });
    checks.push({ name: `766 rollups = recount of ${size} dossiers, ${c.name}`, ok: c.equal, detail: c.detail });
  }
  const worst = Math.max(...d.cases.map((c) => c.p95Ms));
  // Informational, as every timing: only the checks fail the run.
  notes.push(
    `766 index, N = ${dossiers.toLocaleString('en')} dossiers: target "p95 < 50 ms at 10 M dossiers" ${worst < 50 ? 'ok' : 'not ok'} (worst p95 ${worst.toFixed(1)} ms${dossiers === 10_000_000 ? '' : ', not at 10 M'})`,
  );
  checks.push({
    name: 'seeded dossiers carry the outcome dossierOutcome gives them (random sample)',
    ok: d.sample.wrong === 0 && d.sample.checked > 0,
    detail: `${d.sample.checked} rows checked (${d.sample.finished} finished), ${d.sample.wrong} wrong${d.sample.example ? `; ${d.sample.example}` : ''}; ${d.reused ? 'kept data set reused' : `seeded in ${Math.round(d.seedSeconds ?? 0)} s, rollups rebuilt in ${Math.round(d.rebuildSeconds ?? 0)} s`}`,
  });
  return d;
}

/** The citizen page, in-process over one small database (the demo tenant). */
async function citizenPageSection(): Promise<CitizenPageFigures> {
  const env = parseEnv({ ...process.env, HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: 'bench-password-0' });
  const schema = databaseUrl ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const handle = await createDb({ databaseUrl, schema });
  try {
    await migrateToLatest(handle.dbWrite, schema);
    const state = await firstStart(handle.dbWrite, env, () => {});
    const app = createApp({ db: handle, config: appConfigFromEnv(env, state.secret) });
    log('citizen page…');
    const page = await benchCitizenPage(app, quick ? 300 : 2000);
    fig({
      name: 'citizen page, all in (gzip)',
      value: page.totalBytesGzip,
      unit: 'B',
      target: `≤ ${page.budgetBytes} B`,
      met: page.totalBytesGzip <= page.budgetBytes,
    });
    fig({
      name: 'citizen page render p99',
      value: page.renderP99Ms,
      unit: 'ms',
      baseline: page.baselineP99Ms,
      baselineName: 'bare handler, same bytes',
      ratio: page.renderP99Ms / page.baselineP99Ms,
      target: '< 5 ms',
      met: page.renderP99Ms < 5,
    });
    checks.push({
      name: 'citizen page within its byte budget',
      ok: page.totalBytesGzip <= page.budgetBytes,
      detail: `${page.totalBytesGzip} of ${page.budgetBytes} B (HTML ${page.htmlBytesGzip}, script ${page.scriptBytesGzip})`,
    });
    return page;
  } finally {
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.dbWrite);
    await handle.close();
  }
}

/**
 * Exports from the real server in a child process (peak RSS is that process's), at two sizes:
 * flat memory peaks the same whatever the number of rows. Baseline: PostgreSQL's own COPY.
 */
async function exportsSection(): Promise<ExportBench[]> {
  const sizes = quick ? [20_000] : [100_000, 1_000_000];
  const measured: ExportBench[] = [];
  for (const rows of sizes) {
    log(`exports: ${rows.toLocaleString('en')} responses…`);
    const e = await measureExports({ databaseUrl, rows, ...(quick ? { runs: 1 } : {}) });
    measured.push(e);
    for (const f of e.formats) {
      const csvVsCopy = f.format === 'csv' && e.copyBaseline ? e.copyBaseline.rowsPerSecond : null;
      fig({
        name: `export ${f.format}, ${rows.toLocaleString('en')} rows`,
        value: f.rowsPerSecond,
        unit: 'rows/s',
        ...(csvVsCopy !== null
          ? {
              baseline: csvVsCopy,
              baselineName: 'COPY (SELECT …) TO STDOUT',
              ratio: f.rowsPerSecond / csvVsCopy,
              target: '≥ 0.5× COPY',
              met: f.rowsPerSecond / csvVsCopy >= 0.5,
            }
          : { target: '—' }),
      });
      fig({
        name: `export ${f.format}, ${rows.toLocaleString('en')} rows, peak RSS`,
        value: f.peakRssMb,
        unit: 'MB',
        target: '< 200 MB',
        met: f.peakRssMb < 200,
      });
    }
  }
  return measured;
}

/**
 * The national profile (PostgreSQL only): one tenant for the country, rollups of 3 × 50 M answers
 * seeded straight into the rollup tables and kept between runs; quick mode seeds a small set (170 units, 200 counters)
 * and drops it. Baseline: the same /api/stats requests over the raw set stored through the writer.
 */
async function nationalSection(): Promise<NationalFigures | { skipped: string }> {
  if (!databaseUrl) {
    const skipped = 'national: skipped on PGlite (an embedded database serves one office, not a country); set DATABASE_URL to run it';
    log(skipped);
    notes.push(skipped);
    return { skipped };
  }
  const size = quick ? NATIONAL_QUICK : NATIONAL_FULL;
  const n = await measureNational({ databaseUrl, size, keep: !quick, reseed, requestRuns: quick ? 5 : 30, log });
  const answers = (v: number) => (v >= 1e6 ? `${v / 1e6} M` : `${v / 1e3}k`);
  const label = `${answers(size.answersPerYear * 3)} answers' rollups`;
  for (const q of n.queries) {
    fig({
      name: `national stats by ${q.groupBy}, ${q.period}, ${label}, p95`,
      value: q.p95Ms,
      unit: 'ms',
      baseline: q.baselineP95Ms,
      baselineName: `same request, ${answers(size.rawAnswers)} raw answers`,
      ratio: q.p95Ms / q.baselineP95Ms,
      target: '< 50 ms',
      met: q.p95Ms < 50,
    });
  }
  const t = n.totals;
  checks.push({
    name: `national: seeded rollups hold ${answers(size.answersPerYear)} answers a year, daily rows add up to their months`,
    ok: n.totalsOk,
    detail: `${t.years.map((y) => `${y.year}: ${y.answers.toLocaleString('en')}`).join(', ')}; ${t.monthlyRows.toLocaleString('en')} monthly rows, ${t.dailyRows.toLocaleString('en')} daily rows${t.dailyMismatches.length ? `; months that disagree: ${t.dailyMismatches.join(', ')}` : ''}; ${n.reused ? `kept data set of ${n.seededAt.slice(0, 10)} reused` : 'seeded now'} (rollups seeded in ${Math.round(n.seedSeconds)} s, raw set stored in ${Math.round(n.rawSeconds)} s)`,
  });
  for (const r of n.recount) {
    checks.push({
      name: `national raw set (stored by the writer): rollups = recount, by ${r.grouping}`,
      ok: r.equal,
      detail: `${r.groups} groups`,
    });
  }
  checks.push({
    name: 'national raw set complete',
    ok: n.rawStored === size.rawAnswers,
    detail: `${n.rawStored.toLocaleString('en')} of ${size.rawAnswers.toLocaleString('en')} stored (${n.rawFlagged} flagged, left out of rates)`,
  });
  notes.push(
    `national: recounting the ${answers(size.rawAnswers)} raw answers by sector takes ${Math.round(n.recountMs)} ms (median); the rollups stand for ${Math.round((size.answersPerYear * 3) / size.rawAnswers)}× as many answers`,
  );
  return n;
}

/**
 * Submissions at fixed arrival rates (open loop: a new request every 1/rate s whatever the earlier
 * ones take), hailong beside the bare Hono handler at the same rates. The closed-loop figure
 * (throughput) stays as it is.
 */
async function openLoopSection(): Promise<OpenLoopFigures> {
  // Quick (CI): one low rate, for the stored-once check; a server a second after its start is no measure of 200/s.
  const rates = quick ? [50] : [50, 200, 500];
  log(`open loop: ${rates.join(', ')} requests/s, ${quick ? 2 : 10} s each, hailong and the bare handler…`);
  const o = await measureOpenLoop({ databaseUrl, rates, seconds: quick ? 2 : 10 });
  for (const { rate, hailong, bare } of o.rates) {
    fig({
      name: `open-loop ${rate}/s, submission p50`,
      value: hailong.p50Ms,
      unit: 'ms',
      baseline: bare.p50Ms,
      baselineName: 'bare Hono handler, same rate',
      ratio: hailong.p50Ms / bare.p50Ms,
      target: '—',
    });
    fig({
      name: `open-loop ${rate}/s, submission p99`,
      value: hailong.p99Ms,
      unit: 'ms',
      baseline: bare.p99Ms,
      baselineName: 'bare Hono handler, same rate',
      ratio: hailong.p99Ms / bare.p99Ms,
      target: '< 50 ms',
      met: hailong.p99Ms < 50,
    });
    fig({
      name: `open-loop ${rate}/s, acknowledged within ${ACK_WITHIN_MS / 1000} s`,
      value: hailong.share * 100,
      unit: '%',
      baseline: bare.share * 100,
      baselineName: 'bare Hono handler, same rate',
      ratio: hailong.share / bare.share,
      target: '100 %',
      met: hailong.acknowledged === hailong.sent,
    });
  }
  notes.push(
    `open loop: latency from each request's scheduled time; an answer not acknowledged (2xx) within ${ACK_WITHIN_MS / 1000} s counts as ${ACK_WITHIN_MS / 1000} s. Generator lag (latest send against schedule): ${o.rates.map((r) => `${r.rate}/s ${Math.round(Math.max(r.hailong.maxSendLagMs, r.bare.maxSendLagMs))} ms`).join(', ')}`,
  );
  const c = o.count;
  checks.push({
    name: 'open loop: every acknowledged answer stored exactly once',
    ok: c.ok,
    detail: `${c.acknowledged} acknowledged, ${c.stored} stored, ${c.duplicates} duplicates, ${c.lost} lost, ${c.storedDespiteError} stored despite an error, ${c.inFlightAtStop} in flight at stop; statuses ${JSON.stringify(c.statusCounts)}`,
  });
  return o;
}

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(v >= 10 ? 1 : 2));

function printTable(database: string, seconds: number) {
  const lines = [
    `hailong bench — ${database}${quick ? ', quick' : ''}, ${new Date().toISOString().slice(0, 10)}, ${Math.round(seconds)} s`,
    '',
    `| ${'measure'.padEnd(40)} | ${'value'.padStart(14)} | ${'baseline'.padStart(14)} | ${'ratio'.padStart(8)} | ${'target'.padEnd(26)} | met |`,
    `|${'-'.repeat(42)}|${'-'.repeat(16)}|${'-'.repeat(16)}|${'-'.repeat(10)}|${'-'.repeat(28)}|-----|`,
  ];
  for (const f of figures) {
    const value = `${round(f.value)} ${f.unit}`;
    const baseline = f.baseline === null ? '' : `${round(f.baseline)} ${f.unit}`;
    const ratio = f.ratio === null ? '' : `${round(f.ratio)}×`;
    const met = f.met === null ? '' : f.met ? 'yes' : 'no';
    lines.push(
      `| ${f.name.padEnd(40)} | ${value.padStart(14)} | ${baseline.padStart(14)} | ${ratio.padStart(8)} | ${f.target.padEnd(26)} | ${met.padEnd(3)} |`,
    );
  }
  if (notes.length > 0) lines.push('', ...notes);
  lines.push('', 'Correctness checks (these, and only these, fail the run):');
  for (const c of checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name} — ${c.detail}`);
  console.log(lines.join('\n'));
}

async function main() {
  const started = performance.now();
  const database = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite';
  log(`hailong bench on ${database}${quick ? ' (quick)' : ''}`);
  const results: Record<string, unknown> = {};
  const section = async (name: string, run: () => Promise<unknown>) => {
    if (only && !only.has(name)) return;
    try {
      results[name] = await run();
    } catch (error) {
      // A section that cannot run is a failure of the code, not of speed.
      checks.push({ name: `${name} ran`, ok: false, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };
  await section('throughput', throughputSection);
  await section('loginFlood', loginFloodSection);
  await section('dashboard', dashboardSection);
  await section('index766', index766Section);
  await section('citizenPage', citizenPageSection);
  await section('exports', exportsSection);
  await section('national', nationalSection);
  await section('openLoop', openLoopSection);
  const seconds = (performance.now() - started) / 1000;
  printTable(database, seconds);
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ database: databaseUrl ? 'postgres' : 'pglite', quick, date: new Date().toISOString(), seconds: Math.round(seconds), figures, checks, details: results }, null, 2)}\n`,
  );
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
