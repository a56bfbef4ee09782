import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { childrenInForce, countersInService, type ReorganisationWrite, type Resolved, type UnitRef } from '../../db/unit-reorganisations';
import { findUnitInForceByCode, listSubtree } from '../../db/units';
import type { LocalizedText } from '../../surveys/localized-text';
import {
  counterMappingProblem,
  countsProblem,
  effectiveOnProblem,
  lastDayBefore,
  repeated,
  sharesProblem,
  type ReorganisationKind,
} from '../../surveys/reorganisation';
import { parentProblem, type UnitKind } from '../../surveys/unit-kinds';
import type { CurrentUnitKind } from '../../surveys/unit-kind-words';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { assertInScope } from '../http/unit-scope';
import { codeTaken, movesUnderItself, PARENT_NOT_FOUND, PARENT_RETIRED, shapeProblem, UNDER_ITSELF, type UnitFacts } from './unit-rules';

export interface NewSuccessor {
  code: string;
  name: string;
  kind: CurrentUnitKind;
  parentId: number | null;
}

interface Base {
  effectiveOn: string;
  note?: string | undefined;
}

export type ReorganisationBody = Base &
  (
    | { kind: 'merge'; from: number[]; into: { unitId: number } | NewSuccessor; childrenParentId?: number | undefined }
    | {
        kind: 'split';
        from: number;
        into: (NewSuccessor & { share: number })[];
        counters?: { counterId: number; to: number }[] | undefined;
        childrenTo?: number | undefined;
      }
    | { kind: 'rename'; unitId: number; name: string }
    | { kind: 'recode'; unitId: number; code: string; name?: string | undefined }
    | { kind: 'move'; unitId: number; parentId: number | null }
  );

const invalid = (field: string, text: LocalizedText) => new RequestError(422, text, { [field]: text });

const UNKNOWN_UNIT = (id: number): LocalizedText => ({
  vi: `Không tìm thấy đơn vị số ${id} trong danh sách đơn vị.`,
  en: `Unit ${id} is not in the unit list.`,
});
const RETIRED = (u: UnitFacts): LocalizedText => ({
  vi: `${u.name} (${u.code}) đã thôi hoạt động từ sau ngày ${u.valid_to}; chỉ sắp xếp lại được đơn vị còn hoạt động.`,
  en: `${u.name} (${u.code}) is retired (last day ${u.valid_to}); only units in force can be reorganised.`,
});
const OWN_ROOT: LocalizedText = {
  vi: 'Việc sáp nhập, chia tách, đổi mã hay chuyển đơn vị của chính bạn do cấp trên thực hiện.',
  en: 'Merging, splitting, recoding or moving your own unit is for the level above.',
};
const TOP_OF_TREE: LocalizedText = {
  vi: 'Chỉ quản trị viên toàn tỉnh mới đặt được đơn vị ở cấp cao nhất.',
  en: 'Only an administrator of the whole tenant may put a unit at the top of the tree.',
};
const NESTED: LocalizedText = {
  vi: 'Các đơn vị được sáp nhập không được trực thuộc lẫn nhau.',
  en: 'Units being merged may not lie under one another.',
};
const UNDER_ENDING: LocalizedText = {
  vi: 'Đơn vị mới không thể trực thuộc một đơn vị sắp thôi hoạt động trong cùng đợt sắp xếp.',
  en: 'A new unit cannot sit under a unit this same event ends.',
};
const SAME = (what: LocalizedText): LocalizedText => ({
  vi: `${what.vi} mới giống hệt hiện tại: không có gì để thay đổi.`,
  en: `The new ${what.en} is the same as now: nothing to change.`,
});
const childRefused = (child: { code: string; name: string }, text: LocalizedText): LocalizedText => ({
  vi: `Đơn vị trực thuộc ${child.name} (${child.code}) không chuyển được sang đơn vị mới: ${text.vi}`,
  en: `${child.name} (${child.code}), under the unit, cannot move to the new unit: ${text.en}`,
});

/** A unit as an event's record names it. */
const named = (u: { id: number; code: string; name: string }) => ({ id: u.id, code: u.code, name: u.name });

/** Who records the event: a signed-in user, or the application itself (id null) building the demo tenant. */
export type ReorganisationActor = Pick<SessionUser, 'tenant_id' | 'unit_id'> & { id: number | null };

export interface ReorganisationPlan {
  write: ReorganisationWrite;
  /** The event's record (kept in its details and the audit entry) once new units have ids. */
  record: (r: Resolved) => Record<string, unknown>;
}

/**
 * One reorganisation checked against every rule before anything is written: units known (422),
 * in the caller's subtree (403), in force (422); the kind's shape, the shares, the counter
 * mapping of a split, new codes free among units in force (409) and fit for their kind, parents
 * fit, the effective day after each ending predecessor started.
 */
export async function planReorganisation(
  db: Kysely<Database>,
  user: ReorganisationActor,
  scope: string | undefined,
  body: ReorganisationBody,
): Promise<ReorganisationPlan> {
  const all = await listSubtree(db, user.tenant_id);
  const byId = new Map<number, UnitFacts>(all.map((u) => [u.id, u]));

  const inForce = (id: number, field: string, own = true): UnitFacts => {
    const u = byId.get(id);
    if (!u) throw invalid(field, UNKNOWN_UNIT(id));
    assertInScope(scope, u.path);
    if (u.valid_to !== null) throw invalid(field, RETIRED(u));
    if (own && user.unit_id === u.id) throw new RequestError(403, OWN_ROOT);
    return u;
  };
  const parentOf = (parentId: number | null, field: string, ending: ReadonlySet<number>): UnitFacts | null => {
    if (parentId === null) {
      if (scope !== undefined) throw new RequestError(403, TOP_OF_TREE);
      return null;
    }
    const p = byId.get(parentId);
    if (!p) throw invalid(field, PARENT_NOT_FOUND);
    assertInScope(scope, p.path);
    if (p.valid_to !== null) throw invalid(field, PARENT_RETIRED);
    if (ending.has(p.id)) throw invalid(field, UNDER_ENDING);
    return p;
  };
  const checkDay = (units: readonly UnitFacts[], endsThem: boolean) => {
    for (const u of units) {
      const problem = effectiveOnProblem(body.effectiveOn, u, endsThem);
      if (problem) throw invalid('effectiveOn', problem);
    }
  };
  /** New units: parent, code shape, codes distinct and free (a code of a unit this event ends is free). */
  const checkNew = async (units: readonly NewSuccessor[], field: string, ending: ReadonlySet<number>) => {
    const twice = repeated(units.map((u) => u.code));
    if (twice.length > 0) {
      const text = { vi: `Mã ${twice.join(', ')} được dùng hai lần.`, en: `Code(s) ${twice.join(', ')} given twice.` };
      throw invalid(field, text);
    }
    const parents: (UnitFacts | null)[] = [];
    for (const [i, u] of units.entries()) {
      const parent = parentOf(u.parentId, `${field}.${i}.parentId`, ending);
      const problem = shapeProblem(u.kind, u.code, parent?.kind ?? null);
      if (problem) throw invalid(`${field}.${i}.${problem.field}`, problem.text);
      const holder = await findUnitInForceByCode(db, user.tenant_id, u.code);
      if (holder && !ending.has(holder.id))
        throw new RequestError(409, codeTaken(u.code, holder.name), { [`${field}.${i}.code`]: codeTaken(u.code, holder.name) });
      parents.push(parent);
    }
    return parents;
  };
  const childrenFit = (children: readonly { code: string; name: string; kind: UnitKind }[], kind: UnitKind, field: string) => {
    for (const child of children) {
      const problem = parentProblem(child.kind, kind);
      if (problem) throw invalid(field, childRefused(child, problem));
    }
  };
  const base = {
    tenantId: user.tenant_id,
    kind: body.kind as ReorganisationKind,
    effectiveOn: body.effectiveOn,
    lastDay: lastDayBefore(body.effectiveOn),
    note: body.note?.trim() || null,
    createdBy: user.id,
  };

  if (body.kind === 'merge') {
    const problem = countsProblem('merge', new Set(body.from).size, 1);
    if (problem || repeated(body.from).length > 0) throw invalid('from', problem ?? countsProblem('merge', 1, 1)!);
    const from = body.from.map((id, i) => inForce(id, `from.${i}`));
    if (from.some((a) => from.some((b) => a !== b && b.path.startsWith(a.path)))) throw invalid('from', NESTED);
    const continuing = 'unitId' in body.into ? body.into.unitId : null;
    if (continuing !== null && !body.from.includes(continuing)) {
      const text = {
        vi: 'Đơn vị tiếp tục hoạt động phải là một trong các đơn vị được sáp nhập.',
        en: 'The unit that continues must be one of the units merged.',
      };
      throw invalid('into.unitId', text);
    }
    const ending = from.filter((u) => u.id !== continuing);
    const endingIds = new Set(ending.map((u) => u.id));
    checkDay(ending, true);
    checkDay(
      from.filter((u) => u.id === continuing),
      false,
    );
    const newUnit = 'unitId' in body.into ? null : body.into;
    if (newUnit) await checkNew([newUnit], 'into', endingIds);
    const successorKind = newUnit?.kind ?? byId.get(continuing!)!.kind;
    const to: UnitRef = newUnit ? { created: 0 } : { id: continuing! };
    const childTarget: UnitRef = body.childrenParentId === undefined ? to : { id: body.childrenParentId };
    const children = (await childrenInForce(db, user.tenant_id, [...endingIds])).filter((c) => !endingIds.has(c.id));
    if (body.childrenParentId !== undefined && children.length > 0) {
      const p = parentOf(body.childrenParentId, 'childrenParentId', endingIds);
      childrenFit(children, p!.kind, 'childrenParentId');
    } else childrenFit(children, successorKind, 'into');
    const counters = await countersInService(db, user.tenant_id, [...endingIds]);
    return finish(base, {
      end: [...endingIds],
      create: newUnit ? [{ code: newUnit.code, name: newUnit.name, kind: newUnit.kind, parent_id: newUnit.parentId }] : [],
      links: from.map((u) => ({ from: u.id, to, share: 1 })),
      counters: counters.map((c) => ({ id: c.id, to, fromUnitId: c.unit_id, code: c.code })),
      children: children.map((c) => ({ id: c.id, to: childTarget, fromParentId: c.parent_id, code: c.code })),
      predecessors: from,
      continuing,
      byId,
    });
  }

  if (body.kind === 'split') {
    const problem = countsProblem('split', 1, body.into.length) ?? sharesProblem(body.into.map((u) => u.share));
    if (problem) throw invalid('into', problem);
    const pred = inForce(body.from, 'from');
    checkDay([pred], true);
    const ending = new Set([pred.id]);
    await checkNew(body.into, 'into', ending);
    const counters = await countersInService(db, user.tenant_id, [pred.id]);
    const mapping = counterMappingProblem(counters, body.counters, body.into.length);
    if (mapping) throw invalid('counters', mapping);
    const childrenTo = body.childrenTo ?? 0;
    if (childrenTo >= body.into.length) {
      const text = {
        vi: `childrenTo phải là số thứ tự của một đơn vị mới (0 đến ${body.into.length - 1}).`,
        en: `childrenTo must be the position of one of the new units (0 to ${body.into.length - 1}).`,
      };
      throw invalid('childrenTo', text);
    }
    const children = await childrenInForce(db, user.tenant_id, [pred.id]);
    childrenFit(children, body.into[childrenTo]!.kind, 'childrenTo');
    const target = new Map((body.counters ?? []).map((m) => [m.counterId, m.to]));
    return finish(base, {
      end: [pred.id],
      create: body.into.map((u) => ({ code: u.code, name: u.name, kind: u.kind, parent_id: u.parentId })),
      links: body.into.map((u, i) => ({ from: pred.id, to: { created: i }, share: u.share })),
      counters: counters.map((c) => ({ id: c.id, to: { created: target.get(c.id)! }, fromUnitId: c.unit_id, code: c.code })),
      children: children.map((c) => ({ id: c.id, to: { created: childrenTo }, fromParentId: c.parent_id, code: c.code })),
      predecessors: [pred],
      continuing: null,
      byId,
    });
  }

  if (body.kind === 'recode') {
    const unit = inForce(body.unitId, 'unitId');
    if (body.code === unit.code) throw invalid('code', SAME({ vi: 'Mã', en: 'code' }));
    checkDay([unit], true);
    const successor = { code: body.code, name: body.name ?? unit.name, kind: unit.kind as CurrentUnitKind, parentId: unit.parent_id };
    const ending = new Set([unit.id]);
    const parent = unit.parent_id === null ? null : (byId.get(unit.parent_id) ?? null);
    const shape = shapeProblem(unit.kind, body.code, parent?.kind ?? null);
    if (shape?.field === 'code') throw invalid('code', shape.text);
    const holder = await findUnitInForceByCode(db, user.tenant_id, body.code);
    if (holder) throw new RequestError(409, codeTaken(body.code, holder.name), { code: codeTaken(body.code, holder.name) });
    const to: UnitRef = { created: 0 };
    const counters = await countersInService(db, user.tenant_id, [unit.id]);
    const children = await childrenInForce(db, user.tenant_id, [unit.id]);
    return finish(base, {
      end: [...ending],
      create: [{ code: successor.code, name: successor.name, kind: unit.kind, parent_id: successor.parentId }],
      links: [{ from: unit.id, to, share: 1 }],
      counters: counters.map((c) => ({ id: c.id, to, fromUnitId: c.unit_id, code: c.code })),
      children: children.map((c) => ({ id: c.id, to, fromParentId: c.parent_id, code: c.code })),
      predecessors: [unit],
      continuing: null,
      byId,
    });
  }

  // rename (the unit's own root administrator may rename it) and move: in place.
  const unit = inForce(body.unitId, 'unitId', body.kind !== 'rename');
  checkDay([unit], false);
  let inPlace: { id: number; name?: string; parent_id?: number | null };
  let before: Record<string, unknown>;
  let after: Record<string, unknown>;
  if (body.kind === 'rename') {
    if (body.name === unit.name) throw invalid('name', SAME({ vi: 'Tên', en: 'name' }));
    inPlace = { id: unit.id, name: body.name };
    before = { name: unit.name };
    after = { name: body.name };
  } else {
    if (body.parentId === unit.parent_id) throw invalid('parentId', SAME({ vi: 'Đơn vị cấp trên', en: 'parent' }));
    const parent = parentOf(body.parentId, 'parentId', new Set());
    if (parent && movesUnderItself(unit, parent)) throw invalid('parentId', UNDER_ITSELF);
    const problem = parentProblem(unit.kind, parent?.kind ?? null);
    if (problem) throw invalid('parentId', problem);
    inPlace = { id: unit.id, parent_id: body.parentId };
    before = { parentId: unit.parent_id, parentCode: unit.parent_id === null ? null : (byId.get(unit.parent_id)?.code ?? null) };
    after = { parentId: body.parentId, parentCode: parent?.code ?? null };
  }
  const plan = finish(base, {
    end: [],
    create: [],
    links: [{ from: unit.id, to: { id: unit.id }, share: 1 }],
    counters: [],
    children: [],
    predecessors: [unit],
    continuing: unit.id,
    byId,
  });
  return {
    write: { ...plan.write, inPlace },
    record: (r) => ({ ...plan.record(r), unitId: unit.id, before, after }),
  };
}

interface Parts {
  end: number[];
  create: ReorganisationWrite['create'][number][];
  links: { from: number; to: UnitRef; share: number }[];
  counters: { id: number; to: UnitRef; fromUnitId: number; code: string }[];
  children: { id: number; to: UnitRef; fromParentId: number | null; code: string }[];
  predecessors: UnitFacts[];
  continuing: number | null;
  byId: Map<number, UnitFacts>;
}

function finish(base: Omit<ReorganisationWrite, 'end' | 'create' | 'links' | 'counters' | 'children'>, p: Parts): ReorganisationPlan {
  const write: ReorganisationWrite = {
    ...base,
    end: p.end,
    create: p.create,
    links: p.links,
    counters: p.counters.map(({ id, to }) => ({ id, to })),
    children: p.children.map(({ id, to }) => ({ id, to })),
  };
  const record = (r: Resolved) => {
    const unitAt = (ref: UnitRef) =>
      'id' in ref ? named(p.byId.get(ref.id)!) : { id: r.created[ref.created]!, ...pick(p.create[ref.created]!) };
    const successors = new Map<number, { id: number; code: string; name: string; created: boolean }>();
    for (const l of p.links) successors.set(r.resolve(l.to), { ...unitAt(l.to), created: 'created' in l.to });
    return {
      kind: base.kind,
      effectiveOn: base.effectiveOn,
      note: base.note,
      predecessors: p.predecessors.map((u) => ({ ...named(u), ends: p.end.includes(u.id) })),
      successors: [...successors.values()],
      links: p.links.map((l) => {
        const from = named(p.byId.get(l.from)!);
        const to = unitAt(l.to);
        return { fromId: from.id, fromCode: from.code, fromName: from.name, toId: to.id, toCode: to.code, toName: to.name, share: l.share };
      }),
      counters: p.counters.map((c) => ({ id: c.id, code: c.code, fromUnitId: c.fromUnitId, toUnitId: r.resolve(c.to) })),
      children: p.children.map((c) => ({ id: c.id, code: c.code, fromParentId: c.fromParentId, toParentId: r.resolve(c.to) })),
    };
  };
  return { write, record };
}

const pick = (u: { code: string; name: string }) => ({ code: u.code, name: u.name });
