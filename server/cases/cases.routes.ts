import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  addCaseNote,
  caseFigures,
  deleteCaseContact,
  findCase,
  findCaseResponse,
  listCaseNotes,
  listCases,
  type CaseChange,
  type CaseRow,
} from '../../db/cases';
import { listContactReveals } from '../../db/contact-reveals';
import { findUserWithScope, listActiveUsersWithScope } from '../../db/users';
import { normalizeComment } from '../../surveys/answers-schema';
import { CASE_STATUSES } from '../../surveys/case-states';
import { daySchema, IN_ORDER, inOrder } from '../../surveys/day-schema';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { parseQuery } from '../http/parse-query';
import { auditCaseChange } from './case-audit';
import { unitInScope } from '../http/unit-scope';
import { caseScope, dueAtOf, periodOf } from './case-scope';
import { applyCaseStep } from './case-step';
import { dueDateRefusal } from './case-workflow';
import { answerReference } from '../references/answer-reference';
import { caseResponseView, caseView } from './case-view';
import { assigneeRefusal, possibleAssignees } from './case-assignee';
import { mayRevealContact, revealRefusal } from './contact-reveal';
import type { CaseAction } from '../../surveys/case-states';
import { mayCall } from '../../surveys/access-rules';
import { openCaseForAnswer } from './open-case';

const id = z.coerce.number().int().positive();
const text = (max: number) =>
  z
    .string()
    .transform((s) => normalizeComment(s, max))
    .refine((s) => s !== '', 'must not be empty');
const dueAt = z.union([daySchema, z.iso.datetime({ offset: true })]).transform(dueAtOf);

const periodQuery = {
  from: daySchema.optional(),
  to: daySchema.optional(),
  unit: id.optional(),
};
const listQuery = z
  .object({
    ...periodQuery,
    status: z.enum(CASE_STATUSES).optional(),
    overdue: z.enum(['0', '1']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: id.optional(),
  })
  .refine(inOrder, IN_ORDER);
const figuresQuery = z.object(periodQuery).refine(inOrder, IN_ORDER);

const openBody = z.object({ responseId: id, note: text(2000).optional() });
const assignBody = z.object({ unitId: id, assigneeId: id.nullable().optional(), dueAt: dueAt.optional() });
const assigneesQuery = z.object({ unit: id });
const revealBody = z.object({
  reason: z
    .string()
    .max(500)
    .transform((s) => normalizeComment(s, 500)),
});
const answerBody = z.object({ answer: text(5000) });
const closeBody = z.object({ reason: text(500).optional() });
const noteBody = z.object({ text: text(2000) });

const CASE_NOT_FOUND = {
  vi: 'Không tìm thấy phản ánh này (hoặc phản ánh thuộc đơn vị khác).',
  en: 'Case not found (or it belongs to another unit).',
};

/** Complaints (phản ánh, kiến nghị) followed to the end: for analysts and administrators, within their units. */
export function caseRoutes({ db, config }: AppDeps) {
  async function visibleCase(c: Context<AppEnv>): Promise<CaseRow> {
    const caseId = id.safeParse(c.req.param('id'));
    if (!caseId.success) throw new RequestError(404, CASE_NOT_FOUND);
    // Another unit's case answers 404, as if it did not exist: its existence is not ours to tell.
    const found = await findCase(db.dbWrite, await caseScope(db.dbWrite, c.get('user')), caseId.data);
    if (!found) throw new RequestError(404, CASE_NOT_FOUND);
    return found;
  }

  /** A workflow step, then the case as it is now. */
  async function step(c: Context<AppEnv>, row: CaseRow, action: CaseAction, change: CaseChange, withReason = false) {
    await applyCaseStep(db, c.get('user'), row, action, change, withReason);
    return viewOf(c, row.id);
  }

  async function viewOf(c: Context<AppEnv>, caseId: number) {
    const row = await findCase(db.dbWrite, { tenantId: c.get('user').tenant_id }, caseId);
    return c.json(caseView(row!, new Date()));
  }

  return new Hono<AppEnv>()
    .get('/cases', async (c) => {
      const q = parseQuery(listQuery, c.req.query());
      const scope = await caseScope(db.dbWrite, c.get('user'), q.unit);
      const now = new Date();
      const period = q.from || q.to ? periodOf(q.from ?? '2000-01-01', q.to, now) : undefined;
      const rows = await listCases(db.dbWrite, {
        ...scope,
        status: q.status,
        overdue: q.overdue === '1',
        from: period?.from,
        to: period?.to,
        now,
        limit: q.limit,
        before: q.before,
      });
      return c.json({ items: rows.map((r) => caseView(r, now)), nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.id : null });
    })
    .get('/cases/figures', async (c) => {
      const q = parseQuery(figuresQuery, c.req.query());
      const now = new Date();
      const period = periodOf(q.from, q.to, now);
      const scope = await caseScope(db.dbRead, c.get('user'), q.unit);
      const f = await caseFigures(db.dbRead, { ...scope, from: period.from, to: period.to, now });
      return c.json({ ...f, answeredOnTimeShare: f.answered > 0 ? f.answeredOnTime / f.answered : null, period: period.days });
    })
    .get('/cases/:id{[0-9]+}', async (c) => {
      const row = await visibleCase(c);
      const tenantId = c.get('user').tenant_id;
      const [notes, response, reveals] = await Promise.all([
        listCaseNotes(db.dbWrite, tenantId, row.id),
        row.response_id === null ? undefined : findCaseResponse(db.dbWrite, tenantId, row.response_id),
        listContactReveals(db.dbWrite, tenantId, row.id),
      ]);
      return c.json({
        ...caseView(row, new Date()),
        notes: notes.map((n) => ({ id: n.id, text: n.text, at: n.at, author: n.author })),
        response: response ? caseResponseView(response, answerReference(config.secret, tenantId, response.id)) : null,
        contactReveals: reveals,
        mayRevealContact: mayRevealContact(row, c.get('user')),
        mayPublishOutcome: row.status === 'closed' && mayCall(c.get('user').role, 'PUT /api/cases/:id{[0-9]+}/published-outcome'),
      });
    })
    .post('/cases', async (c) => {
      const body = await parseJsonBody(c, openBody);
      const user = c.get('user');
      const now = new Date();
      const caseId = await openCaseForAnswer(db, user, body, config.caseDueDays, now);
      const created = await findCase(db.dbWrite, { tenantId: user.tenant_id }, caseId);
      return c.json(caseView(created!, now), 201);
    })
    .post('/cases/:id{[0-9]+}/assign', async (c) => {
      const row = await visibleCase(c);
      const body = await parseJsonBody(c, assignBody);
      const user = c.get('user');
      const unit = await unitInScope(db.dbWrite, user, (await caseScope(db.dbWrite, user)).scopePath, body.unitId);
      const dueRefused = dueDateRefusal(row.created_at, body.dueAt);
      if (dueRefused) throw new RequestError(422, dueRefused, { dueAt: dueRefused });
      const assignee = body.assigneeId ? await findUserWithScope(db.dbWrite, user.tenant_id, body.assigneeId) : null;
      if (body.assigneeId) {
        const refused = assigneeRefusal(assignee ?? undefined, unit.path);
        if (refused) throw new RequestError(422, refused, { assigneeId: refused });
      }
      const change = {
        to: 'assigned',
        at: new Date(),
        assignedUnitId: unit.id,
        assignedUserId: assignee?.id ?? null,
        dueAt: body.dueAt,
      } as const;
      await applyCaseStep(db, user, row, 'assign', change, false, {
        unitId: unit.id,
        assignee: assignee ? { id: assignee.id, username: assignee.username } : null,
      });
      return viewOf(c, row.id);
    })
    .get('/cases/assignees', async (c) => {
      const q = parseQuery(assigneesQuery, c.req.query());
      const user = c.get('user');
      const unit = await unitInScope(db.dbWrite, user, (await caseScope(db.dbWrite, user)).scopePath, q.unit);
      const users = possibleAssignees(await listActiveUsersWithScope(db.dbWrite, user.tenant_id), unit.path);
      return c.json({
        unitId: unit.id,
        items: users.map((u) => ({ id: u.id, username: u.username, role: u.role, unitName: u.unit_name })),
      });
    })
    .post('/cases/:id{[0-9]+}/answer', async (c) => {
      const row = await visibleCase(c);
      const body = await parseJsonBody(c, answerBody);
      return step(c, row, 'answer', { to: 'answered', at: new Date(), answerText: body.answer });
    })
    .post('/cases/:id{[0-9]+}/close', async (c) => {
      const row = await visibleCase(c);
      // A plain POST with no body closes an answered case; a reason is needed only without an answer.
      const body = c.req.header('content-type') ? await parseJsonBody(c, closeBody) : {};
      const reason = body.reason;
      return step(c, row, 'close', { to: 'closed', at: new Date(), closeReason: reason }, reason !== undefined);
    })
    .post('/cases/:id{[0-9]+}/notes', async (c) => {
      const row = await visibleCase(c);
      const body = await parseJsonBody(c, noteBody);
      const user = c.get('user');
      const note = await addCaseNote(db.dbWrite, { tenant_id: user.tenant_id, case_id: row.id, author_user_id: user.id, text: body.text });
      await auditCaseChange(db, user, 'case_changed', row.id, { note: note.id });
      return c.json({ id: note.id, at: note.at, text: body.text, author: user.username }, 201);
    })
    .post('/cases/:id{[0-9]+}/contact/reveal', async (c) => {
      const row = await visibleCase(c);
      const body = await parseJsonBody(c, revealBody);
      const user = c.get('user');
      const refused = revealRefusal(row, user, body.reason);
      if (refused) throw new RequestError(refused.status, refused.text, refused.status === 422 ? { reason: refused.text } : undefined);
      // Who, when and why, never the number; the entry is written before the number goes out.
      await auditCaseChange(db, user, 'contact_revealed', row.id, { reason: body.reason });
      // Shown once: never cached (every /api/ answer is no-store), never kept by the page.
      c.header('Cache-Control', 'no-store');
      return c.json({ id: row.id, phone: row.contact_phone!, consentAt: row.contact_consent_at, revealedAt: new Date() });
    })
    .delete('/cases/:id{[0-9]+}/contact', async (c) => {
      const row = await visibleCase(c);
      const deleted = await deleteCaseContact(db.dbWrite, c.get('user').tenant_id, row.id);
      if (deleted) await auditCaseChange(db, c.get('user'), 'contact_deleted', row.id, { on: 'request' });
      return c.json({ id: row.id, contactDeleted: deleted });
    });
}
