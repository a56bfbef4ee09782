import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeResponses } from '../../db/responses';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { publicPeriods, type PublicPeriods } from '../../surveys/public-periods';
import { dayStartUtc, localDay } from '../../surveys/time';
import { randomResponses } from '../support/random-responses';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
let analyst: string;
let periods: PublicPeriods;
const units = {} as Record<string, number>;
const COMMENT = 'SECRET-COMMENT-xyzzy';
const DOSSIER = 'HS-SECRET-0001';

const json = (cookie: string, method: string, path: string, body?: unknown) =>
  t.app.request(path, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const ON = { enabled: true, showComplaints: true, showPublishedCases: true, threshold: 10 };

/** Answers in the latest whole quarter at a counter, all in one sector, `satisfiedCount` of them satisfied. */
async function seed(code: string, sector: string, n: number, satisfiedCount: number, seedNo: number, from = periods.latestQuarter.from) {
  const items = await randomResponses(t.db, {
    count: n,
    seed: seedNo,
    codes: [code],
    from: dayStartUtc(from),
    days: 80,
  });
  items.forEach((item, i) => {
    item.sector_code = sector;
    item.satisfied = i < satisfiedCount;
    item.answers = { ...item.answers, overall: i < satisfiedCount ? 5 : 2 };
    if (i === 0) {
      item.comment = COMMENT;
      item.dossier_code = `${DOSSIER}${seedNo}`;
    }
  });
  await storeResponses(t.db.dbWrite, items);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
  await createUser(t.db.dbWrite, {
    tenant_id: t.state.tenantId,
    username: 'pr-analyst',
    password_hash: await hashPassword('pr-analyst-password'),
    role: 'analyst',
    unit_id: null,
  });
  analyst = await login(t.app, 'pr-analyst', 'pr-analyst-password');
  periods = publicPeriods(localDay(new Date()));
  for (const u of await t.db.dbRead.selectFrom('units').select(['id', 'code']).execute()) units[u.code] = u.id;
  await seed('demo-land', 'land', 40, 34, 1);
  await seed('demo-construction', 'construction', 30, 21, 2);
  await seed('demo-health', 'health', 30, 27, 3);
  // Phường Hiến Nam: 20 civil-status answers and 4 justice ones, a cell to hide.
  await seed('demo-civil', 'civil_status', 20, 15, 4);
  await seed('demo-civil', 'justice', 4, 1, 5);
  await seed('demo-an-tao', 'civil_status', 15, 12, 6);
  // The quarter before, for the trend: Phố Hiến's 3 land answers (at Hiến Nam) are the cell to hide there.
  const before = periods.quarters[2]!.from;
  await seed('demo-civil', 'civil_status', 25, 20, 7, before);
  await seed('demo-civil', 'land', 3, 1, 8, before);
  await seed('demo-an-tao', 'civil_status', 18, 15, 9, before);
});
afterAll(() => t.close());

describe('settings', () => {
  it('is off at first: the public page and its figures answer 404 in both languages', async () => {
    const page = await t.app.request('/cong-khai');
    expect(page.status).toBe(404);
    // A page for the citizen who scanned a poster, not the API's JSON.
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Chưa công khai');
    expect(html).toContain('has not turned on its public results page');
    const missing = await t.app.request('/cong-khai/999999');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy đơn vị.');
    const body = (await (await t.app.request('/api/public/results')).json()) as { message: { vi: string; en: string } };
    expect(body.message.vi).toMatch(/chưa bật/);
    expect(body.message.en).toMatch(/not turned on/);
  });

  it('refuses bad settings with a 422 naming the field', async () => {
    const res = await json(admin, 'PUT', '/api/public-results/settings', { ...ON, threshold: 2 });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { fields: Record<string, { vi: string; en: string }> };
    expect(Object.keys(body.fields)).toContain('threshold');
    expect((await json(admin, 'PUT', '/api/public-results/settings', { enabled: 'yes' })).status).toBe(422);
  });

  it('lets no analyst change them', async () => {
    expect((await json(analyst, 'PUT', '/api/public-results/settings', ON)).status).toBe(403);
    expect((await t.app.request('/api/public-results/settings', { method: 'PUT', body: '{}' })).status).toBe(401);
  });

  it('is turned on by an administrator, and the change is in the audit log', async () => {
    expect((await json(admin, 'PUT', '/api/public-results/settings', ON)).status).toBe(200);
    expect(await (await json(admin, 'GET', '/api/public-results/settings')).json()).toEqual(ON);
    const audit = await t.db.dbRead.selectFrom('audit_log').select('action').where('action', '=', 'public_results_changed').execute();
    expect(audit).toHaveLength(1);
    const page = await t.app.request('/cong-khai');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Công khai mức độ hài lòng');
    expect(await (await t.app.request('/cong-khai?lang=en')).text()).toContain('Public satisfaction results');
  });
});

describe('published case outcomes', () => {
  it('publishes an outcome of a closed case only, and shows only those words', async () => {
    const insert = async (status: 'closed' | 'received') =>
      (
        await t.db.dbWrite
          .insertInto('cases')
          .values({
            tenant_id: t.state.tenantId,
            response_id: null,
            unit_id: units['11953']!,
            opened_by: 'analyst',
            reason: 'comment',
            status,
            created_at: dayStartUtc(periods.latestQuarter.from),
            due_at: new Date(),
            closed_at: status === 'closed' ? new Date() : null,
            answered_at: status === 'closed' ? new Date() : null,
            answer_text: status === 'closed' ? 'PRIVATE-ANSWER-TEXT' : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const closed = await insert('closed');
    const open = await insert('received');
    const outcome = 'Đã bố trí thêm một cán bộ tiếp nhận hồ sơ hộ tịch vào buổi sáng.';
    expect((await json(admin, 'PUT', `/api/cases/${open}/published-outcome`, { outcome })).status).toBe(409);
    expect((await json(admin, 'PUT', `/api/cases/${closed}/published-outcome`, { outcome: '' })).status).toBe(422);
    expect((await json(analyst, 'PUT', `/api/cases/${closed}/published-outcome`, { outcome })).status).toBe(403);
    expect((await json(admin, 'PUT', `/api/cases/${closed}/published-outcome`, { outcome })).status).toBe(200);
    const page = await (await t.app.request(`/cong-khai/${units['11953']}`)).text();
    expect(page).toContain(outcome);
    expect(page).not.toContain('PRIVATE-ANSWER-TEXT');
    const figures = (await (await t.app.request(`/api/public/results?unit=${units['11953']}`)).json()) as {
      complaints: { received: number };
    };
    expect(figures.complaints.received).toBe(2);
  });
});

describe('a published outcome beside the answer it came from', () => {
  it('refuses a phone number, a dossier code or the citizen’s comment in it, and shows only the words, unit, sector and month', async () => {
    const response = await t.db.dbRead
      .selectFrom('responses')
      .select(['id', 'unit_id'])
      .where('comment', '=', COMMENT)
      .where('dossier_code', '=', `${DOSSIER}4`)
      .executeTakeFirstOrThrow();
    const closedAt = new Date(dayStartUtc(periods.latestQuarter.from).getTime() + 20 * 86400_000);
    const id = (
      await t.db.dbWrite
        .insertInto('cases')
        .values({
          tenant_id: t.state.tenantId,
          response_id: response.id,
          unit_id: response.unit_id,
          opened_by: 'auto',
          reason: 'low_rating',
          status: 'closed',
          created_at: dayStartUtc(periods.latestQuarter.from),
          due_at: new Date(),
          answered_at: closedAt,
          closed_at: closedAt,
          answer_text: 'PRIVATE-ANSWER-TO-CITIZEN',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    // The case page tells an administrator, and only one, that the outcome may be published.
    const detail = (await (await json(admin, 'GET', `/api/cases/${id}`)).json()) as {
      publishedOutcome: string | null;
      mayPublishOutcome: boolean;
    };
    expect(detail).toMatchObject({ publishedOutcome: null, mayPublishOutcome: true });
    expect(((await (await json(analyst, 'GET', `/api/cases/${id}`)).json()) as { mayPublishOutcome: boolean }).mayPublishOutcome).toBe(
      false,
    );

    for (const [outcome, word] of [
      ['Đã gọi lại cho ông theo số 0912 345 678 để xin lỗi.', /số điện thoại/],
      ['Đã gọi lại theo số +84 (0)912.345.678.', /số điện thoại/],
      [`Hồ sơ ${DOSSIER}4 đã được trả. Mã 000.00.17.H31-230101-0001 cũng vậy.`, /mã hồ sơ/],
      [`Người dân viết: "${COMMENT.toLowerCase()}" và đã được xử lý.`, /ý kiến của người dân/],
    ] as const) {
      const res = await json(admin, 'PUT', `/api/cases/${id}/published-outcome`, { outcome });
      expect(res.status, outcome).toBe(422);
      const body = (await res.json()) as { message: { vi: string; en: string }; fields: Record<string, unknown> };
      expect(body.message.vi).toMatch(word);
      expect(body.message.en).toMatch(/must not/);
      expect(Object.keys(body.fields)).toEqual(['outcome']);
    }
    const words = 'Bộ phận một cửa đã niêm yết lại lệ phí hộ tịch và tập huấn cán bộ tiếp nhận.';
    expect((await json(admin, 'PUT', `/api/cases/${id}/published-outcome`, { outcome: words })).status).toBe(200);
    expect(((await (await json(admin, 'GET', `/api/cases/${id}`)).json()) as { publishedOutcome: string }).publishedOutcome).toBe(words);

    const month = localDay(closedAt).slice(0, 7);
    const figures = (await (await t.app.request(`/api/public/results?unit=${response.unit_id}`)).json()) as {
      outcomes: Record<string, unknown>[];
    };
    const shown = figures.outcomes.find((o) => o.outcome === words)!;
    expect(Object.keys(shown).sort()).toEqual(['month', 'outcome', 'sector', 'unit']);
    expect(shown).toMatchObject({ month, sector: { code: 'civil_status', name: { vi: 'Hộ tịch' } } });
    for (const path of [
      `/cong-khai/${response.unit_id}`,
      `/cong-khai/${response.unit_id}?lang=en`,
      `/api/public/results?unit=${response.unit_id}`,
    ]) {
      const text = await (await t.app.request(path)).text();
      expect(text).toContain(words);
      for (const secret of [COMMENT, DOSSIER, 'PRIVATE-ANSWER-TO-CITIZEN']) expect(text, path).not.toContain(secret);
    }
    const page = await (await t.app.request(`/cong-khai/${response.unit_id}`)).text();
    expect(page).toContain(`Hộ tịch · ${month.slice(5, 7)}/${month.slice(0, 4)}</div>${words}`);

    // Withdrawn: gone from the page.
    expect((await json(admin, 'PUT', `/api/cases/${id}/published-outcome`, { outcome: null })).status).toBe(200);
    expect(await (await t.app.request(`/cong-khai/${response.unit_id}`)).text()).not.toContain(words);
  });
});

interface Cell {
  shown: boolean;
  n?: number;
  satisfied?: number;
  rate?: number | null;
  interval?: { low: number; high: number } | null;
  target?: number;
  verdict?: string;
}
interface PeriodFigures {
  from: string;
  to: string;
  overall: Cell;
  sectors: { sector: string; cell: Cell }[];
}
interface Figures {
  unit: { id: number };
  quarter: PeriodFigures;
  year: PeriodFigures;
  trend: PeriodFigures[];
  children: { id: number; quarter: Cell; year: Cell }[];
}

/** Every unit's published figures, walking the child links from the top page as a reader would. */
async function everything(): Promise<{ raw: string[]; byUnit: Map<number, Figures> }> {
  const raw: string[] = [];
  const byUnit = new Map<number, Figures>();
  const queue: (number | undefined)[] = [undefined];
  while (queue.length > 0) {
    const id = queue.shift();
    const res = await t.app.request(id === undefined ? '/api/public/results' : `/api/public/results?unit=${id}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    raw.push(text);
    const html = await t.app.request(id === undefined ? '/cong-khai' : `/cong-khai/${id}`);
    raw.push(await html.text(), await (await t.app.request(`/cong-khai/${id ?? ''}?lang=en`)).text());
    const f = JSON.parse(text) as Figures;
    byUnit.set(f.unit.id, f);
    for (const c of f.children) queue.push(c.id);
  }
  return { raw, byUnit };
}

describe('disclosure control', () => {
  it('shows the same figures as /api/stats for every cell it shows', async () => {
    const { byUnit } = await everything();
    let compared = 0;
    for (const [unitId, f] of byUnit) {
      for (const p of [f.quarter, f.year, ...f.trend]) {
        const stats = (await (await json(admin, 'GET', `/api/stats?from=${p.from}&to=${p.to}&unit=${unitId}&groupBy=sector`)).json()) as {
          overall: Cell;
          rows: (Cell & { key: string })[];
        };
        const pick = (c: Cell) => ({
          n: c.n,
          satisfied: c.satisfied,
          rate: c.rate,
          interval: c.interval,
          target: c.target,
          verdict: c.verdict,
        });
        if (p.overall.shown) {
          expect(pick(p.overall)).toEqual(pick(stats.overall));
          compared++;
        }
        for (const s of p.sectors) {
          if (!s.cell.shown) continue;
          expect(pick(s.cell)).toEqual(pick(stats.rows.find((r) => r.key === s.sector)!));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('hides the small cell, and it cannot be worked out from everything published', async () => {
    const { raw, byUnit } = await everything();
    const hienNam = byUnit.get(units['11953']!)!;
    const justice = hienNam.quarter.sectors.find((s) => s.sector === 'justice')!;
    expect(justice.cell).toEqual({ shown: false, reason: 'few', note: expect.anything() });
    // What a reader knows: every shown cell's counts, keyed unit|period|sector ('*' the overall).
    const known = new Map<string, { n: number; satisfied: number }>();
    const sums: { total: string; parts: string[] }[] = [];
    const put = (key: string, c: Cell) => {
      if (c.shown) known.set(key, { n: c.n!, satisfied: c.satisfied! });
    };
    // Every period a page shows: the quarter, the year and the four quarters of the trend, each by sector.
    const shownPeriods = (f: Figures) => [f.quarter, f.year, ...f.trend];
    for (const [u, f] of byUnit) {
      for (const p of shownPeriods(f)) {
        put(`${u}|${p.from}|*`, p.overall);
        for (const s of p.sectors) put(`${u}|${p.from}|${s.sector}`, s.cell);
        sums.push({ total: `${u}|${p.from}|*`, parts: p.sectors.map((s) => `${u}|${p.from}|${s.sector}`) });
        const sectors = new Set([...byUnit.values()].flatMap((g) => shownPeriods(g).flatMap((x) => x.sectors.map((s) => s.sector))));
        // No counter sits at the province itself here, so a parent is the sum of its children.
        if (f.children.length > 0) {
          for (const s of ['*', ...sectors])
            sums.push({ total: `${u}|${p.from}|${s}`, parts: f.children.map((c) => `${c.id}|${p.from}|${s}`) });
        }
      }
      for (const c of f.children) {
        put(`${c.id}|${f.quarter.from}|*`, c.quarter);
        put(`${c.id}|${f.year.from}|*`, c.year);
      }
      const quartersOfYear = f.trend.filter((q) => q.from.slice(0, 4) === f.year.from.slice(0, 4));
      if (quartersOfYear.length === 4) {
        for (const sector of ['*', ...new Set(shownPeriods(f).flatMap((x) => x.sectors.map((s) => s.sector)))])
          sums.push({ total: `${u}|${f.year.from}|${sector}`, parts: quartersOfYear.map((q) => `${u}|${q.from}|${sector}`) });
      }
    }
    // A sector missing from a unit's list had no answers: a known zero.
    const zero = (key: string) => {
      const [u, from, s] = key.split('|');
      const f = byUnit.get(Number(u));
      const p = f && shownPeriods(f).find((x) => x.from === from);
      return p !== undefined && s !== '*' && !p.sectors.some((x) => x.sector === s);
    };
    for (const sum of sums) for (const k of [sum.total, ...sum.parts]) if (zero(k)) known.set(k, { n: 0, satisfied: 0 });
    // Subtract: any sum with one unknown member gives it away; repeat until nothing new.
    for (let changed = true; changed;) {
      changed = false;
      for (const { total, parts } of sums) {
        const unknown = [total, ...parts].filter((k) => !known.has(k));
        if (unknown.length !== 1) continue;
        const sumOf = (f: 'n' | 'satisfied') => parts.filter((k) => known.has(k)).reduce((a, k) => a + known.get(k)![f], 0);
        const missing = unknown[0]!;
        const t0 = known.get(total);
        known.set(
          missing,
          missing === total
            ? { n: sumOf('n'), satisfied: sumOf('satisfied') }
            : { n: t0!.n - sumOf('n'), satisfied: t0!.satisfied - sumOf('satisfied') },
        );
        changed = true;
      }
    }
    const target = `${units['11953']}|${periods.latestQuarter.from}|justice`;
    expect(known.has(target)).toBe(false);
    // The trend's small cell, a quarter earlier, is hidden and stays out of reach too.
    const trendLand = hienNam.trend[2]!.sectors.find((s) => s.sector === 'land')!;
    expect(trendLand.cell).toEqual({ shown: false, reason: 'few', note: expect.anything() });
    expect(known.has(`${units['11953']}|${periods.quarters[2]!.from}|land`)).toBe(false);
    expect(hienNam.trend.map((q) => q.from)).toEqual(periods.quarters.map((q) => q.from));
    expect(hienNam.trend[2]!.sectors.some((s) => s.sector === 'civil_status' && s.cell.shown)).toBe(true);
    const provinceJustice = `${units['33']}|${periods.latestQuarter.from}|justice`;
    expect(known.has(provinceJustice)).toBe(false);
    // Nor does any small figure anywhere come out of the subtraction.
    for (const [key, c] of known) if (c.n > 0) expect(c.n, key).toBeGreaterThanOrEqual(10);
    // And nothing of an answer itself is ever published.
    for (const text of raw) {
      expect(text).not.toContain(COMMENT);
      expect(text).not.toContain(DOSSIER);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });

  it('exposes nothing of a hidden cell: no count, no interval', async () => {
    const f = (await (await t.app.request(`/api/public/results?unit=${units['11953']}`)).json()) as Figures;
    const hidden = [f.quarter, f.year].flatMap((p) => [p.overall, ...p.sectors.map((s) => s.cell)]).filter((c) => !c.shown);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const c of hidden) expect(Object.keys(c).sort()).toEqual(['note', 'reason', 'shown']);
  });
});
