import type { Kysely } from 'kysely';
import { countersInService, type Resolved } from '../../db/unit-reorganisations';
import { listSubtree } from '../../db/units';
import type { Database } from '../../db/types';
import type { Table } from '../imports/read-table';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { planReorganisation, type ReorganisationPlan } from './reorganisation-plan';
import { readReorganisationSheet, type SheetEvent } from './reorganisation-sheet';
import type { UnitRowProblem } from './unit-import';
import type { UnitFacts } from './unit-rules';

export interface PlannedEvent {
  event: SheetEvent;
  plan: ReorganisationPlan;
}

export type SheetImportPlan =
  | { problems: UnitRowProblem[]; effectiveOn?: undefined; planned?: undefined; units?: undefined }
  | { problems: []; effectiveOn: string; planned: PlannedEvent[]; units: readonly UnitFacts[] };

/**
 * A reorganisation sheet checked whole: the sheet's own rules (reorganisation-sheet.ts), then each
 * of its events against every rule of planReorganisation, all against the tree as it stands now;
 * a refusal becomes a problem on the line and column it is about. Events are independent (no unit
 * in two of them), so planning them all on the current tree is what writing them in order does.
 */
export async function planSheetImport(
  db: Kysely<Database>,
  user: SessionUser,
  scope: string | undefined,
  table: Table,
  formEffectiveOn: string | undefined,
): Promise<SheetImportPlan> {
  const units = await listSubtree(db, user.tenant_id);
  const counters = await countersInService(
    db,
    user.tenant_id,
    units.filter((u) => u.valid_to === null).map((u) => u.id),
  );
  const sheet = readReorganisationSheet(table, { units, counters }, formEffectiveOn);
  if (sheet.problems.length > 0) return { problems: sheet.problems };

  const problems: UnitRowProblem[] = [];
  const planned: PlannedEvent[] = [];
  for (const event of sheet.events) {
    try {
      planned.push({ event, plan: await planReorganisation(db, user, scope, event.body) });
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      const field = error.fields ? Object.keys(error.fields)[0] : undefined;
      const { line, column } = event.placeOf(field);
      problems.push({ line, column, message: (field && error.fields?.[field]) || error.text });
    }
  }
  problems.push(...crossings(planned, units));
  if (problems.length > 0) return { problems: problems.sort((a, b) => a.line - b.line) };
  return { problems: [], effectiveOn: sheet.effectiveOn!, planned, units };
}

/**
 * A unit one event ends or moves (as a child, or itself) that another event of the file also ends,
 * moves or puts a new unit under: the two would undo each other, so the file is refused.
 */
function crossings(planned: readonly PlannedEvent[], units: readonly { id: number; code: string; name: string }[]): UnitRowProblem[] {
  const changed = (w: ReorganisationPlan['write']) => [
    ...w.end,
    ...w.children.map((c) => c.id),
    ...(w.inPlace?.parent_id !== undefined ? [w.inPlace.id] : []),
  ];
  const leaned = (w: ReorganisationPlan['write']) => [
    ...w.create.flatMap((u) => (u.parent_id === null ? [] : [u.parent_id])),
    ...w.children.flatMap((c) => ('id' in c.to ? [c.to.id] : [])),
    ...(w.inPlace?.parent_id ? [w.inPlace.parent_id] : []),
  ];
  const owner = new Map<number, PlannedEvent>();
  for (const p of planned) for (const id of changed(p.plan.write)) if (!owner.has(id)) owner.set(id, p);
  const problems: UnitRowProblem[] = [];
  const seen = new Set<string>();
  for (const p of planned) {
    for (const id of [...changed(p.plan.write), ...leaned(p.plan.write)]) {
      const other = owner.get(id);
      if (!other || other === p || other.event.lines[0] === p.event.lines[0]) continue;
      const key = `${p.event.lines[0]}:${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const u = units.find((x) => x.id === id);
      const unit = u ? `${u.name} (${u.code})` : `#${id}`;
      problems.push({
        line: p.event.lines[0]!,
        column: 'old_code',
        message: {
          vi: `${unit} bị thay đổi ở cả dòng ${other.event.lines.join(', ')} và dòng ${p.event.lines.join(', ')}: xin ghi nhận chúng trong hai tệp, lần lượt.`,
          en: `${unit} is changed by both line(s) ${other.event.lines.join(', ')} and line(s) ${p.event.lines.join(', ')}: record them in two files, one after the other.`,
        },
      });
    }
  }
  return problems;
}

/** The ids a dry run gives the units an event would make: negative, so they match no unit. */
export function dryRunResolved(plan: ReorganisationPlan): Resolved {
  const created = plan.write.create.map((_, i) => -(i + 1));
  return { id: 0, created, resolve: (ref) => ('id' in ref ? ref.id : created[ref.created]!) };
}

interface EventRecord {
  kind: string;
  effectiveOn: string;
  note: string | null;
  predecessors: { id: number; code: string; name: string; ends: boolean }[];
  successors: { id: number; code: string; name: string; created: boolean }[];
  links: { fromCode: string; fromName: string; toCode: string; toName: string; share: number }[];
  counters: { id: number; code: string; fromUnitId: number; toUnitId: number }[];
  children: { id: number; code: string; fromParentId: number | null; toParentId: number }[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** What an event does in words people read: codes and names, not ids (the same for a dry run and a real one). */
export function eventSummary(
  event: SheetEvent,
  recordValue: Record<string, unknown>,
  units: readonly { id: number; code: string; name: string }[],
) {
  const r = recordValue as unknown as EventRecord;
  const names = new Map<number, { code: string; name: string }>(units.map((u) => [u.id, { code: u.code, name: u.name }]));
  for (const s of r.successors) names.set(s.id, { code: s.code, name: s.name });
  const codeOf = (id: number | null) => (id === null ? null : (names.get(id)?.code ?? null));
  return {
    kind: r.kind,
    lines: event.lines,
    effectiveOn: r.effectiveOn,
    note: r.note,
    predecessors: r.predecessors.map((p) => ({ code: p.code, name: p.name, ends: p.ends })),
    successors: r.successors.map((s) => ({ code: s.code, name: s.name, created: s.created })),
    links: r.links.map((l) => ({ fromCode: l.fromCode, fromName: l.fromName, toCode: l.toCode, toName: l.toName, share: l.share })),
    counters: r.counters.map((c) => ({ code: c.code, fromCode: codeOf(c.fromUnitId), toCode: codeOf(c.toUnitId) })),
    children: r.children.map((c) => ({
      code: c.code,
      name: names.get(c.id)?.name ?? c.code,
      fromCode: codeOf(c.fromParentId),
      toCode: codeOf(c.toParentId),
    })),
    ...(r.before ? { before: r.before, after: r.after } : {}),
  };
}
