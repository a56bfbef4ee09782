import type { Context } from 'hono';
import type { AppConfig } from '../http/context';

/**
 * The address people reach hailong at: the configured public URL when it sits behind a proxy
 * (the request then shows the proxy's inner address), else the address this request came to.
 */
export function publicBase(c: Context, config: AppConfig): string {
  return config.publicUrl ? config.publicUrl.replace(/\/+$/, '') : new URL(c.req.url).origin;
}

/** The citizen page of a counter, optionally opened with the dossier code of a receipt filled in. */
export function counterUrl(base: string, code: string, dossier?: string): string {
  const url = `${base}/q/${code}`;
  return dossier === undefined ? url : `${url}?dossier=${encodeURIComponent(dossier)}`;
}

/** A unit's public results page (server/public-results/), printed on its counters' posters when the tenant publishes. */
export function publicResultsUrl(base: string, unitId: number): string {
  return `${base}/cong-khai/${unitId}`;
}
