import {
  counterCodesTaken,
  listCounterDetails,
  saveCounterSheet,
  unitsByCode,
  type CounterUpdate,
  type NewCounter,
} from '../../db/counters';
import type { DbHandle } from '../../db/create-db';
import { counterChanges, parseKioskCell, splitSectors, type CounterFields } from '../../surveys/counter-sheet';
import type { LocalizedText } from '../../surveys/localized-text';
import { recordAudit } from '../audit/record-audit';
import type { SessionUser } from '../http/context';
import type { RowProblem } from '../imports/import-rows';
import type { Table } from '../imports/read-table';
import {
  codeProblem,
  nameProblem,
  sectorsProblem,
  surveyProblem,
  unitProblem,
  type CounterProblem,
  type UnitChoice,
} from './counter-checks';
import { counterUpdate, generatedCode, loadChoices, surveyKeyFor, unitInScopeOf } from './counter-edits';
import { CT } from './counter-texts';
import { counterFields } from './counter-view';

export const SHEET_COLUMNS = ['code', 'name', 'unit_code', 'sectors', 'survey', 'kiosk'] as const;
const REQUIRED_COLUMNS = ['name', 'unit_code', 'sectors'] as const;

export type LineOutcome = 'created' | 'updated' | 'unchanged';

export type SheetResult =
  | { ok: false; rows: number; problems: RowProblem[] }
  | {
      ok: true;
      rows: number;
      created: number;
      updated: number;
      unchanged: number;
      lines: { line: number; code: string; outcome: LineOutcome }[];
    };

interface Planned {
  line: number;
  /** Empty until a code is generated for a new counter without one. */
  code: string;
  outcome: LineOutcome;
  create?: Omit<NewCounter, 'code'> & { unitCode: string };
  update?: { id: number; update: CounterUpdate };
}

/**
 * A counters sheet (code, name, unit_code, sectors, survey, kiosk), checked row by row: every
 * row is saved in one transaction, or none with the list of what is wrong where. A row names its
 * counter by code; without one, by its unit and name, so the same sheet imported again changes
 * nothing (each such row is reported unchanged). A new counter without a code gets one made of its
 * unit's code and name.
 */
export async function importCounterSheet(db: DbHandle, user: SessionUser, table: Table, fileKey: string): Promise<SheetResult> {
  const rows = table.rows.length;
  const missing = REQUIRED_COLUMNS.filter((c) => !table.columns.includes(c));
  if (missing.length > 0) return { ok: false, rows, problems: [{ line: 1, column: missing[0]!, message: CT.missingColumns(missing) }] };
  if (rows === 0) return { ok: false, rows, problems: [{ line: 1, column: 'name', message: CT.emptySheet }] };

  const choices = await loadChoices(db.dbWrite, user);
  const cell = (cells: Record<string, string>, column: string) => (cells[column] ?? '').trim();
  const unitCodes = [...new Set(table.rows.map((r) => cell(r.cells, 'unit_code')).filter((c) => c !== ''))];
  const givenCodes = [...new Set(table.rows.map((r) => cell(r.cells, 'code')).filter((c) => c !== ''))];
  const [unitRows, existing, taken] = await Promise.all([
    unitsByCode(db.dbWrite, user.tenant_id, unitCodes),
    listCounterDetails(db.dbWrite, user.tenant_id),
    counterCodesTaken(db.dbWrite, { exact: givenCodes }),
  ]);
  // A code reused in 2025 names its unit in force first (rows come in force first).
  const units = new Map<string, UnitChoice>();
  for (const u of unitRows) if (!units.has(u.code)) units.set(u.code, u);
  const byCode = new Map(existing.map((c) => [c.code, c]));
  const otherTenants = new Set(taken.filter((t) => t.tenant_id !== user.tenant_id).map((t) => t.code));

  const problems: RowProblem[] = [];
  const planned: Planned[] = [];
  const codeLines = new Map<string, number>();
  const matched = new Set<number>();
  for (const { line, cells } of table.rows) {
    const found: RowProblem[] = [];
    const note = (problem: CounterProblem | undefined) => {
      if (problem) found.push({ line, column: problem.field, message: problem.text });
    };
    const note2 = (column: string, message: LocalizedText) => found.push({ line, column, message });

    const code = cell(cells, 'code');
    const name = cell(cells, 'name');
    const unitCode = cell(cells, 'unit_code');
    const sectors = splitSectors(cell(cells, 'sectors'));
    const surveyCell = cell(cells, 'survey');
    const kiosk = parseKioskCell(cell(cells, 'kiosk'));
    const unit = units.get(unitCode);

    note(nameProblem(name, 'name'));
    note(unitProblem(unit, choices.scope, 'unit_code', CT.unknownUnitCode(unitCode)));
    note(sectorsProblem(sectors, choices.sectors, 'sectors'));
    if (surveyCell !== '') note(surveyProblem(surveyCell, choices.surveys, 'survey'));
    if (kiosk === null) note2('kiosk', CT.badKiosk);

    let current = code !== '' ? byCode.get(code) : undefined;
    if (code !== '') {
      note(codeProblem(code, 'code'));
      const first = codeLines.get(code);
      if (first !== undefined) note2('code', CT.codeTwice(first));
      else codeLines.set(code, line);
      if (otherTenants.has(code)) note2('code', CT.codeTaken(code));
    } else if (unit) {
      // No code: the counter of that unit with that name, if the sheet was imported before.
      current = existing.find((c) => c.unit_id === unit.id && c.name === name && !matched.has(c.id));
    }
    if (current && !unitInScopeOf(choices, current)) note2('code', CT.outOfScope);

    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    if (current) {
      matched.add(current.id);
      const before = counterFields(current);
      const after: CounterFields = {
        ...before,
        name,
        unit: { id: unit!.id, code: unit!.code },
        sectors,
        survey: surveyCell !== '' ? surveyCell : before.survey,
        kiosk: kiosk ?? before.kiosk,
      };
      const changes = counterChanges(before, after);
      const changed = Object.keys(changes.after).length > 0;
      planned.push({
        line,
        code: current.code,
        outcome: changed ? 'updated' : 'unchanged',
        ...(changed ? { update: { id: current.id, update: counterUpdate(changes.after, choices) } } : {}),
      });
    } else {
      const survey = choices.surveys.get(surveyKeyFor(surveyCell || undefined, sectors));
      if (!survey) {
        problems.push({ line, column: 'survey', message: CT.unknownSurvey(surveyKeyFor(undefined, sectors)) });
        continue;
      }
      planned.push({
        line,
        code,
        outcome: 'created',
        create: {
          tenant_id: user.tenant_id,
          unit_id: unit!.id,
          unitCode: unit!.code,
          name,
          survey_id: survey.id,
          sectors,
          kiosk: kiosk ?? false,
        },
      });
    }
  }
  if (problems.length > 0) return { ok: false, rows, problems };

  const inSheet = new Set(planned.map((p) => p.code).filter((c) => c !== ''));
  const creates: NewCounter[] = [];
  for (const p of planned) {
    if (!p.create) continue;
    const { unitCode, ...counter } = p.create;
    if (p.code === '') {
      p.code = await generatedCode(db.dbWrite, unitCode, counter.name, inSheet);
      inSheet.add(p.code);
    }
    creates.push({ ...counter, code: p.code });
  }
  const updates = planned.flatMap((p) => (p.update ? [p.update] : []));
  const count = (o: LineOutcome) => planned.filter((p) => p.outcome === o).length;
  const summary = { created: count('created'), updated: count('updated'), unchanged: count('unchanged') };
  await saveCounterSheet(db.dbWrite, user.tenant_id, { creates, updates }, (trx) =>
    recordAudit(trx, user, 'counters_imported', 'counters', {
      file: fileKey,
      rows,
      ...summary,
      createdCodes: creates.map((c) => c.code).slice(0, 500),
      updatedCodes: planned
        .filter((p) => p.outcome === 'updated')
        .map((p) => p.code)
        .slice(0, 500),
    }),
  );
  return { ok: true, rows, ...summary, lines: planned.map((p) => ({ line: p.line, code: p.code, outcome: p.outcome })) };
}
