import { Hono } from 'hono';
import { z } from 'zod';
import { buildResponse } from '../../db/build-response';
import { storeResponses } from '../../db/responses';
import { findSurveyByKey } from '../../db/surveys';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { createWave, findWave, latestSurveyVersion, listWaves, stratumProgress } from '../../db/waves';
import type { Kysely } from 'kysely';
import { validateSubmission } from '../../surveys/answers-schema';
import { clientKeySchema } from '../../surveys/client-key';
import { daySchema, IN_ORDER, inOrder } from '../../surveys/day-schema';
import { isSectorCode } from '../../surveys/sectors';
import { recordAudit } from '../audit/record-audit';
import { assertInScope, assertUnitInScope, scopePath } from '../http/unit-scope';
import type { AppDeps, AppEnv, SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { targetLookup } from '../stats/target-lookup';
import { waveReport } from './wave-report';
import { freeText } from '../http/nul-bytes';

const newWave = z
  .object({
    name: z.string().trim().min(1).max(200),
    survey: z.string().min(1).max(63),
    sector: z.string().refine(isSectorCode, 'unknown sector code').default('other'),
    from: daySchema,
    to: daySchema,
    margin: z.number().gt(0).lt(1).default(0.05),
    strata: z
      .array(z.object({ unitId: z.number().int().positive(), population: z.number().int().positive() }))
      .min(1, 'a wave needs at least one stratum (a unit with its population)'),
  })
  .refine(inOrder, IN_ORDER)
  .refine((w) => new Set(w.strata.map((s) => s.unitId)).size === w.strata.length, {
    message: 'each unit can be one stratum only',
    path: ['strata'],
  });

const interview = z.object({
  clientKey: clientKeySchema(),
  unitId: z.number().int().positive(),
  sector: z.string().refine(isSectorCode, 'unknown sector code').optional(),
  answers: z.unknown(),
  comment: freeText().optional(),
});

const WAVE_NOT_FOUND = { vi: 'Không tìm thấy đợt khảo sát.', en: 'Survey wave not found.' };

/** Sociological survey waves: set up strata, follow fieldwork, enter interviews, read the weighted rate. */
export function waveRoutes({ db }: AppDeps) {
  const waveParam = (raw: string) => {
    const id = Number(raw);
    if (!Number.isInteger(id) || id <= 0) throw new RequestError(404, WAVE_NOT_FOUND);
    return id;
  };
  const loadWave = async (user: SessionUser, raw: string) => {
    const wave = await findWave(db.dbRead, user.tenant_id, waveParam(raw));
    if (!wave) throw new RequestError(404, WAVE_NOT_FOUND);
    return wave;
  };

  return new Hono<AppEnv>()
    .post('/waves', async (c) => {
      const user = c.get('user');
      const body = await parseJsonBody(c, newWave);
      const survey = await findSurveyByKey(db.dbRead, user.tenant_id, body.survey);
      if (!survey)
        throw new RequestError(
          422,
          { vi: 'Không có phiếu khảo sát này.', en: 'Unknown survey.' },
          { survey: { vi: 'Không có phiếu khảo sát này.', en: 'Unknown survey key.' } },
        );
      await assertUnitsInScope(
        db.dbRead,
        user,
        body.strata.map((s) => s.unitId),
      );
      const id = await createWave(db.dbWrite, {
        tenant_id: user.tenant_id,
        name: body.name,
        survey_id: survey.id,
        sector_code: body.sector,
        period_from: body.from,
        period_to: body.to,
        margin: body.margin,
        strata: body.strata.map((s) => ({ unit_id: s.unitId, population: s.population })),
      });
      await recordAudit(db, user, 'wave_created', `wave:${id}`, {
        name: body.name,
        survey: body.survey,
        sector: body.sector,
        from: body.from,
        to: body.to,
        strata: body.strata,
      });
      return c.json({ id }, 201);
    })
    .get('/waves', async (c) => c.json({ waves: await listWaves(db.dbRead, c.get('user').tenant_id) }))
    .get('/waves/:id', async (c) => {
      const user = c.get('user');
      const wave = await loadWave(user, c.req.param('id'));
      const [strata, targets] = await Promise.all([
        stratumProgress(db.dbRead, wave.id),
        targetLookup(db.dbRead, { tenantId: user.tenant_id, from: wave.period_from, to: wave.period_to }),
      ]);
      const target = targets(wave.sector_code === 'other' ? null : wave.sector_code, Number(wave.period_to.slice(0, 4)));
      return c.json({ wave, ...waveReport(strata, wave.margin, target) });
    })
    .get('/waves/:id/form', async (c) => {
      const wave = await loadWave(c.get('user'), c.req.param('id'));
      const version = await latestSurveyVersion(db.dbRead, wave.survey_id);
      return c.json({ wave, survey: { versionId: version.id, ...version.definition } });
    })
    .post('/waves/:id/responses', async (c) => {
      const user = c.get('user');
      const wave = await loadWave(user, c.req.param('id'));
      const body = await parseJsonBody(c, interview);
      const strata = await stratumProgress(db.dbRead, wave.id);
      const stratum = strata.find((s) => s.unit_id === body.unitId);
      if (!stratum) {
        const text = { vi: 'Đơn vị này không thuộc đợt khảo sát.', en: 'This unit is not a stratum of the wave.' };
        throw new RequestError(422, text, { unitId: text });
      }
      await assertUnitInScope(db.dbRead, user, stratum.unit_path);
      const version = await latestSurveyVersion(db.dbRead, wave.survey_id);
      const parsed = validateSubmission(version.definition, { answers: body.answers, comment: body.comment });
      if (!parsed.ok) {
        throw new RequestError(
          422,
          { vi: 'Phiếu chưa lưu được: xin xem lại các câu được đánh dấu.', en: 'Not saved: check the marked questions.' },
          parsed.errors,
        );
      }
      const [stored] = await storeResponses(db.dbWrite, [
        buildResponse(
          { tenantId: user.tenant_id, surveyVersion: version, counterId: null, waveId: wave.id, unitId: stratum.unit_id },
          { ...parsed.submission, sector: body.sector ?? wave.sector_code },
          { channel: 'interviewer', submittedAt: new Date(), clientKey: body.clientKey },
        ),
      ]);
      return c.json({ id: stored!.id }, stored!.replay ? 200 : 201);
    });
}

async function assertUnitsInScope(db: Kysely<Database>, user: SessionUser, unitIds: readonly number[]) {
  const scope = await scopePath(db, user);
  for (const id of unitIds) {
    const unit = await findUnit(db, user.tenant_id, id);
    if (!unit) {
      const text = { vi: `Không tìm thấy đơn vị ${id}.`, en: `Unit ${id} not found.` };
      throw new RequestError(422, text, { strata: text });
    }
    assertInScope(scope, unit.path);
  }
}
