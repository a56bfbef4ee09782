import { request } from '../app/api';
import { withQuery } from '../app/links';
import { importContentType } from '../imports/import-file';
import type { FigureBody, ReasonPage, ReasonQuery, ReconciliationRow, SavedFigure } from './reconciliation-types';

const BASE = '/api/indices/766';

export const fetchReconciliation = (from: string, to: string) =>
  request<{ rows: ReconciliationRow[] }>('GET', withQuery(`${BASE}/reconciliation`, { from, to }));

export const saveFigure = (body: FigureBody) => request<SavedFigure>('PUT', `${BASE}/portal-figures`, body);

export const deleteFigure = (id: number) => request<{ id: number }>('DELETE', `${BASE}/portal-figures/${id}`);

/** The sheet goes as the raw body, its name in the query for the audit log; every line is saved or none. */
export const importFigures = (file: File) =>
  request<{ rows: number; created: number; replaced: number }>(
    'POST',
    withQuery(`${BASE}/portal-figures/import`, { name: file.name }),
    undefined,
    {
      body: file,
      type: importContentType(file),
    },
  );

const reasonParams = (q: ReasonQuery, offset?: number) => ({ ...q, offset });

export const fetchReasonDossiers = (q: ReasonQuery, offset: number) =>
  request<ReasonPage>('GET', withQuery(`${BASE}/reconciliation/dossiers`, reasonParams(q, offset)));

export const reasonCsvUrl = (q: ReasonQuery) => withQuery(`${BASE}/reconciliation/dossiers.csv`, reasonParams(q));
