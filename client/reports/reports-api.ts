import { request } from '../app/api';
import { withQuery } from '../app/links';
import type { Report } from './reports-types';

export const fetchReport = (reportQuery: string) => request<Report>('GET', withQuery('/api/reports', reportQuery));
