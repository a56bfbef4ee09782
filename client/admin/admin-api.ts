import { request } from '../app/api';
import type {
  CounterChange,
  CounterSetting,
  CounterSheetResult,
  NewCounter,
  NewUser,
  OfficerCounters,
  UserChange,
  UserItem,
} from './admin-types';

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

/** The counters of the administrator's units as they are set up; every change is audited by the server. */
export const fetchCounterSettings = () => request<{ counters: CounterSetting[] }>('GET', '/api/counters');
export const createCounter = (counter: NewCounter) => request<CounterSetting>('POST', '/api/counters', counter);
export const changeCounter = (code: string, change: CounterChange) =>
  request<CounterSetting>('PATCH', `/api/counters/${encodeURIComponent(code)}`, change);
export const setCounterKiosk = (code: string, kiosk: boolean) => changeCounter(code, { kiosk });
/** A sheet of counters (CSV or XLSX) as the raw body: all saved, or none with the problems by line. */
export const importCounterSheet = (file: Blob, type: string) =>
  request<CounterSheetResult>('POST', '/api/counters/import', undefined, { body: file, type });
