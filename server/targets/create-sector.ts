import type { Kysely } from 'kysely';
import { z } from 'zod';
import { insertLocalSector, setTargets } from '../../db/sectors';
import type { Database } from '../../db/types';
import { targetProblem } from '../../surveys/plan-targets';
import { SECTOR_CODE_PATTERN } from '../../surveys/sectors';
import { recordAudit } from '../audit/record-audit';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';

const CODE_HELP = 'a lower-case letter, then 1–31 lower-case letters, digits or _ (e.g. fire_safety)';

/** POST /api/sectors's body. */
export const sectorBody = z.object({
  code: z.string().regex(SECTOR_CODE_PATTERN, CODE_HELP),
  name: z.object({
    vi: z.string().trim().min(1, 'the Vietnamese name is required').max(120),
    en: z.string().trim().max(120).optional(),
  }),
  target: z.unknown().optional(),
});

/**
 * Adds a sector of the province's own (lĩnh vực riêng của địa phương), and when given, its target
 * for the current plan year (without one, the overall target in force applies to it). 409 when the
 * code is taken, by a plan sector or one added before.
 */
export async function createSector(db: Kysely<Database>, user: SessionUser, year: number, body: z.output<typeof sectorBody>) {
  if (body.target !== undefined && body.target !== null) {
    const problem = targetProblem(body.target);
    if (problem)
      throw new RequestError(
        422,
        { vi: 'Chưa thêm lĩnh vực: chỉ tiêu chưa đúng.', en: 'The sector was not added: the target is not valid.' },
        { target: problem },
      );
  }
  const target = typeof body.target === 'number' ? body.target : undefined;
  const name = { vi: body.name.vi, en: body.name.en || body.name.vi };
  return db.transaction().execute(async (trx) => {
    if (!(await insertLocalSector(trx, user.tenant_id, { code: body.code, name }))) {
      const taken = {
        vi: `Mã lĩnh vực "${body.code}" đã có. Xin chọn mã khác.`,
        en: `The sector code "${body.code}" is taken. Choose another.`,
      };
      throw new RequestError(409, taken);
    }
    if (target !== undefined) await setTargets(trx, user.tenant_id, year, [{ sectorCode: body.code, target }]);
    await recordAudit(trx, user, 'sector_created', `sector:${body.code}`, {
      code: body.code,
      name,
      ...(target !== undefined ? { target: { year, to: target } } : {}),
    });
    return { code: body.code, name, isLocal: true, ...(target !== undefined ? { target, year } : {}) };
  });
}
