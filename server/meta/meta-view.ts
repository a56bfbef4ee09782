import type { listCounters } from '../../db/counters';
import type { listSectors } from '../../db/sectors';
import type { listSurveyVersions } from '../../db/surveys';
import type { listUnits } from '../../db/units';
import { byPlanOrder, OVERALL_KEY, OVERALL_TARGET } from '../../surveys/sectors';

type Row<F extends (...args: never[]) => Promise<readonly unknown[]>> = Awaited<ReturnType<F>>[number];

/** What GET /api/meta is made of: the tenant's rows, and the targets in force this year. */
export interface MetaSources {
  units: readonly (Pick<Row<typeof listUnits>, 'id' | 'parent_id' | 'code' | 'name' | 'kind'> & {
    valid_from?: string | null;
    valid_to?: string | null;
  })[];
  counters: readonly Pick<Row<typeof listCounters>, 'id' | 'code' | 'name' | 'unit_id' | 'retired_at'>[];
  sectors: readonly (Pick<Row<typeof listSectors>, 'code' | 'name_vi' | 'name_en'> & { is_local?: boolean })[];
  targets: ReadonlyMap<string, number>;
  /** Oldest first. */
  versions: readonly Pick<Row<typeof listSurveyVersions>, 'key' | 'version' | 'definition'>[];
  /** The days of the reorganisations standing (not undone), oldest first. */
  reorganisationDays?: readonly string[];
}

/**
 * The analyst app's lists: counters still in service, each survey once under its newest version,
 * sectors in the plan's order with their targets, and the overall target (the default when the
 * plan sets none).
 */
export function metaView({ units, counters, sectors, targets, versions, reorganisationDays = [] }: MetaSources) {
  const surveys = new Map(versions.map((v) => [v.key, { key: v.key, title: v.definition.title, version: v.version }]));
  return {
    units: units.map((u) => ({
      id: u.id,
      parentId: u.parent_id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      validFrom: u.valid_from ?? null,
      validTo: u.valid_to ?? null,
    })),
    counters: counters.filter((k) => !k.retired_at).map((k) => ({ id: k.id, code: k.code, name: k.name, unitId: k.unit_id })),
    surveys: [...surveys.values()],
    sectors: [...sectors].sort(byPlanOrder).map((s) => ({
      code: s.code,
      name: { vi: s.name_vi, en: s.name_en },
      target: targets.get(s.code) ?? null,
      // A sector the tenant added itself (POST /api/sectors), listed after the plan's.
      isLocal: s.is_local ?? false,
    })),
    overallTarget: targets.get(OVERALL_KEY) ?? OVERALL_TARGET,
    // When units were merged, split or moved: the analysis pages then offer the two views of the past.
    reorganisationDays: [...new Set(reorganisationDays)],
  };
}
