import type { FollowUpCase } from '../../db/responses';
import type { Answers, SurveyDefinition } from '../../surveys/instrument-schema';
import { caseDueAt, hasLowRating } from './case-opening';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One imported row as the rule needs it: where it goes, what it says, when it was answered. */
export interface ImportedAnswer {
  tenantId: number;
  unitId: number;
  /** A survey wave's interview (anonymous fieldwork), or a counter's paper form. */
  waveId: number | null;
  definition: SurveyDefinition;
  answers: Answers;
  submittedAt: Date;
}

/**
 * Whether an imported row opens a complaint case by itself (README "Complaints"). Paper forms are
 * entered days or months after they were filled in, so:
 * - a counter's paper form rated 1–2 opens a case, as the QR form does, while it is still within
 *   the time a case has to be answered (answered at most `dueDays` days before the import); it
 *   is due `dueDays` after the day on the form, as the citizen's complaint was made then;
 * - an older form opens none: its follow-up time has passed and a case would be overdue on
 *   arrival (an analyst can still open one by hand, POST /api/cases);
 * - a survey wave's interview never does: a sociological survey is anonymous research, not a
 *   complaint channel (interviewer entry opens none either);
 * - a comment alone waits for an analyst, and no import carries a phone or a call-back consent,
 *   so `contact_request` never comes from a file.
 */
export function importedFollowUp(row: ImportedAnswer, now: Date, dueDays: number): FollowUpCase | undefined {
  if (row.waveId !== null || !hasLowRating(row.definition, row.answers)) return undefined;
  if (row.submittedAt.getTime() < now.getTime() - dueDays * DAY_MS) return undefined;
  return {
    item: {
      tenant_id: row.tenantId,
      unit_id: row.unitId,
      opened_by: 'auto',
      reason: 'low_rating',
      created_at: now,
      due_at: caseDueAt(row.submittedAt, dueDays),
    },
  };
}
