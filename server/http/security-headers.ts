import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppConfig } from './context';
import { RequestError } from './errors';
import { isHttpsRequest } from './request-https';

/**
 * Headers every response carries. The content security policy allows scripts only from hailong
 * itself (no inline script anywhere: a comment can never run), styles inline (the citizen page
 * inlines its few rules to load in one request), and no framing. No page uses the camera, the
 * microphone, the location or any other device feature, so none may be asked for. The one page
 * framed is a survey's preview, by the designer on the same site. HSTS goes only
 * with answers over https (directly, or through a trusted proxy that ends TLS): sent over plain
 * http it would mean nothing to a browser, and tell a wrong story to anyone reading the headers.
 */
export function securityHeaders(config: Pick<AppConfig, 'trustProxy'>): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
    strictTransportSecurity: false,
    permissionsPolicy: {
      accelerometer: [],
      camera: [],
      displayCapture: [],
      geolocation: [],
      gyroscope: [],
      hid: [],
      magnetometer: [],
      microphone: [],
      midi: [],
      payment: [],
      serial: [],
      usb: [],
    },
  });
  return async (c, next) => {
    await headers(c, next);
    // Set on the response's own headers, as secureHeaders sets its: `c.header` after the route
    // makes the node server build a whole web Response again for every answer (~14 µs each).
    const set = (name: string, value: string) => c.res.headers.set(name, value);
    // A receipt-slip QR is meant to be embedded by one-stop systems on their own pages.
    set('Cross-Origin-Resource-Policy', isReceiptQr(c.req.path) ? 'cross-origin' : 'same-origin');
    if (isSurveyPreview(c.req.path)) {
      const policy = c.res.headers.get('Content-Security-Policy');
      if (policy) set('Content-Security-Policy', policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
    }
    if (isHttpsRequest(c, config.trustProxy)) set('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
  };
}

const RECEIPT_QR = /^\/posters\/[^/]+\/receipt\.(svg|png)$/;
/** The receipt-slip QR images: public (no login), and meant to be embedded and cached elsewhere. */
export const isReceiptQr = (path: string) => RECEIPT_QR.test(path);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const carriesApiKey = (authorization: string | undefined) => /^Bearer\s+hl_/i.test(authorization ?? '');

/**
 * Refuses state-changing requests that a browser says come from another site: an Origin that is
 * neither this server nor its public address, or Sec-Fetch-Site: cross-site. A request with
 * neither header (an old phone's browser, a script) is let through: the session cookie is
 * SameSite=Lax, so a forged cross-site request carries no session, and JSON needs a CORS
 * preflight hailong never grants.
 *
 * A request that carries an API key (Authorization: Bearer hl_…) is let through whatever its
 * Origin: a browser never adds that header by itself, a page of another site could only set it
 * through a preflight that is never granted, and the routes that take a key take no cookie.
 */
export function csrfProtection(config: Pick<AppConfig, 'publicUrl'>): MiddlewareHandler {
  const publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : undefined;
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !carriesApiKey(c.req.header('authorization'))) {
      const origin = c.req.header('origin');
      const crossSite = c.req.header('sec-fetch-site') === 'cross-site';
      const foreign = origin !== undefined && origin !== 'null' && origin !== new URL(c.req.url).origin && origin !== publicOrigin;
      if (crossSite || foreign || origin === 'null') {
        throw new RequestError(403, {
          vi: 'Yêu cầu đến từ một trang khác nên bị từ chối.',
          en: 'The request came from another site and was refused.',
        });
      }
    }
    await next();
  };
}

/** A survey's preview, shown in a frame of the designer page (same site only). */
const isSurveyPreview = (path: string) => /^\/surveys\/[^/]+\/preview$/.test(path);
