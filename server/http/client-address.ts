import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The sender's address: the socket's, or the first X-Forwarded-For hop when a trusted proxy sets it. */
export function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Requests made in-process (app.request) have no socket.
    return null;
  }
}
