import pg from 'pg';
import { throttledLog } from './throttled-log';

export interface ListenHandlers {
  /** A notification's payload, as sent with NOTIFY / pg_notify. */
  onNotify: (payload: string) => void;
  /**
   * The connection was lost and is listening again: whatever was notified meanwhile is lost, so a
   * cache kept up to date by notifications must be dropped whole. Not called when the very first try listens.
   */
  onReconnect?: () => void;
  log?: ((line: string) => void) | undefined;
}

export interface Listener {
  close(): Promise<void>;
}

const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * LISTENs on `channel` over a plain connection of its own, held for the life of the process (a
 * transaction-mode pooler would hand the session to others between statements, so LISTEN must
 * connect to PostgreSQL directly). When the connection fails it is opened again, sooner at first
 * and then every few seconds, and `onReconnect` is told once it listens again. Resolves once the
 * first LISTEN is in place; a first connect that fails keeps retrying in the background.
 */
export async function listenForNotifications(config: pg.ClientConfig, channel: string, handlers: ListenHandlers): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
  const note = throttledLog(handlers.log ?? console.error, 5_000);
  let closed = false;
  let client: pg.Client | undefined;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  let tries = 0;

  const connect = async (): Promise<void> => {
    if (closed) return;
    tries++;
    const c = new pg.Client(config);
    client = c;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      c.removeAllListeners('notification');
      void c.end().catch(() => {});
      if (closed) return;
      note(`PostgreSQL (listen ${channel}): the connection was lost${error ? ` (${error.message})` : ''}; listening again shortly`);
      schedule();
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    c.on('notification', (m) => {
      if (m.channel === channel) handlers.onNotify(m.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (lost) return;
    attempt = 0;
    // Listening again after any failure (even of the first try): what was sent meanwhile is lost.
    if (tries > 1) handlers.onReconnect?.();
  };

  const schedule = () => {
    if (closed || timer) return;
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    attempt++;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, wait);
    timer.unref();
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
