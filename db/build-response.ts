import type { Channel } from '../surveys/channels';
import type { Answers, SurveyDefinition } from '../surveys/instrument-schema';
import { respondentSatisfied } from '../surveys/scoring';
import type { ActiveCounter } from './counters';
import type { NewResponse } from './responses';

/** Where an answer counts: the survey version it was given under, and its counter or wave stratum. */
export interface ResponseTarget {
  tenantId: number;
  surveyVersion: { id: number; definition: SurveyDefinition };
  /** The counter of a QR, kiosk or imported counter answer; null for a wave's interview. */
  counterId: number | null;
  /** The survey wave of an interview; such answers stay out of counter rates. */
  waveId: number | null;
  unitId: number;
}

/** What the person answered, already checked against that version (surveys/answers-schema.ts). */
export interface ResponseSubmission {
  answers: Answers;
  /** The sector the answer counts for. */
  sector: string;
  comment?: string | null;
  dossierCode?: string | null;
}

/** How and when the answer came, and what makes it count once. */
export interface ResponseMeta {
  channel: Channel;
  submittedAt: Date;
  clientKey: string;
  /** The one-time form token of a citizen form. */
  tokenId?: string | null;
  /** Why the answer waits for an analyst before it counts ('burst'). */
  flags?: string[];
  originHash?: string | null;
  deviceHash?: string | null;
}

/**
 * The row the one writer (db/responses.ts) stores, for every way an answer comes in: citizen form,
 * interviewer entry, import and demo data. The satisfied verdict is worked out here, from the
 * version's own rule, so no way in can store one that disagrees with its answers.
 */
export function buildResponse(target: ResponseTarget, submission: ResponseSubmission, meta: ResponseMeta): NewResponse {
  return {
    tenant_id: target.tenantId,
    survey_version_id: target.surveyVersion.id,
    counter_id: target.counterId,
    wave_id: target.waveId,
    unit_id: target.unitId,
    sector_code: submission.sector,
    channel: meta.channel,
    submitted_at: meta.submittedAt,
    answers: submission.answers,
    comment: submission.comment ?? null,
    dossier_code: submission.dossierCode ?? null,
    client_key: meta.clientKey,
    token_id: meta.tokenId ?? null,
    satisfied: respondentSatisfied(target.surveyVersion.definition, submission.answers),
    flags: meta.flags ?? [],
    origin_hash: meta.originHash ?? null,
    device_hash: meta.deviceHash ?? null,
  };
}

/** An answer given at a counter counts for the counter's unit, under the version it asks now. */
export function counterTarget(counter: Pick<ActiveCounter, 'id' | 'tenant_id' | 'unit_id' | 'surveyVersion'>): ResponseTarget {
  return {
    tenantId: counter.tenant_id,
    surveyVersion: counter.surveyVersion,
    counterId: counter.id,
    waveId: null,
    unitId: counter.unit_id,
  };
}
