import { request } from '../app/api';
import { withQuery } from '../app/links';
import { importContentType } from '../imports/import-file';

/** POST /api/units/reorganisations/import: one event of the sheet, in codes and names (server/units/reorganisation-import.ts). */
export interface SheetEventView {
  id?: number;
  kind: 'merge' | 'split' | 'rename' | 'recode' | 'move';
  lines: number[];
  effectiveOn: string;
  note: string | null;
  predecessors: { code: string; name: string; ends: boolean }[];
  successors: { code: string; name: string; created: boolean }[];
  links: { fromCode: string; fromName: string; toCode: string; toName: string; share: number }[];
  counters: { code: string; fromCode: string | null; toCode: string | null }[];
  children: { code: string; name: string; fromCode: string | null; toCode: string | null }[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface SheetImportResult {
  dryRun: boolean;
  effectiveOn: string;
  rows: number;
  events: SheetEventView[];
}

/** The sheet goes as the raw body, its name, the day and dryRun in the query; every event is recorded or none. */
export const importReorganisationSheet = (file: File, effectiveOn: string, dryRun: boolean) =>
  request<SheetImportResult>(
    'POST',
    withQuery('/api/units/reorganisations/import', {
      name: file.name,
      effectiveOn: effectiveOn || undefined,
      dryRun: dryRun ? '1' : undefined,
    }),
    undefined,
    { body: file, type: importContentType(file) },
  );
