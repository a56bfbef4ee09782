import { request } from '../app/api';
import { withQuery } from '../app/links';
import type { FlaggedList } from './flagged-types';

// Answers flagged as bursts: out of the official rates until a person clears them (audited by the server).
export const fetchFlagged = (period: { from?: string | undefined; to?: string | undefined }) =>
  request<FlaggedList>('GET', withQuery('/api/flagged', period));
export const clearFlagged = (id: number) => request<{ id: number; cleared: true }>('POST', `/api/flagged/${id}/clear`);
