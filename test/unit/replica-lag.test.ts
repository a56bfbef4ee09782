import { describe, expect, it } from 'vitest';
import { localSettingsStatement, startupOptions } from '../../db/pg-pools';
import { lsnValue, replicaIsBehind, replicaLagNotice, replicaLagSeconds, type ReplicaSample } from '../../surveys/replica-lag';

const NOW = 1_800_000_000_000;
const sample = (s: Partial<ReplicaSample>): ReplicaSample => ({
  primaryLsn: '0/3000100',
  replayLsn: '0/3000100',
  replayedAtMs: NOW - 3_600_000,
  nowMs: NOW,
  ...s,
});

describe('how far the read replica is behind', () => {
  it('compares WAL positions as numbers, across the high half', () => {
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(lsnValue('16/B374D848')).toBe(0x16b374d848n);
    expect(() => lsnValue('nonsense')).toThrow(RangeError);
  });

  it('is 0 when the replica replayed where the primary is, however old its last replayed commit (an idle primary)', () => {
    expect(replicaLagSeconds(sample({}), undefined)).toBe(0);
    // Replayed past the position read a moment before on the primary: caught up too.
    expect(replicaLagSeconds(sample({ replayLsn: '0/3000200' }), NOW - 60_000)).toBe(0);
    expect(replicaIsBehind(sample({}))).toBe(false);
  });

  it('is not hours after a long idle spell when the replica is only a moment behind', () => {
    const behind = sample({ replayLsn: '0/3000000' });
    expect(replicaIsBehind(behind)).toBe(true);
    // First look that sees it behind: nothing yet, whatever the replay time says.
    expect(replicaLagSeconds(behind, undefined)).toBe(0);
    // Still behind 7 s later, without a break: 7 s, not the hour since the last replayed commit.
    expect(replicaLagSeconds(behind, NOW - 7_000)).toBe(7);
  });

  it('is the time since the last replayed commit when that is shorter than the spell behind', () => {
    expect(replicaLagSeconds(sample({ replayLsn: '0/3000000', replayedAtMs: NOW - 12_400 }), NOW - 600_000)).toBe(12);
  });

  it('is unknown (null) when the read database is no standby', () => {
    expect(replicaLagSeconds(sample({ replayLsn: null, replayedAtMs: null }), undefined)).toBeNull();
  });

  it('is told on the dashboards only past 5 seconds, in both languages', () => {
    expect(replicaLagNotice(null)).toBeUndefined();
    expect(replicaLagNotice(0)).toBeUndefined();
    expect(replicaLagNotice(5)).toBeUndefined();
    expect(replicaLagNotice(6)).toEqual({ vi: 'Số liệu chậm khoảng 6 giây', en: 'Figures are about 6 s behind' });
  });
});

describe('session settings through a transaction-mode pooler', () => {
  const settings = { statement_timeout: '30000', search_path: 'tenant_a' };
  it('become one set_config(…, true) statement for the start of each transaction (SET LOCAL)', () => {
    expect(localSettingsStatement(settings)).toEqual({
      text: 'select set_config($1, $2, true), set_config($3, $4, true)',
      values: ['statement_timeout', '30000', 'search_path', 'tenant_a'],
    });
  });
  it('are startup options on a direct connection', () => {
    expect(startupOptions(settings)).toBe('-c statement_timeout=30000 -c search_path=tenant_a');
  });
});
