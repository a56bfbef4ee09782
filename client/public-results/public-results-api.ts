import { request } from '../app/api';

export interface PublicResultsSettings {
  enabled: boolean;
  showComplaints: boolean;
  showPublishedCases: boolean;
  threshold: number;
}

// Whether the tenant publishes its figures and what it shows (administrators); a change is audited.
export const fetchPublicResults = () => request<PublicResultsSettings>('GET', '/api/public-results/settings');
export const savePublicResults = (s: PublicResultsSettings) => request<PublicResultsSettings>('PUT', '/api/public-results/settings', s);
