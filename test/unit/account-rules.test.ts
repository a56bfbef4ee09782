import { describe, expect, it } from 'vitest';
import { accountChangeAction, accountChangeColumns } from '../../server/users/account-change';
import { demotesSelf } from '../../server/users/self-demotion';

describe('demotesSelf: an administrator may not lock themselves out', () => {
  it('refuses disabling one’s own account or giving it another role', () => {
    expect(demotesSelf(7, 7, { disabled: true })).toBe(true);
    expect(demotesSelf(7, 7, { role: 'analyst' })).toBe(true);
    expect(demotesSelf(7, 7, { role: 'admin', disabled: true })).toBe(true);
  });

  it('lets them keep their role, enable or re-scope themselves, and change anyone else', () => {
    expect(demotesSelf(7, 7, { role: 'admin' })).toBe(false);
    expect(demotesSelf(7, 7, { disabled: false })).toBe(false);
    expect(demotesSelf(7, 7, {})).toBe(false);
    expect(demotesSelf(7, 8, { role: 'interviewer', disabled: true })).toBe(false);
  });
});

describe('an account change', () => {
  const now = new Date('2026-04-15T03:00:00Z');

  it('sets only the columns given: disabling stamps the moment, enabling clears it, a null unit widens to the tenant', () => {
    expect(accountChangeColumns({ role: 'analyst' }, now)).toEqual({ role: 'analyst' });
    expect(accountChangeColumns({ disabled: true }, now)).toEqual({ disabled_at: now });
    expect(accountChangeColumns({ disabled: false, unitId: null }, now)).toEqual({ unit_id: null, disabled_at: null });
    expect(accountChangeColumns({ unitId: 4 }, now)).toEqual({ unit_id: 4 });
  });

  it('is named in the audit log by its role first, then by disabling', () => {
    expect(accountChangeAction({ role: 'officer', disabled: true })).toBe('role_changed');
    expect(accountChangeAction({ disabled: true, unitId: 4 })).toBe('user_disabled');
    expect(accountChangeAction({ disabled: false })).toBe('user_changed');
    expect(accountChangeAction({ unitId: 4 })).toBe('user_changed');
  });
});
