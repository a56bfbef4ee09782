import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponseBatcher } from '../../db/response-batcher';
import { DossierAlreadyRatedError, TokenAlreadyUsedError, type NewResponse } from '../../db/responses';
import { GROUP_BYS, satisfiedCountsFromResponses, satisfiedCountsFromRollups, type StatsFilter } from '../../db/stats';
import { randomResponses } from '../support/random-responses';
import { dailyUpkeep } from '../../server/upkeep/daily-upkeep';
import { connectionRefused } from '../support/outage-switch';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const countOf = async (where = sql`true`) =>
  (await sql<{ n: number }>`select count(*)::int as n from responses where ${where}`.execute(t.db.dbRead)).rows[0]!.n;

describe('group commit of submissions', () => {
  it('stores 400 concurrent submissions once each, in shared transactions, with rollups equal to a recount', async () => {
    const sizes: number[] = [];
    const batcher = createResponseBatcher(t.db.dbWrite, { onCommit: (n) => sizes.push(n) });
    const items = await randomResponses(t.db, {
      count: 400,
      seed: 7,
      codes: ['demo-land', 'demo-health', 'demo-education'],
      from: new Date('2026-01-25T00:00:00Z'),
      days: 40,
      flaggedShare: 0.05,
    });
    // Every 10th submission is sent twice at once, as a phone retrying on a bad connection does.
    const sent = [...items, ...items.filter((_, i) => i % 10 === 0)];
    const results = await Promise.all(sent.map((item) => batcher.write(item)));

    expect(await countOf(sql`client_key like 'rand-7-%'`)).toBe(400);
    const idByKey = new Map<string, number>();
    sent.forEach((item, i) => {
      const id = results[i]!.id;
      expect(idByKey.get(item.client_key) ?? id).toBe(id);
      idByKey.set(item.client_key, id);
    });
    expect(new Set(results.map((r) => r.id)).size).toBe(400);
    expect(results.filter((r) => r.replay)).toHaveLength(40);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(sent.length);

    const filter: StatsFilter = { tenantId: t.state.tenantId, from: '2026-01-01', to: '2026-03-31' };
    for (const groupBy of GROUP_BYS) {
      expect(await satisfiedCountsFromRollups(t.db.dbRead, filter, groupBy)).toEqual(
        await satisfiedCountsFromResponses(t.db.dbRead, filter, groupBy),
      );
    }
  });

  it('refuses a reused form token or a rated dossier alone, committing the rest of the batch', async () => {
    const batcher = createResponseBatcher(t.db.dbWrite, { maxInFlight: 1 });
    const [a, b, c, d, e] = await randomResponses(t.db, {
      count: 5,
      seed: 8,
      codes: ['demo-land'],
      from: new Date('2026-02-02T03:00:00Z'),
      days: 1,
    });
    const withToken = (r: NewResponse, token_id: string, dossier_code: string | null = null) => ({ ...r, token_id, dossier_code });
    // The first write occupies the writer, so the next four queue up and commit together.
    const settled = await Promise.allSettled([
      batcher.write(withToken(a!, 'tok-a')),
      batcher.write(withToken(b!, 'tok-shared')),
      batcher.write(withToken(c!, 'tok-shared')),
      batcher.write(withToken(d!, 'tok-d', 'HS-2026-000123')),
      batcher.write(withToken(e!, 'tok-e', 'HS-2026-000123')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(TokenAlreadyUsedError);
    expect((settled[4] as PromiseRejectedResult).reason).toBeInstanceOf(DossierAlreadyRatedError);
    expect(await countOf(sql`client_key like 'rand-8-%'`)).toBe(3);
  });

  it('fails a submission the database rejects without losing the others queued with it', async () => {
    const batcher = createResponseBatcher(t.db.dbWrite, { maxInFlight: 1 });
    const items = await randomResponses(t.db, {
      count: 4,
      seed: 9,
      codes: ['demo-health'],
      from: new Date('2026-02-03T03:00:00Z'),
      days: 1,
    });
    const broken = { ...items[2]!, unit_id: 987_654 };
    const settled = await Promise.allSettled([items[0]!, items[1]!, broken, items[3]!].map((item) => batcher.write(item)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await countOf(sql`client_key like 'rand-9-%'`)).toBe(3);
  });

  it('answers every submission of a batch whose connection died mid-transaction with the error, at once, and stores each once when sent again', async () => {
    // The connection dies at the batch's last statements (its rollups), as in a restart during commit.
    let failedBatches = 0;
    let dying = true;
    const lossy = t.db.dbWrite.withPlugin({
      transformQuery(args) {
        if (dying && JSON.stringify(args.node).includes('rollups')) {
          failedBatches++;
          throw Object.assign(new Error('Connection terminated unexpectedly'), { cause: connectionRefused() });
        }
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const batcher = createResponseBatcher(lossy, { maxInFlight: 1 });
    const items = await randomResponses(t.db, {
      count: 6,
      seed: 12,
      codes: ['demo-land', 'demo-civil'],
      from: new Date('2026-02-05T03:00:00Z'),
      days: 1,
    });
    const settled = await Promise.allSettled(items.map((item) => batcher.write(item)));
    expect(settled.map((s) => s.status)).toEqual(items.map(() => 'rejected'));
    expect(settled.map((s) => String((s as PromiseRejectedResult).reason))).toEqual(
      items.map(() => 'Error: Connection terminated unexpectedly'),
    );
    // Two batches (the first alone, the rest queued behind it), each given up after its one try:
    // not written again one by one, which under a frozen database would wait out every timeout.
    expect(failedBatches).toBe(2);
    expect(await countOf(sql`client_key like 'rand-12-%'`)).toBe(0);

    dying = false;
    const again = await Promise.all([...items, items[0]!].map((item) => batcher.write(item)));
    expect(again.map((r) => r.replay)).toEqual([...items.map(() => false), true]);
    expect(await countOf(sql`client_key like 'rand-12-%'`)).toBe(6);
  });

  it('opens the cases of a batch with their phones, none for a replay', async () => {
    const batcher = createResponseBatcher(t.db.dbWrite, { maxInFlight: 1 });
    const items = await randomResponses(t.db, {
      count: 4,
      seed: 11,
      codes: ['demo-land'],
      from: new Date('2026-02-04T03:00:00Z'),
      days: 1,
    });
    const opened = (i: number) => ({
      item: {
        tenant_id: items[i]!.tenant_id,
        unit_id: items[i]!.unit_id,
        opened_by: 'auto' as const,
        reason: 'low_rating' as const,
        created_at: new Date(),
        due_at: new Date(Date.now() + 7 * 86_400_000),
      },
      contact: i === 1 ? { phone: '0912345678', consent_at: new Date() } : undefined,
    });
    const results = await Promise.all([
      batcher.write(items[0]!, opened(0)),
      batcher.write(items[1]!, opened(1)),
      batcher.write(items[2]!),
      batcher.write(items[1]!, opened(1)), // the same submission again: no second case
      batcher.write(items[3]!, opened(3)),
    ]);
    const cases = await sql<{ response_id: number; phone: string | null }>`
      select c.response_id, cc.phone from cases c left join case_contacts cc on cc.case_id = c.id
      where c.response_id = any(${results.map((r) => r.id)}) order by c.response_id`.execute(t.db.dbRead);
    expect(cases.rows).toEqual([
      { response_id: results[0].id, phone: null },
      { response_id: results[1].id, phone: '0912345678' },
      { response_id: results[4].id, phone: null },
    ]);
  });

  it('creates the month partition an old answer needs', async () => {
    const batcher = createResponseBatcher(t.db.dbWrite);
    const [old] = await randomResponses(t.db, {
      count: 1,
      seed: 10,
      codes: ['demo-land'],
      from: new Date('2019-06-10T03:00:00Z'),
      days: 1,
    });
    await batcher.write(old!);
    const where = await sql<{ partition: string }>`
      select tableoid::regclass::text as partition from responses where client_key = ${old!.client_key}`.execute(t.db.dbRead);
    expect(where.rows[0]!.partition).toMatch(/responses_p201906$/);
  });
});

describe('daily upkeep', () => {
  it('creates the partitions of this month and the next two ahead of time', async () => {
    await dailyUpkeep(t.db, new Date('2031-11-30T18:00:00Z')); // already 1 December in Vietnam
    const partitions = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'responses'::regclass and c.relname like 'responses_p203%' order by 1`.execute(t.db.dbRead);
    expect(partitions.rows.map((p) => p.name)).toEqual(['responses_p203112', 'responses_p203201', 'responses_p203202']);
  });
});
