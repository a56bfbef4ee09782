import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { RequestError } from './errors';

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or jsonb: a query given one fails
 * and the request would end in a 500. No legitimate address, filter or field holds one, so a
 * request carrying one is refused with a 400 before it reaches the database.
 */
const NUL_MESSAGE = {
  vi: 'Yêu cầu chứa ký tự NUL (mã 0), ký tự này không được chấp nhận. Xin xóa nó và gửi lại.',
  en: 'The request contains a NUL character (code 0), which is not accepted. Remove it and send again.',
};

/** Refuses a path or query string holding an encoded NUL (`%00`), whatever the route does with it. */
export function refuseNulInUrl(): MiddlewareHandler {
  return async (c, next) => {
    // A raw NUL never reaches here (Node's HTTP parser refuses it); encoded, it is always `%00`.
    if (c.req.url.includes('%00')) throw new RequestError(400, NUL_MESSAGE);
    await next();
  };
}

/**
 * Refuses a parsed body in which any string or key still holds a NUL. Called on what a schema
 * produced, so text the schema cleans (a citizen's comment loses its control characters) passes.
 */
export function assertNoNul(value: unknown): void {
  const path = nulPath(value);
  if (path !== undefined) throw new RequestError(400, NUL_MESSAGE, { [path || '_form']: NUL_MESSAGE });
}

/** The dotted path of the first string or key holding a NUL, or undefined. Iterative: bodies can nest deep. */
function nulPath(root: unknown): string | undefined {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return path;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}

/**
 * A person's free text (a comment): cleaned where it is stored, control characters and all
 * (normalizeComment), so a stray NUL is dropped here rather than refused: a citizen's answer is
 * never lost for a character they did not mean to type.
 */
export const freeText = () => z.string().transform((s) => s.replaceAll('\u0000', ''));
