/**
 * Whether an error means "the database cannot serve right now, try again shortly" (restarting,
 * unreachable, frozen, out of connections, or a statement cut by a timeout) rather than a fault of
 * the request or a bug. The server answers these with 503 and Retry-After; a retry with the same
 * client key is stored once whatever happened to the first try.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailabilityOf(error, 0);
}

// Socket errors: refused (restarting), reset or broken pipe (killed), unreachable, DNS down.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

const SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping or restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '57P05', // idle_session_timeout
  '57014', // query_canceled: statement_timeout (or an operator's cancel)
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
]);
// 08: connection exceptions (but 08P01 is a protocol violation, a bug); 53: out of connections,
// memory or disk.
const SQLSTATE_CLASSES = ['08', '53'];

// Errors the drivers raise without a code.
const MESSAGES = [
  /^Connection terminated/, // pg: dropped, or the connect timeout ("… due to connection timeout")
  /^timeout exceeded when trying to connect$/, // pg-pool: no connection free within the connect timeout
  /^Query read timeout$/, // pg: the client-side timeout, for a server that stopped answering
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/, // shutting down
  /^PGlite is closed$/,
  /^driver has already been destroyed$/, // kysely, shutting down
];

function unavailabilityOf(error: unknown, depth: number): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && code !== '08P01' && SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
  }
  if (MESSAGES.some((m) => m.test(error.message))) return true;
  // A connect to a name with several addresses fails with all of them; a wrapped error, with its cause.
  if (error instanceof AggregateError && error.errors.some((e) => unavailabilityOf(e, depth + 1))) return true;
  return unavailabilityOf(error.cause, depth + 1);
}
