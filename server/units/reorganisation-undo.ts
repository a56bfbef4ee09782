import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { answersUnderNewTree, ChangedMeanwhileError, findReorganisation, type UndoWrite } from '../../db/unit-reorganisations';
import { listSubtree } from '../../db/units';
import type { LocalizedText } from '../../surveys/localized-text';
import { dayStartUtc } from '../../surveys/time';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { assertInScope } from '../http/unit-scope';

/** The record an event keeps in its details (server/units/reorganisation-plan.ts writes it). */
export interface ReorganisationRecord {
  kind: string;
  effectiveOn: string;
  note: string | null;
  predecessors: { id: number; code: string; name: string; ends: boolean }[];
  successors: { id: number; code: string; name: string; created: boolean }[];
  links: { fromId: number; fromCode: string; fromName: string; toId: number; toCode: string; toName: string; share: number }[];
  counters: { id: number; code: string; fromUnitId: number; toUnitId: number }[];
  children: { id: number; code: string; fromParentId: number | null; toParentId: number }[];
  unitId?: number;
  before?: { name?: string; parentId?: number | null };
  after?: { name?: string; parentId?: number | null };
}

export const REORGANISATION_NOT_FOUND: LocalizedText = {
  vi: 'Không tìm thấy đợt sắp xếp lại đơn vị này.',
  en: 'This reorganisation was not found.',
};

const ALREADY_UNDONE: LocalizedText = {
  vi: 'Đợt sắp xếp lại này đã được hoàn tác rồi.',
  en: 'This reorganisation has already been undone.',
};

const answersArrived = (n: number, day: string): LocalizedText => ({
  vi: `Không hoàn tác được: đã có ${n} phiếu trả lời gửi về theo cơ cấu mới (từ ngày ${day}, tại đơn vị mới hoặc quầy đã chuyển). Phiếu đã lưu không bao giờ bị sửa; hãy ghi một đợt sắp xếp mới nếu cần.`,
  en: `Cannot undo: ${n} answer(s) already arrived under the new tree (from ${day}, at a new unit or a moved counter). Stored answers are never rewritten; record a new reorganisation instead if needed.`,
});

/**
 * Whether an event may be undone, and what undoing writes: known (404), in the caller's subtree
 * (403), not undone yet (409), no answer yet under the new tree (409); then counters and child
 * units go back, a renamed or moved unit gets its old name or parent, units it made are removed
 * and its predecessors are in force again.
 */
export async function planUndo(db: Kysely<Database>, user: SessionUser, scope: string | undefined, id: number) {
  const event = await findReorganisation(db, user.tenant_id, id);
  if (!event) throw new RequestError(404, REORGANISATION_NOT_FOUND);
  const record = event.details as unknown as ReorganisationRecord;
  const units = new Map((await listSubtree(db, user.tenant_id)).map((u) => [u.id, u]));
  for (const u of [...record.predecessors, ...record.successors]) {
    const unit = units.get(u.id);
    if (unit) assertInScope(scope, unit.path);
  }
  if (event.undone_at !== null) throw new RequestError(409, ALREADY_UNDONE);
  const created = record.successors.filter((s) => s.created).map((s) => s.id);
  const check = async (trx: Kysely<Database>) => {
    const n = await answersUnderNewTree(
      trx,
      user.tenant_id,
      dayStartUtc(record.effectiveOn),
      record.successors.map((s) => s.id),
      record.counters.map((c) => c.id),
      created,
    );
    if (n > 0) throw new RequestError(409, answersArrived(n, record.effectiveOn));
  };
  await check(db);
  const write: UndoWrite = {
    tenantId: user.tenant_id,
    id,
    undoneBy: user.id,
    counters: record.counters.map((c) => ({ id: c.id, unitId: c.fromUnitId })),
    children: record.children.map((c) => ({ id: c.id, parentId: c.fromParentId })),
    ...(record.unitId !== undefined && record.before
      ? {
          inPlace: {
            id: record.unitId,
            ...(record.before.name !== undefined ? { name: record.before.name } : {}),
            ...(record.before.parentId !== undefined ? { parent_id: record.before.parentId } : {}),
          },
        }
      : {}),
    remove: created,
    reopen: record.predecessors.filter((p) => p.ends).map((p) => p.id),
  };
  return { event, record, write, check };
}

/** What stops an undo in the database itself: a new unit now used elsewhere, or a code taken again. */
export function undoRefusal(error: unknown): RequestError | null {
  if (error instanceof ChangedMeanwhileError) return new RequestError(409, ALREADY_UNDONE);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '23503') {
    return new RequestError(409, {
      vi: 'Không hoàn tác được: đơn vị mới của đợt này đã được dùng sau đó (có quầy, tài khoản hoặc đơn vị trực thuộc mới). Xin gỡ các liên kết đó trước.',
      en: 'Cannot undo: a unit this event made has been used since (a new counter, account or unit under it). Remove those first.',
    });
  }
  if (code === '23505') {
    return new RequestError(409, {
      vi: 'Không hoàn tác được: mã của một đơn vị cũ nay đang được một đơn vị còn hoạt động khác sử dụng.',
      en: 'Cannot undo: the code of a unit it ended is now used by another unit in force.',
    });
  }
  return null;
}
