import { request } from '../app/api';
import { withQuery } from '../app/links';
import type { Retention, RetentionApplied, RetentionPreview } from './privacy-types';

// How long free text and contact data are kept (administrators); a change is audited and applied at once.
export const fetchRetention = () => request<Retention>('GET', '/api/privacy/retention');
export const previewRetention = (months: number) =>
  request<RetentionPreview>('GET', withQuery('/api/privacy/retention/preview', { months }));
export const applyRetention = (months: number) => request<RetentionApplied>('PUT', '/api/privacy/retention', { months });
