import type { LocalizedText } from '../app/api-types';
import type { UnitKind } from '../../surveys/unit-kinds';

/** Shapes of the units API (server/units); kept by hand, checked by test/api/units. */

/** GET /api/units: one unit of the tree, in tree order. */
export interface UnitView {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  parentCode: string | null;
  /** Levels below the top of the tree shown. */
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  retired: boolean;
}

export interface NewUnitBody {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  validFrom?: string;
}

export interface UnitChangeBody {
  name?: string;
  code?: string;
  parentId?: number | null;
  validTo?: string | null;
  retired?: boolean;
}

/** POST /api/units/import: what the file held and what it changed. */
export interface UnitImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface UnitImportProblem {
  line: number;
  column: string;
  message: LocalizedText;
}

/** POST /api/units/reorganisations, a merge into a new unit. */
export interface MergeBody {
  kind: 'merge';
  effectiveOn: string;
  note?: string;
  from: number[];
  into: NewUnitBody;
}

/** POST /api/units/reorganisations, a split of one unit into new ones; `share` is a fraction, all add up to 1. */
export interface SplitBody {
  kind: 'split';
  effectiveOn: string;
  note?: string;
  from: number;
  into: (NewUnitBody & { share: number })[];
  /** Each counter in service of the unit, to the position of a new unit in `into`. */
  counters?: { counterId: number; to: number }[];
  childrenTo?: number;
}

/** POST /api/units/reorganisations, a change of one unit: rename and move in place, recode as a new unit. */
export type UnitEventBody = { effectiveOn: string; note?: string; unitId: number } & (
  { kind: 'rename'; name: string } | { kind: 'recode'; code: string } | { kind: 'move'; parentId: number | null }
);

export type ReorganisationBody = MergeBody | SplitBody | UnitEventBody;
export type ReorganisationKind = ReorganisationBody['kind'];

/** A counter in service, as /api/meta lists it. */
export interface CounterInService {
  id: number;
  code: string;
  name: string;
  unitId: number;
}

/** GET /api/units/reorganisations: one recorded event, codes and names as they were on the day. */
export interface ReorganisationView {
  id: number;
  kind: ReorganisationKind;
  effectiveOn: string;
  note: string | null;
  createdAt: string;
  createdBy: number | null;
  /** The account's user name; null when unknown (an event recorded by a tool). */
  createdByName: string | null;
  undoneAt: string | null;
  undoneBy: number | null;
  undoneByName: string | null;
  predecessors: { id: number; code: string; name: string; ends: boolean }[];
  successors: { id: number; code: string; name: string; created: boolean }[];
  links: { fromId: number; fromCode: string; fromName: string; toId: number; toCode: string; toName: string; share: number }[];
  linksStanding: number;
  counters: { id: number; code: string; fromUnitId: number; toUnitId: number }[];
  children: { id: number; code: string; fromParentId: number | null; toParentId: number }[];
  before?: { name?: string; parentId?: number | null; parentCode?: string | null };
  after?: { name?: string; parentId?: number | null; parentCode?: string | null };
}
