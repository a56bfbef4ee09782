import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { runWebhookDeliveries } from '../webhooks/run-webhooks';
import type { Mailer } from '../notifications/mailer';
import { runNotifications } from '../notifications/run-notifications';

export interface LoopOptions {
  db: Kysely<Database>;
  mailer?: Mailer | undefined;
  webhookEveryMs?: number;
  alertsEveryMs?: number;
}

/**
 * Sends due webhook deliveries every few seconds and looks for alerts every minute, one pass at a
 * time. `stop` waits for the pass under way, so closing the database never cuts one in half.
 */
export function startNotificationLoop(o: LoopOptions) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const pass = (work: () => Promise<unknown>, label: string) => () => {
    if (stopped) return;
    running = running.then(work).catch((error: unknown) => console.error(`${label}:`, error));
  };
  const webhooks = setInterval(
    pass(() => runWebhookDeliveries({ db: o.db, mailer: o.mailer }), 'webhooks'),
    o.webhookEveryMs ?? 5_000,
  );
  const alerts = setInterval(
    pass(() => runNotifications({ db: o.db, mailer: o.mailer }), 'alert mail'),
    o.alertsEveryMs ?? 60_000,
  );
  webhooks.unref();
  alerts.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(webhooks);
      clearInterval(alerts);
      await running;
      o.mailer?.close();
    },
  };
}
