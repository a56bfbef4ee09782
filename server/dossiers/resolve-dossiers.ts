import type { Kysely } from 'kysely';
import { listCounters } from '../../db/counters';
import type { DossierRecord } from '../../db/dossiers';
import { listSectors } from '../../db/sectors';
import type { Database } from '../../db/types';
import { listUnits } from '../../db/units';
import { dossierInputSchema, type DossierInput } from '../../surveys/dossier-input';
import type { LocalizedText } from '../../surveys/localized-text';
import { inScope } from '../http/unit-scope';

/** What is wrong with one dossier: where it is (a sheet's line, or the batch's index), which field, why. */
export interface DossierProblem {
  /** The sheet's row number (header = 1), or the item's index in a batch (from 0). */
  at: number;
  field: string;
  message: LocalizedText;
  /** 'scope': the dossier belongs to a unit outside the sender's subtree (a 403 for a machine client). */
  kind: 'invalid' | 'scope';
}

export interface ResolvedDossiers {
  records: DossierRecord[];
  problems: DossierProblem[];
}

const normalName = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * Checks dossiers as sent (raw objects, each with where it came from) and resolves their units,
 * counter and sector in the tenant: all of them, or the list of what is wrong where. `scope` is the
 * path of the sender's unit subtree (undefined: the whole tenant).
 */
export async function resolveDossiers(
  db: Kysely<Database>,
  tenantId: number,
  scope: string | undefined,
  items: readonly { at: number; value: unknown }[],
): Promise<ResolvedDossiers> {
  const [units, counters, sectors] = await Promise.all([listUnits(db, tenantId), listCounters(db, tenantId), listSectors(db, tenantId)]);
  // A code may have been worn by a unit since retired: the unit in force wears it now.
  const unitByCode = new Map<string, (typeof units)[number]>();
  for (const u of units) if (!unitByCode.has(u.code) || u.valid_to === null) unitByCode.set(u.code, u);
  const counterByCode = new Map(counters.map((k) => [k.code, k]));
  const sectorByWord = new Map<string, string>();
  for (const s of sectors) {
    sectorByWord.set(s.code, s.code);
    sectorByWord.set(normalName(s.name_vi), s.code);
    sectorByWord.set(normalName(s.name_en), s.code);
  }
  const records: DossierRecord[] = [];
  const problems: DossierProblem[] = [];
  for (const { at, value } of items) {
    const parsed = dossierInputSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const vi = (issue as { params?: { vi?: string } }).params?.vi;
        problems.push({
          at,
          field: issue.path.join('.') || '_row',
          message: { vi: vi ?? `Giá trị không hợp lệ: ${issue.message}`, en: issue.message },
          kind: 'invalid',
        });
      }
      continue;
    }
    const d: DossierInput = parsed.data;
    const before = problems.length;
    const problem = (field: string, message: LocalizedText, kind: DossierProblem['kind'] = 'invalid') =>
      problems.push({ at, field, message, kind });
    const unit = unitByCode.get(d.unit);
    if (!unit) problem('unit', { vi: `Không có đơn vị mã "${d.unit}".`, en: `No unit has the code "${d.unit}".` });
    else if (!inScope(scope, unit.path)) {
      problem(
        'unit',
        { vi: `Đơn vị "${d.unit}" nằm ngoài phạm vi được phép.`, en: `Unit "${d.unit}" is outside the units you may send for.` },
        'scope',
      );
    }
    const deciding = d.decidingUnit === null ? null : unitByCode.get(d.decidingUnit);
    if (deciding === undefined)
      problem('decidingUnit', { vi: `Không có đơn vị mã "${d.decidingUnit}".`, en: `No unit has the code "${d.decidingUnit}".` });
    const counter = d.counter === null ? null : counterByCode.get(d.counter);
    if (counter === undefined)
      problem('counter', { vi: `Không có quầy mã "${d.counter}".`, en: `No counter has the code "${d.counter}".` });
    const sector = sectorByWord.get(d.sector) ?? sectorByWord.get(normalName(d.sector));
    if (!sector) {
      problem('sector', {
        vi: `Lĩnh vực "${d.sector}" không có trong danh mục của tỉnh (ghi mã như land, health hoặc tên lĩnh vực).`,
        en: `Sector "${d.sector}" is not in the province's list (write a code such as land or health, or the sector's name).`,
      });
    }
    if (problems.length > before || !unit || !sector || deciding === undefined || counter === undefined) continue;
    records.push({
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      sectorCode: sector,
      unitId: unit.id,
      counterId: counter?.id ?? null,
      decidingUnitId: deciding?.id ?? null,
      channel: d.channel,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      finishedAt: d.finishedAt,
      rating: d.rating,
      ratingScale: d.ratingScale,
      complained: d.complained,
      complaintDueAt: d.complaintDueAt,
      complaintAnsweredAt: d.complaintAnsweredAt,
      complaintSatisfied: d.complaintSatisfied,
    });
  }
  return { records, problems };
}
