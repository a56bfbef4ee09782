import { request } from '../app/api';
import type { ImportResult } from './imports-types';

/** Where an import goes: a counter's earlier paper forms, or a survey wave's interviews. */
export type ImportTarget = { counter: string } | { wave: number };

/** The file goes as the raw body; a dry run checks every row and stores nothing. */
export function postImport(target: ImportTarget, file: Blob, type: string, dryRun: boolean) {
  const q = new URLSearchParams('counter' in target ? { counter: target.counter } : { wave: String(target.wave) });
  if (dryRun) q.set('dryRun', '1');
  return request<ImportResult>('POST', `/api/imports?${q}`, undefined, { body: file, type });
}
