import { Hono } from 'hono';
import { z } from 'zod';
import { listComments } from '../../db/comments';
import { listSurveyVersions } from '../../db/surveys';
import type { AppDeps, AppEnv } from '../http/context';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { parseQuery } from '../http/parse-query';
import { commentView } from './comment-view';

const commentsQuery = z.intersection(
  filterQuery,
  z.object({
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.coerce.number().int().positive().optional(),
  }),
);

/** What people wrote, newest first, with the rating they gave: the words behind the numbers. */
export function commentRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/comments', async (c) => {
    const user = c.get('user');
    const q = parseQuery(commentsQuery, c.req.query());
    const filter = await resolveFilter(db.dbRead, user, q);
    const [rows, versions] = await Promise.all([
      listComments(db.dbRead, filter, { search: q.q, limit: q.limit, before: q.before }),
      listSurveyVersions(db.dbRead, user.tenant_id),
    ]);
    return c.json({
      items: rows.map((r) => commentView(r, versions)),
      nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
    });
  });
}
