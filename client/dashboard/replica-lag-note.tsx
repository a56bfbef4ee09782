import { replicaLagNotice } from '../../surveys/replica-lag';
import { request } from '../app/api';
import { useLang } from '../app/lang-context';
import { useApi } from '../app/use-api';

interface Health {
  readReplica?: { lagSeconds: number | null };
}

/**
 * Above the analysis pages: when their figures come from a read replica more than a few seconds
 * behind the primary, says by how much (both languages' rule in surveys/replica-lag.ts). Asked
 * again with each filter change; says nothing when the replica keeps up or there is none.
 */
export function ReplicaLagNote({ query }: { query: string }) {
  const { lang } = useLang();
  const [health] = useApi(() => request<Health>('GET', '/healthz'), query);
  const notice = health.kind === 'ready' ? replicaLagNotice(health.data.readReplica?.lagSeconds) : undefined;
  if (!notice) return null;
  return (
    <p class="note" role="status" data-testid="replica-lag">
      {notice[lang]}
    </p>
  );
}
