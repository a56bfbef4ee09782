import type { ServerOptions } from 'node:http';
import type { Env } from './env';

/**
 * How long the HTTP server waits for a slow client. Node's defaults let a body trickling at one
 * byte a second hold a connection for 5 minutes (requestTimeout 300 s) and slow headers for a
 * minute; a few hundred such connections would keep citizens out. A phone on a weak network
 * sends a form's headers and its few hundred bytes well within these limits.
 */
export function httpServerOptions(env: Env): ServerOptions {
  return {
    // Until the request's headers are complete; then until the whole request (headers and body)
    // has arrived; then how long an idle keep-alive connection is kept for the next request.
    headersTimeout: env.HAILONG_HEADERS_TIMEOUT_SECONDS * 1000,
    requestTimeout: env.HAILONG_REQUEST_TIMEOUT_SECONDS * 1000,
    keepAliveTimeout: env.HAILONG_KEEP_ALIVE_SECONDS * 1000,
    // Node checks the two timeouts on this tick (default 30 s, which would let a 30 s limit run
    // to a minute); a walk over the open connections once a second costs next to nothing.
    connectionsCheckingInterval: 1000,
  };
}
