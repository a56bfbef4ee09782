import { sql, type RawBuilder } from 'kysely';
import {
  DAILY_ADD,
  HOURLY_ADD,
  hourlyCells,
  insertDailyCells,
  insertHourlyCells,
  insertMonthlyCells,
  MONTHLY_ADD,
  OFFICIAL,
} from './rollup-cells';

/**
 * The CTEs that add the official rows among `rows` (a relation aliased `r` with the responses
 * table's columns) to the daily, hourly and monthly rollups, for a statement that also writes
 * those rows: a rate never disagrees with the rows behind it. The cells are added in one sorted
 * order by every writer, so concurrent writers never wait on each other in a cycle.
 */
export function addToRollups(rows: RawBuilder<unknown>) {
  return sql`official as (select r.* from ${rows} where ${OFFICIAL}),
    daily as (${insertDailyCells(sql`official r`)} ${DAILY_ADD}),
    hourly_cells as (${hourlyCells(sql`official r`)}),
    hourly as (${insertHourlyCells(sql`hourly_cells`)} ${HOURLY_ADD}),
    monthly as (${insertMonthlyCells(sql`hourly_cells`)} ${MONTHLY_ADD})`;
}
