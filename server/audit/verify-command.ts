import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { auditLogExists, verifyAuditChain } from '../../db/audit-log';
import { createDb, type DbHandle } from '../../db/create-db';
import { assertDatabaseAnswers } from '../../db/database-ping';
import { LOCK_FILE } from '../../db/data-dir-lock';
import { parseEnv } from '../config/env';

export interface CommandResult {
  /** 0: intact; 1: broken; 2: could not be checked. */
  code: 0 | 1 | 2;
  lines: string[];
}

/**
 * `npm run audit:verify`: finds the database as the server does (DATABASE_URL, else
 * HAILONG_DATA_DIR) and checks the audit log's whole chain. Reads only; never migrates.
 */
export async function auditVerifyCommand(source: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  let env;
  try {
    env = parseEnv(source);
  } catch (error) {
    return { code: 2, lines: [error instanceof Error ? error.message : String(error)] };
  }
  if (env.DATABASE_URL) {
    const handle = await createDb({ databaseUrl: env.DATABASE_URL, poolSize: 1 });
    try {
      return await check(handle);
    } catch (error) {
      return { code: 2, lines: [`cannot read the database at DATABASE_URL: ${messageOf(error)}`] };
    } finally {
      await handle.close();
    }
  }

  const dataDir = resolve(env.HAILONG_DATA_DIR);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    return { code: 2, lines: [`no hailong database in ${dataDir}: set HAILONG_DATA_DIR (or DATABASE_URL) to the server's`] };
  }
  // One process per data folder (the server holds its lock): a private copy is read instead, so
  // the check runs beside the server and its folder is never written to. The copy leaves out the
  // server's lock, which names a process still running.
  const copy = mkdtempSync(join(tmpdir(), 'hailong-audit-verify-'));
  try {
    cpSync(dataDir, copy, { recursive: true, filter: (source) => !basename(source).startsWith(LOCK_FILE) });
    let handle: DbHandle;
    try {
      handle = await createDb({ dataDir: copy });
      await assertDatabaseAnswers(handle.dbRead);
    } catch (error) {
      return {
        code: 2,
        lines: [
          `cannot open the data folder ${dataDir} (${messageOf(error)}).`,
          'PGlite allows one process per data folder: stop the hailong server, then run npm run audit:verify again.',
        ],
      };
    }
    try {
      return await check(handle);
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function check(handle: DbHandle): Promise<CommandResult> {
  if (!(await auditLogExists(handle.dbRead))) {
    return { code: 2, lines: ['this database has no audit log yet: start hailong once, so it adds it (migration 0005)'] };
  }
  const verdict = await verifyAuditChain(handle.dbRead);
  if (!verdict.ok) {
    return {
      code: 1,
      lines: [`audit log broken at entry #${verdict.brokenAt}: ${verdict.reason}`, `(${verdict.entries} entries before it are intact)`],
    };
  }
  return {
    code: 0,
    lines: [
      `audit log intact: ${verdict.entries} entries`,
      // Kept somewhere else (a printout, an email), it also shows if the newest entries were ever cut off.
      ...(verdict.head ? [`last entry #${verdict.head.id}, hash ${verdict.head.hash}`] : []),
    ],
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
