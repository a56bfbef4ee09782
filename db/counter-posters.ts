import { currentSurveyVersions } from './surveys';
import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../surveys/instrument-schema';
import type { Database } from './types';

export interface PosterCounter {
  id: number;
  code: string;
  name: string;
  unit_name: string;
  /** The counter's unit: its public results page is /cong-khai/<unit_id>. */
  unit_id: number;
  /** The unit's path, to check it is within the user's scope. */
  unit_path: string;
  /** Sector codes in the counter's own order. */
  sectors: string[];
  /** The survey its citizen page asks now (the newest version): the poster promises how long it takes. */
  survey: SurveyDefinition;
}

/** An active counter of the tenant, with what its poster prints; retired counters get no poster. */
export async function findPosterCounter(db: Kysely<Database>, tenantId: number, code: string): Promise<PosterCounter | undefined> {
  const counter = await db
    .selectFrom('counters as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.code', 'c.name', 'c.survey_id', 'u.name as unit_name', 'u.id as unit_id', 'u.path as unit_path'])
    .where('c.tenant_id', '=', tenantId)
    .where('u.tenant_id', '=', tenantId)
    .where('c.code', '=', code)
    .where('c.retired_at', 'is', null)
    .executeTakeFirst();
  if (!counter) return undefined;
  const [sectors, surveys] = await Promise.all([sectorsOf(db, [counter.id]), newestDefinitions(db, [counter.survey_id])]);
  return posterCounter(counter, sectors, surveys);
}

/**
 * A unit of the tenant and the active counters of its whole subtree (the unit's path is a prefix
 * of theirs), grouped by unit, for printing a unit's posters in one go.
 */
export async function findUnitPosterCounters(db: Kysely<Database>, tenantId: number, unitId: number) {
  const unit = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) return undefined;
  const rows = await db
    .selectFrom('counters as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.code', 'c.name', 'c.survey_id', 'u.name as unit_name', 'u.id as unit_id', 'u.path as unit_path'])
    .where('c.tenant_id', '=', tenantId)
    .where('u.tenant_id', '=', tenantId)
    .where('u.path', 'like', likePrefix(unit.path))
    .where('c.retired_at', 'is', null)
    .orderBy('u.path')
    .orderBy('c.code')
    .execute();
  const [sectors, surveys] = await Promise.all([
    sectorsOf(
      db,
      rows.map((r) => r.id),
    ),
    newestDefinitions(db, [...new Set(rows.map((r) => r.survey_id))]),
  ]);
  const counters = rows.map((r) => posterCounter(r, sectors, surveys));
  return { unit: { id: unit.id, name: unit.name, path: unit.path }, counters };
}

/**
 * Whether a counter code takes ratings now, in any tenant: codes are unique across the instance,
 * and the receipt QR is asked for by one-stop systems that hold no session.
 */
export async function isActiveCounterCode(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db.selectFrom('counters').select('id').where('code', '=', code).where('retired_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

type CounterRow = Omit<PosterCounter, 'sectors' | 'survey'> & { survey_id: number };

function posterCounter(
  { survey_id, ...row }: CounterRow,
  sectors: Map<number, string[]>,
  surveys: Map<number, SurveyDefinition>,
): PosterCounter {
  const survey = surveys.get(survey_id);
  // A survey always has a version: one is stored with it (db/surveys.ts).
  if (!survey) throw new Error(`survey ${survey_id} has no version`);
  return { ...row, sectors: sectors.get(row.id) ?? [], survey };
}

/** The definition each survey asks now, as findActiveCounter picks it for the citizen page. */
async function newestDefinitions(db: Kysely<Database>, surveyIds: number[]): Promise<Map<number, SurveyDefinition>> {
  const current = await currentSurveyVersions(db, surveyIds);
  return new Map([...current].map(([id, v]) => [id, v.definition]));
}

async function sectorsOf(db: Kysely<Database>, counterIds: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (counterIds.length === 0) return map;
  const rows = await db
    .selectFrom('counter_sectors')
    .select(['counter_id', 'sector_code'])
    .where('counter_id', 'in', counterIds)
    .orderBy('counter_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = map.get(r.counter_id) ?? [];
    list.push(r.sector_code);
    map.set(r.counter_id, list);
  }
  return map;
}

// Paths are digits and slashes today; escaping keeps a prefix match a prefix match regardless.
function likePrefix(path: string): string {
  return path.replace(/[\\%_]/g, (ch) => `\\${ch}`) + '%';
}
