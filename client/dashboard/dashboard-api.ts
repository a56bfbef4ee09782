import { request } from '../app/api';
import { withQuery } from '../app/links';
import type { Alerts, Comments, Distribution, Factors, GroupBy, Heatmap, Stats, Trend } from './dashboard-types';
import { filterToQuery, type Filter } from './filter';

/** The analysis pages' reads: each takes the dashboard filter as its query. */
export const fetchStats = (filter: Filter, groupBy: GroupBy | 'none') =>
  request<Stats>('GET', withQuery('/api/stats', filterToQuery(filter, { groupBy })));
export const fetchTrend = (filter: Filter) => request<Trend>('GET', withQuery('/api/stats/trend', filterToQuery(filter)));
export const fetchFactors = (filter: Filter) => request<Factors>('GET', withQuery('/api/stats/factors', filterToQuery(filter)));
export const fetchDistribution = (filter: Filter, groupBy: 'sector' | 'unit' | 'counter') =>
  request<Distribution>('GET', withQuery('/api/stats/distribution', filterToQuery(filter, { groupBy })));
export const fetchHeatmap = (filter: Filter) => request<Heatmap>('GET', withQuery('/api/stats/heatmap', filterToQuery(filter)));

/** Alerts look at a rolling window up to today, so only the unit of the filter applies. */
export const fetchAlerts = (unit: number | undefined) => request<Alerts>('GET', withQuery('/api/alerts', { unit }));

export const fetchComments = (filter: Filter, search: string, before?: number) => {
  const extra: Record<string, string> = { limit: '50' };
  if (search.trim()) extra.q = search.trim();
  if (before !== undefined) extra.before = String(before);
  return request<Comments>('GET', withQuery('/api/comments', filterToQuery(filter, extra)));
};
