import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../client/app/api';
import { postImport } from '../../client/imports/imports-api';
import { filenameOf } from '../../client/exports/content-disposition';
import { csvRecordCounter } from '../../client/exports/csv-record-counter';
import { streamDownload } from '../../client/exports/download';
import { exportUrl } from '../../client/app/links';
import { formatBytes } from '../../client/app/format';
import { importContentType, problemsOf } from '../../client/imports/import-file';
import { reportFromQuery, reportRange, reportToQuery } from '../../client/reports/report-query';
import { navKeyOf, routeOf, waveIdOf } from '../../client/app/router';
import { navEntries, redirectFor } from '../../client/app/roles';
import { checkDraft, parseMargin, parsePopulation, requiredFor } from '../../client/waves/wave-draft';
import { yamaneSampleSize } from '../../surveys/statistics';

afterEach(() => vi.unstubAllGlobals());

const bytes = (s: string) => new TextEncoder().encode(s);

describe('counting CSV records as they stream', () => {
  it('counts a line break inside a quoted comment as part of its record', () => {
    const c = csvRecordCounter();
    c.push(bytes('id,comment\n1,"chờ lâu\nquá"\n2,"nói ""cảm ơn"""\n'));
    expect(c.records).toBe(3);
  });

  it('gives the same count however the bytes are split, and counts a last record without its newline', () => {
    const text = bytes('\uFEFFa,b\n1,"x\ny"\n2,z');
    for (let cut = 0; cut <= text.length; cut++) {
      const c = csvRecordCounter();
      c.push(text.slice(0, cut));
      c.push(text.slice(cut));
      expect(c.records).toBe(3);
    }
  });
});

describe('download names', () => {
  it('reads the plain and the UTF-8 file name, and drops any path', () => {
    expect(filenameOf('attachment; filename="hailong-responses-2026-01-01-2026-06-14.csv"', 'x')).toBe(
      'hailong-responses-2026-01-01-2026-06-14.csv',
    );
    expect(filenameOf('attachment; filename="bao-cao.xlsx"; filename*=UTF-8\'\'b%C3%A1o-c%C3%A1o.xlsx', 'x')).toBe('báo-cáo.xlsx');
    expect(filenameOf('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(filenameOf('attachment; filename=plain.sav', 'x')).toBe('plain.sav');
    expect(filenameOf(null, 'fallback.csv')).toBe('fallback.csv');
    expect(filenameOf('attachment', 'fallback.csv')).toBe('fallback.csv');
  });

  it('writes sizes the way file managers do', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(3 * 1024 * 1024, 'en')).toBe('3.0 MB');
  });
});

describe('export addresses', () => {
  const filter = { from: '2026-01-01', to: '2026-06-14', sector: 'land' };
  it('adds the CSV options only to the CSV, and only when chosen', () => {
    expect(exportUrl('csv', filter, { labels: true, codes: true })).toBe(
      '/api/exports/responses.csv?from=2026-01-01&to=2026-06-14&sector=land&labels=1&codes=1',
    );
    expect(exportUrl('csv', filter)).toBe('/api/exports/responses.csv?from=2026-01-01&to=2026-06-14&sector=land');
    expect(exportUrl('sav', filter, { labels: true, codes: true })).toBe(
      '/api/exports/responses.sav?from=2026-01-01&to=2026-06-14&sector=land',
    );
    expect(exportUrl('xlsx', filter)).toMatch(/^\/api\/exports\/responses\.xlsx\?/);
    expect(exportUrl('codebook', filter)).toMatch(/^\/api\/exports\/codebook\.json\?/);
  });
});

/** A response whose body arrives in the given chunks, with no Content-Length (as the exports stream). */
function streamed(chunks: string[], headers: Record<string, string>) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(bytes(c));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers });
}

describe('streaming a download', () => {
  it('reports bytes and records as chunks arrive, and keeps every byte', async () => {
    const chunks = ['\uFEFFid,comment\n1,"a\n', 'b"\n2,c\n'];
    vi.stubGlobal('fetch', async () =>
      streamed(chunks, { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="r.csv"' }),
    );
    const seen: { bytes: number; records: number | null }[] = [];
    const file = await streamDownload('/api/exports/responses.csv?x', {
      signal: new AbortController().signal,
      countCsv: true,
      fallbackName: 'f.csv',
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.bytes).toBe(file.bytes);
    expect(file.records).toBe(3);
    expect(file.filename).toBe('r.csv');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await file.blob.arrayBuffer()))).toBe(chunks.join(''));
  });

  it('turns a refusal into the server message in both languages', async () => {
    const message = { vi: 'Bộ lọc không hợp lệ.', en: 'The filter is not valid.' };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'x', message }), { status: 400 }));
    const err = await streamDownload('/x', { signal: new AbortController().signal, fallbackName: 'f', onProgress: () => {} }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).text).toEqual(message);
  });

  it('stops when cancelled, with the abort and not a network error', async () => {
    const controller = new AbortController();
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (init.signal?.aborted) c.error(new DOMException('aborted', 'AbortError'));
          else c.enqueue(bytes('x'.repeat(100)));
        },
      });
      return new Response(body);
    });
    let calls = 0;
    const err = await streamDownload('/x', {
      signal: controller.signal,
      fallbackName: 'f',
      onProgress: () => {
        if (++calls === 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((err as DOMException).name).toBe('AbortError');
    expect(calls).toBe(3);
  });
});

describe('report choice in the URL', () => {
  it('defaults to the shortest report period holding today (from 15 December, next year)', () => {
    expect(reportFromQuery('', '2026-05-20')).toEqual({ kind: 'h1', year: 2026 });
    expect(reportFromQuery('', '2026-02-01')).toEqual({ kind: 'q1', year: 2026 });
    expect(reportFromQuery('', '2026-12-20')).toEqual({ kind: 'q1', year: 2027 });
  });

  it('reads and writes kind, year or days, and unit, the way the API takes them', () => {
    const h1 = reportFromQuery('?kind=h1&year=2025&unit=3', '2026-05-20');
    expect(h1).toEqual({ kind: 'h1', year: 2025, unit: 3 });
    expect(reportToQuery(h1)).toBe('kind=h1&year=2025&unit=3');
    expect(reportRange(h1)).toEqual({ from: '2024-12-15', to: '2025-06-14' });
    const custom = reportFromQuery('?kind=custom&from=2026-04-01&to=2026-03-01', '2026-05-20');
    expect(custom).toEqual({ kind: 'custom', from: '2026-03-01', to: '2026-04-01' });
    expect(reportToQuery(custom, { lang: 'en' })).toBe('kind=custom&from=2026-03-01&to=2026-04-01&lang=en');
    // Nonsense falls back rather than failing the page.
    expect(reportFromQuery('?kind=weekly&year=abc&unit=-2', '2026-05-20')).toEqual({ kind: 'h1', year: 2026 });
    expect(reportFromQuery('?kind=year&year=1900', '2026-05-20')).toEqual({ kind: 'year', year: 2026 });
  });
});

describe('filing routes and roles', () => {
  it("routes the filing pages and a wave's own pages", () => {
    expect(routeOf('/app/exports')).toBe('exports');
    expect(routeOf('/app/reports/')).toBe('reports');
    expect(routeOf('/app/waves')).toBe('waves');
    expect(routeOf('/app/waves/new')).toBe('wave_new');
    expect(routeOf('/app/waves/12')).toBe('wave');
    expect(routeOf('/app/waves/12/entry')).toBe('wave_entry');
    expect(routeOf('/app/waves/0')).toBe('not_found');
    expect(routeOf('/app/waves/12/other')).toBe('not_found');
    expect(routeOf('/app/imports')).toBe('imports');
    expect(waveIdOf('/app/waves/12/entry')).toBe(12);
    expect(waveIdOf('/app/waves/new')).toBeNull();
    expect(navKeyOf('wave_entry')).toBe('waves');
  });

  it('shows an interviewer only the waves, and keeps everyone else off what they cannot use', () => {
    expect(navEntries('interviewer')).toEqual(['waves']);
    expect(redirectFor('interviewer', 'overview')).toBe('/app/waves');
    expect(redirectFor('interviewer', 'imports')).toBe('/app/waves');
    expect(redirectFor('interviewer', 'wave_new')).toBe('/app/waves');
    expect(redirectFor('interviewer', 'wave_entry')).toBeNull();
    expect(navEntries('analyst')).toContain('imports');
    expect(redirectFor('analyst', 'wave_new')).toBeNull();
    expect(navEntries('officer')).not.toContain('exports');
    expect(navEntries('officer')).not.toContain('reports');
    expect(redirectFor('officer', 'exports')).toBe('/app/counters');
  });
});

describe('the new-wave form', () => {
  it('previews exactly the Yamane size the server computes, for any N and margin typed', () => {
    for (const N of [1, 2, 30, 99, 100, 350, 399, 400, 800, 1200, 5000, 123_456]) {
      for (const pct of ['5', '3', '2,5', '10']) {
        expect(requiredFor(String(N), pct)).toBe(yamaneSampleSize(N, Number(pct.replace(',', '.')) / 100));
      }
    }
    // Hand-worked (docs/domain.md §4): 1200 / (1 + 1200 · 0.0025) = 300; 800 / 3 = 266.7 → 267; 350 / 1.875 = 186.7 → 187.
    expect([requiredFor('1200', '5'), requiredFor('800', '5'), requiredFor('350', '5')]).toEqual([300, 267, 187]);
    expect(requiredFor('', '5')).toBeNull();
    expect(requiredFor('1200', '0')).toBeNull();
  });

  it('reads populations with thousands separators and margins with a decimal comma', () => {
    expect(parsePopulation('1.200')).toBe(1200);
    expect(parsePopulation('12 000')).toBe(12000);
    expect(parsePopulation('1,5')).toBeNull();
    expect(parsePopulation('0')).toBeNull();
    expect(parsePopulation('-3')).toBeNull();
    expect(parseMargin('2,5')).toBe(0.025);
    expect(parseMargin('100')).toBeNull();
  });

  it('builds the request, or names every field to fix', () => {
    const draft = {
      name: ' Đợt 1 ',
      survey: 'sipas-counter',
      sector: 'other',
      from: '2026-03-01',
      to: '2026-03-31',
      margin: '5',
      strata: [{ unitId: 3, population: '1.200' }],
    };
    expect(checkDraft(draft)).toEqual({
      ok: true,
      wave: {
        name: 'Đợt 1',
        survey: 'sipas-counter',
        sector: 'other',
        from: '2026-03-01',
        to: '2026-03-31',
        margin: 0.05,
        strata: [{ unitId: 3, population: 1200 }],
      },
    });
    const bad = checkDraft({ ...draft, name: '', from: '2026-04-01', margin: 'x', strata: [{ unitId: 3, population: '' }] });
    expect(bad).toEqual({
      ok: false,
      errors: { name: 'needName', from: 'needDates', margin: 'needMargin', population_0: 'needPopulation' },
    });
    expect(checkDraft({ ...draft, strata: [] })).toMatchObject({ ok: false, errors: { strata: 'needStrata' } });
  });
});

describe('imports', () => {
  it('sends the raw file with a type the server understands, to the chosen target', async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ rows: 2, valid: 2, stored: 0, alreadyImported: 0, dryRun: true }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetch);
    const file = new Blob(['submitted_at,overall\n2026-03-01,4\n']);
    await postImport({ wave: 4 }, file, 'text/csv', true);
    await postImport({ counter: 'demo-land' }, file, importContentType({ name: 'PHIEU.XLSX', type: '' }), false);
    const calls = fetch.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0]![0]).toBe('/api/imports?wave=4&dryRun=1');
    expect(calls[0]![1].body).toBe(file);
    expect((calls[0]![1].headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect(calls[1]![0]).toBe('/api/imports?counter=demo-land');
    expect((calls[1]![1].headers as Record<string, string>)['Content-Type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('keeps the problems of a refused file, in line order', async () => {
    const body = {
      error: 'x',
      message: { vi: 'Chưa nhập dòng nào.', en: 'Nothing was imported.' },
      rows: 3,
      problems: [
        { line: 4, column: 'overall', message: { vi: 'b', en: 'b' } },
        { line: 2, column: 'submitted_at', message: { vi: 'a', en: 'a' } },
      ],
    };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 422 }));
    const err = (await postImport({ wave: 1 }, new Blob(['x']), 'text/csv', true).catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(422);
    expect(problemsOf(err.body)!.map((p) => p.line)).toEqual([2, 4]);
    expect(problemsOf({ error: 'x' })).toBeNull();
    expect(importContentType({ name: 'a.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
  });
});
