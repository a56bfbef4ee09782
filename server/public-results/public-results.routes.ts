import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  caseForPublishing,
  findUnitById,
  publicResultsSettings,
  savePublicResultsSettings,
  setPublishedOutcome,
} from '../../db/public-results';
import { findTenantByCode, firstTenant } from '../../db/tenants';
import { listUnitsInForce, type UnitRow } from '../../db/units';
import type { HiddenReason } from '../../surveys/disclosure-control';
import { publicPeriods } from '../../surveys/public-periods';
import { OUTCOME_PROBLEM_WORDS, outcomeProblem } from '../../surveys/published-outcome';
import { localDay } from '../../surveys/time';
import { recordAudit } from '../audit/record-audit';
import { langOf } from '../citizen/texts';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { assertInScope, scopePath } from '../http/unit-scope';
import { assertProvinceAdmin } from '../targets/province-admin';
import { hiddenCells } from './public-cells';
import { publicFigures } from './public-figures';
import { renderPublicPage } from './public-page';
import { P } from './public-texts';
import { renderBilingualMessagePage } from '../citizen/message-pages';

const settingsBody = z
  .object({
    enabled: z.boolean(),
    showComplaints: z.boolean(),
    showPublishedCases: z.boolean(),
    threshold: z.number().int().min(5, 'threshold must be at least 5').max(1000),
  })
  .strict();

const outcomeBody = z.object({ outcome: z.string().trim().min(1).max(1000).nullable() }).strict();

const NOT_PUBLISHED = new RequestError(404, P.disabled);
const UNIT_NOT_FOUND = new RequestError(404, P.unitNotFound);
const CASE_NOT_FOUND = new RequestError(404, { vi: 'Không tìm thấy phản ánh.', en: 'Case not found.' });
const CASE_NOT_CLOSED = new RequestError(409, {
  vi: 'Chỉ công khai kết quả của phản ánh đã đóng.',
  en: 'Only the outcome of a closed case can be published.',
});

// Hidden cells are decided over the whole tenant: worked out once a minute, not on every page.
const CACHE_MS = 60_000;

export function publicResultsRoutes({ db }: AppDeps) {
  const cache = new Map<string, { at: number; hidden: Promise<Map<string, HiddenReason>> }>();
  const hiddenFor = (tenantId: number, threshold: number, today: string) => {
    const key = `${tenantId}|${threshold}|${today}`;
    const seen = cache.get(key);
    if (seen && Date.now() - seen.at < CACHE_MS) return seen.hidden;
    const hidden = hiddenCells(db.dbRead, tenantId, publicPeriods(today), today, threshold);
    cache.set(key, { at: Date.now(), hidden });
    hidden.catch(() => cache.delete(key));
    return hidden;
  };

  /** The unit asked for (or the tenant's top unit) and its figures, or a 404 when the tenant publishes nothing. */
  async function figuresOf(c: Context, unitId: number | undefined) {
    let unit: UnitRow | undefined;
    if (unitId === undefined) {
      const code = c.req.query('t');
      const tenant = code ? await findTenantByCode(db.dbRead, code) : await firstTenant(db.dbRead);
      if (!tenant) throw UNIT_NOT_FOUND;
      unit = (await listUnitsInForce(db.dbRead, tenant.id)).find((u) => u.parent_id === null);
    } else {
      unit = await findUnitById(db.dbRead, unitId);
    }
    if (!unit || unit.valid_to !== null) throw UNIT_NOT_FOUND;
    const settings = await publicResultsSettings(db.dbRead, unit.tenant_id);
    if (!settings.enabled) throw NOT_PUBLISHED;
    const today = localDay(new Date());
    const hidden = await hiddenFor(unit.tenant_id, settings.threshold, today);
    const ctx = { db: db.dbRead, tenantId: unit.tenant_id, today, hidden, threshold: settings.threshold };
    return { unit, figures: await publicFigures(ctx, unit, publicPeriods(today), settings) };
  }

  const page = async (c: Context, unitId: number | undefined) => {
    const lang = langOf(c.req.query('lang'));
    // A citizen who scanned a poster gets a page, not the API's JSON, when there is nothing to show.
    const found = await figuresOf(c, unitId).catch((error: unknown) => {
      if (!(error instanceof RequestError)) throw error;
      return error;
    });
    if (found instanceof RequestError) {
      const title = found === NOT_PUBLISHED ? P.disabledTitle : P.notFoundTitle;
      return c.html(renderBilingualMessagePage(title, found.text), found.status);
    }
    const { unit, figures } = found;
    const parent = unit.parent_id === null ? undefined : `/cong-khai/${unit.parent_id}${lang === 'en' ? '?lang=en' : ''}`;
    return c.html(renderPublicPage(figures, lang, parent), 200, { 'Cache-Control': 'public, max-age=300' });
  };
  const unitParam = (raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) throw new RequestError(400, { vi: 'Mã đơn vị phải là số.', en: 'unit must be a unit id.' });
    return id;
  };

  const pages = new Hono<AppEnv>()
    .get('/', (c) => page(c, undefined))
    .get('/:unitId{[0-9]+}', (c) => page(c, unitParam(c.req.param('unitId'))));

  const api = new Hono<AppEnv>()
    .get('/public/results', async (c) => c.json((await figuresOf(c, unitParam(c.req.query('unit')))).figures))
    .get('/public-results/settings', async (c) => c.json(await publicResultsSettings(db.dbWrite, c.get('user').tenant_id)))
    .put('/public-results/settings', async (c) => {
      const user = c.get('user');
      assertProvinceAdmin(user);
      const body = await parseJsonBody(c, settingsBody);
      const before = await publicResultsSettings(db.dbWrite, user.tenant_id);
      await savePublicResultsSettings(db.dbWrite, user.tenant_id, body);
      cache.clear();
      await recordAudit(db, user, 'public_results_changed', null, { from: before, to: body });
      return c.json(body);
    })
    .put('/cases/:id{[0-9]+}/published-outcome', async (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      const { outcome } = await parseJsonBody(c, outcomeBody);
      const found = await caseForPublishing(db.dbWrite, user.tenant_id, id);
      if (!found) throw CASE_NOT_FOUND;
      assertInScope(await scopePath(db.dbWrite, user), found.unitPath);
      if (found.status !== 'closed') throw CASE_NOT_CLOSED;
      const problem = outcome === null ? null : outcomeProblem(outcome, found.comment);
      if (problem) throw new RequestError(422, OUTCOME_PROBLEM_WORDS[problem], { outcome: OUTCOME_PROBLEM_WORDS[problem] });
      await setPublishedOutcome(db.dbWrite, user.tenant_id, id, outcome);
      await recordAudit(db, user, 'case_outcome_published', `case:${id}`, { published: outcome !== null, chars: outcome?.length ?? 0 });
      return c.json({ id, outcome });
    });
  return { pages, api };
}
