import type { DbHandle } from '../../db/create-db';
import { DossierAlreadyRatedError, storePendingResponses, type PendingResponse } from '../../db/responses';
import { recordAudit } from '../audit/record-audit';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';

/**
 * Stores a checked import through the one writer path, all rows or none, and logs it. A dossier
 * rated before refuses the whole file (409).
 */
export async function storeImport(
  db: DbHandle,
  user: SessionUser,
  subject: string,
  file: { fileKey: string; rows: number },
  responses: readonly PendingResponse[],
): Promise<{ stored: number; alreadyImported: number; casesOpened: number }> {
  try {
    // Up to 100,000 rows in one transaction (a minute on a busy two-core machine): long work,
    // not held to a request's statement timeout.
    const results = await storePendingResponses(db.dbLong, responses);
    const stored = results.filter((r) => !r.replay).length;
    // A replayed row opens no case: its first copy opened one, or not.
    const casesOpened = results.filter((r, i) => !r.replay && responses[i]!.followUp !== undefined).length;
    await recordAudit(db, user, 'import', subject, {
      file: file.fileKey,
      rows: file.rows,
      stored,
      alreadyImported: results.length - stored,
      casesOpened,
    });
    return { stored, alreadyImported: results.length - stored, casesOpened };
  } catch (error) {
    if (error instanceof DossierAlreadyRatedError) {
      throw new RequestError(409, {
        vi: `Chưa nhập dòng nào: hồ sơ ${error.dossierCode} đã được đánh giá trước đó.`,
        en: `Nothing was imported: dossier ${error.dossierCode} has already been rated.`,
      });
    }
    throw error;
  }
}
