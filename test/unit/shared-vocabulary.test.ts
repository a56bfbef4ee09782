import { describe, expect, it } from 'vitest';
import { makeClientKey } from '../../client/waves/interview-queue';
import { ACCESS_RULES, mayCall } from '../../surveys/access-rules';
import { allowedFrom, CASE_STATUSES, CASE_TRANSITIONS } from '../../surveys/case-states';
import { CHANNELS, CITIZEN_CHANNELS, IMPORT_CHANNELS } from '../../surveys/channels';
import { clientKeySchema, isClientKey } from '../../surveys/client-key';
import { LEADING_VARIABLES } from '../../surveys/codebook';
import { isCounterCode } from '../../surveys/counter-code';
import { daySchema, inOrder } from '../../surveys/day-schema';
import { ROLES } from '../../surveys/roles';

describe('client keys', () => {
  it('accepts what the analyst app makes for an interview, as the server checks it', () => {
    const key = makeClientKey(Date.UTC(2026, 2, 14), () => new Uint8Array([1, 2, 3, 4, 5, 6, 7, 255]));
    expect(key).toBe('iv-mmpk7400-01020304050607ff');
    expect(clientKeySchema().safeParse(key).success).toBe(true);
  });

  it('refuses keys too short, too long or with other characters, naming the field', () => {
    expect(['abc1234', 'x'.repeat(65), 'has space1', 'ünïcode12'].filter(isClientKey)).toEqual([]);
    const refused = clientKeySchema('deviceKey').safeParse('short');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('deviceKey must be 8–64 letters, digits, "-" or "_"');
  });
});

describe('days and ranges of days', () => {
  it('takes real calendar days only, saying the format', () => {
    expect(daySchema.safeParse('2024-02-29').success).toBe(true);
    const wrong = daySchema.safeParse('2023-02-30');
    expect(wrong.error?.issues[0]?.message).toBe('use a date as YYYY-MM-DD, e.g. 2026-03-14');
  });

  it('reads a range forwards, either end optional', () => {
    expect([inOrder({ from: '2026-01-01', to: '2026-01-01' }), inOrder({ from: '2026-01-01' }), inOrder({})]).toEqual([true, true, true]);
    expect(inOrder({ from: '2026-02-01', to: '2026-01-31' })).toBe(false);
  });
});

describe('case states', () => {
  it('leads out of every state but closed, and nothing leads out of closed', () => {
    const leavable = CASE_STATUSES.filter((s) =>
      Object.keys(CASE_TRANSITIONS).some((a) => allowedFrom(a as keyof typeof CASE_TRANSITIONS, true).includes(s)),
    );
    expect(leavable).toEqual(['received', 'assigned', 'answered']);
    expect(Object.values(CASE_TRANSITIONS).map((step) => step.to)).toEqual(['assigned', 'answered', 'closed']);
  });

  it('closes without an answer only with a reason', () => {
    expect(allowedFrom('close')).toEqual(['answered']);
    expect(allowedFrom('close', true)).toEqual(['received', 'assigned', 'answered']);
    expect(allowedFrom('answer', true)).toEqual(['assigned']);
  });
});

describe('channels and codes', () => {
  it('labels every channel in the codebook, and citizens answer through all but the interviewer and paper forms', () => {
    expect(LEADING_VARIABLES.find((v) => v.name === 'channel')?.values?.map((v) => v.code)).toEqual([...CHANNELS]);
    expect(LEADING_VARIABLES.find((v) => v.name === 'channel')?.values?.find((v) => v.code === 'paper')?.label).toEqual({
      vi: 'Phiếu giấy',
      en: 'Paper form',
    });
    expect(CHANNELS.filter((c) => !(CITIZEN_CHANNELS as readonly string[]).includes(c))).toEqual(['interviewer', 'paper']);
    // An import's rows are paper forms or interviews: never passed off as citizens' own answers.
    expect(IMPORT_CHANNELS.filter((c) => (CITIZEN_CHANNELS as readonly string[]).includes(c))).toEqual([]);
  });

  it('knows a counter code when it sees one', () => {
    expect(['demo-land', 'q1', 'a'.repeat(63)].every(isCounterCode)).toBe(true);
    expect(['-land', 'Demo', 'a', 'a'.repeat(64), 'demo_land'].some(isCounterCode)).toBe(false);
  });
});

describe('the rule book as the analyst app reads it', () => {
  it('lets each role call what its rules list, and an unknown role nothing', () => {
    expect(ROLES.filter((r) => mayCall(r, 'POST /api/waves'))).toEqual(['admin', 'analyst']);
    expect(ROLES.filter((r) => mayCall(r, 'GET /api/officer/counters'))).toEqual(['admin', 'analyst', 'officer']);
    expect(ROLES.filter((r) => mayCall(r, 'GET /api/auth/me'))).toEqual([...ROLES]);
    expect(mayCall('auditor', 'GET /api/auth/me')).toBe(false);
  });

  it('lists roles in their usual order and marks the unit check only where a role list applies', () => {
    const misordered = Object.entries(ACCESS_RULES).filter(
      ([, rule]) =>
        typeof rule.allow !== 'string' && rule.allow.join() !== ROLES.filter((r) => (rule.allow as readonly string[]).includes(r)).join(),
    );
    expect(misordered).toEqual([]);
    expect(Object.entries(ACCESS_RULES).filter(([, rule]) => 'scoped' in rule && typeof rule.allow === 'string')).toEqual([]);
  });
});
