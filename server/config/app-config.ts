import type { AppConfig } from '../http/context';
import type { Env } from './env';

/** The app's settings from the checked environment and the secret kept in the database. */
export function appConfigFromEnv(env: Env, secret: string, clientDir?: string): AppConfig {
  return {
    secret,
    tokenTtlMinutes: env.HAILONG_TOKEN_TTL_MINUTES,
    publicUrl: env.HAILONG_PUBLIC_URL,
    clientDir,
    trustProxy: env.HAILONG_TRUST_PROXY === '1',
    caseDueDays: env.HAILONG_CASE_DUE_DAYS,
    visits: {
      burstMax: env.HAILONG_BURST_MAX,
      burstWindowMinutes: env.HAILONG_BURST_WINDOW_MINUTES,
      kioskIntervalSeconds: env.HAILONG_KIOSK_INTERVAL_SECONDS,
      kioskIdleSeconds: env.HAILONG_KIOSK_IDLE_SECONDS,
    },
  };
}
