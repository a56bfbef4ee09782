import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  countersAsking,
  deleteVersion,
  findDraft,
  findSurvey,
  insertSurveyWithDraft,
  listSurveys,
  listVersions,
  publishVersion,
  saveDraft,
  setSurveyRetired,
} from '../../db/survey-designs';
import { currentSurveyVersion } from '../../db/surveys';
import type { Database } from '../../db/types';
import { checkDefinition } from '../../surveys/definition-problems';
import { daySchema } from '../../surveys/day-schema';
import { typeChanges } from '../../surveys/version-compatibility';
import { instrumentByKey } from '../../surveys/instruments';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv, SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { newDraft } from './new-draft';
import { effectiveFromOf } from './publish-day';
import { sameQuestionnaire } from './same-questionnaire';
import {
  ASKED_BY_COUNTERS,
  assertTenantAdmin,
  BUILT_IN_READ_ONLY,
  invalidDefinition,
  KEY_TAKEN,
  NO_DRAFT,
  ONLY_VERSION,
  RETIRED,
  UNCHANGED,
  SURVEY_NOT_FOUND,
  VERSION_HAS_ANSWERS,
  VERSION_NOT_FOUND,
} from './survey-refusals';
import { draftView, isBuiltIn, surveySummary, TEMPLATES, versionViews } from './survey-views';
import type { Kysely } from 'kysely';

const surveyKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, starting with a letter (e.g. khao-sat-2026)')
  .max(40);
const title = z.object({ vi: z.string().trim().min(1).max(300), en: z.string().trim().max(300).optional() });

const createBody = z.object({ key: surveyKey, from: surveyKey.optional(), title: title.optional() });
const draftBody = z.object({ definition: z.record(z.string(), z.unknown()) });
const publishBody = z.object({ effectiveFrom: daySchema.optional() });
const importBody = z.object({ definition: z.unknown(), key: surveyKey.optional() });
const versionParam = z.coerce.number().int().positive();

/** A file name for a definition download: `khao-sat-2026-v3.json`. */
const attachment = (c: Context, name: string, body: unknown) => {
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.json(body);
};

/**
 * The survey designer's API (issue 17): the tenant's surveys, their one draft each, publishing a
 * draft as the next immutable version effective on a day, retiring, and a definition's JSON out
 * and in. Built-in instruments are listed and copied, never changed.
 */
export function surveyRoutes({ db }: AppDeps) {
  const w = db.dbWrite;

  async function surveyOf(user: SessionUser, key: string) {
    const survey = await findSurvey(w, user.tenant_id, key);
    if (!survey) throw SURVEY_NOT_FOUND;
    return survey;
  }
  /** A survey the administrator may change: not built in, not retired, and the administrator province-wide. */
  async function editable(user: SessionUser, key: string) {
    assertTenantAdmin(user);
    const survey = await surveyOf(user, key);
    if (isBuiltIn(key)) throw BUILT_IN_READ_ONLY;
    if (survey.retired_at) throw RETIRED;
    return survey;
  }
  async function detail(reader: Kysely<Database>, user: SessionUser, key: string) {
    const rows = await listSurveys(reader, user.tenant_id);
    const row = rows.find((r) => r.key === key);
    if (!row) throw SURVEY_NOT_FOUND;
    const versions = versionViews(await listVersions(reader, user.tenant_id, [row.id]));
    return { ...surveySummary(row, versions), draft: draftView(await findDraft(reader, row.id)) };
  }
  async function versionOf(user: SessionUser, key: string, raw: string) {
    const n = versionParam.safeParse(raw);
    const survey = await surveyOf(user, key);
    const versions = await listVersions(w, user.tenant_id, [survey.id]);
    const version = n.success ? versions.find((v) => v.version === n.data) : undefined;
    if (!version) throw VERSION_NOT_FOUND;
    return { survey, version, versions };
  }
  /** A definition for a survey of this key: the check's problems as a 400, else the parsed definition. */
  function checked(input: unknown) {
    const check = checkDefinition(input);
    if (!check.ok) throw invalidDefinition(check.problems);
    return check.definition;
  }

  return new Hono<AppEnv>()
    .get('/surveys', async (c) => {
      const user = c.get('user');
      const rows = await listSurveys(db.dbWrite, user.tenant_id);
      const versions = await listVersions(
        db.dbWrite,
        user.tenant_id,
        rows.map((r) => r.id),
      );
      const surveys = rows.map((r) => surveySummary(r, versionViews(versions.filter((v) => v.survey_id === r.id))));
      return c.json({ surveys, templates: TEMPLATES });
    })
    .post('/surveys', async (c) => {
      const user = c.get('user');
      assertTenantAdmin(user);
      const body = await parseJsonBody(c, createBody);
      if (isBuiltIn(body.key) || (await findSurvey(w, user.tenant_id, body.key))) throw KEY_TAKEN(body.key);
      let from = body.from === undefined ? undefined : instrumentByKey(body.from);
      if (body.from !== undefined && !from) {
        const source = await findSurvey(w, user.tenant_id, body.from);
        if (!source) throw SURVEY_NOT_FOUND;
        from = (await currentSurveyVersion(w, source.id)).definition;
      }
      const definition = newDraft(body.key, body.title && { vi: body.title.vi, en: body.title.en || body.title.vi }, from);
      await insertSurveyWithDraft(w, { tenantId: user.tenant_id, key: body.key, kind: 'custom', definition, userId: user.id }, (trx, id) =>
        recordAudit(trx, user, 'survey_created', `survey:${id}`, { key: body.key, from: body.from ?? null }),
      );
      return c.json({ survey: await detail(w, user, body.key) }, 201);
    })
    .post('/surveys/import', async (c) => {
      const user = c.get('user');
      assertTenantAdmin(user);
      const body = await parseJsonBody(c, importBody);
      const raw = body.definition;
      // An imported survey is the tenant's own, whatever kind its file says.
      const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
      const definition = checked(isObject ? { ...raw, ...(body.key ? { key: body.key } : {}), kind: 'custom' } : raw);
      const existing = await findSurvey(w, user.tenant_id, definition.key);
      if (existing) {
        const survey = await editable(user, definition.key);
        await saveDraft(w, { tenantId: user.tenant_id, surveyId: survey.id, definition, userId: user.id });
        return c.json({ survey: await detail(w, user, definition.key) }, 200);
      }
      if (isBuiltIn(definition.key)) throw KEY_TAKEN(definition.key);
      await insertSurveyWithDraft(
        w,
        { tenantId: user.tenant_id, key: definition.key, kind: 'custom', definition, userId: user.id },
        (trx, id) => recordAudit(trx, user, 'survey_created', `survey:${id}`, { key: definition.key, imported: true }),
      );
      return c.json({ survey: await detail(w, user, definition.key) }, 201);
    })
    .get('/surveys/:key', async (c) => c.json({ survey: await detail(db.dbWrite, c.get('user'), c.req.param('key')) }))
    .put('/surveys/:key/draft', async (c) => {
      const user = c.get('user');
      const survey = await editable(user, c.req.param('key'));
      const body = await parseJsonBody(c, draftBody);
      // The key and kind are the survey's own, whatever the designer sent.
      const definition = { ...body.definition, key: survey.key, kind: 'custom' };
      await saveDraft(w, { tenantId: user.tenant_id, surveyId: survey.id, definition, userId: user.id });
      return c.json({ draft: draftView(await findDraft(w, survey.id)) });
    })
    .get('/surveys/:key/draft.json', async (c) => {
      const user = c.get('user');
      const survey = await surveyOf(user, c.req.param('key'));
      const draft = await findDraft(db.dbWrite, survey.id);
      if (!draft) throw NO_DRAFT;
      return attachment(c, `${survey.key}-draft.json`, draft.definition);
    })
    .post('/surveys/:key/publish', async (c) => {
      const user = c.get('user');
      const survey = await editable(user, c.req.param('key'));
      const body = await parseJsonBody(c, publishBody);
      const draft = await findDraft(w, survey.id);
      if (!draft) throw NO_DRAFT;
      const definition = checked(draft.definition);
      const effectiveFrom = effectiveFromOf(body.effectiveFrom);
      const earlier = await listVersions(w, user.tenant_id, [survey.id]);
      if (earlier[0] && sameQuestionnaire(earlier[0].definition, definition)) throw UNCHANGED;
      const retyped = typeChanges(
        earlier.map((v) => v.definition),
        definition,
      );
      if (retyped.length > 0) throw invalidDefinition(retyped);
      const published = await publishVersion(
        w,
        {
          tenantId: user.tenant_id,
          surveyId: survey.id,
          definition: (version) => ({ ...definition, key: survey.key, kind: 'custom', version }),
          effectiveFrom,
          userId: user.id,
        },
        (trx, version) =>
          recordAudit(trx, user, 'survey_published', `survey:${survey.id}`, {
            key: survey.key,
            version,
            effectiveFrom: effectiveFrom.toISOString(),
          }),
      );
      const versions = versionViews(await listVersions(w, user.tenant_id, [survey.id]));
      return c.json({ version: versions.find((v) => v.version === published.version) }, 201);
    })
    .get('/surveys/:key/versions', async (c) => {
      const user = c.get('user');
      const survey = await surveyOf(user, c.req.param('key'));
      return c.json({ versions: versionViews(await listVersions(db.dbWrite, user.tenant_id, [survey.id])) });
    })
    .get('/surveys/:key/versions/:version/definition.json', async (c) => {
      const { survey, version } = await versionOf(c.get('user'), c.req.param('key'), c.req.param('version'));
      return attachment(c, `${survey.key}-v${version.version}.json`, version.definition);
    })
    .post('/surveys/:key/versions/:version/edit', async (c) => {
      const user = c.get('user');
      const { version } = await versionOf(user, c.req.param('key'), c.req.param('version'));
      const survey = await editable(user, c.req.param('key'));
      await saveDraft(w, { tenantId: user.tenant_id, surveyId: survey.id, definition: version.definition, userId: user.id });
      return c.json({ draft: draftView(await findDraft(w, survey.id)) });
    })
    .delete('/surveys/:key/versions/:version', async (c) => {
      const user = c.get('user');
      const { survey, version, versions } = await versionOf(user, c.req.param('key'), c.req.param('version'));
      await editable(user, survey.key);
      if (versions.length === 1) throw ONLY_VERSION;
      if ((version.responses ?? 0) > 0) throw VERSION_HAS_ANSWERS;
      const deleted = await deleteVersion(w, version.id, (trx) =>
        recordAudit(trx, user, 'survey_version_deleted', `survey:${survey.id}`, { key: survey.key, version: version.version }),
      );
      // Answers the rollups do not count (flagged ones, a wave's) still hold the version.
      if (!deleted) throw VERSION_HAS_ANSWERS;
      return c.body(null, 204);
    })
    .post('/surveys/:key/retire', async (c) => {
      const user = c.get('user');
      const survey = await editable(user, c.req.param('key'));
      const asking = await countersAsking(w, survey.id);
      if (asking.length > 0) throw ASKED_BY_COUNTERS(asking);
      await setSurveyRetired(w, { surveyId: survey.id, retired: true, userId: user.id }, (trx) =>
        recordAudit(trx, user, 'survey_retired', `survey:${survey.id}`, { key: survey.key }),
      );
      return c.json({ survey: await detail(w, user, survey.key) });
    })
    .post('/surveys/:key/unretire', async (c) => {
      const user = c.get('user');
      assertTenantAdmin(user);
      const survey = await surveyOf(user, c.req.param('key'));
      if (isBuiltIn(survey.key)) throw BUILT_IN_READ_ONLY;
      if (survey.retired_at === null) throw new RequestError(409, { vi: 'Phiếu đang được sử dụng.', en: 'The survey is not retired.' });
      await setSurveyRetired(w, { surveyId: survey.id, retired: false, userId: user.id }, (trx) =>
        recordAudit(trx, user, 'survey_unretired', `survey:${survey.id}`, { key: survey.key }),
      );
      return c.json({ survey: await detail(w, user, survey.key) });
    });
}
