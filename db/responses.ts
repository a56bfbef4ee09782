import { sql, type Kysely, type Transaction } from 'kysely';
import type { Answers } from '../surveys/instrument-schema';
import { addToRollups } from './rollups';
import type { Channel, Database } from './types';

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

/** Work that must commit with a fresh response (a complaint case); never run for a replay. */
export type AfterInsert = (trx: Transaction<Database>, id: number, item: NewResponse) => Promise<void>;

/**
 * The one writer path for responses (QR, kiosk, interviewer entry, import): inserts the
 * responses and bumps their rollups in one transaction, so a rate never disagrees with the
 * rows behind it. A client key seen before is not stored again; its first id is returned.
 */
export async function storeResponses(
  db: Kysely<Database>,
  items: readonly NewResponse[],
  afterInsert?: AfterInsert,
): Promise<StoredResult[]> {
  if (items.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const results: StoredResult[] = [];
    const inserted: NewResponse[] = [];
    for (const item of items) {
      if (item.token_id && (await tokenUsed(trx, item.tenant_id, item.token_id))) {
        const replayed = await findResponseIdByClientKey(trx, item.tenant_id, item.client_key);
        if (replayed === undefined) throw new TokenAlreadyUsedError();
        results.push({ id: replayed, replay: true });
        continue;
      }
      // ON CONFLICT waits for a concurrent twin to commit, then yields to it: stored once.
      const row = await trx
        .insertInto('responses')
        .values({
          ...item,
          answers: JSON.stringify(item.answers),
          weight: item.weight ?? 1,
          flags: item.flags ?? [],
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'client_key']).doNothing())
        .returning('id')
        .executeTakeFirst()
        .catch((error: unknown) => {
          if (isUniqueViolation(error, 'responses_token_idx')) throw new TokenAlreadyUsedError();
          if (isUniqueViolation(error, 'responses_dossier_idx')) throw new DossierAlreadyRatedError(item.dossier_code ?? '');
          throw error;
        });
      if (row) {
        results.push({ id: row.id, replay: false });
        inserted.push(item);
        if (afterInsert) await afterInsert(trx, row.id, item);
      } else {
        const first = await findResponseIdByClientKey(trx, item.tenant_id, item.client_key);
        if (first === undefined) throw new Error(`client key ${item.client_key} conflicted but is not stored`);
        results.push({ id: first, replay: true });
      }
    }
    // Flagged answers wait for an analyst; a wave's interviews are rated apart, weighted by stratum.
    const official = inserted
      .filter((r): r is NewResponse & { counter_id: number } => (r.flags ?? []).length === 0 && !r.wave_id && r.counter_id !== null)
      .map((r) => ({ ...r, weight: r.weight ?? 1 }));
    await addToRollups(trx, official);
    return results;
  });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}

async function tokenUsed(trx: Transaction<Database>, tenantId: number, tokenId: string) {
  const row = await trx
    .selectFrom('responses')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('token_id', '=', tokenId)
    .executeTakeFirst();
  return row !== undefined;
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
    .selectFrom('responses')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('client_key', '=', clientKey)
    .executeTakeFirst();
  return row?.id;
}
