import { request } from '../app/api';
import { withQuery } from '../app/links';
import type { ImportResult } from './imports-types';

/** Where an import goes: a counter's earlier paper forms, or a survey wave's interviews. */
export type ImportTarget = { counter: string } | { wave: number };

/** The file goes as the raw body; a dry run checks every row and stores nothing. */
export function postImport(target: ImportTarget, file: Blob, type: string, dryRun: boolean) {
  const into = 'counter' in target ? { counter: target.counter } : { wave: target.wave };
  return request<ImportResult>('POST', withQuery('/api/imports', { ...into, dryRun: dryRun ? '1' : undefined }), undefined, {
    body: file,
    type,
  });
}
