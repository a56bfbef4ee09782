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
