import { Hono } from 'hono';
import { z } from 'zod';
import { clearFlags, countFlagged, listFlagged } from '../../db/flagged-responses';
import { findUnit } from '../../db/units';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';

const NOTHING_TO_CLEAR = {
  vi: 'Không có phiếu bị gắn cờ nào với mã này (có thể đã được gỡ cờ).',
  en: 'No flagged answer with this id (it may have been cleared already).',
};

/** Answers flagged as bursts: listed for analysts, out of official rates until cleared. */
export function flaggedRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/flagged', async (c) => {
      const filter = await resolveFilter(db.dbWrite, c.get('user'), parseQuery(filterQuery, c.req.query()));
      const [total, items] = await Promise.all([countFlagged(db.dbWrite, filter), listFlagged(db.dbWrite, filter)]);
      return c.json({
        total,
        items: items.map((r) => ({
          id: r.id,
          submittedAt: r.submitted_at,
          counter: { code: r.counter_code, name: r.counter_name },
          sector: r.sector_code,
          channel: r.channel,
          flags: r.flags,
          satisfied: r.satisfied,
          answers: r.answers,
          comment: r.comment,
        })),
      });
    })
    .post('/flagged/:id/clear', async (c) => {
      const id = z.coerce.number().int().positive().safeParse(c.req.param('id'));
      if (!id.success) throw new RequestError(400, { vi: 'Mã phiếu phải là số.', en: 'The answer id must be a number.' });
      const user = c.get('user');
      const scope = user.unit_id === null ? undefined : await findUnit(db.dbWrite, user.tenant_id, user.unit_id);
      const cleared = await clearFlags(db.dbWrite, user.tenant_id, id.data, scope?.path);
      if (!cleared) throw new RequestError(404, NOTHING_TO_CLEAR);
      await recordAudit(db, user, 'flag_cleared', `response:${id.data}`);
      return c.json({ id: id.data, cleared: true });
    });
}
