import type { ImportResult, Interview, NewWave, Report, WaveDetail, WaveForm, WaveListItem } from '../waves/waves-types';
import type { Alerts, Comments, Distribution, Factors, GroupBy, Heatmap, LocalizedText, Me, Meta, Stats, Trend } from './api-types';
import { filterToQuery, type Filter } from '../dashboard/filter';
import type { CaseDetail, CaseItem, CaseList, CaseNote, NewUser, OfficerCounters, UserChange, UserItem } from '../admin/admin-types';

/**
 * A refusal from the API, carrying the server's message in both languages so the page can show
 * it in whichever language the analyst switches to afterwards.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly text: LocalizedText,
    /** The whole error body: a wave form reads its `fields`, an import its `problems`. */
    readonly body: unknown = null,
  ) {
    super(text.en);
  }
}

/** Shown when the server could not be reached at all (no status, no body). */
export const NETWORK_ERROR: LocalizedText = {
  vi: 'Không kết nối được với máy chủ. Xin kiểm tra mạng và thử lại.',
  en: 'Could not reach the server. Please check the network and try again.',
};

const UNEXPECTED: LocalizedText = {
  vi: 'Máy chủ trả lời không như mong đợi. Xin thử lại.',
  en: 'The server answered unexpectedly. Please try again.',
};

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, raw?: { body: Blob; type: string }): Promise<T> {
  let res: Response;
  const type: Record<string, string> = raw ? { 'Content-Type': raw.type } : body === undefined ? {} : { 'Content-Type': 'application/json' };
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...type },
      ...(raw ? { body: raw.body } : body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR);
  }
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, messageOf(json) ?? UNEXPECTED, json);
  if (json === null) throw new ApiError(res.status, UNEXPECTED);
  return json as T;
}

/** The message, followed by what is wrong with each field (e.g. which filter value was refused). */
function messageOf(json: unknown): LocalizedText | null {
  if (!isRecord(json) || !isText(json.message)) return null;
  const fields = isRecord(json.fields) ? Object.values(json.fields).filter(isText) : [];
  const join = (lang: keyof LocalizedText) => [json.message as LocalizedText, ...fields].map((m) => m[lang]).join(' ');
  return { vi: join('vi'), en: join('en') };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isText = (v: unknown): v is LocalizedText =>
  isRecord(v) && typeof v.vi === 'string' && typeof v.en === 'string';

export const login = (username: string, password: string) =>
  request<{ username: string; role: string }>('POST', '/api/auth/login', { username, password });
export const logout = () => request<void>('POST', '/api/auth/logout');
export const fetchMe = () => request<Me>('GET', '/api/auth/me');
export const fetchMeta = () => request<Meta>('GET', '/api/meta');
export const fetchStats = (filter: Filter, groupBy: GroupBy | 'none') =>
  request<Stats>('GET', `/api/stats?${filterToQuery(filter, { groupBy })}`);
export const fetchTrend = (filter: Filter) => request<Trend>('GET', `/api/stats/trend?${filterToQuery(filter)}`);
export const fetchFactors = (filter: Filter) => request<Factors>('GET', `/api/stats/factors?${filterToQuery(filter)}`);
export const fetchDistribution = (filter: Filter, groupBy: 'sector' | 'unit' | 'counter') =>
  request<Distribution>('GET', `/api/stats/distribution?${filterToQuery(filter, { groupBy })}`);
export const fetchHeatmap = (filter: Filter) => request<Heatmap>('GET', `/api/stats/heatmap?${filterToQuery(filter)}`);

/** Alerts look at a rolling window up to today, so only the unit of the filter applies. */
export const fetchAlerts = (unit: number | undefined) =>
  request<Alerts>('GET', `/api/alerts${unit === undefined ? '' : `?unit=${unit}`}`);

export const fetchComments = (filter: Filter, search: string, before?: number) => {
  const extra: Record<string, string> = { limit: '50' };
  if (search.trim()) extra.q = search.trim();
  if (before !== undefined) extra.before = String(before);
  return request<Comments>('GET', `/api/comments?${filterToQuery(filter, extra)}`);
};

/** A plain link, not a fetch: the browser streams the download and keeps memory flat. */
export const csvExportUrl = (filter: Filter) => `/api/exports/responses.csv?${filterToQuery(filter)}`;

export const fetchCaseFigures = (from: string, to: string, unit: number | undefined) =>
  request<{ open: number; overdue: number; answered: number; answeredOnTime: number; answeredOnTimeShare: number | null }>(
    'GET',
    `/api/cases/figures?from=${from}&to=${to}${unit === undefined ? '' : `&unit=${unit}`}`,
  );
export const fetchReport = (reportQuery: string) => request<Report>('GET', `/api/reports?${reportQuery}`);
export const fetchWaves = () => request<{ waves: WaveListItem[] }>('GET', '/api/waves');
export const fetchWave = (id: number) => request<WaveDetail>('GET', `/api/waves/${id}`);
export const fetchWaveForm = (id: number) => request<WaveForm>('GET', `/api/waves/${id}/form`);
export const createWave = (wave: NewWave) => request<{ id: number }>('POST', '/api/waves', wave);
export const postInterview = (waveId: number, interview: Interview) =>
  request<{ id: number }>('POST', `/api/waves/${waveId}/responses`, interview);

/** Where an import goes: a counter's earlier paper forms, or a survey wave's interviews. */
export type ImportTarget = { counter: string } | { wave: number };

/** The file goes as the raw body; a dry run checks every row and stores nothing. */
export function postImport(target: ImportTarget, file: Blob, type: string, dryRun: boolean) {
  const q = new URLSearchParams('counter' in target ? { counter: target.counter } : { wave: String(target.wave) });
  if (dryRun) q.set('dryRun', '1');
  return request<ImportResult>('POST', `/api/imports?${q}`, undefined, { body: file, type });
}

// Accounts (administrators only). A generated password comes back once, in this answer only.
export const fetchUsers = () => request<{ users: UserItem[] }>('GET', '/api/users');
export const createUser = (user: NewUser) => request<UserItem & { password?: string }>('POST', '/api/users', user);
export const changeUser = (id: number, change: UserChange) => request<UserItem>('PATCH', `/api/users/${id}`, change);
export const resetPassword = (id: number) => request<{ id: number; password: string }>('POST', `/api/users/${id}/reset-password`);

/** How many answers each of the user's counters received today, this month and this year. */
export const fetchOfficerCounters = () => request<OfficerCounters>('GET', '/api/officer/counters');

// Complaints (phản ánh, kiến nghị), followed from receipt to closing.
export const fetchCases = (query: string) => request<CaseList>('GET', `/api/cases${query ? `?${query}` : ''}`);
export const fetchCase = (id: number) => request<CaseDetail>('GET', `/api/cases/${id}`);
export const assignCase = (id: number, unitId: number, dueAt?: string) =>
  request<CaseItem>('POST', `/api/cases/${id}/assign`, dueAt ? { unitId, dueAt } : { unitId });
export const answerCase = (id: number, answer: string) => request<CaseItem>('POST', `/api/cases/${id}/answer`, { answer });
/** Without a reason the POST goes with no body at all: the server closes an answered case that way. */
export const closeCase = (id: number, reason?: string) =>
  request<CaseItem>('POST', `/api/cases/${id}/close`, reason ? { reason } : undefined);
export const addCaseNote = (id: number, text: string) => request<CaseNote>('POST', `/api/cases/${id}/notes`, { text });
export const deleteCaseContact = (id: number) => request<{ id: number; contactDeleted: boolean }>('DELETE', `/api/cases/${id}/contact`);
