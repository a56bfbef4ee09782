import { isChannel, type Channel } from '../../surveys/channels';
import { isIsoDay, localDay } from '../../surveys/time';

/**
 * The dashboard filter. It lives in the URL query string, so a view can be bookmarked and sent
 * to a colleague; the same query string is what /api/stats and the CSV export take.
 */
export interface Filter {
  from: string;
  to: string;
  sector?: string;
  unit?: number;
  /** A counter's public code. */
  counter?: string;
  channel?: Channel;
  /** A survey key, e.g. 'sipas-counter-short'. */
  survey?: string;
  /** The tree of an earlier day (view=asOf); absent: today's units (view=now). */
  asOf?: string;
}

const CODE = /^[a-z0-9_-]{1,63}$/i;

/** From 1 January of this year to today, in Vietnam time (what the server defaults to as well). */
export function defaultFilter(now: Date = new Date()): Filter {
  const today = localDay(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Reads a query string; anything malformed falls back to the default rather than failing the page. */
export function filterFromQuery(search: string, now: Date = new Date()): Filter {
  const q = new URLSearchParams(search);
  const base = defaultFilter(now);
  const from = q.get('from');
  const to = q.get('to');
  const filter: Filter = {
    from: isIsoDay(from) ? from : base.from,
    to: isIsoDay(to) ? to : base.to,
  };
  const sector = q.get('sector');
  if (sector && CODE.test(sector)) filter.sector = sector;
  const unit = Number(q.get('unit'));
  if (Number.isInteger(unit) && unit > 0) filter.unit = unit;
  const counter = q.get('counter');
  if (counter && CODE.test(counter)) filter.counter = counter;
  const channel = q.get('channel');
  if (isChannel(channel)) filter.channel = channel;
  const survey = q.get('survey');
  if (survey && CODE.test(survey)) filter.survey = survey;
  const asOf = q.get('asOf');
  if (q.get('view') === 'asOf' && isIsoDay(asOf)) filter.asOf = asOf;
  // A range written backwards would only earn an error from the server; read it the right way round.
  if (filter.from > filter.to) [filter.from, filter.to] = [filter.to, filter.from];
  return filter;
}

/** Writes a query string (no leading "?"), in a fixed order so equal filters give equal URLs. */
export function filterToQuery(filter: Filter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  q.set('from', filter.from);
  q.set('to', filter.to);
  if (filter.sector) q.set('sector', filter.sector);
  if (filter.unit !== undefined) q.set('unit', String(filter.unit));
  if (filter.counter) q.set('counter', filter.counter);
  if (filter.channel) q.set('channel', filter.channel);
  if (filter.survey) q.set('survey', filter.survey);
  if (filter.asOf) {
    q.set('view', 'asOf');
    q.set('asOf', filter.asOf);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
