import { sql, type Kysely, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { CodebookVariable } from '../surveys/codebook';
import { NO_OPINION_LABEL } from '../surveys/scale';
import { waveWeight } from './response-export';
import { filterConditions, filterJoins, type StatsFilter } from './stats';
import type { Database } from './types';

/**
 * The CSV export's data rows written by PostgreSQL itself: `COPY (SELECT …) TO STDOUT (FORMAT csv)`
 * yields exactly the bytes that codebookRow + csvRows + csv-stringify write from keyset pages, at
 * the speed of COPY. Byte equality holds because:
 * - csv-stringify and COPY quote a field under the same rule (it holds a comma, a quote, CR or LF)
 *   and double quotes alike; the one difference, COPY quoting an empty string ("") to tell it from
 *   NULL, never arises: every empty text is turned into NULL, which both write as nothing;
 * - numbers go out as float8 text, which (extra_float_digits = 1, pinned by createDb) is the
 *   shortest exact form, as JavaScript writes it; the forms differ only beyond 1e15 and below 1e-4,
 *   where jsNumber rewrites PostgreSQL's exponent notation into JavaScript's;
 * - the formula guard, the time with its +07:00 offset, the no-opinion words or code, N_h / n_h
 *   weights are the same rules as the TypeScript writers, and test/api/export-csv-copy.test.ts
 *   compares the two paths byte for byte on data chosen to break them.
 */
export interface CsvCopyOptions {
  /** No opinion as its numeric missing code instead of the words "Không ý kiến". */
  codes: boolean;
}

/** A text cell: the CSV's formula guard (a leading = + - @ tab or CR gets an apostrophe), empty as NULL. */
function textCell(x: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`nullif(case when left(${x}, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || ${x} else ${x} end, '')`;
}

/**
 * A float8 as JavaScript's String(number) writes it. (Beyond 2^53, about 9e15, PostgreSQL sometimes
 * picks another exact form of the same double: 1.2344999999999999e+21 for 1.2345e+21. No weight or
 * answer comes near.)
 */
export function jsNumber(x: RawBuilder<unknown>): RawBuilder<unknown> {
  // The common range first, with no parsing; the rest (rare: huge or tiny values, NaN, ±Infinity)
  // rebuilds JavaScript's form from PostgreSQL's "d.ddde±XX".
  return sql`case when abs(${x}) >= 1e-4 and abs(${x}) < 1e15 then (${x})::text when ${x} = 0 then '0' else (
    select case
      when p.e is null then p.t
      when p.e >= 21 or p.e <= -7 then p.m || 'e' || (case when p.e > 0 then '+' else '-' end) || abs(p.e)
      when p.e < 0 then p.sign || '0.' || repeat('0', -p.e - 1) || p.d
      when length(p.d) <= p.e + 1 then p.sign || p.d || repeat('0', p.e + 1 - length(p.d))
      else p.sign || left(p.d, p.e + 1) || '.' || substr(p.d, p.e + 2) end
    from (select q.t, q.m, nullif(split_part(q.t, 'e', 2), '')::int as e,
                 case when q.m like '-%' then '-' else '' end as sign,
                 replace(replace(q.m, '-', ''), '.', '') as d
          from (select (${x})::text as t, split_part((${x})::text, 'e', 1) as m) q) p) end`;
}

/**
 * A stored answer as exportedAnswer + csvRows write it: absent is empty, null is no opinion (words
 * or code); a multiple-choice option's variable is 1 when its code is in the list, else 0; a short
 * text is its text, guarded; an answer of another shape than the variable's is empty. `json` is
 * the answer as jsonb (SQL NULL when absent) and `number` the same answer already cast to float8
 * when it is a number, so neither is looked up in the row's jsonb again for each test below.
 */
function answerCell(
  v: CodebookVariable,
  json: RawBuilder<unknown>,
  number: RawBuilder<unknown>,
  options: CsvCopyOptions,
): RawBuilder<unknown> {
  if (v.type === 'string') return sql`case when jsonb_typeof(${json}) = 'string' then ${textCell(sql`(${json} #>> '{}')`)} end`;
  const missingCodes = (v.missing ?? []).map((m) => m.code).filter((c): c is number => typeof c === 'number');
  const first = v.missing?.[0]?.code;
  const noOpinion = sql.lit(NO_OPINION_LABEL.vi);
  const whenNull = typeof first !== 'number' ? sql`null` : options.codes ? sql.lit(String(first)) : noOpinion;
  const option = v.question?.option;
  if (option !== undefined) {
    const ticked = sql.lit(JSON.stringify([option]));
    return sql`case jsonb_typeof(${json})
      when 'array' then case when ${json} @> ${ticked}::jsonb then '1' else '0' end
      when 'null' then ${whenNull} end`;
  }
  const whenNumber =
    missingCodes.length > 0 && !options.codes
      ? sql`case when ${number} in (${sql.join(missingCodes.map((c) => sql.lit(c)))}) then ${noOpinion} else ${jsNumber(number)} end`
      : jsNumber(number);
  return sql`case jsonb_typeof(${json})
      when 'number' then ${whenNumber}
      when 'null' then ${whenNull} end`;
}

const surveyId = (s: { key: string; version: number }) => `${s.key}@${s.version}`;

/**
 * Which rows a question variable takes its answers from, as variableAsks decides for the paged
 * writers: the survey versions that ask it (`xv`, the row's version). None when every version in
 * the export asks it.
 */
function askedCondition(v: CodebookVariable, everySurvey: ReadonlySet<string>): RawBuilder<unknown> | null {
  const surveys = v.surveys ?? [];
  const own = new Set(surveys.map(surveyId));
  if ([...everySurvey].every((id) => own.has(id))) return null;
  if (surveys.length === 0) return sql`false`;
  return sql`(xv.survey_key, xv.version) in (${sql.join(surveys.map((s) => sql`(${s.key}, ${s.version})`))})`;
}

/**
 * The answer cells of a row, computed in a lateral subquery of the row's answers alone: the
 * planner puts a Memoize in front of it, so rows with the same answers (most rows: a few questions
 * on a five-point scale) reuse the cells already written instead of redoing the lookups, casts and
 * number formatting, which were most of the COPY's cost. Inside, each key is looked up once (`a`)
 * and each number cast once (`n`). The `offset 0` fences keep the planner from inlining the
 * subqueries back into every reference. (jsonb_to_record would look all keys up in one call, but
 * it turns a JSON null, no opinion, into SQL NULL, not asked.) A question variable is empty on the
 * rows of survey versions that do not ask it (askedCondition), whatever their answers hold.
 */
function answerCells(
  codebook: readonly CodebookVariable[],
  options: CsvCopyOptions,
): { from: RawBuilder<unknown>; cells: Map<CodebookVariable, RawBuilder<unknown>> } {
  const questions = codebook.filter((v) => v.question);
  const cells = new Map<CodebookVariable, RawBuilder<unknown>>();
  if (questions.length === 0) return { from: sql``, cells };
  const keys = [...new Set(questions.map((v) => v.question!.key))];
  const everySurvey = new Set(questions.flatMap((v) => (v.surveys ?? []).map(surveyId)));
  const j = (i: number) => sql.id(`j${i}`);
  const n = (i: number) => sql.id(`n${i}`);
  const answers = keys.map((k, i) => sql`r.answers -> ${k} as ${j(i)}`);
  const numbers = keys.map((_, i) => sql`case when jsonb_typeof(a.${j(i)}) = 'number' then (a.${j(i)})::float8 end as ${n(i)}`);
  const columns = questions.map((v, q) => {
    const i = keys.indexOf(v.question!.key);
    cells.set(v, sql`xa.${sql.id(`q${q}`)}`);
    const cell = answerCell(v, sql`a.${j(i)}`, sql`n.${n(i)}`, options);
    const asked = askedCondition(v, everySurvey);
    return sql`${asked ? sql`case when ${asked} then ${cell} end` : cell} as ${sql.id(`q${q}`)}`;
  });
  return {
    from: sql`cross join lateral (
      select ${sql.join(columns)}
      from (select ${sql.join(answers)} offset 0) a
      cross join lateral (select ${sql.join(numbers)} offset 0) n
      offset 0) xa`,
    cells,
  };
}

/**
 * The codebook's fixed variables, as codebookRow writes them. Cells that depend only on a unit, a
 * counter, a survey version, or a sector and channel come from lateral subqueries of their own
 * (below), memoized by the planner: formatted once per unit or counter, not once per row.
 */
const FIXED: Record<string, RawBuilder<unknown>> = {
  id: sql`r.id`,
  submitted_at: sql`to_char((r.submitted_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+07:00"')`,
  unit_code: sql`xu.code`,
  unit_name: sql`xu.name`,
  counter_code: sql`xc.code`,
  counter_name: sql`xc.name`,
  sector: sql`xr.sector`,
  channel: sql`xr.channel`,
  survey: sql`xv.key`,
  survey_version: sql`xv.version`,
  satisfied: sql`r.satisfied::int`,
  comment: textCell(sql`r.comment`),
  dossier_code: textCell(sql`r.dossier_code`),
  flags: textCell(sql`array_to_string(r.flags, ' ')`),
};

/**
 * The COPY statement for the filter's responses in arrival order, one column per codebook variable.
 * COPY takes no bind parameters, so the compiled query's parameters are written in as literals.
 */
export function responsesCsvCopyStatement(
  db: Kysely<Database>,
  filter: StatsFilter,
  codebook: readonly CodebookVariable[],
  options: CsvCopyOptions,
): string {
  const { strata, weight } = waveWeight(filter);
  const answers = answerCells(codebook, options);
  const columns = codebook.map((v) => answers.cells.get(v) ?? (v.name === 'weight' ? jsNumber(weight) : (FIXED[v.name] ?? sql`null`)));
  const query = sql`
    select ${sql.join(columns)}
    from responses r
    cross join lateral (select ${textCell(sql`un.code`)} as code, ${textCell(sql`un.name`)} as name
                        from units un where un.id = r.unit_id offset 0) xu
    left join lateral (select ${textCell(sql`c.code`)} as code, ${textCell(sql`c.name`)} as name
                       from counters c where c.id = r.counter_id offset 0) xc on true
    cross join lateral (select v.version, s.key as survey_key, ${textCell(sql`s.key`)} as key
                        from survey_versions v join surveys s on s.id = v.survey_id
                        where v.id = r.survey_version_id offset 0) xv
    cross join lateral (select ${textCell(sql`r.sector_code`)} as sector, ${textCell(sql`r.channel`)} as channel offset 0) xr
    ${answers.from}
    ${strata}
    ${filterJoins(filter, undefined, 'submitted_at')}
    where ${filterConditions(filter, 'submitted_at')}
    order by r.id`.compile(db);
  const select = query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.parameters[Number(n) - 1]));
  return `copy (${select}) to stdout with (format csv)`;
}

function literal(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (value instanceof Date) return `${pg.escapeLiteral(value.toISOString())}::timestamptz`;
  throw new Error(`no literal for a COPY parameter: ${typeof value}`);
}
