import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { findUnit, findUnitInForceByCode, inServiceUnder, listUnitsInForce, type NewUnit, type UnitChanges } from '../../db/units';
import type { LocalizedText } from '../../surveys/localized-text';
import type { CurrentUnitKind } from '../../surveys/unit-kind-words';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { assertInScope } from '../http/unit-scope';
import {
  childrenRefusing,
  codeTaken,
  ENDS_BEFORE_START,
  movesUnderItself,
  PARENT_NOT_FOUND,
  PARENT_RETIRED,
  shapeProblem,
  stillInService,
  UNDER_ITSELF,
  type UnitFacts,
} from './unit-rules';

export interface NewUnitBody {
  code: string;
  name: string;
  kind: CurrentUnitKind;
  parentId: number | null;
  validFrom?: string | undefined;
}

export interface UnitChangeBody {
  name?: string | undefined;
  code?: string | undefined;
  kind?: CurrentUnitKind | undefined;
  parentId?: number | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  retired?: boolean | undefined;
}

const OWN_ROOT: LocalizedText = {
  vi: 'Bạn chỉ được đổi tên đơn vị của chính mình; việc chuyển, đổi mã, đổi loại hay cho thôi hoạt động do cấp trên thực hiện.',
  en: 'You may rename your own unit only; moving, recoding, changing its kind or retiring it is for the level above.',
};

const TOP_OF_TREE: LocalizedText = {
  vi: 'Chỉ quản trị viên toàn tỉnh mới tạo được đơn vị cấp cao nhất.',
  en: 'Only an administrator of the whole tenant may add a unit at the top of the tree.',
};

const invalid = (field: string, text: LocalizedText) => new RequestError(422, text, { [field]: text });

/** The parent a unit would hang under: in the tenant (422), in the caller's subtree (403), in force (422). */
async function parentFor(db: Kysely<Database>, user: SessionUser, scope: string | undefined, parentId: number | null) {
  if (parentId === null) {
    if (scope !== undefined) throw new RequestError(403, TOP_OF_TREE);
    return null;
  }
  const parent = await findUnit(db, user.tenant_id, parentId);
  if (!parent) throw invalid('parentId', PARENT_NOT_FOUND);
  assertInScope(scope, parent.path);
  if (parent.valid_to !== null) throw invalid('parentId', PARENT_RETIRED);
  return parent;
}

async function assertCodeFree(db: Kysely<Database>, tenantId: number, code: string, self: number | null) {
  const holder = await findUnitInForceByCode(db, tenantId, code);
  if (holder && holder.id !== self) throw new RequestError(409, codeTaken(code, holder.name), { code: codeTaken(code, holder.name) });
}

/** A new unit checked against the code, parent and scope rules, as the row to insert, with its parent's code. */
export async function checkNewUnit(
  db: Kysely<Database>,
  user: SessionUser,
  scope: string | undefined,
  body: NewUnitBody,
): Promise<{ row: NewUnit; parentCode: string | null }> {
  const parent = await parentFor(db, user, scope, body.parentId);
  const problem = shapeProblem(body.kind, body.code, parent?.kind ?? null);
  if (problem) throw invalid(problem.field, problem.text);
  await assertCodeFree(db, user.tenant_id, body.code, null);
  const row = {
    tenant_id: user.tenant_id,
    parent_id: parent?.id ?? null,
    code: body.code,
    name: body.name,
    kind: body.kind,
    valid_from: body.validFrom ?? null,
  };
  return { row, parentCode: parent?.code ?? null };
}

/** A unit as the API and the audit log name its fields. */
export const unitFields = (u: Pick<UnitFacts, 'code' | 'name' | 'kind' | 'parent_id' | 'valid_from' | 'valid_to'>) => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parent_id,
  validFrom: u.valid_from,
  validTo: u.valid_to,
});

type Fields = ReturnType<typeof unitFields>;

export interface PlannedChange {
  changes: UnitChanges;
  before: Partial<Fields>;
  after: Partial<Fields>;
}

/**
 * One PATCH checked against every rule before the database sees it: the caller's scope (their own
 * root may only be renamed), the code and parent rules, no move into its own subtree, a code free
 * among units in force, nothing still serving below a unit that retires. `today` is Vietnam's day.
 */
export async function planUnitChange(
  db: Kysely<Database>,
  user: SessionUser,
  scope: string | undefined,
  unit: UnitFacts,
  body: UnitChangeBody,
  today: string,
): Promise<PlannedChange> {
  const validTo =
    body.retired === true
      ? (unit.valid_to ?? today)
      : body.retired === false
        ? null
        : body.validTo === undefined
          ? unit.valid_to
          : body.validTo;
  const next: Fields = {
    code: body.code ?? unit.code,
    name: body.name ?? unit.name,
    kind: body.kind ?? unit.kind,
    parentId: body.parentId === undefined ? unit.parent_id : body.parentId,
    validFrom: body.validFrom === undefined ? unit.valid_from : body.validFrom,
    validTo,
  };
  const current = unitFields(unit);
  const changed = (Object.keys(next) as (keyof Fields)[]).filter((k) => next[k] !== current[k]);
  if (changed.length === 0) return { changes: {}, before: {}, after: {} };
  if (user.unit_id === unit.id && changed.some((k) => k !== 'name')) throw new RequestError(403, OWN_ROOT);

  const moves = changed.includes('parentId');
  const parent = moves
    ? await parentFor(db, user, scope, next.parentId)
    : unit.parent_id === null
      ? null
      : ((await findUnit(db, user.tenant_id, unit.parent_id)) ?? null);
  if (moves && parent && movesUnderItself(unit, parent)) throw invalid('parentId', UNDER_ITSELF);
  if (changed.includes('code') || changed.includes('kind') || moves) {
    const problem = shapeProblem(next.kind, next.code, parent?.kind ?? null);
    if (problem) throw invalid(problem.field, problem.text);
  }
  if (changed.includes('kind')) {
    const children = (await listUnitsInForce(db, user.tenant_id, unit.path)).filter((c) => c.parent_id === unit.id);
    const refusal = childrenRefusing(next.kind, children);
    if (refusal) throw invalid('kind', refusal);
  }
  if (next.validFrom !== null && next.validTo !== null && next.validTo < next.validFrom) throw invalid('validTo', ENDS_BEFORE_START);

  const retires = unit.valid_to === null && next.validTo !== null;
  const returns = unit.valid_to !== null && next.validTo === null;
  if (retires) {
    const { units, counters } = await inServiceUnder(db, user.tenant_id, unit.path);
    const refusal = stillInService(units, counters);
    if (refusal) throw new RequestError(409, refusal);
  }
  if (returns && parent && parent.valid_to !== null) throw invalid('retired', PARENT_RETIRED);
  if (next.validTo === null && (returns || changed.includes('code'))) await assertCodeFree(db, user.tenant_id, next.code, unit.id);

  const column: Record<keyof Fields, keyof UnitChanges> = {
    code: 'code',
    name: 'name',
    kind: 'kind',
    parentId: 'parent_id',
    validFrom: 'valid_from',
    validTo: 'valid_to',
  };
  const changes: UnitChanges = {};
  const before: Partial<Fields> = {};
  const after: Partial<Fields> = {};
  for (const k of changed) {
    (changes as Record<string, unknown>)[column[k]] = next[k];
    (before as Record<string, unknown>)[k] = current[k];
    (after as Record<string, unknown>)[k] = next[k];
  }
  return { changes, before, after };
}

/**
 * The database's own refusals, in case two changes raced past the checks above: a code taken by
 * a unit in force (unique index) is 409, a move into its own subtree (the units_move trigger) or a
 * validity the table refuses is 422. Anything else is not a refusal and is thrown on.
 */
export function refusalOf(error: unknown): RequestError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '23505') {
    const text = { vi: 'Mã này đang được dùng cho một đơn vị còn hoạt động.', en: 'This code is already used by a unit in force.' };
    return new RequestError(409, text, { code: text });
  }
  if (code === '23514') return new RequestError(422, UNDER_ITSELF);
  return null;
}
