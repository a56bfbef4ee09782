import { currentSurveyVersion, currentSurveyVersions } from './surveys';
import { sql, type Kysely } from 'kysely';
import type { LocalizedText } from '../surveys/localized-text';
import { announceCounterChange, noteCounterChange } from './counter-changes';
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

/** Work done inside a counter write's transaction, last, so both commit together (an audit entry). */
export type InsideWrite = (trx: Kysely<Database>) => Promise<void>;

export async function createCounter(db: Kysely<Database>, counter: NewCounter, inside?: InsideWrite) {
  const created = await db.transaction().execute(async (trx) => {
    const row = await insertCounter(trx, counter);
    await inside?.(trx);
    await announceCounterChange(trx, counter.tenant_id, row.id);
    return row;
  });
  noteCounterChange();
  return created;
}

async function insertCounter(trx: Kysely<Database>, { sectors, ...counter }: NewCounter) {
  const row = await trx.insertInto('counters').values(counter).returningAll().executeTakeFirstOrThrow();
  await writeSectors(trx, counter.tenant_id, row.id, sectors);
  return row;
}

async function writeSectors(trx: Kysely<Database>, tenantId: number, counterId: number, sectors: readonly string[]) {
  if (sectors.length === 0) return;
  await trx
    .insertInto('counter_sectors')
    .values(sectors.map((sector_code, position) => ({ tenant_id: tenantId, counter_id: counterId, sector_code, position })))
    .execute();
}

/** What an administrator may change on a counter; what is left out stays as it is. */
export interface CounterUpdate {
  name?: string;
  unit_id?: number;
  survey_id?: number;
  kiosk?: boolean;
  sectors?: readonly string[];
  /** A date retires the counter from then on; null takes it back into service. */
  retired_at?: Date | null;
}

async function applyUpdate(trx: Kysely<Database>, tenantId: number, counterId: number, { sectors, ...fields }: CounterUpdate) {
  if (Object.keys(fields).length > 0) {
    await trx.updateTable('counters').set(fields).where('tenant_id', '=', tenantId).where('id', '=', counterId).execute();
  }
  if (sectors) {
    await trx.deleteFrom('counter_sectors').where('counter_id', '=', counterId).execute();
    await writeSectors(trx, tenantId, counterId, sectors);
  }
}

/** Changes one counter (answers it already received keep their unit and sectors). */
export async function updateCounter(
  db: Kysely<Database>,
  tenantId: number,
  counterId: number,
  update: CounterUpdate,
  inside?: InsideWrite,
) {
  await db.transaction().execute(async (trx) => {
    await applyUpdate(trx, tenantId, counterId, update);
    await inside?.(trx);
    await announceCounterChange(trx, tenantId, counterId);
  });
  noteCounterChange();
}

/** A counters sheet: new counters and changes to existing ones, all in one transaction or none. */
export async function saveCounterSheet(
  db: Kysely<Database>,
  tenantId: number,
  sheet: { creates: readonly NewCounter[]; updates: readonly { id: number; update: CounterUpdate }[] },
  inside?: InsideWrite,
) {
  await db.transaction().execute(async (trx) => {
    for (const counter of sheet.creates) await insertCounter(trx, counter);
    for (const { id, update } of sheet.updates) await applyUpdate(trx, tenantId, id, update);
    await inside?.(trx);
    await announceCounterChange(trx, tenantId, '*');
  });
  noteCounterChange();
}

/**
 * The tenant's counters as the administrator's counters page shows them: unit, sectors in order,
 * the survey asked and its newest version; within a unit subtree when a path is given, or one
 * code. Active counters first, then by unit and code.
 */
export async function listCounterDetails(
  db: Kysely<Database>,
  tenantId: number,
  only: { unitPath?: string | undefined; code?: string } = {},
) {
  let query = db
    .selectFrom('counters as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('surveys as s', 's.id', 'c.survey_id')
    .select([
      'c.id',
      'c.code',
      'c.name',
      'c.kiosk',
      'c.retired_at',
      'c.unit_id',
      'c.survey_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.path as unit_path',
      's.key as survey_key',
    ])
    .where('c.tenant_id', '=', tenantId);
  if (only.unitPath !== undefined) query = query.where('u.path', 'like', likePrefix(only.unitPath));
  if (only.code !== undefined) query = query.where('c.code', '=', only.code);
  const rows = await query
    .orderBy(sql`c.retired_at is not null`)
    .orderBy('u.path')
    .orderBy('c.code')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [sectorRows, versions] = await Promise.all([
    db.selectFrom('counter_sectors').select(['counter_id', 'sector_code']).where('counter_id', 'in', ids).orderBy('position').execute(),
    currentSurveyVersions(
      db,
      rows.map((r) => r.survey_id),
    ),
  ]);
  const sectors = new Map<number, string[]>();
  for (const r of sectorRows) sectors.set(r.counter_id, [...(sectors.get(r.counter_id) ?? []), r.sector_code]);
  return rows.map((r) => {
    const version = versions.get(r.survey_id);
    return {
      ...r,
      sectors: sectors.get(r.id) ?? [],
      survey_version: version?.version ?? null,
      survey_title: version?.definition.title ?? null,
    };
  });
}

export type CounterDetail = Awaited<ReturnType<typeof listCounterDetails>>[number];

export async function findCounterDetail(db: Kysely<Database>, tenantId: number, code: string): Promise<CounterDetail | undefined> {
  return (await listCounterDetails(db, tenantId, { code }))[0];
}

/** Counters of any tenant whose code is one of these, or starts with this prefix: codes are unique across the instance. */
export async function counterCodesTaken(db: Kysely<Database>, codes: { exact?: readonly string[]; prefix?: string }) {
  const { exact = [], prefix } = codes;
  if (exact.length === 0 && prefix === undefined) return [];
  return db
    .selectFrom('counters')
    .select(['code', 'tenant_id'])
    .where((eb) =>
      eb.or([
        ...(exact.length > 0 ? [eb('code', 'in', exact)] : []),
        ...(prefix !== undefined ? [eb('code', 'like', likePrefix(prefix))] : []),
      ]),
    )
    .execute();
}

/** The tenant's units with these codes, in force or not (a code may have been reused in 2025), for a counters sheet. */
export async function unitsByCode(db: Kysely<Database>, tenantId: number, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'path', 'valid_to'])
    .where('tenant_id', '=', tenantId)
    .where('code', 'in', codes)
    .orderBy(sql`valid_to is null`, 'desc')
    .execute();
}

/** The tenant's surveys a counter may ask (not retired), each with the version it asks now. */
export async function listSurveysInUse(db: Kysely<Database>, tenantId: number) {
  const surveys = await db
    .selectFrom('surveys')
    .select(['id', 'key'])
    .where('tenant_id', '=', tenantId)
    .where('retired_at', 'is', null)
    .orderBy('id')
    .execute();
  const current = await currentSurveyVersions(
    db,
    surveys.map((s) => s.id),
  );
  return surveys.flatMap((s) => {
    const v = current.get(s.id);
    return v ? [{ id: s.id, key: s.key, version: v.version, definition: v.definition }] : [];
  });
}

/** When the counter with this code (of any tenant) stopped taking answers; undefined when it is active or unknown. */
export async function findCounterRetirement(db: Kysely<Database>, code: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('counters')
    .select('retired_at')
    .where('code', '=', code)
    .where('retired_at', 'is not', null)
    .executeTakeFirst();
  return row?.retired_at ?? undefined;
}

// Paths are digits and slashes and codes have no % or _; escaping keeps a prefix match a prefix match regardless.
function likePrefix(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`) + '%';
}

/**
 * What the citizen page needs to know about a counter: where it is, what it serves, and the
 * survey version it asks now (db/surveys.ts currentSurveyVersions).
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
    currentSurveyVersion(db, counter.survey_id),
  ]);
  // The tenant's own names, so a sector it added itself reads as a name on the form, not a code.
  const named: { sectorNames?: Readonly<Record<string, LocalizedText>> } = {
    sectorNames: Object.fromEntries(sectors.map((s) => [s.sector_code, { vi: s.name_vi, en: s.name_en }])),
  };
  const surveyVersion = { id: version.id, version: version.version, definition: version.definition };
  return { ...counter, sectors: sectors.map((s) => s.sector_code), ...named, surveyVersion };
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
  const changed = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('counters')
      .set({ kiosk })
      .where('tenant_id', '=', tenantId)
      .where('code', '=', code)
      .returning(['id', 'code', 'kiosk'])
      .executeTakeFirst();
    if (row) await announceCounterChange(trx, tenantId, row.id);
    return row && { code: row.code, kiosk: row.kiosk };
  });
  noteCounterChange();
  return changed;
}

/** A write refused because a counter code is taken already (by a request that got there first). */
export function isDuplicateCounterCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505';
}
