import { request } from '../app/api';
import { withQuery } from '../app/links';
import type { SurveyDetail, SurveyDraftState, SurveySummary, SurveyTemplate, VersionSummary } from './surveys-types';

const at = (key: string) => `/api/surveys/${encodeURIComponent(key)}`;

export const fetchSurveys = () => request<{ surveys: SurveySummary[]; templates: SurveyTemplate[] }>('GET', '/api/surveys');
export const fetchSurvey = (key: string) => request<{ survey: SurveyDetail }>('GET', at(key));
export const createSurvey = (body: { key: string; from?: string; title?: { vi: string; en?: string } }) =>
  request<{ survey: SurveyDetail }>('POST', '/api/surveys', body);
export const importSurvey = (definition: unknown, key?: string) =>
  request<{ survey: SurveyDetail }>('POST', '/api/surveys/import', key ? { definition, key } : { definition });
export const saveDraft = (key: string, definition: unknown) =>
  request<{ draft: SurveyDraftState }>('PUT', `${at(key)}/draft`, { definition });
export const publishSurvey = (key: string, effectiveFrom?: string) =>
  request<{ version: VersionSummary }>('POST', `${at(key)}/publish`, effectiveFrom ? { effectiveFrom } : {});
export const fetchVersions = (key: string) => request<{ versions: VersionSummary[] }>('GET', `${at(key)}/versions`);
export const editVersion = (key: string, version: number) =>
  request<{ draft: SurveyDraftState }>('POST', `${at(key)}/versions/${version}/edit`);
export const deleteVersion = (key: string, version: number) => request<void>('DELETE', `${at(key)}/versions/${version}`);
export const retireSurvey = (key: string) => request<unknown>('POST', `${at(key)}/retire`);
export const unretireSurvey = (key: string) => request<unknown>('POST', `${at(key)}/unretire`);

/** Downloads, as plain links the browser saves (Content-Disposition: attachment). */
export const versionJsonUrl = (key: string, version: number) => `${at(key)}/versions/${version}/definition.json`;
export const draftJsonUrl = (key: string) => `${at(key)}/draft.json`;

/**
 * The citizen page of the draft as the server renders it, without the app (so no JS is needed):
 * outside /app/, which is the analyst app's. `stamp` makes the frame load again after a save.
 */
export const previewUrl = (key: string, lang: 'vi' | 'en', kiosk: boolean, stamp?: string) =>
  withQuery(`/surveys/${encodeURIComponent(key)}/preview`, { lang, kiosk: kiosk ? '1' : '0', t: stamp });
