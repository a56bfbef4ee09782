import type { LocalizedText } from '../app/api-types';

/** Shapes of the survey designer's API (server, issue 17); kept by hand. */

/** One thing wrong with a definition, at its path ("factors.0.items.2.text.vi"). */
export interface Problem {
  path: string;
  message: LocalizedText;
}

export interface VersionRef {
  version: number;
  effectiveFrom: string;
}

export interface SurveySummary {
  key: string;
  kind: string;
  builtIn: boolean;
  retiredAt: string | null;
  title: LocalizedText;
  current: VersionRef | null;
  scheduled: VersionRef | null;
  versions: number;
  hasDraft: boolean;
  /** Active counters asking it. */
  counters: number;
  responses: number;
}

export interface SurveyTemplate {
  key: string;
  title: LocalizedText;
  kind: string;
  questionCount: number;
}

export interface SurveyDraftState {
  definition: unknown;
  updatedAt: string;
  updatedBy: string | null;
  problems: Problem[];
}

export interface SurveyDetail extends SurveySummary {
  draft: SurveyDraftState | null;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  effectiveFrom: string;
  responses: number;
  current: boolean;
  /** Published for a day still to come. */
  scheduled?: boolean;
  definition: unknown;
}
