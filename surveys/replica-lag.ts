import type { LocalizedText } from './localized-text';

/** Past this many seconds behind, dashboards say their figures are late. */
export const LAG_NOTICE_SECONDS = 5;

/** A WAL position ('16/B374D848') as one number, so two can be compared. */
export function lsnValue(lsn: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn.trim());
  if (!match) throw new RangeError(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/** What one look at the primary and then the replica found. */
export interface ReplicaSample {
  /** The primary's current WAL position, read first. */
  primaryLsn: string;
  /** How far the replica has replayed; null: it is not a standby (a plain copy, or promoted). */
  replayLsn: string | null;
  /** The commit time of the last transaction the replica replayed (ms), by the replica's clock. */
  replayedAtMs: number | null;
  /** The replica's clock when sampled (ms). */
  nowMs: number;
}

/**
 * How many seconds the replica's figures are behind the primary's, by one rule:
 * - replayed up to (or past) where the primary was: 0, however old the last replayed commit
 *   (a primary with nothing to write sends nothing, so the replay time alone would look stale);
 * - behind: the time since the last replayed commit, but never more than the time this process
 *   has seen it behind without a break (`behindSinceMs`, the first such look; this sample's own
 *   time when it is the first): a replica a moment behind after a long idle spell is not hours late.
 * Null when the replica is no standby at all.
 */
export function replicaLagSeconds(sample: ReplicaSample, behindSinceMs: number | undefined): number | null {
  if (sample.replayLsn === null) return null;
  if (lsnValue(sample.replayLsn) >= lsnValue(sample.primaryLsn)) return 0;
  const sinceBehind = sample.nowMs - (behindSinceMs ?? sample.nowMs);
  const sinceReplay = sample.replayedAtMs === null ? sinceBehind : sample.nowMs - sample.replayedAtMs;
  return Math.max(0, Math.floor(Math.min(sinceBehind, sinceReplay) / 1000));
}

/** Whether a sample finds the replica behind (for the caller to keep `behindSinceMs`). */
export function replicaIsBehind(sample: ReplicaSample): boolean {
  return sample.replayLsn !== null && lsnValue(sample.replayLsn) < lsnValue(sample.primaryLsn);
}

/** The dashboards' notice, only past LAG_NOTICE_SECONDS. */
export function replicaLagNotice(lagSeconds: number | null | undefined): LocalizedText | undefined {
  if (lagSeconds === null || lagSeconds === undefined || lagSeconds <= LAG_NOTICE_SECONDS) return undefined;
  return { vi: `Số liệu chậm khoảng ${lagSeconds} giây`, en: `Figures are about ${lagSeconds} s behind` };
}
