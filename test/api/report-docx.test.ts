import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDossiers } from '../../db/dossiers';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { resolveDossiers } from '../../server/dossiers/resolve-dossiers';
import { docxRate } from '../../server/reports/report-docx';
import { dossierJson } from '../support/dossier-facts';
import { storeRandomResponses } from '../support/random-responses';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
let analyst: string;
const H1 = 'kind=h1&year=2026';
/** The demo tenant is "Tỉnh Hưng Yên (dữ liệu minh họa · demo)": its People's Committee, said to be a demo. */
const AGENCY = 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN (DỮ LIỆU MINH HỌA · DEMO)';
const PERIOD = 'from=2025-12-15&to=2026-06-14';

const json = (who: string, method: string, path: string, body?: unknown) =>
  t.app.request(path, {
    method,
    headers: { cookie: who, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  await createUser(t.db.dbWrite, {
    tenant_id: t.state.tenantId,
    username: 'docx-analyst',
    password_hash: await hashPassword('docx-analyst-password'),
    role: 'analyst',
    unit_id: null,
  });
  analyst = await login(t.app, 'docx-analyst', 'docx-analyst-password');
  await storeRandomResponses(t.db, {
    count: 600,
    seed: 19,
    codes: ['demo-land', 'demo-health', 'demo-civil'],
    from: new Date('2025-12-20T00:00:00Z'),
    days: 150,
  });
  // Dossiers for the 766 section: the one-stop centre (one overdue, one complaint answered late) and a ward.
  const items = [
    dossierJson(1, { channel: 'online' }),
    dossierJson(2, { channel: 'online', rating: 1, ratingScale: 3 }),
    dossierJson(3, { finishedAt: '2026-03-11T09:00:00+07:00' }),
    dossierJson(4, {
      sector: 'construction',
      complained: true,
      complaintDueAt: '2026-03-12T17:00:00+07:00',
      complaintAnsweredAt: '2026-03-13T09:00:00+07:00',
      complaintSatisfied: true,
    }),
    dossierJson(5, { finishedAt: null }),
    ...[6, 7, 8].map((n) =>
      dossierJson(n, {
        unit: '11953',
        sector: 'civil_status',
        channel: 'online',
        receivedAt: '2026-01-05T08:00:00+07:00',
        dueAt: '2026-01-09T17:00:00+07:00',
        finishedAt: '2026-01-08T10:00:00+07:00',
      }),
    ),
  ];
  const { records, problems } = await resolveDossiers(
    t.db.dbWrite,
    t.state.tenantId,
    undefined,
    items.map((value, at) => ({ at, value })),
  );
  expect(problems).toEqual([]);
  await storeDossiers(t.db.dbWrite, t.state.tenantId, records, 'import');
  // Complaint cases received in the period: one answered on time, one late, one still open.
  const unit = (await t.db.dbRead.selectFrom('units').select('id').where('code', '=', '11953').executeTakeFirstOrThrow()).id;
  const at = (s: string) => new Date(s);
  for (const [answered, due] of [
    ['2026-02-03T09:00:00+07:00', '2026-02-10T17:00:00+07:00'],
    ['2026-02-20T09:00:00+07:00', '2026-02-10T17:00:00+07:00'],
    [null, '2026-02-10T17:00:00+07:00'],
  ] as const)
    await t.db.dbWrite
      .insertInto('cases')
      .values({
        tenant_id: t.state.tenantId,
        response_id: null,
        unit_id: unit,
        opened_by: 'analyst',
        reason: 'comment',
        status: answered ? 'answered' : 'received',
        created_at: at('2026-02-01T09:00:00+07:00'),
        due_at: at(due),
        answered_at: answered ? at(answered) : null,
        answer_text: answered ? 'Đã trả lời.' : null,
      })
      .execute();
});
afterAll(() => t.close());

async function docx(query: string, who = cookie) {
  const res = await t.app.request(`/api/reports/report.docx?${query}`, { headers: { cookie: who } });
  expect(res.status).toBe(200);
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return { xml: strFromU8(files['word/document.xml']!), styles: strFromU8(files['word/styles.xml']!) };
}

/** The text of an XML fragment: its runs joined, its paragraphs one per line. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

/** Every table of the document, each as its rows of cell texts. */
const tables = (xml: string) =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((tbl) =>
    [...tbl[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0])),
    ),
  );
/** The table whose header row starts with this word. */
const tableHeaded = (xml: string, first: string, nth = 0) => {
  const found = tables(xml).filter((rows) => rows[0]?.[0] === first);
  expect(found.length, first).toBeGreaterThan(nth);
  return found[nth]!;
};

interface StatsRow {
  key: string;
  label: string;
  n: number;
  rate: number | null;
  target: number;
  interval: { low: number; high: number } | null;
  verdict: string;
}
const VERDICTS: Record<string, string> = { met: 'Đạt', not_met: 'Không đạt', too_few: 'Chưa đủ số phiếu' };
const count = (s: string) => Number(s.replace(/\./g, ''));

/** Each stats row has one line of the table, with its n, its rate as the page shows it, and its verdict in words. */
function expectRowsEqual(table: string[][], rows: StatsRow[]) {
  expect(rows.length).toBeGreaterThan(0);
  expect(table[0]).toEqual(['' + table[0]![0], 'Số phiếu hợp lệ', 'Tỷ lệ hài lòng', 'Khoảng tin cậy 95%', 'Chỉ tiêu', 'Đánh giá']);
  for (const r of rows) {
    const line = table.find((cells) => cells[0] === r.label);
    expect(line, r.label).toBeDefined();
    expect(count(line![1]!), r.label).toBe(r.n);
    expect(line![2], r.label).toBe(docxRate(r.rate, r.target));
    expect(line![5]!.startsWith(VERDICTS[r.verdict]!), r.label).toBe(true);
  }
}

const stats = async (groupBy: string) =>
  (await (await t.app.request(`/api/stats?${PERIOD}&groupBy=${groupBy}`, { headers: { cookie } })).json()) as {
    overall: StatsRow;
    rows: StatsRow[];
  };

describe('the periodic report as a Word document (Decree 30/2020/NĐ-CP)', () => {
  it('is an A4 Times New Roman document with the Decree 30 margins and header block', async () => {
    const { xml, styles } = await docx(H1);
    expect(xml.match(/<w:pgSz [^>]*>/)?.[0]).toMatch(/w:w="11906" w:h="16838"/);
    // 20 mm top and bottom, 30 mm left, 15 mm right, in twips.
    expect(xml.match(/<w:pgMar [^>]*>/)?.[0]).toMatch(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml.includes('<w:titlePg/>')).toBe(true);
    expect(styles).toContain('Times New Roman');
    expect(styles.includes('<w:sz w:val="26"/>')).toBe(true);
    expect(styles.includes('<w:jc w:val="both"/>')).toBe(true);
    const text = textOf(xml);
    expect(text).toContain(`${AGENCY}\n`);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Số: \u00a0+\/BC-UBND/);
    expect(text).toMatch(/Hưng Yên, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả đo lường sự hài lòng của người dân, tổ chức 6 tháng đầu năm 2026');
    // Body paragraphs: justified by the default style, the first line indented 1 cm.
    expect(xml.includes('<w:ind w:firstLine="567"/>')).toBe(true);
  });

  it('has the six body sections, Nơi nhận and the signature block', async () => {
    const text = textOf((await docx(H1)).xml);
    for (const h of [
      '1. Kết quả theo lĩnh vực so với chỉ tiêu',
      '2. Kết quả theo đơn vị',
      '3. Số phiếu theo kênh',
      '4. Tiếp nhận và xử lý phản ánh, kiến nghị',
      '5. Chỉ số hài lòng theo Quyết định 766/QĐ-TTg',
      '6. Ghi chú phương pháp',
    ])
      expect(text).toContain(h);
    expect(text).toContain('Khoảng tin cậy Wilson 95%');
    expect(text).toContain('Hài lòng = trả lời 4 (Hài lòng) hoặc 5 (Rất hài lòng)');
    expect(text).toContain('"Đạt" khi tỷ lệ hài lòng bằng hoặc cao hơn chỉ tiêu');
    expect(text).toMatch(/Nơi nhận:\n- Như trên;\n- Lưu: VT\.\nKT\. CHỦ TỊCH\nPHÓ CHỦ TỊCH/);
    // The foot is a borderless two-column table: Nơi nhận on the left, the signer on the right.
    const foot = tables((await docx(H1)).xml).at(-1)!;
    expect(foot).toHaveLength(1);
    expect(foot[0]![0]).toMatch(/^Nơi nhận:/);
    expect(foot[0]![1]).toMatch(/^KT\. CHỦ TỊCH\nPHÓ CHỦ TỊCH/);
  });

  it('says for every sector and unit the rate, n and verdict of /api/stats for the same period', async () => {
    const { xml } = await docx(H1);
    const bySector = await stats('sector');
    const sectors = tableHeaded(xml, 'Lĩnh vực');
    expectRowsEqual(sectors, bySector.rows);
    const overall = sectors.find((cells) => cells[0] === 'Tổng thể')!;
    expect(count(overall[1]!)).toBe(bySector.overall.n);
    expect(overall[2]).toBe(docxRate(bySector.overall.rate, bySector.overall.target));
    expectRowsEqual(tableHeaded(xml, 'Đơn vị'), (await stats('unit')).rows);
    // Vietnamese notation: a decimal comma and a space before the sign.
    expect(sectors[1]![2]).toMatch(/^\d{1,3},\d{1,3}\u00a0%$/);
  });

  it('counts the channels, the complaints and the 766 ratios as the report and /api/indices/766 do', async () => {
    const { xml } = await docx(H1);
    const report = (await (await t.app.request(`/api/reports?${H1}`, { headers: { cookie } })).json()) as {
      byChannel: { label: { vi: string }; n: number }[];
    };
    const channels = tableHeaded(xml, 'Kênh');
    for (const c of report.byChannel) expect(count(channels.find((cells) => cells[0] === c.label.vi)![1]!)).toBe(c.n);
    const total = report.byChannel.reduce((s, c) => s + c.n, 0);
    expect(count(channels.find((cells) => cells[0] === 'Tổng cộng')![1]!)).toBe(total);

    const complaints = Object.fromEntries(tableHeaded(xml, 'Nội dung').slice(1) as [string, string][]);
    expect(complaints).toMatchObject({
      'Phản ánh, kiến nghị đang mở (cuối kỳ)': '1',
      'Trong đó quá hạn': '1',
      'Đã trả lời trong kỳ': '2',
      'Trả lời đúng hạn': '1',
      'Tỷ lệ trả lời đúng hạn': '50,0\u00a0%',
    });

    const index = (await (await t.app.request(`/api/indices/766?${PERIOD}&groupBy=sector`, { headers: { cookie } })).json()) as {
      rows: {
        label: string;
        dossiers: { total: number };
        r1: { value: number | null };
        r3: { value: number | null; numerator: number; denominator: number };
      }[];
    };
    const r766 = tableHeaded(xml, 'Lĩnh vực', 1);
    expect(r766[0]!.slice(1, 5)).toEqual(['Hồ sơ đã trả kết quả', 'R1', 'R2', 'R3']);
    expect(index.rows.length).toBeGreaterThan(0);
    for (const r of index.rows) {
      const line = r766.find((cells) => cells[0] === r.label);
      expect(line, r.label).toBeDefined();
      expect(count(line![1]!)).toBe(r.dossiers.total);
      const r3 = r.r3.value === null ? '—' : `${r.r3.value.toFixed(1).replace('.', ',')}\u00a0%`;
      expect(line![4]).toBe(`${r3}\n(${r.r3.numerator}/${r.r3.denominator})`);
    }
    expect(tableHeaded(xml, 'Đơn vị', 1).length).toBeGreaterThan(1);
  });
});

const SETTINGS = {
  agency: 'Sở Nội vụ',
  superiorAgency: 'UBND tỉnh Hưng Yên',
  numberSuffix: 'BC-SNV',
  place: 'Hưng Yên',
  signerAuthority: 'KT. GIÁM ĐỐC',
  signerTitle: 'Phó Giám đốc',
  signerName: 'Nguyễn Văn An',
  recipients: ['UBND tỉnh (để b/c);', 'Bộ Nội vụ', 'Lưu: VT, CCHC'],
};

describe('the report settings (who issues and signs)', () => {
  it('start from the tenant name', async () => {
    const res = await json(cookie, 'GET', '/api/reports/settings');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      agency: AGENCY,
      superiorAgency: '',
      numberSuffix: 'BC-UBND',
      place: 'Hưng Yên',
      signerAuthority: 'KT. CHỦ TỊCH',
      signerTitle: 'PHÓ CHỦ TỊCH',
      signerName: '',
      recipients: ['Như trên', 'Lưu: VT'],
    });
  });

  it('are for administrators only', async () => {
    expect((await json(analyst, 'GET', '/api/reports/settings')).status).toBe(403);
    const refused = await json(analyst, 'PUT', '/api/reports/settings', SETTINGS);
    expect(refused.status).toBe(403);
    // The analyst still downloads the report.
    await docx(H1, analyst);
  });

  it('refuse bad input with a message in both languages, and change nothing', async () => {
    const bad = await json(cookie, 'PUT', '/api/reports/settings', { ...SETTINGS, numberSuffix: 'bc ubnd', recipients: [] });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { message: { vi: string; en: string }; fields: Record<string, { vi: string; en: string }> };
    expect(body.message).toEqual({ vi: 'Dữ liệu gửi lên chưa đúng.', en: 'The request body is not valid.' });
    expect(body.fields.numberSuffix!.en).toContain('BC-UBND');
    expect(body.fields.numberSuffix!.vi).toMatch(/^Giá trị không hợp lệ/);
    expect(body.fields.recipients!.en).toContain('at least one recipient');
    expect((await json(cookie, 'PUT', '/api/reports/settings', { ...SETTINGS, agency: '  ' })).status).toBe(422);
    expect((await json(cookie, 'PUT', '/api/reports/settings', { ...SETTINGS, extra: 1 })).status).toBe(422);
    expect(((await (await json(cookie, 'GET', '/api/reports/settings')).json()) as { agency: string }).agency).toBe(AGENCY);
    const number = await t.app.request(`/api/reports/report.docx?${H1}&number=12a`, { headers: { cookie } });
    expect(number.status).toBe(400);
    const refusal = (await number.json()) as { fields: Record<string, { vi: string; en: string }> };
    expect(refusal.fields.number!.vi).toContain('Số văn bản');
  });

  it('are saved, audited, and shown in the next document with its number', async () => {
    const saved = await json(cookie, 'PUT', '/api/reports/settings', SETTINGS);
    expect(saved.status).toBe(200);
    expect(await (await json(cookie, 'GET', '/api/reports/settings')).json()).toEqual(SETTINGS);
    const audit = await t.db.dbRead
      .selectFrom('audit_log')
      .select(['action', 'details', 'actor_username'])
      .where('action', '=', 'report_settings_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_username).toBe('admin');
    expect(audit[0]!.details).toMatchObject({ from: { agency: AGENCY }, to: { agency: 'Sở Nội vụ' } });

    const text = textOf((await docx(`${H1}&number=12`)).xml);
    expect(text).toContain('UBND TỈNH HƯNG YÊN\nSỞ NỘI VỤ');
    expect(text).toContain('Số: 12/BC-SNV');
    expect(text).toMatch(/Hưng Yên, ngày \d{2} tháng/);
    expect(text).toMatch(
      /Nơi nhận:\n- UBND tỉnh \(để b\/c\);\n- Bộ Nội vụ;\n- Lưu: VT, CCHC\.\nKT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(\n){4}Nguyễn Văn An/,
    );
    const downloads = await t.db.dbRead
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'report_downloaded')
      .where('subject', '=', 'report.docx')
      .execute();
    expect(downloads.some((d) => (d.details as { number?: string }).number === '12')).toBe(true);
  });
});
