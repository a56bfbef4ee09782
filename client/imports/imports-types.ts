import type { LocalizedText } from '../app/api-types';

/** Shapes of the imports API (server/imports); kept by hand, checked by test/browser/filing. */

/** POST /api/imports: what a file held and what was stored (nothing on a dry run). */
export interface ImportResult {
  rows: number;
  valid: number;
  stored: number;
  alreadyImported: number;
  /** Complaint cases the stored rows opened (recent low ratings of a counter's paper forms); absent on a dry run. */
  casesOpened?: number;
  dryRun?: boolean;
}

export interface ImportProblem {
  line: number;
  column: string;
  message: LocalizedText;
}
