import { Hono } from 'hono';
import { findWave, latestSurveyVersion, listWaves, stratumProgress } from '../../db/waves';
import type { AppDeps, AppEnv, SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { targetLookup } from '../stats/target-lookup';
import { createWavePlan, wavePlanSchema } from './create-wave-plan';
import { interviewSchema, storeInterview } from './wave-interview';
import { waveReport } from './wave-report';
import { waveTargetKey } from './wave-target';

const WAVE_NOT_FOUND = { vi: 'Không tìm thấy đợt khảo sát.', en: 'Survey wave not found.' };

/** Sociological survey waves: set up strata, follow fieldwork, enter interviews, read the weighted rate. */
export function waveRoutes({ db }: AppDeps) {
  const waveParam = (raw: string) => {
    const id = Number(raw);
    if (!Number.isInteger(id) || id <= 0) throw new RequestError(404, WAVE_NOT_FOUND);
    return id;
  };
  const loadWave = async (user: SessionUser, raw: string) => {
    const wave = await findWave(db.dbWrite, user.tenant_id, waveParam(raw));
    if (!wave) throw new RequestError(404, WAVE_NOT_FOUND);
    return wave;
  };

  return new Hono<AppEnv>()
    .post('/waves', async (c) => {
      const body = await parseJsonBody(c, wavePlanSchema);
      const id = await createWavePlan(db, c.get('user'), body);
      return c.json({ id }, 201);
    })
    .get('/waves', async (c) => c.json({ waves: await listWaves(db.dbWrite, c.get('user').tenant_id) }))
    .get('/waves/:id', async (c) => {
      const user = c.get('user');
      const wave = await loadWave(user, c.req.param('id'));
      const [strata, targets] = await Promise.all([
        stratumProgress(db.dbWrite, wave.id),
        targetLookup(db.dbWrite, { tenantId: user.tenant_id, from: wave.period_from, to: wave.period_to }),
      ]);
      const { sector, year } = waveTargetKey(wave);
      return c.json({ wave, ...waveReport(strata, wave.margin, targets(sector, year)) });
    })
    .get('/waves/:id/form', async (c) => {
      const wave = await loadWave(c.get('user'), c.req.param('id'));
      const version = await latestSurveyVersion(db.dbWrite, wave.survey_id);
      return c.json({ wave, survey: { versionId: version.id, ...version.definition } });
    })
    .post('/waves/:id/responses', async (c) => {
      const user = c.get('user');
      const wave = await loadWave(user, c.req.param('id'));
      const body = await parseJsonBody(c, interviewSchema);
      const stored = await storeInterview(db, user, wave, body);
      return c.json({ id: stored.id }, stored.replay ? 200 : 201);
    });
}
