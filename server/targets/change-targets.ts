import type { Kysely } from 'kysely';
import { z } from 'zod';
import { listSectors, planRows, setTargets } from '../../db/sectors';
import type { Database } from '../../db/types';
import type { LocalizedText } from '../../surveys/localized-text';
import { reasonProblem, targetChanges, targetProblem, type TargetChange } from '../../surveys/plan-targets';
import { OVERALL_KEY } from '../../surveys/sectors';
import { recordAudit } from '../audit/record-audit';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';

/** PUT /api/targets's body; the numbers' own rules are checked after, so each gets its own message. */
export const targetsBody = z.object({
  targets: z
    .array(z.object({ sector: z.string().min(1).max(40), target: z.unknown() }))
    .min(1, 'list at least one target')
    .max(100),
  reason: z.string().max(500).optional(),
});

const NOT_VALID: LocalizedText = {
  vi: 'Chưa lưu chỉ tiêu nào: xin sửa các ô được đánh dấu.',
  en: 'No target was saved: please correct the marked fields.',
};

const REASON_FIELD: LocalizedText = { vi: 'Cần ghi lý do.', en: 'A reason is required.' };

/**
 * Sets a plan year's targets, all or nothing: every value is checked first (a number above 0, at
 * most 100, one decimal; a sector the tenant has; a reason for a past year), then only the values
 * that differ from those in force that year are written, each with an audit entry, in one
 * transaction. Returns the changes made (none when every value was already in force).
 */
export async function changeTargets(
  db: Kysely<Database>,
  user: SessionUser,
  year: number,
  currentYear: number,
  body: z.output<typeof targetsBody>,
): Promise<TargetChange[]> {
  const known = new Set([OVERALL_KEY, ...(await listSectors(db, user.tenant_id)).map((s) => s.code)]);
  const fields: Record<string, LocalizedText> = {};
  body.targets.forEach((t, i) => {
    if (!known.has(t.sector)) {
      fields[`targets.${i}.sector`] = {
        vi: `Lĩnh vực "${t.sector}" không có trong danh mục của tỉnh.`,
        en: `The sector "${t.sector}" is not in the province's list.`,
      };
    }
    const problem = targetProblem(t.target);
    if (problem) fields[`targets.${i}.target`] = problem;
  });
  const reason = body.reason?.trim() || undefined;
  const missingReason = reasonProblem(year, currentYear, reason);
  if (missingReason) fields.reason = missingReason;
  // The reason alone is missing: say so at the top, where the person looks first.
  if (missingReason && Object.keys(fields).length === 1) throw new RequestError(422, missingReason, { reason: REASON_FIELD });
  if (Object.keys(fields).length > 0) throw new RequestError(422, NOT_VALID, fields);

  const requested = body.targets.map((t) => ({ sector: t.sector, target: t.target as number }));
  return db.transaction().execute(async (trx) => {
    const changes = targetChanges(await planRows(trx, user.tenant_id, year), year, requested);
    await setTargets(
      trx,
      user.tenant_id,
      year,
      changes.map((c) => ({ sectorCode: c.sector, target: c.to })),
    );
    // Last in the transaction: the audit lock is held until the commit.
    for (const change of changes) {
      await recordAudit(trx, user, 'target_changed', `target:${year}:${change.sector}`, {
        year,
        sector: change.sector,
        from: change.from,
        to: change.to,
        ...(reason ? { reason } : {}),
      });
    }
    return changes;
  });
}
