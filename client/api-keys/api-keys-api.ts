import { request } from '../app/api';
import type { ApiKeyScope } from '../../surveys/api-key-scopes';

export interface ApiKeyItem {
  id: number;
  name: string;
  prefix: string;
  unit: { id: number; name: string | null; code: string | null } | null;
  scopes: string[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiKey {
  name: string;
  unitId: number | null;
  scopes: ApiKeyScope[];
}

// API keys for machine clients (administrators only). The whole key comes back once, in the creating answer.
export const fetchApiKeys = () => request<{ keys: ApiKeyItem[] }>('GET', '/api/api-keys');
export const createApiKey = (key: NewApiKey) => request<{ id: number; prefix: string; key: string }>('POST', '/api/api-keys', key);
export const revokeApiKey = (id: number) => request<{ id: number; revoked: true }>('POST', `/api/api-keys/${id}/revoke`);
