import { z } from 'zod';

const seconds = (fallback: number, min = 0.1) => z.coerce.number().min(min).max(86_400).default(fallback);

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
    /**
     * PostgreSQL only: a streaming read replica for dashboards, stats, reports and exports (dbRead);
     * unset, they read the primary. Writes and what must read its own writes stay on DATABASE_URL.
     */
    HAILONG_READ_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'HAILONG_READ_DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
    /**
     * PostgreSQL only: the direct connection that LISTENs for other processes' counter edits. LISTEN
     * cannot go through a transaction-mode pooler: when DATABASE_URL is PgBouncer, point this at
     * PostgreSQL itself. Unset: DATABASE_URL.
     */
    HAILONG_LISTEN_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'HAILONG_LISTEN_DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
    /**
     * `transaction`: DATABASE_URL (and HAILONG_READ_DATABASE_URL) is a pooler in transaction mode
     * (PgBouncer): no startup options are sent (PgBouncer refuses them), the session settings are
     * set with SET LOCAL at the start of every transaction instead, and the database's own defaults
     * (ALTER DATABASE … SET) must give them to single statements (README, "Several processes").
     */
    HAILONG_DB_POOLER: z.enum(['none', 'transaction']).default('none'),
    /** PostgreSQL only: hailong's tables live in this schema (created if missing), not in public. */
    HAILONG_DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'HAILONG_DB_SCHEMA must be lower-case letters, digits and "_", not starting with a digit')
      .optional(),
    // How long PostgreSQL may take before a request is answered 503 "try again" instead of waiting.
    HAILONG_DB_CONNECT_TIMEOUT_SECONDS: seconds(5),
    HAILONG_DB_STATEMENT_TIMEOUT_SECONDS: seconds(30),
    HAILONG_DB_LOCK_TIMEOUT_SECONDS: seconds(10),
    HAILONG_DB_IDLE_TRANSACTION_TIMEOUT_SECONDS: seconds(60),
    /** Migrations, upkeep, imports and COPY exports; 0 means no limit. */
    HAILONG_DB_LONG_STATEMENT_TIMEOUT_SECONDS: seconds(3_600, 0),
    HAILONG_DATA_DIR: z.string().min(1).default('./data'),
    HAILONG_ADMIN_PASSWORD: z.string().min(10, 'HAILONG_ADMIN_PASSWORD must have at least 10 characters').optional(),
    HAILONG_DEMO: z.enum(['0', '1', 'full']).default('1'),
    HAILONG_SECRET: z.string().min(32, 'HAILONG_SECRET must have at least 32 characters').optional(),
    HAILONG_PUBLIC_URL: z.url().optional(),
    HAILONG_TOKEN_TTL_MINUTES: z.coerce.number().int().positive().default(120),
    HAILONG_BURST_MAX: z.coerce.number().int().positive().default(5),
    HAILONG_BURST_WINDOW_MINUTES: z.coerce.number().int().positive().default(10),
    HAILONG_KIOSK_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(10),
    HAILONG_KIOSK_IDLE_SECONDS: z.coerce.number().int().positive().default(60),
    HAILONG_TRUST_PROXY: z.enum(['0', '1']).default('0'),
    /** Alerts by e-mail and webhook failure notices: smtp://user:pass@host:587 or smtps://…; unset: no e-mail. */
    HAILONG_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'HAILONG_SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    HAILONG_MAIL_FROM: z.string().min(3).default('hailong <no-reply@localhost>'),
    HAILONG_CASE_DUE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    // Slow clients (server/config/http-timeouts.ts): long enough for a phone on a weak network, short
    // enough that a connection trickling bytes cannot be held for minutes.
    HAILONG_HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    HAILONG_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    HAILONG_KEEP_ALIVE_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  })
  .refine((e) => e.HAILONG_HEADERS_TIMEOUT_SECONDS <= e.HAILONG_REQUEST_TIMEOUT_SECONDS, {
    message: 'HAILONG_HEADERS_TIMEOUT_SECONDS must not exceed HAILONG_REQUEST_TIMEOUT_SECONDS (the headers are part of the request)',
    path: ['HAILONG_HEADERS_TIMEOUT_SECONDS'],
  });

export type Env = z.infer<typeof envSchema>;

/** Reads the environment once, at start, and says plainly which variable is wrong. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`hailong cannot start, the configuration is wrong:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
