import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { reasonDossiers } from '../../db/dossier-reasons';
import type { IndexFilter } from '../../db/dossier-index';
import { daySchema, IN_ORDER, inOrder } from '../../surveys/day-schema';
import { DOSSIER_CHANNELS } from '../../surveys/dossier-input';
import { RECONCILIATION_REASONS } from '../../surveys/portal-figures';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv, SessionUser } from '../http/context';
import { parseQuery } from '../http/parse-query';
import { resolveFilter } from '../http/stats-filter';
import { scopePath, unitInScope } from '../http/unit-scope';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { reasonCsvHeader, reasonCsvRows } from './reason-csv';
import { figureFilter, reconciliation } from './reconciliation';

const PAGE = 200;

const listQuery = z
  .object({ from: daySchema.optional(), to: daySchema.optional(), unit: z.coerce.number().int().positive().optional() })
  .refine(inOrder, IN_ORDER);

const dossiersQuery = z
  .object({
    from: daySchema,
    to: daySchema,
    unit: z.coerce.number().int().positive().optional(),
    reason: z.enum(RECONCILIATION_REASONS),
    dossierChannel: z.enum(DOSSIER_CHANNELS).optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .refine(inOrder, IN_ORDER);
type DossiersQuery = z.infer<typeof dossiersQuery>;

/** The filter of a reason's list: that unit subtree and period as reconciliation counts them. */
async function reasonFilter(db: Kysely<Database>, user: SessionUser, q: DossiersQuery): Promise<IndexFilter> {
  const base =
    q.unit !== undefined ? await figureFilter(db, user, q.unit, q.from, q.to) : await resolveFilter(db, user, { from: q.from, to: q.to });
  return { ...base, dossierChannel: q.dossierChannel };
}

/** hailong beside the national portal: the figures compared, and the dossiers behind a difference. */
export function reconciliationRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/indices/766/reconciliation', async (c) => {
      const user = c.get('user');
      const q = parseQuery(listQuery, c.req.query());
      const scope = await scopePath(db.dbRead, user);
      const path = q.unit !== undefined ? (await unitInScope(db.dbRead, user, scope, q.unit)).path : scope;
      const rows = await reconciliation(db.dbRead, user, { path, from: q.from, to: q.to });
      return c.json({ filter: { from: q.from ?? null, to: q.to ?? null, unit: q.unit ?? null }, rows });
    })
    .get('/indices/766/reconciliation/dossiers', async (c) => {
      const q = parseQuery(dossiersQuery, c.req.query());
      const filter = await reasonFilter(db.dbRead, c.get('user'), q);
      const page = await reasonDossiers(db.dbRead, filter, q.reason, { offset: q.offset, limit: PAGE });
      const next = q.offset + PAGE < page.total ? q.offset + PAGE : null;
      return c.json({
        filter: { from: q.from, to: q.to, unit: q.unit ?? null, reason: q.reason, dossierChannel: q.dossierChannel ?? null },
        total: page.total,
        offset: q.offset,
        limit: PAGE,
        next,
        dossiers: page.dossiers.map((d) => ({
          code: d.code,
          procedureCode: d.procedure_code,
          procedureName: d.procedure_name,
          sector: d.sector_code,
          unitCode: d.unit_code,
          channel: d.channel,
          receivedAt: d.received_at,
          dueAt: d.due_at,
          finishedAt: d.finished_at,
          rating: d.rating,
          ratingScale: d.rating_scale,
          complained: d.complained,
          complaintDueAt: d.complaint_due_at,
          complaintAnsweredAt: d.complaint_answered_at,
          complaintSatisfied: d.complaint_satisfied,
        })),
      });
    })
    .get('/indices/766/reconciliation/dossiers.csv', async (c) => {
      const user = c.get('user');
      const q = parseQuery(dossiersQuery, c.req.query());
      const filter = await reasonFilter(db.dbRead, user, q);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="hailong-doi-chieu-${q.reason}-${q.from}-${q.to}.csv"`);
      c.header('Cache-Control', 'no-store');
      return stream(c, async (out) => {
        let rows = 0;
        let complete = false;
        try {
          await out.write(reasonCsvHeader());
          for (let offset = 0; ; offset += 1000) {
            const page = await reasonDossiers(db.dbRead, filter, q.reason, { offset, limit: 1000 });
            if (page.dossiers.length > 0) await out.write(reasonCsvRows(page.dossiers));
            rows += page.dossiers.length;
            if (page.dossiers.length < 1000) break;
          }
          complete = true;
        } finally {
          // As every export: who took which dossiers away, and whether the copy is whole.
          await recordAudit(db, user, 'export', 'reconciliation-dossiers.csv', {
            format: 'csv',
            filter: { from: filter.from, to: filter.to, unitPath: filter.unitPath, dossierChannel: filter.dossierChannel },
            reason: q.reason,
            rows,
            complete,
          });
        }
      });
    });
}
