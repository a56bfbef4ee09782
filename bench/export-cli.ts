import { measureExports } from './exports';

// `tsx bench/export-cli.ts <rows> [formats…]`: the export benchmark alone, printed as a table.
async function main() {
  const rows = Number(process.argv[2] ?? 20_000);
  const formats = process.argv.slice(3);
  const result = await measureExports({ databaseUrl: process.env.DATABASE_URL, rows, ...(formats.length ? { formats } : {}) });
  console.log(`exports, ${result.database}, ${rows} rows`);
  for (const f of result.formats) {
    console.log(
      `${f.format.padEnd(5)} ${Math.round(f.rowsPerSecond).toString().padStart(8)} rows/s  ${f.seconds.toFixed(1).padStart(7)} s  ${(f.bytes / 2 ** 20).toFixed(1).padStart(7)} MB  peak RSS ${f.peakRssMb.toFixed(0)} MB (idle ${f.idleRssMb.toFixed(0)} MB)  runs ${f.runs}`,
    );
  }
  if (result.copyBaseline) {
    const b = result.copyBaseline;
    console.log(
      `COPY  ${Math.round(b.rowsPerSecond).toString().padStart(8)} rows/s  ${b.seconds.toFixed(1).padStart(7)} s  ${(b.bytes / 2 ** 20).toFixed(1).padStart(7)} MB  runs ${b.runs}`,
    );
    console.log(`csv / COPY = ${result.csvToCopyRatio?.toFixed(2)}`);
  }
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
