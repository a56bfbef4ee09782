import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken } from '../../server/citizen/form-token';
import { dbSnapshot } from '../support/db-snapshot';
import { createTestApp, formToken, login, newClientKey, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
let used: { token: string; clientKey: string };
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  used = { token: await formToken(t.app, 'demo-land'), clientKey: newClientKey() };
  expect((await submitJson(t.app, 'demo-land', { ...used, answers: { overall: 5 } })).status).toBe(201);
});
afterAll(() => t.close());

type Req = {
  name: string;
  method?: string;
  path: string;
  type?: string | null;
  body?: string | (() => Promise<string>);
  auth?: boolean;
  status: number;
};

const json = 'application/json';
const valid = async (extra: Record<string, unknown>) =>
  JSON.stringify({ clientKey: newClientKey(), token: await formToken(t.app, 'demo-land'), answers: { overall: 4 }, ...extra });
const SQLI = `'; DROP TABLE responses; --`;

/** Malformed or hostile requests; each must get a clear 4xx, and none may store anything. */
const CORPUS: Req[] = [
  { name: 'body over 64 KB', path: '/q/demo-land', type: json, body: async () => valid({ comment: 'x'.repeat(70_000) }), status: 413 },
  { name: 'malformed JSON', path: '/q/demo-land', type: json, body: '{"answers": {', status: 400 },
  { name: 'JSON array body', path: '/q/demo-land', type: json, body: '[]', status: 422 },
  { name: 'JSON null body', path: '/q/demo-land', type: json, body: 'null', status: 422 },
  { name: 'empty JSON body', path: '/q/demo-land', type: json, body: '', status: 400 },
  { name: 'text/plain', path: '/q/demo-land', type: 'text/plain', body: 'overall=5', status: 415 },
  { name: 'XML', path: '/q/demo-land', type: 'application/xml', body: '<a/>', status: 415 },
  { name: 'no content type', path: '/q/demo-land', type: null, body: 'overall=5', status: 415 },
  { name: 'unknown question key', path: '/q/demo-land', type: json, body: () => valid({ answers: { overall: 4, hack: 1 } }), status: 422 },
  {
    name: 'prototype key',
    path: '/q/demo-land',
    type: json,
    body: async () => (await valid({})).replace('"overall":4', '"overall":4,"__proto__":{"x":1}'),
    status: 422,
  },
  { name: 'value 0', path: '/q/demo-land', type: json, body: () => valid({ answers: { overall: 0 } }), status: 422 },
  { name: 'value 6', path: '/q/demo-land', type: json, body: () => valid({ answers: { overall: 6 } }), status: 422 },
  { name: 'value 4.5', path: '/q/demo-land', type: json, body: () => valid({ answers: { overall: 4.5 } }), status: 422 },
  { name: 'value as string', path: '/q/demo-land', type: json, body: () => valid({ answers: { overall: '5' } }), status: 422 },
  { name: 'value -1', path: '/q/demo-land', type: json, body: () => valid({ answers: { overall: -1 } }), status: 422 },
  {
    name: 'value 1e308',
    path: '/q/demo-land',
    type: json,
    body: async () => (await valid({})).replace('"overall":4', '"overall":1e308'),
    status: 422,
  },
  {
    name: 'no opinion on the required question',
    path: '/q/demo-land',
    type: json,
    body: () => valid({ answers: { overall: null } }),
    status: 422,
  },
  {
    name: 'answers missing',
    path: '/q/demo-land',
    type: json,
    body: async () => JSON.stringify({ clientKey: newClientKey(), token: await formToken(t.app, 'demo-land') }),
    status: 422,
  },
  { name: 'answers as array', path: '/q/demo-land', type: json, body: () => valid({ answers: [5] }), status: 422 },
  {
    name: 'question of another survey version',
    path: '/q/demo-land',
    type: json,
    body: () => valid({ answers: { overall: 4, access_1: 5 } }),
    status: 422,
  },
  {
    name: 'health question at the land counter',
    path: '/q/demo-land',
    type: json,
    body: () => valid({ answers: { overall: 4, expectations_met: 50 } }),
    status: 422,
  },
  { name: 'comment as number', path: '/q/demo-land', type: json, body: () => valid({ comment: 42 }), status: 422 },
  { name: 'sector not served', path: '/q/demo-land', type: json, body: () => valid({ sector: 'health' }), status: 422 },
  { name: 'SQL in sector', path: '/q/demo-land', type: json, body: () => valid({ sector: SQLI }), status: 422 },
  { name: 'SQL in dossier code', path: '/q/demo-land', type: json, body: () => valid({ dossierCode: SQLI }), status: 422 },
  {
    name: 'script in dossier code',
    path: '/q/demo-land',
    type: json,
    body: () => valid({ dossierCode: '<script>alert(1)</script>' }),
    status: 422,
  },
  { name: 'SQL in client key', path: '/q/demo-land', type: json, body: () => valid({ clientKey: SQLI }), status: 422 },
  { name: 'client key too short', path: '/q/demo-land', type: json, body: () => valid({ clientKey: 'abc' }), status: 422 },
  { name: 'client key too long', path: '/q/demo-land', type: json, body: () => valid({ clientKey: 'a'.repeat(65) }), status: 422 },
  {
    name: 'channel interviewer from the public',
    path: '/q/demo-land',
    type: json,
    body: () => valid({ channel: 'interviewer' }),
    status: 422,
  },
  { name: 'device key with spaces', path: '/q/demo-land', type: json, body: () => valid({ deviceKey: 'a b c d e f g h' }), status: 422 },
  {
    name: 'missing token',
    path: '/q/demo-land',
    type: json,
    body: JSON.stringify({ clientKey: 'missing-token-01', answers: { overall: 4 } }),
    status: 422,
  },
  { name: 'forged token', path: '/q/demo-land', type: json, body: () => valid({ token: issueFormToken('wrong-secret', 1) }), status: 422 },
  { name: 'garbage token', path: '/q/demo-land', type: json, body: () => valid({ token: 'a.b.c' }), status: 422 },
  {
    name: 'expired token',
    path: '/q/demo-land',
    type: json,
    body: async () => valid({ token: issueFormToken(t.state.secret, await landCounterId(), Date.now() - 3 * 3600_000) }),
    status: 422,
  },
  {
    name: 'token from the future',
    path: '/q/demo-land',
    type: json,
    body: async () => valid({ token: issueFormToken(t.state.secret, await landCounterId(), Date.now() + 3600_000) }),
    status: 422,
  },
  {
    name: 'token of another counter',
    path: '/q/demo-land',
    type: json,
    body: async () => valid({ token: await formToken(t.app, 'demo-health') }),
    status: 422,
  },
  {
    name: 'replayed token',
    path: '/q/demo-land',
    type: json,
    body: () => Promise.resolve(JSON.stringify({ clientKey: newClientKey(), token: used.token, answers: { overall: 1 } })),
    status: 409,
  },
  { name: 'path trick in counter code', path: '/q/..%2f..%2fetc%2fpasswd', type: json, body: () => valid({}), status: 404 },
  { name: 'SQL in counter code', path: `/q/${encodeURIComponent(SQLI)}`, type: json, body: () => valid({}), status: 404 },
  { name: 'upper-case counter code', path: '/q/DEMO-LAND', type: json, body: () => valid({}), status: 404 },
  { name: 'very long counter code', path: `/q/${'a'.repeat(300)}`, type: json, body: () => valid({}), status: 404 },
  { name: 'form post without token', path: '/q/demo-land', type: 'application/x-www-form-urlencoded', body: 'q.overall=5', status: 422 },
  {
    name: 'form post with value 9',
    path: '/q/demo-land',
    type: 'application/x-www-form-urlencoded',
    body: async () => `token=${encodeURIComponent(await formToken(t.app, 'demo-land'))}&clientKey=${newClientKey()}&q.overall=9`,
    status: 422,
  },
  { name: 'cross-site form post', path: '/q/demo-land', type: 'application/x-www-form-urlencoded', body: 'q.overall=5', status: 403 },
  { name: 'login with malformed JSON', path: '/api/auth/login', type: json, body: '{', status: 400 },
  { name: 'login with SQL', path: '/api/auth/login', type: json, body: JSON.stringify({ username: SQLI, password: SQLI }), status: 401 },
  {
    name: 'login with a huge password',
    path: '/api/auth/login',
    type: json,
    body: JSON.stringify({ username: 'admin', password: 'x'.repeat(5000) }),
    status: 422,
  },
  { name: 'stats with SQL in sector', path: `/api/stats?sector=${encodeURIComponent(SQLI)}`, auth: true, status: 400 },
  { name: 'stats with SQL in unit', path: `/api/stats?unit=${encodeURIComponent('1 or 1=1')}`, auth: true, status: 400 },
  { name: 'stats with impossible date', path: '/api/stats?from=2026-02-30', auth: true, status: 400 },
  { name: 'stats with script in groupBy', path: '/api/stats?groupBy=%3Cscript%3E', auth: true, status: 400 },
  { name: 'export with SQL in counter', path: `/api/exports/responses.csv?counter=${encodeURIComponent(SQLI)}`, auth: true, status: 404 },
  { name: 'comments search too long', path: `/api/comments?q=${'a'.repeat(500)}`, auth: true, status: 400 },
  { name: 'flag clear of a non-number', method: 'POST', path: '/api/flagged/abc/clear', auth: true, status: 400 },
  {
    name: 'import with nothing to import',
    method: 'POST',
    path: '/api/imports?counter=demo-land',
    type: 'text/csv',
    body: '',
    auth: true,
    status: 400,
  },
  {
    name: 'import with a formula column',
    method: 'POST',
    path: '/api/imports?counter=demo-land',
    type: 'text/csv',
    body: 'submitted_at,overall,=cmd\n2025-01-01,5,1\n',
    auth: true,
    status: 422,
  },
  // PostgreSQL refuses NUL (U+0000) in text: each is a 400, never a 500 from the database.
  {
    name: 'login with NUL in the name',
    path: '/api/auth/login',
    type: json,
    body: JSON.stringify({ username: 'adm\u0000in', password: 'wrong-password-1' }),
    status: 400,
  },
  { name: 'comments search with NUL', path: '/api/comments?q=%00', auth: true, status: 400 },
  { name: 'stats with NUL in counter', path: '/api/stats?counter=%00', auth: true, status: 400 },
  { name: 'export with NUL in survey', path: '/api/exports/responses.csv?survey=a%00b', auth: true, status: 400 },
  { name: 'NUL in a counter code', path: '/q/demo%00land', type: json, body: () => valid({}), status: 400 },
  { name: 'NUL in a poster code', path: '/posters/demo%00land', auth: true, status: 400 },
  {
    name: 'NUL in an answer key',
    path: '/q/demo-land',
    type: json,
    body: () => valid({ answers: { overall: 4, 'x\u0000': 1 } }),
    status: 400,
  },
  {
    name: 'wave named with NUL',
    method: 'POST',
    path: '/api/waves',
    type: json,
    auth: true,
    body: JSON.stringify({
      name: 'Đợt\u00001',
      survey: 'sipas-counter',
      from: '2026-01-01',
      to: '2026-02-01',
      strata: [{ unitId: 1, population: 50 }],
    }),
    status: 400,
  },
  {
    name: 'wave with a negative population',
    method: 'POST',
    path: '/api/waves',
    type: json,
    auth: true,
    body: JSON.stringify({
      name: 'x',
      survey: 'sipas-counter',
      from: '2026-01-01',
      to: '2026-02-01',
      strata: [{ unitId: 1, population: -5 }],
    }),
    status: 422,
  },
];

let landId: number | undefined;
async function landCounterId() {
  landId ??= (await sql<{ id: number }>`select id from counters where code = 'demo-land'`.execute(t.db.dbRead)).rows[0]!.id;
  return landId;
}

describe('hostile and broken input', () => {
  it(`gets a clear 4xx for each of ${CORPUS.length} requests, and nothing is stored`, async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(50);
    const before = await dbSnapshot(t.db);
    const cases = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(t.db.dbRead);
    const wrong: string[] = [];
    for (const r of CORPUS) {
      const body = typeof r.body === 'function' ? await r.body() : r.body;
      const headers: Record<string, string> = {};
      if (r.type) headers['content-type'] = r.type;
      if (r.auth) headers.cookie = cookie;
      if (r.name === 'cross-site form post') headers.origin = 'https://evil.example';
      const res = await t.app.request(r.path, {
        method: r.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await res.text();
      if (res.status !== r.status) wrong.push(`${r.name}: expected ${r.status}, got ${res.status} ${text.slice(0, 120)}`);
      else if (/json/.test(res.headers.get('content-type') ?? '')) {
        const parsed = JSON.parse(text) as { error?: string; message?: { vi?: string; en?: string } };
        if (!parsed.error || !parsed.message?.vi || !parsed.message?.en) wrong.push(`${r.name}: no message in both languages`);
      } else if (!/<html/.test(text)) wrong.push(`${r.name}: neither a JSON error nor a page`);
    }
    expect(wrong).toEqual([]);
    expect(await dbSnapshot(t.db)).toEqual(before);
    expect((await sql<{ n: number }>`select count(*)::int as n from cases`.execute(t.db.dbRead)).rows[0]!.n).toBe(cases.rows[0]!.n);
  });

  it('stores odd Unicode in a comment cleaned: NFC, no control characters; over the limit it is refused, not cut', async () => {
    const decomposed = 'Cán bộ tận tình'.normalize('NFD');
    const odd = (n: number) => `${decomposed}\u0000\u0007\u202e ok\r\n${'é'.repeat(n)}`;
    const tooLong = await submitJson(t.app, 'demo-land', { answers: { overall: 5 }, comment: odd(1200) });
    expect(tooLong.status).toBe(422);
    expect(Object.keys(((await tooLong.json()) as { fields: object }).fields)).toEqual(['_comment']);
    const res = await submitJson(t.app, 'demo-land', { answers: { overall: 5 }, comment: odd(900) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const row = (await sql<{ comment: string }>`select comment from responses where id = ${id}`.execute(t.db.dbRead)).rows[0]!;
    expect(row.comment).toBe(`${'Cán bộ tận tình'.normalize('NFC')} ok\n${'é'.repeat(900)}`);
    expect(row.comment).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it('keeps a comment that looks like a formula inert in CSV, and HTML in a comment stays text in the JSON feed', async () => {
    await submitJson(t.app, 'demo-land', { answers: { overall: 2 }, comment: '=HYPERLINK("http://x")' });
    await submitJson(t.app, 'demo-land', { answers: { overall: 2 }, comment: '<img src=x onerror=alert(1)>' });
    const csv = await (await t.app.request('/api/exports/responses.csv', { headers: { cookie } })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const feed = (await (await t.app.request('/api/comments', { headers: { cookie } })).json()) as { items: { comment: string }[] };
    expect(feed.items.map((i) => i.comment)).toContain('<img src=x onerror=alert(1)>');
    const res = await t.app.request('/api/comments', { headers: { cookie } });
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
