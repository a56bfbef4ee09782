import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildServer, runServer, type RunningServer } from '../run-server';
import { sh, sleep } from './exec';
import { primaryActivity } from './primary-activity';
import { startNginx, type Balancer } from './nginx';
import { startPgBouncer, type Pooler } from './pgbouncer';
import { ensureReplicationAccess, PRIMARY, startReplica, type Replica } from './replica';

/**
 * hailong as a province would run it, on this machine: a streaming replica of the local
 * PostgreSQL, PgBouncer in transaction mode in front of the primary, N app processes (the bundle
 * `npm start` runs) and nginx round-robin over them. Ports: CLUSTER_PORTS or the defaults below.
 * `stop()` ends all it started and removes its temp folders; a failed start stops what it began.
 */
export interface ClusterPorts {
  replica: number;
  pgbouncer: number;
  nginx: number;
  apps: number[];
}
export const DEFAULT_PORTS: ClusterPorts = { replica: 5433, pgbouncer: 6432, nginx: 4480, apps: [4481, 4482, 4483] };

export interface Cluster {
  database: string;
  url: string;
  primaryUrl: string;
  /** PgBouncer (transaction mode) in front of the primary, as the app processes reach it. */
  poolerUrl: string;
  replica: Replica;
  apps: RunningServer[];
  secret: string;
  adminPassword: string;
  /** kill -9 of app process `i`, waiting until it is gone. */
  kill(i: number): Promise<void>;
  /** Starts app process `i` again on its port (after a kill). */
  restart(i: number): Promise<RunningServer>;
  stop(): Promise<void>;
}

export async function startCluster(
  database: string,
  {
    ports = DEFAULT_PORTS,
    log = (line: string) => console.log(`cluster: ${line}`),
  }: { ports?: ClusterPorts; log?: (line: string) => void } = {},
): Promise<Cluster> {
  const stops: (() => Promise<void>)[] = [];
  const dataRoot = mkdtempSync(join(tmpdir(), 'hailong-cluster-'));
  stops.push(async () => rmSync(dataRoot, { recursive: true, force: true }));
  const apps: RunningServer[] = [];
  const secret = randomBytes(32).toString('base64url');
  const adminPassword = 'cluster-admin-password';
  const primaryUrl = `postgres://root@${PRIMARY.host}:${PRIMARY.port}/${database}`;
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch((e: Error) => log(`tear-down: ${e.message}`));
  };
  try {
    await ensureReplicationAccess(log);
    // A database of its own, made before the base backup so the replica has it from the start.
    await sh('dropdb', ['-h', PRIMARY.host, '-U', 'postgres', '--if-exists', '--force', database]);
    await sh('createdb', ['-h', PRIMARY.host, '-U', 'postgres', '-O', 'root', database]);
    stops.push(() => sh('dropdb', ['-h', PRIMARY.host, '-U', 'postgres', '--if-exists', '--force', database]).then(() => undefined));
    const build = buildServer();
    const startedAt = Date.now();
    const replica = await startReplica(ports.replica);
    stops.push(() => replica.stop());
    log(`replica on ${ports.replica} in ${Date.now() - startedAt} ms`);
    const pooler: Pooler = await startPgBouncer(ports.pgbouncer, database);
    stops.push(() => pooler.stop());
    await build;
    const env = {
      DATABASE_URL: pooler.url(database),
      HAILONG_DB_POOLER: 'transaction',
      HAILONG_LISTEN_DATABASE_URL: primaryUrl,
      HAILONG_READ_DATABASE_URL: replica.url(database),
      HAILONG_SECRET: secret,
      HAILONG_ADMIN_PASSWORD: adminPassword,
      HAILONG_DEMO: '1',
      HAILONG_TRUST_PROXY: '1',
    };
    const startApp = async (i: number) => {
      // Data folders in one temp folder of the cluster's: a process killed -9 cannot remove its own.
      const app = await runServer(env, { port: ports.apps[i]!, dataDir: mkdtempSync(join(dataRoot, `app${i}-`)) }).catch(
        async (error: Error) => {
          // What the database was doing meanwhile: a start that waits on a lock says on which.
          error.message += `\n${await primaryActivity(database).catch((e: Error) => e.message)}\n${pooler.log()}`;
          throw error;
        },
      );
      apps[i] = app;
      return app;
    };
    stops.push(async () => {
      await Promise.all(apps.filter((a) => a.alive()).map((a) => a.stop()));
    });
    // The first makes the schema and the demo tenant; the others start on it, as a rolling deploy.
    await startApp(0);
    await Promise.all(ports.apps.slice(1).map((_, i) => startApp(i + 1)));
    log(`${apps.length} app processes on ${ports.apps.join(', ')}`);
    const balancer: Balancer = await startNginx(ports.nginx, ports.apps);
    stops.push(() => balancer.stop());
    return {
      database,
      url: balancer.url,
      primaryUrl,
      poolerUrl: pooler.url(database),
      replica,
      apps,
      secret,
      adminPassword,
      async kill(i) {
        const app = apps[i]!;
        process.kill(app.pid, 'SIGKILL');
        while (app.alive()) await sleep(20);
      },
      restart: startApp,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
