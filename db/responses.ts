import { sql, type Kysely, type Transaction } from 'kysely';
import type { Answers } from '../surveys/instrument-schema';
import { localMonth } from '../surveys/time';
import { ensureResponsePartitions } from './response-partitions';
import { openCases, type NewCase, type NewContact } from './cases';
import { addToRollups } from './rollups';
import { recentActivities } from './visit-signals';
import type { Channel } from '../surveys/channels';
import type { Database } from './types';

export interface NewResponse {
  tenant_id: number;
  survey_version_id: number;
  counter_id: number | null;
  wave_id?: number | null;
  unit_id: number;
  sector_code: string;
  channel: Channel;
  submitted_at: Date;
  answers: Answers;
  comment: string | null;
  dossier_code: string | null;
  client_key: string;
  token_id: string | null;
  satisfied: boolean | null;
  weight?: number;
  flags?: string[];
  origin_hash?: string | null;
  device_hash?: string | null;
}

export type StoredResult = { id: number; replay: boolean };

export class TokenAlreadyUsedError extends Error {
  constructor() {
    super('form token already used');
  }
}

export class DossierAlreadyRatedError extends Error {
  constructor(readonly dossierCode: string) {
    super(`dossier ${dossierCode} is already rated`);
  }
}

/** A complaint case that commits with a fresh response (never opened for a replay). */
export interface FollowUpCase {
  item: Omit<NewCase, 'response_id'>;
  contact?: NewContact | undefined;
}

/**
 * The burst rule a citizen answer is checked against when it is written: more than `max` answers
 * from its address or browser at its counter since `since`, and it is stored flagged.
 */
export interface BurstRule {
  max: number;
  since: Date;
}

export interface PendingResponse {
  item: NewResponse;
  followUp?: FollowUpCase | undefined;
  burst?: BurstRule | undefined;
}

/** What became of one response in a batch: stored, a replay of its first copy, or refused. */
export type WriteOutcome = ({ ok: true } & StoredResult) | { ok: false; error: TokenAlreadyUsedError | DossierAlreadyRatedError };

// Rows travel as one JSON parameter per statement: a batch of any size is one round trip.
const COLUMNS_AFTER_ID = [
  'tenant_id',
  'survey_version_id',
  'counter_id',
  'wave_id',
  'unit_id',
  'sector_code',
  'channel',
  'submitted_at',
  'answers',
  'comment',
  'dossier_code',
  'client_key',
  'token_id',
  'satisfied',
  'weight',
  'flags',
  'origin_hash',
  'device_hash',
];
const RESPONSE_COLUMNS = sql.raw(['id', ...COLUMNS_AFTER_ID].join(', '));
// The same columns read from the claimed input rows, each under the id drawn for it.
const STORED_COLUMNS = sql.raw(['n.response_id', ...COLUMNS_AFTER_ID.map((c) => `n.${c}`)].join(', '));

/**
 * The one writer path for responses (QR, kiosk, interviewer entry, import): inserts the
 * responses and bumps their rollups in one transaction, so a rate never disagrees with the
 * rows behind it. A client key seen before is not stored again; its first id is returned.
 * All or nothing: a used token or a rated dossier rolls the whole call back.
 */
export async function storeResponses(db: Kysely<Database>, items: readonly NewResponse[]): Promise<StoredResult[]> {
  return storePendingResponses(
    db,
    items.map((item) => ({ item })),
  );
}

/** storeResponses, with the complaint case each fresh response opens (an import's recent low ratings). */
export async function storePendingResponses(db: Kysely<Database>, pending: readonly PendingResponse[]): Promise<StoredResult[]> {
  if (pending.length === 0) return [];
  await ensurePartitionsFor(
    db,
    pending.map((p) => p.item),
  );
  return db.transaction().execute(async (trx) => {
    const outcomes = await writeResponses(trx, pending);
    return outcomes.map((outcome) => {
      if (!outcome.ok) throw outcome.error;
      return { id: outcome.id, replay: outcome.replay };
    });
  });
}

/** Month partitions are created outside the writing transaction: creating one locks the table. */
export function ensurePartitionsFor(db: Kysely<Database>, items: readonly NewResponse[]): Promise<void> {
  return ensureResponsePartitions(
    db,
    items.map((item) => localMonth(item.submitted_at)),
  );
}

/**
 * Writes a batch inside the caller's transaction with a handful of set-based statements, whatever
 * its size: the key registry decides which items are new (a client key, form token or dossier
 * code seen before is skipped, never an error that would abort the batch), then the new
 * responses, their complaint cases and their rollups. Outcomes come back in the items' order.
 */
export async function writeResponses(trx: Transaction<Database>, batch: readonly PendingResponse[]): Promise<WriteOutcome[]> {
  const pending = await withBurstFlags(trx, batch);
  // One statement for keys and rows: ids drawn in arrival order (exports list answers by id), then
  // keys claimed in one sorted order by every writer, so two batches never wait on each other in a
  // cycle (the first of two identical keys in one batch wins); only the rows whose key was claimed
  // are inserted, each under the id drawn for it.
  const rows = pending.map(({ item }) => ({ ...item, id: null, weight: item.weight ?? 1, flags: item.flags ?? [] }));
  const claimed = await sql<{ tenant_id: number; client_key: string; response_id: number }>`
    with input as (
      select * from jsonb_populate_recordset(null::responses, ${JSON.stringify(rows)}::jsonb) with ordinality as t
    ),
    numbered as (select input.*, nextval('response_ids') as response_id from input order by ordinality),
    claimed as (
      insert into response_keys (tenant_id, client_key, response_id, submitted_at, token_id, dossier_code)
      select tenant_id, client_key, response_id, submitted_at, token_id, dossier_code from numbered
      order by tenant_id, client_key, ordinality
      on conflict do nothing
      returning tenant_id, client_key, response_id
    ),
    stored as (
      insert into responses (${RESPONSE_COLUMNS})
      select ${STORED_COLUMNS} from numbered n join claimed c on c.response_id = n.response_id
    )
    select tenant_id, client_key, response_id from claimed`.execute(trx);
  const idOf = new Map(claimed.rows.map((row) => [keyOf(row), row.response_id]));

  const fresh: (PendingResponse & { id: number; index: number })[] = [];
  const claimedBy = new Set<string>();
  pending.forEach((p, index) => {
    const key = keyOf(p.item);
    const id = idOf.get(key);
    // The first of two identical client keys in one batch claims it; the second is its replay.
    if (id !== undefined && !claimedBy.has(key)) {
      claimedBy.add(key);
      fresh.push({ ...p, id, index });
    }
  });
  await openCases(
    trx,
    fresh.flatMap(({ id, followUp }) => (followUp ? [{ item: { ...followUp.item, response_id: id }, contact: followUp.contact }] : [])),
  );
  // Flagged answers wait for an analyst; a wave's interviews are rated apart, weighted by stratum.
  const official = fresh
    .map(({ item }) => item)
    .filter((r): r is NewResponse & { counter_id: number } => (r.flags ?? []).length === 0 && !r.wave_id && r.counter_id !== null)
    .map((r) => ({ ...r, weight: r.weight ?? 1 }));
  await addToRollups(trx, official);

  const storedAt = new Map(fresh.map((f) => [f.index, f.id]));
  const outcomes: WriteOutcome[] = [];
  for (const [index, { item }] of pending.entries()) {
    const id = storedAt.get(index);
    outcomes.push(id !== undefined ? { ok: true, id, replay: false } : await losingOutcome(trx, item));
  }
  return outcomes;
}

/**
 * The batch with each answer over its burst rule flagged: one look-up for the whole batch, in the
 * writing transaction, instead of one query per group of arrivals before it (a stage, a round trip
 * and a plan less per answer). Answers of one batch do not count each other, as answers checked
 * at the same moment never did.
 */
async function withBurstFlags(trx: Transaction<Database>, pending: readonly PendingResponse[]): Promise<readonly PendingResponse[]> {
  const checked = pending.flatMap((p, index) =>
    p.burst && p.item.counter_id !== null && (p.item.origin_hash || p.item.device_hash) ? [index] : [],
  );
  if (checked.length === 0) return pending;
  const activity = await recentActivities(
    trx,
    checked.map((index) => {
      const { item, burst } = pending[index]!;
      return {
        counterId: item.counter_id!,
        originHash: item.origin_hash ?? null,
        deviceHash: item.device_hash ?? null,
        since: burst!.since,
      };
    }),
  );
  const flagged = [...pending];
  checked.forEach((index, k) => {
    const p = pending[index]!;
    const { fromOrigin, fromDevice } = activity[k]!;
    if (fromOrigin >= p.burst!.max || fromDevice >= p.burst!.max) {
      flagged[index] = { ...p, item: { ...p.item, flags: [...(p.item.flags ?? []), 'burst'] } };
    }
  });
  return flagged;
}

/** Why an item was not stored: its client key is a replay, or its token or dossier was used. */
async function losingOutcome(trx: Transaction<Database>, item: NewResponse): Promise<WriteOutcome> {
  const first = await findResponseIdByClientKey(trx, item.tenant_id, item.client_key);
  if (first !== undefined) return { ok: true, id: first, replay: true };
  if (item.token_id !== null) {
    const used = await trx
      .selectFrom('response_keys')
      .select('response_id')
      .where('tenant_id', '=', item.tenant_id)
      .where('token_id', '=', item.token_id)
      .executeTakeFirst();
    if (used) return { ok: false, error: new TokenAlreadyUsedError() };
  }
  if (item.dossier_code !== null) return { ok: false, error: new DossierAlreadyRatedError(item.dossier_code) };
  throw new Error(`response with client key ${item.client_key} was neither stored nor found`);
}

const keyOf = (k: { tenant_id: number; client_key: string }) => `${k.tenant_id}|${k.client_key}`;

export async function countResponses(db: Kysely<Database>, tenantId: number): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findResponseIdByClientKey(db: Kysely<Database>, tenantId: number, clientKey: string) {
  const row = await db
    .selectFrom('response_keys')
    .select('response_id')
    .where('tenant_id', '=', tenantId)
    .where('client_key', '=', clientKey)
    .executeTakeFirst();
  return row?.response_id;
}
