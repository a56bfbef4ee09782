import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { findKeyByPrefix, touchApiKey } from '../../db/api-keys';
import type { Database } from '../../db/types';
import { isApiKeyScope, type ApiKeyScope } from '../../surveys/api-key-scopes';
import type { LocalizedText } from '../../surveys/localized-text';
import type { ApiKeyCaller, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseKey, secretMatches } from './api-key-secret';

const NO_KEY: LocalizedText = {
  vi: 'Thiếu khóa API: gửi tiêu đề "Authorization: Bearer hl_…" với khóa do quản trị viên cấp.',
  en: 'No API key: send the header "Authorization: Bearer hl_…" with a key an administrator created.',
};

const BAD_KEY: LocalizedText = {
  vi: 'Khóa API không đúng hoặc đã bị thu hồi.',
  en: 'The API key is wrong or has been revoked.',
};

const scopeRefusal = (scope: ApiKeyScope): LocalizedText => ({
  vi: `Khóa API này không có quyền "${scope}".`,
  en: `This API key does not have the "${scope}" scope.`,
});

function unauthorized(c: Context<AppEnv>, text: LocalizedText, error?: 'invalid_token'): RequestError {
  // RFC 6750: a 401 names the scheme the client should answer with.
  c.header('WWW-Authenticate', `Bearer realm="hailong"${error ? `, error="${error}"` : ''}`);
  return new RequestError(401, text);
}

/**
 * Lets a machine route through only with a live API key holding its scope, from the Authorization
 * header alone: a session cookie counts for nothing here. The key is then `c.get('apiKey')`. Its
 * last use is recorded at most once a minute.
 */
export async function authenticateApiKey(c: Context<AppEnv>, db: Kysely<Database>, scope: ApiKeyScope): Promise<ApiKeyCaller> {
  const header = c.req.header('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!bearer) throw unauthorized(c, NO_KEY);
  const parts = parseKey(bearer[1]!);
  if (!parts) throw unauthorized(c, BAD_KEY, 'invalid_token');
  const row = await findKeyByPrefix(db, parts.prefix);
  if (!row || !secretMatches(parts.secret, row.secret_hash) || row.revoked_at !== null) throw unauthorized(c, BAD_KEY, 'invalid_token');
  if (!row.scopes.includes(scope)) throw new RequestError(403, scopeRefusal(scope));
  const now = new Date();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) await touchApiKey(db, row.id, now);
  const key: ApiKeyCaller = {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    prefix: row.prefix,
    // A key of a unit is never read as the whole tenant's, even were its unit not found.
    unitPath: row.unit_id === null ? undefined : (row.unit_path ?? '/nothing/'),
    scopes: row.scopes.filter(isApiKeyScope),
  };
  c.set('apiKey', key);
  return key;
}
