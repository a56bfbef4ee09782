import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { LocalizedText } from '../surveys/localized-text';

/** A refusal the person can act on: a status, a message in both languages, and field errors. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly text: LocalizedText,
    readonly fields?: Record<string, LocalizedText>,
  ) {
    super(text.en);
  }
}

export function errorBody(error: RequestError) {
  return { error: error.text.en, message: error.text, ...(error.fields ? { fields: error.fields } : {}) };
}

/** One place maps every thrown error to a response (Hono's `await next()` never throws). */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof RequestError) return c.json(errorBody(error), error.status);
  if (error instanceof HTTPException) {
    const text = error.message || 'Request refused';
    return c.json({ error: text, message: { vi: text, en: text } }, error.status);
  }
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
