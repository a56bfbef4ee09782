import type { Kysely } from 'kysely';
import {
  counterCodesTaken,
  createCounter,
  findCounterDetail,
  isDuplicateCounterCode,
  listSurveysInUse,
  updateCounter,
  type CounterDetail,
  type CounterUpdate,
} from '../../db/counters';
import type { DbHandle } from '../../db/create-db';
import { listSectors } from '../../db/sectors';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { counterChanges, type CounterFields } from '../../surveys/counter-sheet';
import { counterCodeBase, firstFreeCode } from '../../surveys/counter-code';
import { DEFAULT_INSTRUMENT_FOR_SECTOR } from '../../surveys/instruments';
import { recordAudit } from '../audit/record-audit';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { scopePath } from '../http/unit-scope';
import {
  codeProblem,
  firstProblem,
  nameProblem,
  sectorsProblem,
  surveyProblem,
  unitProblem,
  type CounterChoices,
  type CounterProblem,
  type SurveyChoice,
} from './counter-checks';
import { CT } from './counter-texts';
import { counterFields } from './counter-view';

export interface NewCounterBody {
  code?: string | undefined;
  name: string;
  unitId: number;
  sectors: string[];
  survey?: string | undefined;
  kiosk?: boolean | undefined;
}

export interface CounterChangeBody {
  name?: string | undefined;
  unitId?: number | undefined;
  sectors?: string[] | undefined;
  survey?: string | undefined;
  kiosk?: boolean | undefined;
  retired?: boolean | undefined;
}

/** The tenant's sectors and surveys and the administrator's subtree: what any counter is checked against. */
export async function loadChoices(db: Kysely<Database>, user: SessionUser): Promise<CounterChoices> {
  const [scope, sectors, surveys] = await Promise.all([
    scopePath(db, user),
    listSectors(db, user.tenant_id),
    listSurveysInUse(db, user.tenant_id),
  ]);
  return {
    scope,
    sectors: new Set(sectors.map((s) => s.code)),
    surveys: new Map(
      surveys.map((s): [string, SurveyChoice] => [s.key, { id: s.id, key: s.key, version: s.version, title: s.definition.title }]),
    ),
  };
}

export function refuse(problem: CounterProblem | undefined): void {
  if (problem) throw new RequestError(problem.status, problem.text, { [problem.field]: problem.text });
}

/** The survey a counter asks: the one named, or the default instrument of its first sector. */
export const surveyKeyFor = (named: string | undefined, sectors: readonly string[]) =>
  named ?? DEFAULT_INSTRUMENT_FOR_SECTOR(sectors[0] ?? 'other').key;

const unique = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()))];

/** A free code made of the unit's code and the counter's name (codes are unique across the instance). */
export async function generatedCode(db: Kysely<Database>, unitCode: string, name: string, alsoTaken: ReadonlySet<string> = new Set()) {
  const base = counterCodeBase(unitCode, name);
  const taken = new Set([...(await counterCodesTaken(db, { prefix: base })).map((r) => r.code), ...alsoTaken]);
  return firstFreeCode(base, taken);
}

/** POST /api/counters: checks, creates and logs a counter; 201 with it. */
export async function createCounterFor(db: DbHandle, user: SessionUser, body: NewCounterBody): Promise<CounterDetail> {
  const choices = await loadChoices(db.dbWrite, user);
  const unit = await findUnit(db.dbWrite, user.tenant_id, body.unitId);
  const sectors = unique(body.sectors);
  const name = body.name.trim();
  const surveyKey = surveyKeyFor(body.survey, sectors);
  refuse(
    firstProblem(
      unitProblem(unit, choices.scope),
      nameProblem(name),
      sectorsProblem(sectors, choices.sectors),
      surveyProblem(surveyKey, choices.surveys),
      body.code === undefined ? undefined : codeProblem(body.code),
    ),
  );
  const code = body.code ?? (await generatedCode(db.dbWrite, unit!.code, name));
  if ((await counterCodesTaken(db.dbWrite, { exact: [code] })).length > 0)
    throw new RequestError(409, CT.codeTaken(code), { code: CT.codeTaken(code) });
  const survey = choices.surveys.get(surveyKey)!;
  const kiosk = body.kiosk ?? false;
  const fields: CounterFields = { name, unit: { id: unit!.id, code: unit!.code }, sectors, survey: survey.key, kiosk, retired: false };
  try {
    await createCounter(
      db.dbWrite,
      { tenant_id: user.tenant_id, unit_id: unit!.id, code, name, survey_id: survey.id, sectors, kiosk },
      (trx) => recordAudit(trx, user, 'counter_created', `counter:${code}`, { code, ...fields }),
    );
  } catch (error) {
    if (isDuplicateCounterCode(error)) throw new RequestError(409, CT.codeTaken(code), { code: CT.codeTaken(code) });
    throw error;
  }
  return (await findCounterDetail(db.dbWrite, user.tenant_id, code))!;
}

/**
 * PATCH /api/counters/:code: changes what was asked, logs each changed field before → after
 * (nothing is logged when nothing changed). Moving a counter leaves the answers it already
 * received with the unit they were given under.
 */
export async function changeCounterFor(db: DbHandle, user: SessionUser, code: string, body: CounterChangeBody): Promise<CounterDetail> {
  const current = await findCounterDetail(db.dbWrite, user.tenant_id, code);
  if (!current) throw new RequestError(404, CT.notFound);
  const choices = await loadChoices(db.dbWrite, user);
  if (!unitInScopeOf(choices, current)) throw new RequestError(403, CT.outOfScope);

  const unit =
    body.unitId === undefined || body.unitId === current.unit_id ? undefined : await findUnit(db.dbWrite, user.tenant_id, body.unitId);
  const sectors = body.sectors === undefined ? undefined : unique(body.sectors);
  const name = body.name?.trim();
  refuse(
    firstProblem(
      body.unitId !== undefined && body.unitId !== current.unit_id ? unitProblem(unit, choices.scope) : undefined,
      name === undefined ? undefined : nameProblem(name),
      sectors === undefined ? undefined : sectorsProblem(sectors, choices.sectors),
      body.survey === undefined ? undefined : surveyProblem(body.survey, choices.surveys),
    ),
  );

  const before = counterFields(current);
  const after: CounterFields = {
    name: name ?? before.name,
    unit: unit ? { id: unit.id, code: unit.code } : before.unit,
    sectors: sectors ?? before.sectors,
    survey: body.survey ?? before.survey,
    kiosk: body.kiosk ?? before.kiosk,
    retired: body.retired ?? before.retired,
  };
  const changes = counterChanges(before, after);
  if (Object.keys(changes.after).length === 0) return current;
  await updateCounter(db.dbWrite, user.tenant_id, current.id, counterUpdate(changes.after, choices), (trx) =>
    recordAudit(trx, user, 'counter_changed', `counter:${code}`, changes),
  );
  return (await findCounterDetail(db.dbWrite, user.tenant_id, code))!;
}

export const unitInScopeOf = (choices: CounterChoices, counter: Pick<CounterDetail, 'unit_path'>) =>
  choices.scope === undefined || counter.unit_path.startsWith(choices.scope);

/** The columns a set of changed fields writes. */
export function counterUpdate(changed: Partial<CounterFields>, choices: CounterChoices, now = new Date()): CounterUpdate {
  const update: CounterUpdate = {};
  if (changed.name !== undefined) update.name = changed.name;
  if (changed.unit !== undefined) update.unit_id = changed.unit.id;
  if (changed.sectors !== undefined) update.sectors = changed.sectors;
  if (changed.survey !== undefined) update.survey_id = choices.surveys.get(changed.survey)!.id;
  if (changed.kiosk !== undefined) update.kiosk = changed.kiosk;
  if (changed.retired !== undefined) update.retired_at = changed.retired ? now : null;
  return update;
}
