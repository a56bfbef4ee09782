import { Hono } from 'hono';
import { z } from 'zod';
import { storeDossiers } from '../../db/dossiers';
import { apiKeyActor, recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { resolveDossiers, type DossierProblem } from './resolve-dossiers';

/** At most this many dossiers in one batch: some 3 MB of JSON, stored in one transaction. */
export const MAX_BATCH_DOSSIERS = 5000;

const batch = z.object({ dossiers: z.array(z.unknown()).min(1).max(MAX_BATCH_DOSSIERS) });

const codeOf = (value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
    ? (value as { code: string }).code
    : null;

const listed = (problems: readonly DossierProblem[]) => problems.map((p) => ({ index: p.at, field: p.field, message: p.message }));

/**
 * The one-stop system sends dossiers with its API key (the access policy has checked it): all of a
 * batch is stored or none. A dossier of a unit outside the key's subtree refuses the batch (403);
 * any other problem too (422), listing each by its index in `dossiers`. Sending a batch again
 * changes nothing and counts nothing twice (db/dossiers.ts).
 */
export function dossierBatchRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().post('/dossiers/batch', async (c) => {
    const key = c.get('apiKey');
    const { dossiers } = await parseJsonBody(c, batch);
    const { records, problems } = await resolveDossiers(
      db.dbWrite,
      key.tenantId,
      key.unitPath,
      dossiers.map((value, at) => ({ at, value })),
    );
    const outside = problems.filter((p) => p.kind === 'scope');
    if (outside.length > 0) {
      const codes = [...new Set(outside.map((p) => codeOf(dossiers[p.at]) ?? `#${p.at}`))];
      const shown = codes.slice(0, 10).join(', ') + (codes.length > 10 ? ', …' : '');
      throw new RequestError(
        403,
        {
          vi: `Khóa API này không được gửi hồ sơ của đơn vị ngoài phạm vi của nó (${codes.length} hồ sơ: ${shown}). Không hồ sơ nào được lưu.`,
          en: `This API key may not send dossiers of units outside its scope (${codes.length} dossiers: ${shown}). Nothing was stored.`,
        },
        undefined,
        { problems: listed(outside) },
      );
    }
    if (problems.length > 0) {
      const count = new Set(problems.map((p) => p.at)).size;
      throw new RequestError(
        422,
        {
          vi: `${count} hồ sơ chưa đúng; không hồ sơ nào được lưu. Sửa rồi gửi lại cả lô.`,
          en: `${count} dossiers are not valid; nothing was stored. Fix them and send the whole batch again.`,
        },
        undefined,
        { problems: listed(problems) },
      );
    }
    const received = dossiers.length;
    // The audit entry commits with the dossiers, or neither does.
    const stored = await storeDossiers(db.dbWrite, key.tenantId, records, 'api', {
      inside: (trx, counts) =>
        recordAudit(trx, apiKeyActor(key), 'dossiers_received', `api_key:${key.id}`, {
          key: key.name,
          prefix: key.prefix,
          received,
          ...counts,
        }),
    });
    const counts = { received, ...stored };
    return c.json(counts);
  });
}
