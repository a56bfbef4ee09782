import { sql, type Kysely } from 'kysely';
import type { Answers } from '../surveys/instrument-schema';
import { localMonth } from '../surveys/time';
import { ensureResponsePartitions } from './response-partitions';
import type { NewCase, NewContact } from './cases';
import { caseEventDeliveries } from './case-events';
import { addToRollups } from './rollups';
import { prepared } from './prepared-statements';
import { earliest, latest, senderActivity } from './visit-signals';
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

// Rows travel as one JSON parameter: a batch of any size is one round trip.
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
// The same columns read from the claimed input rows, each under the id drawn for it, with the burst flag.
const STORED_COLUMN_LIST = ['n.response_id', ...COLUMNS_AFTER_ID.map((c) => (c === 'flags' ? 'n.stored_flags' : `n.${c}`))];
const STORED_COLUMNS = sql.raw(STORED_COLUMN_LIST.join(', '));
// Those columns under the responses table's own names, for the rollup rule (db/rollup-cells.ts).
const STORED_COLUMNS_AS_R = sql.raw(STORED_COLUMN_LIST.map((c, i) => `${c} as ${['id', ...COLUMNS_AFTER_ID][i]}`).join(', '));

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
 * Writes a batch with one statement, whatever its size: atomic on its own (no transaction to
 * open and commit around it), so the batch costs one round trip and the database works on it
 * while the server takes the next submissions. In that statement each answer over its burst rule
 * is flagged (answers of one batch do not count each other, as answers checked at the same moment
 * never did); the key registry decides which items are new (a client key, form token or dossier
 * code seen before is skipped, never an error that would abort the batch); then the new
 * responses, their complaint cases with their phones and webhook events, and their rollups.
 * Outcomes come back in the items' order; why an item was not stored is read after.
 */
export async function writeResponses(db: Kysely<Database>, batch: readonly PendingResponse[]): Promise<WriteOutcome[]> {
  const rows = batch.map(({ item }) => ({ ...item, id: null, weight: item.weight ?? 1, flags: item.flags ?? [] }));
  const burstAt = batch.flatMap((p, i) =>
    p.burst && p.item.counter_id !== null && (p.item.origin_hash || p.item.device_hash) ? [i + 1] : [],
  );
  const burstSpan = {
    from: earliest(burstAt.map((i) => batch[i - 1]!.burst!.since)),
    to: latest(burstAt.map((i) => batch[i - 1]!.item.submitted_at)),
  };
  const caseAt = batch.flatMap((p, i) => (p.followUp ? [i + 1] : []));
  const cases = caseAt.map((i) => ({ ...batch[i - 1]!.followUp!.item, response_id: null, status: 'received' }));
  const contactAt = batch.flatMap((p, i) => (p.followUp?.contact ? [i + 1] : []));
  const contacts = contactAt.map((i) => batch[i - 1]!.followUp!.contact!);
  const fresh = await prepared(sql<{ i: string; response_id: number }>`
    with input as (
      select t.*, t.ordinality as i
      from jsonb_populate_recordset(null::responses, ${JSON.stringify(rows)}::jsonb) with ordinality as t
    ),
    rules as (
      select * from unnest(${burstAt}::int[], ${burstAt.map((i) => batch[i - 1]!.burst!.max)}::int[],
                           ${burstAt.map((i) => batch[i - 1]!.burst!.since.toISOString())}::timestamptz[]) as b(i, max, since)
    ),
    activity as (
      select b.i, b.max, a.from_origin, a.from_device
      from (select b.i, b.max, b.since, q.counter_id, q.origin_hash, q.device_hash from rules b join input q on q.i = b.i) b
      cross join lateral ${senderActivity(sql`b`, burstSpan)} a
    ),
    checked as (
      select input.*, coalesce(a.from_origin >= a.max or a.from_device >= a.max, false) as over_burst
      from input left join activity a on a.i = input.i
    ),
    -- Ids drawn in arrival order (exports list answers by id), then keys claimed in one sorted
    -- order by every writer, so two batches never wait on each other in a cycle (the first of
    -- two identical keys in one batch wins); only rows whose key was claimed are stored.
    numbered as (
      select checked.*, nextval('response_ids') as response_id,
             case when over_burst then array_append(checked.flags, 'burst') else checked.flags end as stored_flags
      from checked order by i
    ),
    claimed as (
      insert into response_keys (tenant_id, client_key, response_id, submitted_at, token_id, dossier_code)
      select tenant_id, client_key, response_id, submitted_at, token_id, dossier_code from numbered
      order by tenant_id, client_key, i
      on conflict do nothing
      returning response_id
    ),
    fresh as (select n.* from numbered n join claimed c on c.response_id = n.response_id),
    stored as (
      insert into responses (${RESPONSE_COLUMNS})
      select ${STORED_COLUMNS} from fresh n
    ),
    opened as (
      insert into cases (tenant_id, response_id, unit_id, opened_by, reason, created_at, due_at, status)
      select k.tenant_id, f.response_id, k.unit_id, k.opened_by, k.reason, k.created_at, k.due_at, k.status
      from jsonb_populate_recordset(null::cases, ${JSON.stringify(cases)}::jsonb) with ordinality as k
      join unnest(${caseAt}::int[]) with ordinality as ca(i, n) on ca.n = k.ordinality
      join fresh f on f.i = ca.i
      on conflict (response_id) do nothing
      returning *
    ),
    announced as (${caseEventDeliveries(sql`opened c`, 'case.opened', new Date())}),
    phones as (
      insert into case_contacts (case_id, tenant_id, phone, consent_at)
      select o.id, o.tenant_id, p.phone, p.consent_at
      from unnest(${contactAt}::int[], ${contacts.map((c) => c.phone)}::text[], ${contacts.map((c) => c.consent_at.toISOString())}::timestamptz[])
           as p(i, phone, consent_at)
      join fresh f on f.i = p.i join opened o on o.response_id = f.response_id
    ),
    ${addToRollups(sql`(select ${STORED_COLUMNS_AS_R} from fresh n) r`)}
    select i, response_id from fresh`).execute(db);

  const storedAt = new Map(fresh.rows.map((r) => [Number(r.i) - 1, r.response_id]));
  const outcomes: WriteOutcome[] = [];
  for (const [index, { item }] of batch.entries()) {
    const id = storedAt.get(index);
    outcomes.push(id !== undefined ? { ok: true, id, replay: false } : await losingOutcome(db, item));
  }
  return outcomes;
}

/** Why an item was not stored: its client key is a replay, or its token or dossier was used. */
async function losingOutcome(db: Kysely<Database>, item: NewResponse): Promise<WriteOutcome> {
  const first = await findResponseIdByClientKey(db, item.tenant_id, item.client_key);
  if (first !== undefined) return { ok: true, id: first, replay: true };
  if (item.token_id !== null) {
    const used = await db
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
