import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, login, NETWORK_ERROR } from '../../client/app/api';
import { csvExportUrl } from '../../client/app/links';
import { fetchAlerts, fetchComments, fetchDistribution, fetchStats } from '../../client/dashboard/dashboard-api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('asks /api/stats with the filter and the grouping', async () => {
    const fetch = vi.fn(async () => json(200, { filter: {}, groupBy: 'sector', overall: {}, rows: [] }));
    vi.stubGlobal('fetch', fetch);
    await fetchStats({ from: '2026-01-01', to: '2026-03-14', sector: 'land' }, 'sector');
    expect(fetch).toHaveBeenCalledWith(
      '/api/stats?from=2026-01-01&to=2026-03-14&sector=land&groupBy=sector',
      expect.objectContaining({ method: 'GET', credentials: 'same-origin' }),
    );
  });

  it('asks the analysis endpoints with the same filter query', async () => {
    const fetch = vi.fn(async () => json(200, { rows: [], items: [], nextBefore: null, alerts: [] }));
    vi.stubGlobal('fetch', fetch);
    const filter = { from: '2026-01-01', to: '2026-03-14', unit: 5, survey: 'education' };
    await fetchDistribution(filter, 'unit');
    await fetchComments(filter, '  chờ lâu ', 812);
    await fetchAlerts(5);
    await fetchAlerts(undefined);
    const urls = fetch.mock.calls.map((c) => (c as unknown[])[0]);
    expect(urls).toEqual([
      '/api/stats/distribution?from=2026-01-01&to=2026-03-14&unit=5&survey=education&groupBy=unit',
      '/api/comments?from=2026-01-01&to=2026-03-14&unit=5&survey=education&limit=50&q=ch%E1%BB%9D+l%C3%A2u&before=812',
      '/api/alerts?unit=5',
      '/api/alerts',
    ]);
  });

  it('keeps a refusal in both languages, with what is wrong in each field', async () => {
    vi.stubGlobal('fetch', async () =>
      json(400, {
        error: 'The filter is not valid.',
        message: { vi: 'Bộ lọc không hợp lệ.', en: 'The filter is not valid.' },
        fields: { from: { vi: '"Từ ngày" sau "Đến ngày".', en: '"from" is after "to".' } },
      }),
    );
    const err = await fetchStats({ from: '2026-05-01', to: '2026-01-01' }, 'sector').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).text).toEqual({
      vi: 'Bộ lọc không hợp lệ. "Từ ngày" sau "Đến ngày".',
      en: 'The filter is not valid. "from" is after "to".',
    });
  });

  it('reports a wrong password as the server words it', async () => {
    const message = { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' };
    vi.stubGlobal('fetch', async () => json(401, { error: message.en, message }));
    await expect(login('admin', 'nope')).rejects.toMatchObject({ status: 401, text: message });
  });

  it('says the server is unreachable when fetch itself fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(login('admin', 'x')).rejects.toMatchObject({ status: 0, text: NETWORK_ERROR });
  });

  it('links the CSV export with the same filter', () => {
    expect(csvExportUrl({ from: '2026-01-01', to: '2026-03-14', unit: 5 })).toBe(
      '/api/exports/responses.csv?from=2026-01-01&to=2026-03-14&unit=5',
    );
  });
});
