import { describe, expect, it } from 'vitest';
import {
  caseActions,
  caseFilterFromQuery,
  caseFilterToQuery,
  casesApiQuery,
  posterUrl,
  userChangeOf,
  validUsername,
} from '../../client/admin/admin-helpers';
import { navEntries, redirectFor } from '../../client/app/roles';
import { caseIdOf, navKeyOf, routeOf } from '../../client/app/router';

describe('accounts, counters and complaints pages', () => {
  it('routes the new pages and a complaint under "cases"', () => {
    expect(routeOf('/app/users')).toBe('users');
    expect(routeOf('/app/counters/')).toBe('counters');
    expect(routeOf('/app/cases')).toBe('cases');
    expect(routeOf('/app/cases/42')).toBe('case');
    expect(routeOf('/app/cases/0')).toBe('not_found');
    expect(caseIdOf('/app/cases/42')).toBe(42);
    expect(caseIdOf('/app/cases')).toBeNull();
    expect(navKeyOf('case')).toBe('cases');
  });

  it('shows each role its pages and sends an officer to their counters', () => {
    expect(navEntries('officer')).toEqual(['counters']);
    expect(redirectFor('officer', 'overview')).toBe('/app/counters');
    expect(redirectFor('officer', 'counters')).toBeNull();
    expect(navEntries('admin')).toEqual(expect.arrayContaining(['users', 'cases', 'counters']));
    expect(navEntries('analyst')).toContain('cases');
    expect(navEntries('analyst')).not.toContain('users');
    expect(redirectFor('analyst', 'users')).toBe('/app/');
    expect(redirectFor('admin', 'users')).toBeNull();
    expect(navEntries('interviewer')).toEqual(['waves']);
  });

  it('reads and writes the complaints filter, ignoring unknown statuses', () => {
    expect(caseFilterFromQuery('?status=assigned&overdue=1')).toEqual({ status: 'assigned', overdue: true });
    expect(caseFilterFromQuery('?status=bogus&overdue=yes')).toEqual({ status: undefined, overdue: false });
    expect(caseFilterToQuery({ status: undefined, overdue: false })).toBe('');
    expect(caseFilterToQuery({ status: 'closed', overdue: true })).toBe('status=closed&overdue=1');
    expect(casesApiQuery({ status: 'received', overdue: false }, 17)).toBe('status=received&limit=50&before=17');
  });

  it('offers only the steps the workflow allows', () => {
    expect(caseActions('received')).toEqual({ assign: true, answer: false, close: true, closeNeedsReason: true });
    expect(caseActions('assigned')).toEqual({ assign: true, answer: true, close: true, closeNeedsReason: true });
    expect(caseActions('answered')).toEqual({ assign: false, answer: false, close: true, closeNeedsReason: false });
    expect(caseActions('closed')).toEqual({ assign: false, answer: false, close: false, closeNeedsReason: false });
  });

  it('links the posters and sends only what changed on an account', () => {
    expect(posterUrl('Q 1/A')).toBe('/posters/Q%201%2FA');
    expect(posterUrl('Q1', 'a5')).toBe('/posters/Q1?size=a5');
    expect(userChangeOf({ role: 'analyst', unitId: 3 }, { role: 'analyst', unitId: 3 })).toBeNull();
    expect(userChangeOf({ role: 'analyst', unitId: 3 }, { role: 'officer', unitId: null })).toEqual({ role: 'officer', unitId: null });
    expect(userChangeOf({ role: 'analyst', unitId: null }, { role: 'nobody', unitId: null })).toBeNull();
    expect(validUsername('ubnd.q1')).toBe(true);
    expect(validUsername('Nguyễn')).toBe(false);
  });
});
