import { describe, expect, it } from 'vitest';
import { loginFailure } from '../../server/auth/login-failure';

describe('loginFailure: why a login fails, for the audit log', () => {
  const active = { disabled_at: null };
  const disabled = { disabled_at: new Date('2026-04-01T00:00:00Z') };

  it('names an unknown name first, then a wrong password, then a disabled account', () => {
    expect(loginFailure(undefined, false)).toBe('unknown_user');
    expect(loginFailure(undefined, true)).toBe('unknown_user');
    expect(loginFailure(disabled, false)).toBe('wrong_password');
    expect(loginFailure(disabled, true)).toBe('disabled');
  });

  it('is none for an active account with the right password', () => {
    expect(loginFailure(active, true)).toBeNull();
    expect(loginFailure(active, false)).toBe('wrong_password');
  });
});
