import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';

/** GNU PSPP, which reads hailong's .sav as SPSS would: the tools tests run it on real exports. */

const run = promisify(execFile);

export function findPspp(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'pspp'))) return join(dir, 'pspp');
  }
  throw new Error(
    'GNU PSPP is not installed, so the SPSS export cannot be checked: install it with `apt-get install -y pspp` (CI does this in .ci/run).',
  );
}

export interface Table {
  title: string;
  rows: string[][];
}

/** PSPP's CSV output: blocks separated by blank lines, each table's first cell "Table: <title>" (quoted when it has a comma). */
export function tables(csv: string): Table[] {
  return csv.split(/\n\s*\n/).flatMap((block) => {
    const [first, ...rows] = parse(block, { relax_column_count: true }) as string[][];
    const title = first?.[0] ?? '';
    return title.startsWith('Table: ') ? [{ title: title.slice('Table: '.length), rows }] : [];
  });
}

/** A FREQUENCIES table as label → frequency, valid and missing apart ("." is system-missing). */
export function frequencies(table: Table) {
  const valid = new Map<string, number>();
  const missing = new Map<string, number>();
  let section = '';
  for (const [group, label, freq] of table.rows.slice(1)) {
    if (group) section = group;
    if (section === 'Total' || label === undefined || freq === undefined) continue;
    (section === 'Valid' ? valid : missing).set(label, Number(freq));
  }
  return { valid, missing };
}

/** DISPLAY DICTIONARY's variables, by name, each as its columns by heading. */
export function dictionary(out: readonly Table[]): Map<string, Record<string, string>> {
  const variables = out.find((x) => x.title === 'Variables')!.rows;
  const header = variables[0]!;
  return new Map(variables.slice(1).map((r) => [r[0]!, Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))]));
}

/** Has PSPP run the syntax on the .sav bytes (written in `dir`), returns its output text (CSV) and stdout/stderr. */
export async function runPspp(pspp: string, dir: string, sav: Uint8Array, syntax: string) {
  const file = join(dir, 'responses.sav');
  await writeFile(file, sav);
  await writeFile(join(dir, 'check.sps'), `GET FILE='${file}'.\n${syntax}\n`);
  const out = join(dir, 'out.csv');
  const { stdout, stderr } = await run(pspp, ['-O', 'format=csv', '-o', out, join(dir, 'check.sps')]);
  return { csv: await readFile(out, 'utf8'), log: `${stdout}${stderr}` };
}
