import type { listSurveys, listVersions } from '../../db/survey-designs';
import { checkDefinition } from '../../surveys/definition-problems';
import { allQuestionsOf, type SurveyDefinition } from '../../surveys/instrument-schema';
import { instrumentByKey, INSTRUMENTS } from '../../surveys/instruments';
import type { LocalizedText } from '../../surveys/localized-text';

type SurveyRow = Awaited<ReturnType<typeof listSurveys>>[number];
type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

/** Built-in instruments are the code's: a tenant reads and copies them, never edits them. */
export const isBuiltIn = (key: string) => instrumentByKey(key) !== undefined;

export interface VersionView {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  effectiveFrom: string;
  /** Answers counted in figures (flagged and survey-wave answers aside). */
  responses: number;
  current: boolean;
  scheduled: boolean;
  definition: SurveyDefinition;
}

/** A survey's versions, newest first, marking the one in force now and any waiting for its day. */
export function versionViews(rows: readonly VersionRow[], now = new Date()): VersionView[] {
  const inForce = rows.find((r) => r.effective_from <= now);
  return rows.map((r) => ({
    version: r.version,
    publishedAt: r.created_at.toISOString(),
    publishedBy: r.published_by,
    effectiveFrom: r.effective_from.toISOString(),
    responses: r.responses ?? 0,
    current: r === inForce,
    scheduled: r.effective_from > now,
    definition: r.definition,
  }));
}

export function surveySummary(row: SurveyRow, versions: readonly VersionView[]) {
  const current = versions.find((v) => v.current);
  const scheduled = versions.find((v) => v.scheduled);
  const title: LocalizedText = (current ?? versions[0])?.definition.title ?? { vi: row.key, en: row.key };
  return {
    key: row.key,
    kind: row.kind,
    builtIn: isBuiltIn(row.key),
    retiredAt: row.retired_at?.toISOString() ?? null,
    title,
    current: current ? { version: current.version, effectiveFrom: current.effectiveFrom } : null,
    scheduled: scheduled ? { version: scheduled.version, effectiveFrom: scheduled.effectiveFrom } : null,
    versions: versions.length,
    hasDraft: row.has_draft,
    counters: Number(row.counters ?? 0),
    responses: versions.reduce((n, v) => n + v.responses, 0),
  };
}

export function draftView(draft: { definition: unknown; updated_at: Date; updated_by: string | null } | undefined) {
  if (!draft) return null;
  const check = checkDefinition(draft.definition);
  return {
    definition: draft.definition,
    updatedAt: draft.updated_at.toISOString(),
    updatedBy: draft.updated_by,
    problems: check.ok ? [] : check.problems,
  };
}

/** The built-in instruments a new survey can start from. */
export const TEMPLATES = INSTRUMENTS.map((def) => ({
  key: def.key,
  title: def.title,
  kind: def.kind,
  questionCount: allQuestionsOf(def).length,
}));
