import { Hono, type Context } from 'hono';
import { OUT_OF_SCOPE, userSeesUnit } from '../http/unit-scope';
import { findPosterCounter, findUnitPosterCounters, isActiveCounterCode, type PosterCounter } from '../../db/counter-posters';
import { isDossierCode, normalizeDossierCode } from '../../surveys/dossier-code';
import { isCounterCode } from '../../surveys/counter-code';
import type { LocalizedText } from '../../surveys/localized-text';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { publicUrlProblem } from '../config/public-url';
import { counterUrl, publicBase, publicResultsUrl } from './counter-url';
import { publicResultsSettings } from '../../db/public-results';
import { paperSizeOf } from './poster-css';
import { posterFileOf } from './poster-file';
import { renderCounterPoster, renderPosterMessage, renderUnitPosters, type AddressWarning, type PosterData } from './poster-page';
import { P } from './poster-texts';
import { qrPng, qrSvg, qrSvgWithCaption } from './qr-images';

const MAX_INT4 = 2_147_483_647;

// An SVG served from our origin must never run anything, whatever ends up inside it.
const SVG_HEADERS = {
  'Content-Type': 'image/svg+xml; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
};
const PNG_HEADERS = { 'Content-Type': 'image/png', 'X-Content-Type-Options': 'nosniff' };
// Signed-in pages: kept in no cache (server/http/private-no-store.ts sets it for every such answer).
const PRIVATE = { 'Cache-Control': 'no-store' };
// The receipt QR depends only on the address and the dossier code; one-stop systems may keep it.
const RECEIPT_CACHE = { 'Cache-Control': 'public, max-age=86400' };

const attachment = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });
const inline = (name: string) => ({ 'Content-Disposition': `inline; filename="${name}"` });

const LOG_IN = { vi: 'Đăng nhập', en: 'Log in' };
const wantsHtml = (c: Context) => /text\/html/i.test(c.req.header('accept') ?? '');

/** Someone who opens a poster link in the browser without a session gets a page saying so, not JSON. */
export function posterLoginPage(c: Context, text: LocalizedText): Response | undefined {
  if (!c.req.path.startsWith('/posters/') || !wantsHtml(c)) return undefined;
  return c.html(renderPosterMessage(text, { href: '/app/login', text: LOG_IN }), 401) as Response;
}

/**
 * QR posters for counters (behind login: officers and analysts print them) and the receipt-slip
 * QR (public: a one-stop system fetches one per receipt, and it encodes only a public address).
 */
export function posterRoutes({ db, config }: AppDeps) {
  /** Refuses as a page to a person in a browser, as JSON to anything else (server/http/page-refusal.ts decides). */
  function refuse(status: 403 | 404, text: LocalizedText): never {
    throw new RequestError(status, text);
  }

  async function posterData(c: Context, counter: PosterCounter): Promise<PosterData> {
    const base = publicBase(c, config);
    const url = counterUrl(base, counter.code);
    // When the tenant publishes its results, the poster says where, with a smaller second code.
    const published = (await publicResultsSettings(db.dbRead, c.get('user').tenant_id)).enabled;
    const results = published ? publicResultsUrl(base, counter.unit_id) : undefined;
    return {
      counter,
      url,
      qrSvg: await qrSvg(url, 'poster'),
      ...(results ? { results: { url: results, qrSvg: await qrSvg(results, 'poster') } } : {}),
    };
  }

  /** Said on the poster page when the codes may not reach citizens' phones (server/config/public-url.ts). */
  function addressWarning(c: Context): AddressWarning | undefined {
    const problem = publicUrlProblem(config.publicUrl);
    return problem ? { problem, base: publicBase(c, config) } : undefined;
  }

  async function receiptUrl(c: Context): Promise<{ code: string; url: string }> {
    const code = c.req.param('code') ?? '';
    const raw = c.req.query('dossier');
    const dossier = raw === undefined ? '' : normalizeDossierCode(raw);
    if (!isDossierCode(dossier)) throw new RequestError(422, P.badDossier, { dossier: P.badDossier });
    if (!isCounterCode(code) || !(await isActiveCounterCode(db.dbWrite, code))) {
      throw new RequestError(404, P.counterNotFound);
    }
    return { code, url: counterUrl(publicBase(c, config), code, dossier) };
  }

  return new Hono<AppEnv>()
    .get('/unit/:unitId{[0-9]+}', async (c) => {
      const unitId = Number(c.req.param('unitId'));
      const found = unitId <= MAX_INT4 ? await findUnitPosterCounters(db.dbWrite, c.get('user').tenant_id, unitId) : undefined;
      if (!found) return refuse(404, P.unitNotFound);
      if (!(await userSeesUnit(db.dbWrite, c.get('user'), found.unit.path))) return refuse(403, OUT_OF_SCOPE);
      const posters = await Promise.all(found.counters.map((counter) => posterData(c, counter)));
      return c.html(renderUnitPosters(found.unit, posters, paperSizeOf(c.req.query('size')), addressWarning(c)), 200, PRIVATE);
    })
    .get('/:code/receipt.svg', async (c) => {
      const { code, url } = await receiptUrl(c);
      return c.body(await qrSvg(url, 'receipt'), 200, { ...SVG_HEADERS, ...RECEIPT_CACHE, ...inline(`hailong-receipt-${code}.svg`) });
    })
    .get('/:code/receipt.png', async (c) => {
      const { code, url } = await receiptUrl(c);
      const png = await qrPng(url, 'receipt');
      return c.body(new Uint8Array(png), 200, { ...PNG_HEADERS, ...RECEIPT_CACHE, ...inline(`hailong-receipt-${code}.png`) });
    })
    .get('/:file', async (c) => {
      const file = posterFileOf(c.req.param('file'));
      const counter = file ? await findPosterCounter(db.dbWrite, c.get('user').tenant_id, file.code) : undefined;
      if (!file || !counter) return refuse(404, P.counterNotFound);
      // Officers print the posters of their own counters; analysts those of their units.
      if (!(await userSeesUnit(db.dbWrite, c.get('user'), counter.unit_path))) return refuse(403, OUT_OF_SCOPE);
      const poster = await posterData(c, counter);
      const name = `hailong-qr-${counter.code}`;
      if (file.kind === 'svg') {
        return c.body(await qrSvgWithCaption(poster.url, 'poster'), 200, { ...SVG_HEADERS, ...PRIVATE, ...attachment(`${name}.svg`) });
      }
      if (file.kind === 'png') {
        const png = await qrPng(poster.url, 'poster');
        return c.body(new Uint8Array(png), 200, { ...PNG_HEADERS, ...PRIVATE, ...attachment(`${name}.png`) });
      }
      return c.html(renderCounterPoster(poster, paperSizeOf(c.req.query('size')), addressWarning(c)), 200, PRIVATE);
    });
}
