import { request } from '../app/api';
import { withQuery } from '../app/links';
import { importContentType } from '../imports/import-file';
import type {
  CounterInService,
  MergeBody,
  NewUnitBody,
  ReorganisationBody,
  ReorganisationView,
  UnitChangeBody,
  UnitImportResult,
  UnitView,
} from './units-types';

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

/** A split, rename, recode or move (or a merge), recorded all at once with its audit entry. */
export const recordReorganisation = (body: ReorganisationBody) => request<{ id: number }>('POST', '/api/units/reorganisations', body);

export const fetchReorganisations = () => request<{ reorganisations: ReorganisationView[] }>('GET', '/api/units/reorganisations');

/** Refused (409, in words) once an answer arrived under the new tree. */
export const undoReorganisation = (id: number) => request<{ id: number; undone: true }>('POST', `/api/units/reorganisations/${id}/undo`);

/** The counters in service with their ids, which a split maps to its new units; /api/counters lists no ids. */
export const fetchCountersInService = () => request<{ counters: CounterInService[] }>('GET', '/api/meta').then((m) => m.counters);
