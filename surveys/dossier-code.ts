/**
 * Dossier code (mã hồ sơ) as issued by the one-stop systems: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`,
 * e.g. `000.00.17.H31-230101-0001` (agency code, then the receipt date and a running number).
 * Agency segments may hold letters in some provinces' codes, so they accept A–Z as well as digits;
 * the running number may grow past four digits on busy counters.
 */
export const DOSSIER_CODE_PATTERN =
  /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}-[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])-[0-9]{4,}$/;

/** Upper-case and drop surrounding or inner blanks people type when copying from a slip. */
export function normalizeDossierCode(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '').toUpperCase();
}

export function isDossierCode(s: string): boolean {
  return DOSSIER_CODE_PATTERN.test(s);
}
