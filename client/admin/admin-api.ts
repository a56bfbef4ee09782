import { request } from '../app/api';
import type { CounterSetting, NewUser, OfficerCounters, UserChange, UserItem } from './admin-types';

// Accounts (administrators only). A generated password comes back once, in this answer only.
export const fetchUsers = () => request<{ users: UserItem[] }>('GET', '/api/users');
export const createUser = (user: NewUser) => request<UserItem & { password?: string }>('POST', '/api/users', user);
export const changeUser = (id: number, change: UserChange) => request<UserItem>('PATCH', `/api/users/${id}`, change);
/** Links an officer to exactly these counters (codes); an empty list removes every link. */
export const setStaffCounters = (id: number, counters: readonly string[]) =>
  request<{ id: number; counters: string[] }>('PUT', `/api/users/${id}/counters`, { counters });
export const resetPassword = (id: number) => request<{ id: number; password: string }>('POST', `/api/users/${id}/reset-password`);

/** How many answers each of the user's counters received today, this month and this year. */
export const fetchOfficerCounters = () => request<OfficerCounters>('GET', '/api/officer/counters');

/** Every counter and its kiosk setting (administrators); a switch is audited by the server. */
export const fetchCounterSettings = () => request<{ counters: CounterSetting[] }>('GET', '/api/counters');
export const setCounterKiosk = (code: string, kiosk: boolean) =>
  request<{ code: string; kiosk: boolean }>('PATCH', `/api/counters/${encodeURIComponent(code)}`, { kiosk });
