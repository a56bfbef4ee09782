import { isOneOf } from './one-of';

/**
 * A complaint case (phản ánh, kiến nghị) goes received → assigned → answered → closed. It may be
 * assigned again (to another unit) until it is answered; it is answered only once it is with a
 * unit; it closes once answered, or earlier with a reason (a duplicate, not a complaint). A closed
 * case stays closed.
 */
export const CASE_STATUSES = ['received', 'assigned', 'answered', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const isCaseStatus = isOneOf(CASE_STATUSES);

/** Still waiting for an answer: what counts as open, and as overdue once past its due date. */
export const OPEN_CASE_STATUSES = ['received', 'assigned'] as const satisfies readonly CaseStatus[];
export const isOpenCase = isOneOf(OPEN_CASE_STATUSES);

export type CaseAction = 'assign' | 'answer' | 'close';

interface Transition {
  to: CaseStatus;
  from: readonly CaseStatus[];
  /** Where the action may also start when the person gives a reason. */
  fromWithReason?: readonly CaseStatus[];
}

/** Each action: the state it leads to and the states it may start from. */
export const CASE_TRANSITIONS: Record<CaseAction, Transition> = {
  assign: { to: 'assigned', from: ['received', 'assigned'] },
  answer: { to: 'answered', from: ['assigned'] },
  close: { to: 'closed', from: ['answered'], fromWithReason: ['received', 'assigned', 'answered'] },
};

/** The states an action may start from; closing without an answer needs a reason. */
export function allowedFrom(action: CaseAction, withReason = false): readonly CaseStatus[] {
  const step = CASE_TRANSITIONS[action];
  return withReason && step.fromWithReason ? step.fromWithReason : step.from;
}
