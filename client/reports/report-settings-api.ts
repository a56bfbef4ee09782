import { request } from '../app/api';
import type { ReportSettings } from '../../surveys/report-settings';

export type { ReportSettings };

// Who issues and signs the Word reports (administrators); a change is audited.
export const fetchReportSettings = () => request<ReportSettings>('GET', '/api/reports/settings');
export const saveReportSettings = (s: ReportSettings) => request<ReportSettings>('PUT', '/api/reports/settings', s);
