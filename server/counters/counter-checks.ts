import { isCounterCode } from '../../surveys/counter-code';
import type { LocalizedText } from '../../surveys/localized-text';
import { inScope } from '../http/unit-scope';
import { CT } from './counter-texts';

/** One thing wrong with a counter asked for: the status it refuses with, the field, and the words. */
export interface CounterProblem {
  status: 403 | 404 | 409 | 422;
  field: string;
  text: LocalizedText;
}

export interface UnitChoice {
  id: number;
  code: string;
  name: string;
  path: string;
  valid_to: string | null;
}

export interface SurveyChoice {
  id: number;
  key: string;
  version: number;
  title: LocalizedText;
}

/** What a counter may be given: the tenant's sectors and surveys, and the administrator's unit subtree. */
export interface CounterChoices {
  scope: string | undefined;
  sectors: ReadonlySet<string>;
  surveys: ReadonlyMap<string, SurveyChoice>;
}

export const NAME_MAX = 120;

/** A unit a counter may belong to: known, in the administrator's subtree, and in force. */
export function unitProblem(
  unit: UnitChoice | undefined,
  scope: string | undefined,
  field = 'unitId',
  unknown: LocalizedText = CT.unknownUnit,
): CounterProblem | undefined {
  if (!unit) return { status: 422, field, text: unknown };
  if (!inScope(scope, unit.path)) return { status: 403, field, text: CT.outOfScope };
  if (unit.valid_to !== null) return { status: 422, field, text: CT.retiredUnit(unit.name) };
  return undefined;
}

export function sectorsProblem(sectors: readonly string[], known: ReadonlySet<string>, field = 'sectors'): CounterProblem | undefined {
  if (sectors.length === 0) return { status: 422, field, text: CT.noSectors };
  const unknown = sectors.filter((s) => !known.has(s));
  return unknown.length > 0 ? { status: 422, field, text: CT.unknownSectors(unknown) } : undefined;
}

export function surveyProblem(key: string, surveys: ReadonlyMap<string, SurveyChoice>, field = 'survey'): CounterProblem | undefined {
  return surveys.has(key) ? undefined : { status: 422, field, text: CT.unknownSurvey(key) };
}

export function nameProblem(name: string, field = 'name'): CounterProblem | undefined {
  if (name.trim() === '') return { status: 422, field, text: CT.noName };
  if (name.trim().length > NAME_MAX) return { status: 422, field, text: CT.longName };
  return undefined;
}

export function codeProblem(code: string, field = 'code'): CounterProblem | undefined {
  return isCounterCode(code) ? undefined : { status: 422, field, text: CT.badCode(code) };
}

/** The first problem of a list, or undefined. */
export const firstProblem = (...problems: (CounterProblem | undefined)[]) => problems.find((p) => p !== undefined);
