import { request } from '../app/api';
import { withQuery } from '../app/links';
import type { NewSector, TargetsView } from './targets-types';

// The province's plan: targets per plan year (analysts read, province-wide administrators change, audited).
export const fetchTargets = (year: number) => request<TargetsView>('GET', withQuery('/api/targets', { year }));
export const saveTargets = (year: number, targets: { sector: string; target: number }[], reason?: string) =>
  request<TargetsView>('PUT', withQuery('/api/targets', { year }), { targets, ...(reason ? { reason } : {}) });
export const createSector = (sector: NewSector) => request<{ code: string }>('POST', '/api/sectors', sector);
