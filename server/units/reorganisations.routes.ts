import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  ChangedMeanwhileError,
  linksOf,
  listReorganisations,
  undoReorganisation,
  writeReorganisation,
  writeReorganisations,
  type AlongWith,
  type Resolved,
} from '../../db/unit-reorganisations';
import { listSubtree } from '../../db/units';
import { daySchema } from '../../surveys/day-schema';
import { CURRENT_UNIT_KINDS } from '../../surveys/unit-kinds';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { uploadedTable } from '../imports/import-file';
import { scopePath } from '../http/unit-scope';
import { dryRunResolved, eventSummary, planSheetImport } from './reorganisation-import';
import { planReorganisation } from './reorganisation-plan';
import { planUndo, REORGANISATION_NOT_FOUND, undoRefusal, type ReorganisationRecord } from './reorganisation-undo';
import { refusalOf } from './unit-change';

const id = z.number().int().positive();
const code = z.string().trim().min(1).max(40);
const name = z.string().trim().min(1).max(200);
const successor = z.object({ code, name, kind: z.enum(CURRENT_UNIT_KINDS), parentId: id.nullable() });
const base = { effectiveOn: daySchema, note: z.string().trim().max(2000).optional() };

const body = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('merge'),
    ...base,
    from: z.array(id).min(1).max(200),
    into: z.union([z.object({ unitId: id }), successor]),
    childrenParentId: id.optional(),
  }),
  z.object({
    kind: z.literal('split'),
    ...base,
    from: id,
    into: z
      .array(successor.extend({ share: z.number() }))
      .min(2)
      .max(50),
    counters: z
      .array(z.object({ counterId: id, to: z.number().int().min(0) }))
      .max(1000)
      .optional(),
    childrenTo: z.number().int().min(0).optional(),
  }),
  z.object({ kind: z.literal('rename'), ...base, unitId: id, name }),
  z.object({ kind: z.literal('recode'), ...base, unitId: id, code }),
  z.object({ kind: z.literal('move'), ...base, unitId: id, parentId: id.nullable() }),
]);

const CHANGED_MEANWHILE = {
  vi: 'Một đơn vị trong đợt này vừa được thay đổi bởi người khác; xin tải lại danh sách và thử lại.',
  en: 'A unit of this event was changed by someone else meanwhile; reload the list and try again.',
};

const refused = (error: unknown): never => {
  if (error instanceof ChangedMeanwhileError) throw new RequestError(409, CHANGED_MEANWHILE);
  throw refusalOf(error) ?? error;
};

/**
 * Reorganisations of the unit tree (issue 16): a merge, split, rename, recode or move recorded
 * effective on a day, all or nothing with its audit entry; the list of them with their links;
 * and an undo while no answer has arrived under the new tree.
 */
export function reorganisationRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/units/reorganisations', async (c) => {
      const user = c.get('user');
      const scope = await scopePath(db.dbWrite, user);
      const seen = new Set((await listSubtree(db.dbWrite, user.tenant_id, scope)).map((u) => u.id));
      const events = (await listReorganisations(db.dbWrite, user.tenant_id)).filter((e) => {
        const r = e.details as unknown as ReorganisationRecord;
        return [...(r.predecessors ?? []), ...(r.successors ?? [])].some((u) => seen.has(u.id));
      });
      const standing = await linksOf(
        db.dbWrite,
        user.tenant_id,
        events.map((e) => e.id),
      );
      return c.json({
        reorganisations: events.map((e) => {
          const r = e.details as unknown as ReorganisationRecord;
          return {
            id: e.id,
            kind: e.kind,
            effectiveOn: e.effective_on,
            note: e.note,
            createdAt: e.created_at,
            createdBy: e.created_by,
            createdByName: e.created_by_name,
            undoneAt: e.undone_at,
            undoneBy: e.undone_by,
            undoneByName: e.undone_by_name,
            predecessors: r.predecessors,
            successors: r.successors,
            links: r.links,
            linksStanding: standing.filter((l) => l.reorganisation_id === e.id).length,
            counters: r.counters,
            children: r.children,
            ...(r.before ? { before: r.before, after: r.after } : {}),
          };
        }),
      });
    })
    .post('/units/reorganisations', async (c) => {
      const user = c.get('user');
      const input = await parseJsonBody(c, body);
      const scope = await scopePath(db.dbWrite, user);
      const plan = await planReorganisation(db.dbWrite, user, scope, input);
      const done = await writeReorganisation(db.dbWrite, plan.write, async (trx, resolved) => {
        const record = plan.record(resolved);
        await recordAudit(trx, user, 'unit_reorganised', `reorganisation:${resolved.id}`, record);
        return record;
      }).catch(refused);
      return c.json({ id: done.id, ...done.details }, 201);
    })
    .post('/units/reorganisations/import', async (c) => {
      const user = c.get('user');
      const { table, file } = await uploadedTable(c);
      const { dryRun, effectiveOn } = await importOptions(c);
      const scope = await scopePath(db.dbWrite, user);
      const sheet = await planSheetImport(db.dbWrite, user, scope, table, effectiveOn);
      if (sheet.planned === undefined) {
        return c.json(
          {
            error: 'Nothing was recorded: some lines are not valid.',
            message: {
              vi: 'Chưa ghi nhận gì: có dòng chưa hợp lệ. Xin sửa và gửi lại cả tệp.',
              en: 'Nothing was recorded: some lines are not valid. Fix them and send the whole file again.',
            },
            rows: table.rows.length,
            problems: sheet.problems,
          },
          422,
        );
      }
      const answer = { dryRun, effectiveOn: sheet.effectiveOn, rows: table.rows.length };
      if (dryRun) {
        const events = sheet.planned.map(({ event, plan }) => eventSummary(event, plan.record(dryRunResolved(plan)), sheet.units));
        return c.json({ ...answer, events });
      }
      const along = sheet.planned.map(({ plan }): AlongWith<Resolved> => async (trx, resolved) => {
        const record = plan.record(resolved);
        await recordAudit(trx, user, 'unit_reorganised', `reorganisation:${resolved.id}`, { ...record, file });
        return record;
      });
      const done = await writeReorganisations(
        db.dbWrite,
        sheet.planned.map((p) => p.plan.write),
        along,
      ).catch(refused);
      const events = done.map((d, i) => ({ id: d.id, ...eventSummary(sheet.planned[i]!.event, d.details, sheet.units) }));
      return c.json({ ...answer, events }, 201);
    })
    .post('/units/reorganisations/:id{[0-9]+}/undo', async (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      if (!Number.isSafeInteger(id) || id <= 0) throw new RequestError(404, REORGANISATION_NOT_FOUND);
      const scope = await scopePath(db.dbWrite, user);
      const { record, write, check } = await planUndo(db.dbWrite, user, scope, id);
      await undoReorganisation(db.dbWrite, write, check, (trx) =>
        recordAudit(trx, user, 'unit_reorganisation_undone', `reorganisation:${id}`, {
          kind: record.kind,
          effectiveOn: record.effectiveOn,
          reopened: record.predecessors.filter((p) => p.ends),
          removed: record.successors.filter((s) => s.created),
          counters: record.counters,
          children: record.children,
          ...(record.before ? { before: record.after, after: record.before } : {}),
        }),
      ).catch((error: unknown) => {
        throw undoRefusal(error) ?? error;
      });
      return c.json({ id, undone: true });
    });
}

const yes = (v: unknown) => typeof v === 'string' && ['1', 'true', 'yes'].includes(v.trim().toLowerCase());

/** `dryRun` and `effectiveOn`, from the query or (a multipart upload) the form's own fields. */
async function importOptions(c: Context<AppEnv>): Promise<{ dryRun: boolean; effectiveOn: string | undefined }> {
  const form = (c.req.header('content-type') ?? '').startsWith('multipart/form-data') ? await c.req.parseBody() : {};
  const dryRun = yes(c.req.query('dryRun')) || yes(form.dryRun);
  const day = c.req.query('effectiveOn') ?? (typeof form.effectiveOn === 'string' ? form.effectiveOn : undefined);
  return { dryRun, effectiveOn: day?.trim() || undefined };
}
