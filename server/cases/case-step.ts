import { findCase, transitionCase, type CaseChange, type CaseRow } from '../../db/cases';
import type { DbHandle } from '../../db/create-db';
import { allowedFrom, type CaseAction } from '../../surveys/case-states';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { auditCaseChange } from './case-audit';
import { refusal } from './case-workflow';

/** Applies a workflow step if the case is (still) in a state it may start from; 409 otherwise. */
export async function applyCaseStep(
  db: DbHandle,
  user: SessionUser,
  row: CaseRow,
  action: CaseAction,
  change: CaseChange,
  withReason = false,
  details: Record<string, unknown> = {},
) {
  const from = allowedFrom(action, withReason);
  const moved = from.includes(row.status) && (await transitionCase(db.dbWrite, user.tenant_id, row.id, from, change));
  if (!moved) {
    // Someone may have moved it meanwhile: say why from where it is now.
    const current = (await findCase(db.dbWrite, { tenantId: user.tenant_id }, row.id))?.status ?? row.status;
    throw new RequestError(409, refusal(action, current));
  }
  await auditCaseChange(db, user, 'case_changed', row.id, { status: { from: row.status, to: change.to }, ...details });
}
