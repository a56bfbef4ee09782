import type { Context } from 'hono';

/**
 * Whether the person's browser reached hailong over TLS: the socket is TLS, or, behind a trusted
 * proxy (HAILONG_TRUST_PROXY=1) that ends TLS itself, it says so in X-Forwarded-Proto. The URL's
 * own scheme is used only without a socket (requests made in-process), since a client may write
 * an absolute `https://` address on a plain connection.
 */
export function isHttpsRequest(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (forwarded) return forwarded === 'https';
  }
  const socket = (c.env as { incoming?: { socket?: { encrypted?: boolean } } } | undefined)?.incoming?.socket;
  if (socket) return socket.encrypted === true;
  return new URL(c.req.url).protocol === 'https:';
}
