import { request } from '../app/api';
import { withQuery } from '../app/links';
import { filterToQuery, type Filter } from '../dashboard/filter';
import { importContentType } from '../imports/import-file';
import type { BesideSurvey, DossierImportResult } from './indices-types';

export const DOSSIER_TEMPLATE_URL = '/api/dossiers/template.csv';

export const fetchBesideSurvey = (filter: Filter, groupBy: 'sector' | 'unit') =>
  request<BesideSurvey>('GET', withQuery('/api/indices/766/beside-survey', filterToQuery(filter, { groupBy })));

/** The sheet goes as the raw body, its name and dryRun in the query; every row is stored or none. */
export const importDossiers = (file: File, dryRun: boolean) =>
  request<DossierImportResult>(
    'POST',
    withQuery('/api/dossiers/import', { name: file.name, dryRun: dryRun ? '1' : undefined }),
    undefined,
    { body: file, type: importContentType(file) },
  );
