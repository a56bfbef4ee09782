import { isOneOf } from './one-of';

/**
 * What a machine client's API key lets it do. One today: sending one-stop dossiers
 * (POST /api/dossiers/batch). A key holds a list, so a later scope needs no new kind of key.
 */
export const API_KEY_SCOPES = ['dossiers:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const isApiKeyScope = isOneOf(API_KEY_SCOPES);
