import { request } from '../app/api';
import type { Report } from './reports-types';

export const fetchReport = (reportQuery: string) => request<Report>('GET', `/api/reports?${reportQuery}`);
