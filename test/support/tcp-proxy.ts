import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a database, that a test can make misbehave the ways a real
 * database does: `cut()` is a restart (every connection dropped, new ones refused until
 * `restore()`), `freeze()` a stopped server (connections stay open, new ones are accepted, but no
 * byte moves either way until `thaw()`).
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  freeze(): void;
  thaw(): void;
  /** Connections open through the proxy right now. */
  openConnections(): number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

export async function startTcpProxy(upstreamHost: string, upstreamPort: number): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let frozen = false;
  let server: Server | undefined;
  let port = 0;

  // Bytes (and ends) that arrived while frozen, in order, delivered on thaw.
  let held: (() => void)[] = [];
  const deliver = (action: () => void) => (frozen ? held.push(action) : action());

  const accept = (client: Socket) => {
    const upstream = connect(upstreamPort, upstreamHost);
    const pair = { client, upstream };
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => deliver(() => to.write(chunk)));
      from.on('end', () => deliver(() => to.end()));
    };
    forward(client, upstream);
    forward(upstream, client);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(accept);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as { port: number }).port;
        server = next;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = undefined;
      if (!current) return resolve();
      current.close(() => resolve());
    });

  const dropAll = () => {
    for (const pair of pairs) {
      // A reset, as when the database's processes die: the peer sees ECONNRESET or an end.
      pair.client.resetAndDestroy();
      pair.upstream.destroy();
    }
    pairs.clear();
  };

  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      await Promise.all([stopListening(), Promise.resolve(dropAll())]);
    },
    async restore() {
      if (!server) await listen();
    },
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      const actions = held;
      held = [];
      for (const action of actions) action();
    },
    openConnections: () => pairs.size,
    async close() {
      dropAll();
      await stopListening();
    },
  };
}
