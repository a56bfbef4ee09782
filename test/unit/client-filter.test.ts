import { describe, expect, it } from 'vitest';
import { defaultFilter, filterFromQuery, filterToQuery, type Filter } from '../../client/dashboard/filter';
import { routeOf } from '../../client/app/router';

// 2026-03-14 20:00 UTC is already 15 March in Vietnam (UTC+7).
const NOW = new Date('2026-03-14T20:00:00Z');

describe('dashboard filter in the URL', () => {
  it('defaults to 1 January of this year up to today, in Vietnam time', () => {
    expect(defaultFilter(NOW)).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(filterFromQuery('', NOW)).toEqual({ from: '2026-01-01', to: '2026-03-15' });
  });

  it('round-trips every field through the query string', () => {
    const full: Filter = {
      from: '2025-12-15',
      to: '2026-03-14',
      sector: 'land',
      unit: 7,
      counter: 'demo-land',
      channel: 'kiosk',
      survey: 'sipas-counter-short',
    };
    expect(filterFromQuery(`?${filterToQuery(full)}`, NOW)).toEqual(full);
    const bare: Filter = { from: '2026-01-01', to: '2026-01-31' };
    expect(filterFromQuery(filterToQuery(bare), NOW)).toEqual(bare);
  });

  it('writes the same query for the same filter, whatever the key order', () => {
    expect(filterToQuery({ unit: 3, sector: 'health', to: '2026-02-01', from: '2026-01-01' })).toBe(
      'from=2026-01-01&to=2026-02-01&sector=health&unit=3',
    );
    expect(filterToQuery({ from: '2026-01-01', to: '2026-02-01' }, { groupBy: 'sector' })).toBe(
      'from=2026-01-01&to=2026-02-01&groupBy=sector',
    );
  });

  it('drops malformed values instead of breaking the page', () => {
    expect(filterFromQuery('?from=2026-02-30&to=yesterday&unit=-1&channel=fax&sector=%3Cscript%3E', NOW)).toEqual({
      from: '2026-01-01',
      to: '2026-03-15',
    });
    expect(filterFromQuery('?unit=abc', NOW).unit).toBeUndefined();
    expect(filterFromQuery('?survey=a%20b', NOW).survey).toBeUndefined();
  });

  it('reads a range written backwards the right way round', () => {
    expect(filterFromQuery('?from=2026-03-01&to=2026-01-01', NOW)).toEqual({ from: '2026-01-01', to: '2026-03-01' });
  });
});

describe('routes under /app/', () => {
  it('maps paths to pages', () => {
    expect(routeOf('/app/')).toBe('overview');
    expect(routeOf('/app')).toBe('overview');
    expect(routeOf('/app/heatmap')).toBe('heatmap');
    expect(routeOf('/app/units/')).toBe('units');
    expect(routeOf('/app/overview')).toBe('not_found');
    expect(routeOf('/app/login')).toBe('login');
    expect(routeOf('/app/login/')).toBe('login');
    expect(routeOf('/app/nope')).toBe('not_found');
  });
});
