import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import { throttledLog } from '../../db/throttled-log';
import type { LocalizedText } from '../../surveys/localized-text';
import type { AppEnv } from './context';

/** A refusal the person can act on: a status, a message in both languages, and field errors. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly text: LocalizedText,
    readonly fields?: Record<string, LocalizedText>,
    /** More the client can act on, sent beside the message (e.g. a definition's problems as a list). */
    readonly details?: Record<string, unknown>,
  ) {
    super(text.en);
  }
}

export function errorBody(error: RequestError) {
  return { error: error.text.en, message: error.text, ...(error.fields ? { fields: error.fields } : {}), ...error.details };
}

export const DATABASE_BUSY: LocalizedText = {
  vi: 'Hệ thống đang bận, xin thử lại sau giây lát.',
  en: 'The system is busy; please try again in a moment.',
};

/** What a 503 tells clients to wait before trying again: about what a database restart takes. */
export const RETRY_AFTER_SECONDS = 5;

// An outage fails every request for its whole length: one line every few seconds says as much.
const noteUnavailable = throttledLog((line) => console.error(line), 5_000);

const prefersHtml = (c: Context) => {
  const accept = c.req.header('accept') ?? '';
  return /text\/html/i.test(accept) && !/application\/json/i.test(accept);
};

/** The page a browser gets while the database is busy, where the route registered none of its own. */
export type BusyPage = (c: Context<AppEnv>, text: LocalizedText, options: { reloadAfterSeconds?: number }) => string;

/**
 * One place maps every thrown error to a response (Hono's `await next()` never throws). The app
 * gives the busy page (the citizen pages' look), so this plumbing needs no feature's pages.
 */
export function errorHandler(busyPage: BusyPage, refusalPage?: RefusalPage): (error: Error, c: Context<AppEnv>) => Response {
  return (error, c) => handleError(error, c, busyPage, refusalPage);
}

/** A refusal as a page, for an address a person opens in the browser; undefined answers JSON. */
export type RefusalPage = (c: Context<AppEnv>, error: RequestError) => string | undefined;

function handleError(error: Error, c: Context<AppEnv>, busyPage: BusyPage, refusalPage?: RefusalPage): Response {
  if (error instanceof RequestError) {
    const page = refusalPage?.(c, error);
    return page === undefined ? c.json(errorBody(error), error.status) : c.html(page, error.status);
  }
  if (error instanceof HTTPException) {
    const text = error.message || 'Request refused';
    return c.json({ error: text, message: { vi: text, en: text } }, error.status);
  }
  if (isDatabaseUnavailable(error)) return databaseBusy(error, c, busyPage);
  console.error(error);
  return c.json(
    {
      error: 'Something went wrong on the server; nothing was changed. Please try again.',
      message: {
        vi: 'Máy chủ gặp sự cố; chưa có gì bị thay đổi. Xin thử lại.',
        en: 'Something went wrong on the server; nothing was changed. Please try again.',
      },
    },
    500,
  );
}

/**
 * The database is restarting, unreachable or too slow: 503 with Retry-After, never 500, so
 * clients and proxies know to try again (a submission with the same client key is stored once).
 * A route that can keep what the person entered registers its own page as `busyPage`.
 */
function databaseBusy(error: Error, c: Context<AppEnv>, busyPage: BusyPage): Response {
  const cause = error.message || (error as { code?: string }).code || error.name;
  noteUnavailable(`database unavailable (${cause}): ${c.req.method} ${c.req.path} answered 503`);
  const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
  const page = c.get('busyPage');
  if (page) return c.html(page(), 503, headers);
  if (prefersHtml(c)) {
    const reload = c.req.method === 'GET' ? { reloadAfterSeconds: 2 * RETRY_AFTER_SECONDS } : {};
    return c.html(busyPage(c, DATABASE_BUSY, reload), 503, headers);
  }
  return c.json({ error: DATABASE_BUSY.en, message: DATABASE_BUSY }, 503, headers);
}
