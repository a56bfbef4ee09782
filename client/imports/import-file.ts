import type { ImportProblem } from './imports-types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type an import is sent with: what the browser says, else guessed from the name (Windows often says nothing for .csv). */
export function importContentType(file: { name: string; type: string }): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  if (/\.(csv|txt)$/i.test(file.name)) return 'text/csv';
  return file.type || 'text/csv';
}

/** The problems of a refused import, in file order, from an error body of any shape. */
export function problemsOf(body: unknown): ImportProblem[] | null {
  const list = (body as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(list)) return null;
  return list
    .filter((p): p is ImportProblem => typeof p?.line === 'number' && typeof p?.column === 'string' && typeof p?.message?.vi === 'string')
    .sort((a, b) => a.line - b.line);
}
