import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierCountsFromDossiers, dossierCountsFromRollups, openDossiers, openDossiersRecounted } from '../../db/dossier-index';
import { storeDossiers } from '../../db/dossiers';
import { resolveDossiers } from '../../server/dossiers/resolve-dossiers';
import { dossierJson } from '../support/dossier-facts';
import { seededRandom } from '../support/random-responses';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
let tenantId: number;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  tenantId = (await t.db.dbRead.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

async function store(items: Record<string, unknown>[]) {
  const { records, problems } = await resolveDossiers(
    t.db.dbWrite,
    tenantId,
    undefined,
    items.map((value, at) => ({ at, value })),
  );
  expect(problems).toEqual([]);
  return storeDossiers(t.db.dbWrite, tenantId, records, 'api');
}

interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface IndexBody {
  overall: {
    r1: Ratio;
    r2: Ratio;
    r3: Ratio;
    online: { n: number; satisfied: number; rate: number | null; target: number };
    dossiers: Record<string, number>;
  };
  rows: { key: string; r3: Ratio }[];
  open: { open: number; pastDue: number };
}
const index = async (query: string): Promise<IndexBody> => {
  const res = await t.app.request(`/api/indices/766?${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as IndexBody;
};

describe('Decision 766 ratios on hand-made dossiers', () => {
  it('counts unrated, 3- and 5-level ratings, overdue, late and unsatisfying complaints, and an update once', async () => {
    const saved = await store([
      dossierJson(1), // unrated, on time: satisfied
      dossierJson(2, { rating: 1, ratingScale: 3 }), // "không hài lòng" on 3 levels
      dossierJson(3, { rating: 2, ratingScale: 3 }), // satisfied
      dossierJson(4, { rating: 2, ratingScale: 5, channel: 'online' }), // not satisfied on 5 levels
      dossierJson(5, { rating: 3, ratingScale: 5, channel: 'online' }), // neither: counts as satisfied
      dossierJson(6, { finishedAt: '2026-03-11T09:00:00+07:00' }), // overdue
      dossierJson(7, {
        complained: true,
        complaintDueAt: '2026-03-12T17:00:00+07:00',
        complaintAnsweredAt: '2026-03-13T09:00:00+07:00', // answered late
        complaintSatisfied: true,
      }),
      dossierJson(8, {
        complained: true,
        complaintDueAt: '2026-03-12T17:00:00+07:00',
        complaintAnsweredAt: '2026-03-11T09:00:00+07:00',
        complaintSatisfied: false, // on time, not satisfied with the answer
      }),
      dossierJson(9, {
        complained: true,
        complaintDueAt: '2026-03-12T17:00:00+07:00',
        complaintAnsweredAt: '2026-03-12T09:00:00+07:00',
        complaintSatisfied: true, // on time and satisfied: still fails R3 (complained about)
      }),
      dossierJson(10, { finishedAt: null }), // open: in no ratio
    ]);
    expect(saved).toEqual({ created: 10, updated: 0, unchanged: 0 });
    // Dossier 1 is updated twice: rated "không hài lòng", then re-rated satisfied; sent again unchanged.
    expect(await store([dossierJson(1, { rating: 1, ratingScale: 3 })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await store([dossierJson(1, { rating: 3, ratingScale: 3 })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await store([dossierJson(1, { rating: 3, ratingScale: 3 })])).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const body = await index('from=2026-03-01&to=2026-03-31');
    // Failed for R3: 2 (rating), 4 (rating), 6 (overdue), 7, 8, 9 (complaints) = 6 of 9 finished.
    expect(body.overall.r3).toEqual({ numerator: 3, denominator: 9, value: (3 * 100) / 9 });
    // R1: complaints 8 and 9 answered on time, of 3.
    expect(body.overall.r1).toEqual({ numerator: 2, denominator: 3, value: (2 * 100) / 3 });
    // R2: 3 − (8 not satisfied) − (7 late) = 1 of 3.
    expect(body.overall.r2).toEqual({ numerator: 1, denominator: 3, value: 100 / 3 });
    // Online: 4 fails, 5 passes.
    expect(body.overall.online).toMatchObject({ n: 2, satisfied: 1, rate: 50, target: 95 });
    expect(body.overall.dossiers).toMatchObject({
      total: 9,
      rated: 5,
      unrated: 4,
      ratedUnsatisfied: 2,
      overdue: 1,
      complained: 3,
      online: 2,
    });
    expect(body.open).toEqual({ open: 1, pastDue: 1 });
  });
});

/**
 * The rules written again from the words, independently of surveys/dossier-outcome.ts:
 * what an analyst recounting the dossiers by hand would do.
 */
interface Sent {
  code: string;
  sector: string;
  unit: string;
  channel: 'online' | 'in_person';
  dueAt: string;
  finishedAt: string | null;
  rating: number | null;
  ratingScale: 3 | 5 | null;
  complained: boolean;
  complaintDueAt: string | null;
  complaintAnsweredAt: string | null;
  complaintSatisfied: boolean | null;
}

function recount(dossiers: readonly Sent[], keep: (d: Sent, day: string) => boolean) {
  let all = 0;
  let r3Bad = 0;
  let complaints = 0;
  let onTime = 0;
  let r2Bad = 0;
  let online = 0;
  let onlineBad = 0;
  for (const d of dossiers) {
    if (!d.finishedAt) continue;
    const day = new Date(new Date(d.finishedAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    if (!keep(d, day)) continue;
    all++;
    const notSatisfied = d.rating !== null && (d.ratingScale === 3 ? d.rating === 1 : d.rating <= 2);
    const late = Date.parse(d.finishedAt) > Date.parse(d.dueAt);
    const bad = notSatisfied || d.complained || late;
    if (bad) r3Bad++;
    if (d.channel === 'online') {
      online++;
      if (bad) onlineBad++;
    }
    if (d.complained) {
      complaints++;
      const answeredInTime = d.complaintAnsweredAt !== null && Date.parse(d.complaintAnsweredAt) <= Date.parse(d.complaintDueAt!);
      if (answeredInTime) onTime++;
      if (d.complaintSatisfied === false || !answeredInTime) r2Bad++;
    }
  }
  return { all, r3: all - r3Bad, complaints, r1: onTime, r2: complaints - r2Bad, online, onlineGood: online - onlineBad };
}

describe('Decision 766 ratios on random dossier sets, against a recount', () => {
  it('agree for every grouping and filter, after updates sent in several batches', async () => {
    const random = seededRandom(766);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const sectors = ['land', 'construction', 'investment', 'health'];
    const units = ['33-TTPVHCC', '11953', '11980', '11983'];
    const at = (base: number, hours: number) => new Date(base + hours * 3600_000).toISOString();
    const state = new Map<string, Sent>();
    const make = (n: number): Sent => {
      const received = Date.parse('2026-04-01T00:00:00Z') + Math.floor(random() * 80 * 24) * 3600_000;
      const finished = random() < 0.9 ? at(received, Math.floor(random() * 400)) : null;
      const scale = random() < 0.5 ? 3 : 5;
      const rated = random() < 0.6;
      const complained = random() < 0.2;
      const answered = complained && random() < 0.8;
      return {
        code: `000.00.17.H31-260401-${String(5000 + n).padStart(5, '0')}`,
        sector: pick(sectors),
        unit: pick(units),
        channel: random() < 0.5 ? 'online' : 'in_person',
        dueAt: at(received, 240),
        finishedAt: finished,
        rating: rated ? 1 + Math.floor(random() * scale) : null,
        ratingScale: rated ? (scale as 3 | 5) : null,
        complained,
        complaintDueAt: complained ? at(received, 300) : null,
        complaintAnsweredAt: answered ? at(received, 200 + Math.floor(random() * 200)) : null,
        complaintSatisfied: answered ? random() < 0.6 : null,
      };
    };
    const send = (d: Sent) => ({ ...dossierJson(0), ...d, receivedAt: at(Date.parse(d.dueAt), -240) });
    for (let batch = 0; batch < 4; batch++) {
      const items: Sent[] = [];
      for (let i = 0; i < 150; i++) {
        // Later batches mostly send new states of dossiers already sent: finished, rated, complained later.
        const known = [...state.keys()];
        const d = batch > 0 && random() < 0.5 ? { ...make(0), code: pick(known) } : make(batch * 1000 + i);
        items.push(d);
        state.set(d.code, d);
      }
      await store(items.map(send));
    }
    const dossiers = [...state.values()];
    const unitIds = new Map(
      (await t.db.dbRead.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, String(u.id)] as const),
    );
    const expectIndex = (body: IndexBody['overall'], want: ReturnType<typeof recount>) => {
      expect(body.r3).toMatchObject({ numerator: want.r3, denominator: want.all });
      expect(body.r1).toMatchObject({ numerator: want.r1, denominator: want.complaints });
      expect(body.r2).toMatchObject({ numerator: want.r2, denominator: want.complaints });
      expect(body.online).toMatchObject({ n: want.online, satisfied: want.onlineGood });
    };
    // A whole quarter with edge days, a month alone, and days inside one month.
    for (const [from, to] of [
      ['2026-04-03', '2026-07-20'],
      ['2026-05-01', '2026-05-31'],
      ['2026-06-10', '2026-06-17'],
    ] as const) {
      const inPeriod = (_d: Sent, day: string) => day >= from && day <= to;
      const overall = await index(`from=${from}&to=${to}&groupBy=none`);
      expectIndex(overall.overall, recount(dossiers, inPeriod));
      const bySector = await index(`from=${from}&to=${to}&groupBy=sector`);
      for (const s of sectors) {
        const want = recount(dossiers, (d, day) => inPeriod(d, day) && d.sector === s);
        const row = bySector.rows.find((r) => r.key === s);
        if (want.all === 0) expect(row).toBeUndefined();
        else expect(row?.r3).toMatchObject({ numerator: want.r3, denominator: want.all });
      }
      const byUnit = await index(`from=${from}&to=${to}&groupBy=unit`);
      for (const u of units) {
        const want = recount(dossiers, (d, day) => inPeriod(d, day) && d.unit === u);
        expect(byUnit.rows.find((r) => r.key === unitIds.get(u))?.r3).toMatchObject({ numerator: want.r3, denominator: want.all });
      }
      const ward = await index(`from=${from}&to=${to}&unit=${unitIds.get('11953')}&sector=land&groupBy=month`);
      for (const row of ward.rows) {
        const want = recount(
          dossiers,
          (d, day) => inPeriod(d, day) && d.unit === '11953' && d.sector === 'land' && day.startsWith(row.key),
        );
        expect(row.r3).toMatchObject({ numerator: want.r3, denominator: want.all });
      }
      const wardRecount = recount(dossiers, (d, day) => inPeriod(d, day) && d.unit === '11953' && d.sector === 'land');
      expectIndex(ward.overall, wardRecount);
    }
    // Rollups and the dossiers' own stored outcomes agree too.
    const filter = { tenantId, from: '2026-04-01', to: '2026-08-31' };
    for (const groupBy of ['sector', 'unit', 'month', 'none'] as const) {
      expect(await dossierCountsFromRollups(t.db.dbRead, filter, groupBy)).toEqual(
        await dossierCountsFromDossiers(t.db.dbRead, filter, groupBy),
      );
    }
    // Per channel (its own cells) as over both (theirs): each equal to the recount, and the two add up.
    const byChannel = [];
    for (const dossierChannel of ['online', 'in_person'] as const) {
      const f = { ...filter, dossierChannel };
      const rows = await dossierCountsFromRollups(t.db.dbRead, f, 'none');
      expect(rows).toEqual(await dossierCountsFromDossiers(t.db.dbRead, f, 'none'));
      byChannel.push(rows[0]?.dossiers ?? 0);
    }
    expect(byChannel.every((n) => n > 0)).toBe(true);
    const both = await dossierCountsFromRollups(t.db.dbRead, filter, 'none');
    expect(byChannel[0]! + byChannel[1]!).toBe(both[0]!.dossiers);
    // The open counts too, on a day some open dossiers are past due and some not.
    const ward = await t.db.dbRead.selectFrom('units').select('path').where('code', '=', '11953').executeTakeFirstOrThrow();
    const day = new Date('2026-05-20T12:00:00Z');
    for (const f of [filter, { ...filter, unitPath: ward.path, sector: 'land' }]) {
      expect(await openDossiers(t.db.dbRead, f, day)).toEqual(await openDossiersRecounted(t.db.dbRead, f, day));
    }
    // Health: only this test's dossiers (the hand-made ones are land).
    const open = await openDossiers(t.db.dbRead, { ...filter, sector: 'health' }, day);
    expect(open.open).toBe(dossiers.filter((d) => !d.finishedAt && d.sector === 'health').length);
    expect(open.pastDue).toBeGreaterThan(0);
    expect(open.pastDue).toBeLessThan(open.open);
  });
});

describe('the index endpoint refuses what it cannot answer', () => {
  it('names the parameter a person mistyped, in both languages, and needs a reader', async () => {
    const res = await t.app.request('/api/indices/766?groupBy=counter&from=2026-13-01', { headers: { cookie } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Record<string, { vi: string; en: string }> };
    expect(body.fields.groupBy?.en).toBe('"groupBy" must be sector, unit, month or none.');
    expect(body.fields.groupBy?.vi).toMatch(/Nhóm theo/);
    expect(body.fields.from).toBeDefined();
    expect((await t.app.request('/api/indices/766')).status).toBe(401);
  });
});
