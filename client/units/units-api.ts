import { request } from '../app/api';
import { withQuery } from '../app/links';
import { importContentType } from '../imports/import-file';
import type { MergeBody, NewUnitBody, UnitChangeBody, UnitImportResult, UnitView } from './units-types';

export const fetchUnits = (retired: boolean) =>
  request<{ units: UnitView[] }>('GET', withQuery('/api/units', { retired: retired ? '1' : undefined }));

export const createUnit = (body: NewUnitBody) => request<UnitView>('POST', '/api/units', body);

export const changeUnit = (id: number, body: UnitChangeBody) => request<UnitView>('PATCH', `/api/units/${id}`, body);

/** The file goes as the raw body, its name in the query for the audit log; every line is written or none. */
export const importUnitList = (file: File) =>
  request<UnitImportResult>('POST', withQuery('/api/units/import', { name: file.name }), undefined, {
    body: file,
    type: importContentType(file),
  });

/** A merge recorded all at once (server/units/reorganisations.routes.ts). */
export const recordMerge = (body: MergeBody) => request<{ id: number }>('POST', '/api/units/reorganisations', body);
