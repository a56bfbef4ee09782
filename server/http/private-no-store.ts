import type { MiddlewareHandler } from 'hono';
import { isReceiptQr } from './security-headers';

/**
 * What only a signed-in person may see must not stay in a browser's or a proxy's cache, where the
 * next person at a shared office computer (or the proxy's other users) could find it after logout:
 * every /api/ answer (errors included), reports, exports, codebook and poster pages get
 * `Cache-Control: no-store`, set after the route so none can forget it. Left alone: the citizen
 * pages (they set their own), the analyst app's static files (no data in them) and the public
 * receipt-slip QR images (cached by design).
 */
const PRIVATE = /^\/(api|reports|exports|posters)(\/|$)/;

export function noStoreForPrivateAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (PRIVATE.test(c.req.path) && !isReceiptQr(c.req.path)) c.header('Cache-Control', 'no-store');
  };
}
