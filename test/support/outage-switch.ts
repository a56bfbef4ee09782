import type { KyselyPlugin } from 'kysely';
import type { DbHandle } from '../../db/create-db';

/** The error Node gives for a connection to a database that is not listening (a restart). */
export function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
    errno: -111,
    syscall: 'connect',
    address: '127.0.0.1',
    port: 5432,
  });
}

/**
 * A database outage a test can switch on and off inside one process, on PGlite and PostgreSQL
 * alike: while it is on, every query through the wrapped handle fails as a connect to a stopped
 * database does. (The drill in database-outage.test.ts cuts real connections instead.)
 */
export function outageSwitch(error: () => Error = connectionRefused) {
  let down = false;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (down) throw error();
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return {
    plugin,
    start: () => void (down = true),
    end: () => void (down = false),
    wrap(db: DbHandle): DbHandle {
      const copyOut = db.copyOut;
      return {
        ...db,
        dbRead: db.dbRead.withPlugin(plugin),
        dbWrite: db.dbWrite.withPlugin(plugin),
        dbIngest: db.dbIngest.withPlugin(plugin),
        dbLong: db.dbLong.withPlugin(plugin),
        ...(copyOut ? { copyOut: (statement: string) => (down ? Promise.reject(error()) : copyOut(statement)) } : {}),
      };
    },
  };
}
