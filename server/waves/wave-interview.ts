import { z } from 'zod';
import { buildResponse } from '../../db/build-response';
import type { DbHandle } from '../../db/create-db';
import { storeResponses, type StoredResult } from '../../db/responses';
import { hasSector } from '../../db/sectors';
import { latestSurveyVersion, stratumProgress } from '../../db/waves';
import { validateSubmission } from '../../surveys/answers-schema';
import { clientKeySchema } from '../../surveys/client-key';
import { isSectorCodeShape } from '../../surveys/sectors';
import { assertUnitInScope } from '../http/unit-scope';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { freeText } from '../http/nul-bytes';

/** An interviewer's answers for one stratum of a wave. */
export const interviewSchema = z.object({
  clientKey: clientKeySchema(),
  unitId: z.number().int().positive(),
  sector: z.string().refine(isSectorCodeShape, 'unknown sector code').optional(),
  answers: z.unknown(),
  comment: freeText().optional(),
});

export type Interview = z.output<typeof interviewSchema>;

/**
 * An interviewer's answers for a stratum of the wave (a unit in their scope), checked against the
 * survey's newest version and stored through the one writer path.
 */
export async function storeInterview(
  db: DbHandle,
  user: SessionUser,
  wave: { id: number; survey_id: number; sector_code: string },
  body: Interview,
): Promise<StoredResult> {
  const strata = await stratumProgress(db.dbWrite, wave.id);
  const stratum = strata.find((s) => s.unit_id === body.unitId);
  if (!stratum) {
    const text = { vi: 'Đơn vị này không thuộc đợt khảo sát.', en: 'This unit is not a stratum of the wave.' };
    throw new RequestError(422, text, { unitId: text });
  }
  await assertUnitInScope(db.dbWrite, user, stratum.unit_path);
  if (body.sector !== undefined && !(await hasSector(db.dbWrite, user.tenant_id, body.sector))) {
    const text = { vi: 'Lĩnh vực không có trong danh mục của tỉnh.', en: "The sector is not in the province's list." };
    throw new RequestError(422, text, { sector: text });
  }
  const version = await latestSurveyVersion(db.dbWrite, wave.survey_id);
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
  return stored!;
}
