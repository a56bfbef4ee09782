import { request } from '../app/api';
import { withQuery } from '../app/links';
import type { AuditPage, AuditVerdict } from './audit-types';

// The audit log (administrators): read a page at a time, and its whole chain checked.
export const fetchAudit = (query: string) => request<AuditPage>('GET', withQuery('/api/audit', query));
export const verifyAudit = () => request<AuditVerdict>('GET', '/api/audit/verify');
