import { sql, type Kysely } from 'kysely';
import type { LocalizedText } from '../surveys/localized-text';
import { noteCounterChange } from './counter-changes';
import type { Database } from './types';

export interface NewCounter {
  tenant_id: number;
  unit_id: number;
  code: string;
  name: string;
  survey_id: number;
  sectors: readonly string[];
  kiosk?: boolean;
}

export async function createCounter(db: Kysely<Database>, { sectors, ...counter }: NewCounter) {
  const created = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('counters').values(counter).returningAll().executeTakeFirstOrThrow();
    await trx
      .insertInto('counter_sectors')
      .values(sectors.map((sector_code, position) => ({ tenant_id: counter.tenant_id, counter_id: row.id, sector_code, position })))
      .execute();
    return row;
  });
  noteCounterChange();
  return created;
}

/**
 * What the citizen page needs to know about a counter: where it is, what it serves, and the
 * survey version it asks now (the newest version of its survey).
 */
export async function findActiveCounter(db: Kysely<Database>, code: string) {
  const counter = await db
    .selectFrom('counters as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('tenants as t', 't.id', 'c.tenant_id')
    .select([
      'c.id',
      'c.tenant_id',
      'c.unit_id',
      'c.code',
      'c.name',
      'c.kiosk',
      'c.survey_id',
      'u.name as unit_name',
      't.name as tenant_name',
      't.retention_months',
    ])
    .where('c.code', '=', code)
    .where('c.retired_at', 'is', null)
    .executeTakeFirst();
  if (!counter) return undefined;
  const [sectors, version] = await Promise.all([
    db
      .selectFrom('counter_sectors as cs')
      .innerJoin('sectors as s', (j) => j.onRef('s.tenant_id', '=', 'cs.tenant_id').onRef('s.code', '=', 'cs.sector_code'))
      .select(['cs.sector_code', 's.name_vi', 's.name_en'])
      .where('cs.counter_id', '=', counter.id)
      .orderBy('cs.position')
      .execute(),
    db
      .selectFrom('survey_versions')
      .select(['id', 'version', 'definition'])
      .where('survey_id', '=', counter.survey_id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow(),
  ]);
  // The tenant's own names, so a sector it added itself reads as a name on the form, not a code.
  const named: { sectorNames?: Readonly<Record<string, LocalizedText>> } = {
    sectorNames: Object.fromEntries(sectors.map((s) => [s.sector_code, { vi: s.name_vi, en: s.name_en }])),
  };
  return { ...counter, sectors: sectors.map((s) => s.sector_code), ...named, surveyVersion: version };
}

export type ActiveCounter = NonNullable<Awaited<ReturnType<typeof findActiveCounter>>>;

export async function listCounters(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('counters')
    .select(['id', 'code', 'name', 'unit_id', 'retired_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}

/** Every counter of the tenant with its unit and kiosk setting, for the administrator's kiosk switch; retired ones last. */
export async function listCounterSettings(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('counters as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.code', 'c.name', 'c.unit_id', 'u.name as unit_name', 'c.kiosk', 'c.retired_at'])
    .where('c.tenant_id', '=', tenantId)
    .orderBy(sql`c.retired_at is not null`)
    .orderBy('u.name')
    .orderBy('c.code')
    .execute();
}

export async function findCounterByCode(db: Kysely<Database>, tenantId: number, code: string) {
  return db
    .selectFrom('counters')
    .select(['id', 'code', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function setCounterKiosk(db: Kysely<Database>, tenantId: number, code: string, kiosk: boolean) {
  const changed = await db
    .updateTable('counters')
    .set({ kiosk })
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .returning(['code', 'kiosk'])
    .executeTakeFirst();
  noteCounterChange();
  return changed;
}
