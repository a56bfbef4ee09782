import type { LocalizedText, Me, Meta } from './api-types';

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

/** One call to the JSON API; every feature's API module goes through it. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  raw?: { body: Blob; type: string },
): Promise<T> {
  let res: Response;
  const type: Record<string, string> = raw
    ? { 'Content-Type': raw.type }
    : body === undefined
      ? {}
      : { 'Content-Type': 'application/json' };
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
  const message = json.message;
  // A field's text that only repeats the message (a rule that names its field) is said once.
  const fields = isRecord(json.fields)
    ? Object.values(json.fields)
        .filter(isText)
        .filter((f) => f.vi !== message.vi)
    : [];
  const join = (lang: keyof LocalizedText) => [message, ...fields].map((m) => m[lang]).join(' ');
  return { vi: join('vi'), en: join('en') };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isText = (v: unknown): v is LocalizedText => isRecord(v) && typeof v.vi === 'string' && typeof v.en === 'string';

export const login = (username: string, password: string) =>
  request<{ username: string; role: string }>('POST', '/api/auth/login', { username, password });
export const logout = () => request<void>('POST', '/api/auth/logout');
export const fetchMe = () => request<Me>('GET', '/api/auth/me');
export const fetchMeta = () => request<Meta>('GET', '/api/meta');
