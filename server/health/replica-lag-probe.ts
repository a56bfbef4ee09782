import type { DbHandle } from '../../db/create-db';
import { primaryWalPosition, replayPosition } from '../../db/replica-position';
import { replicaIsBehind, replicaLagSeconds } from '../../surveys/replica-lag';

export interface ReplicaLag {
  /** dbRead is a replica of its own (HAILONG_READ_DATABASE_URL). */
  configured: boolean;
  /** Seconds behind the primary (surveys/replica-lag.ts); null: no replica, not a standby, or not answering. */
  lagSeconds: number | null;
}

const probes = new WeakMap<DbHandle, () => Promise<ReplicaLag>>();

/**
 * How far the read replica is behind, asked at most once a second per process whoever asks (the
 * health route, the stats route), and remembering since when it has been behind without a break.
 */
export function replicaLagProbe(handle: DbHandle, { reuseMs = 1_000, now = Date.now } = {}): () => Promise<ReplicaLag> {
  const existing = probes.get(handle);
  if (existing) return existing;
  let last: { at: number; value: Promise<ReplicaLag> } | undefined;
  // The replica's clock when this process first saw it behind, in the current run of such looks.
  let behindSinceMs: number | undefined;
  const sample = async (): Promise<ReplicaLag> => {
    if (!handle.readReplica) return { configured: false, lagSeconds: null };
    try {
      const primaryLsn = await primaryWalPosition(handle.dbWrite);
      const s = { primaryLsn, ...(await replayPosition(handle.dbRead)) };
      if (!replicaIsBehind(s)) behindSinceMs = undefined;
      const lagSeconds = replicaLagSeconds(s, behindSinceMs);
      if (replicaIsBehind(s)) behindSinceMs ??= s.nowMs;
      return { configured: true, lagSeconds };
    } catch {
      return { configured: true, lagSeconds: null };
    }
  };
  const probe = () => {
    if (!last || now() - last.at >= reuseMs) last = { at: now(), value: sample() };
    return last.value;
  };
  probes.set(handle, probe);
  return probe;
}
