import type { SurveyDefinition } from './instrument-schema';

/**
 * Whether a counter's form asks for the dossier code (mã hồ sơ, docs/domain.md §5): only where the
 * counter handles administrative-procedure dossiers, which is where it asks the one-stop counter
 * survey (SIPAS, short or long). A hospital's patients and a school's parents are given no dossier
 * receipt (Giấy tiếp nhận), so the health and education forms do not ask for one.
 */
export function asksDossierCode(survey: Pick<SurveyDefinition, 'kind'>): boolean {
  return survey.kind === 'counter';
}
