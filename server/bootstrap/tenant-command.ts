import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, type DbHandle } from '../../db/create-db';
import { DataDirInUseError } from '../../db/data-dir-lock';
import { migrateToLatest } from '../../db/migrate';
import { isUnitKind } from '../../surveys/unit-kinds';
import { dbOptionsFromEnv } from '../config/db-options';
import { parseEnv } from '../config/env';
import { createTenantWithAdmin, TENANT_KINDS, TenantSetupRefusal, type NewTenantRequest, type TenantKind } from './create-tenant';

export interface CommandResult {
  /** 0: created; 1: refused, nothing created. */
  code: 0 | 1;
  lines: string[];
}

export const TENANT_CREATE_USAGE = [
  'npm run tenant:create -- --code <mã> --name "<tên>" [--kind province|ministry|other]',
  '    [--unit-code 33 --unit-name "Tỉnh Hưng Yên" --unit-kind province]',
  '    [--admin <tên đăng nhập / username>] [--admin-password <mật khẩu / password>]',
  'Ví dụ / example: npm run tenant:create -- --code hung-yen --name "Tỉnh Hưng Yên" --unit-code 33 --unit-name "Tỉnh Hưng Yên" --unit-kind province',
];

const refusal = (vi: string, en: string): CommandResult => ({ code: 1, lines: [vi, en, '', ...TENANT_CREATE_USAGE] });

/** Reads the command line into a request, or says (in both languages) what is missing. */
export function tenantRequestFromArgs(args: string[], planYear: number): NewTenantRequest | CommandResult {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        code: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        'unit-code': { type: 'string' },
        'unit-name': { type: 'string' },
        'unit-kind': { type: 'string' },
        admin: { type: 'string' },
        'admin-password': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refusal(`Tham số không hợp lệ: ${message}`, `Bad arguments: ${message}`);
  }
  if (values.help) return { code: 0, lines: TENANT_CREATE_USAGE };
  if (!values.code || !values.name) return refusal('Thiếu --code hoặc --name.', '--code and --name are required.');
  const kind = values.kind ?? 'province';
  if (!(TENANT_KINDS as readonly string[]).includes(kind)) {
    return refusal(`--kind phải là ${TENANT_KINDS.join(', ')}.`, `--kind must be one of ${TENANT_KINDS.join(', ')}.`);
  }
  const unitGiven = [values['unit-code'], values['unit-name'], values['unit-kind']].filter((v) => v !== undefined).length;
  if (unitGiven !== 0 && unitGiven !== 3) {
    return refusal(
      'Đơn vị gốc cần đủ cả --unit-code, --unit-name và --unit-kind.',
      'A root unit needs all of --unit-code, --unit-name and --unit-kind.',
    );
  }
  const unitKind = values['unit-kind'];
  if (unitKind !== undefined && !isUnitKind(unitKind)) {
    return refusal(
      '--unit-kind phải là province, commune, ward, special_zone hoặc service_body.',
      '--unit-kind must be province, commune, ward, special_zone or service_body.',
    );
  }
  return {
    code: values.code,
    name: values.name,
    kind: kind as TenantKind,
    rootUnit: unitKind ? { code: values['unit-code']!, name: values['unit-name']!, kind: unitKind } : undefined,
    adminUsername: values.admin,
    adminPassword: values['admin-password'],
    planYear,
  };
}

/**
 * `npm run tenant:create`: opens the database the server would (DATABASE_URL, else the PGlite
 * folder HAILONG_DATA_DIR), migrates it, and creates one tenant with its first administrator.
 */
export async function tenantCreateCommand(
  args: string[],
  source: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): Promise<CommandResult> {
  const request = tenantRequestFromArgs(args, now.getFullYear());
  if ('lines' in request) return request;
  let env;
  try {
    env = parseEnv(source);
  } catch (error) {
    return { code: 1, lines: [error instanceof Error ? error.message : String(error)] };
  }
  const dataDir = resolve(env.HAILONG_DATA_DIR);
  let handle: DbHandle;
  try {
    handle = await createDb({ ...dbOptionsFromEnv(env, dataDir), poolSize: 1 });
  } catch (error) {
    // The server holds the folder: the lock's own message says which process and what to do.
    if (error instanceof DataDirInUseError) return { code: 1, lines: error.message.split('\n') };
    const message = error instanceof Error ? error.message : String(error);
    return { code: 1, lines: [`Không mở được cơ sở dữ liệu: ${message}`, `Cannot open the database: ${message}`] };
  }
  try {
    await migrateToLatest(handle.dbLong, env.HAILONG_DB_SCHEMA);
    const created = await createTenantWithAdmin(handle.dbWrite, request);
    const where = handle.kind === 'pglite' ? dataDir : 'DATABASE_URL';
    const lines = [
      `Đã tạo đơn vị sử dụng / tenant created: ${created.tenant.code} — ${created.tenant.name} (${created.tenant.kind}) in ${where}`,
      `  Lĩnh vực, chỉ tiêu năm ${request.planYear} và phiếu khảo sát mặc định / sectors, ${request.planYear} default targets and built-in surveys`,
    ];
    if (created.rootUnit) {
      lines.push(`  Đơn vị gốc / root unit: ${created.rootUnit.code} ${created.rootUnit.name} (${created.rootUnit.kind})`);
    }
    lines.push(`  Quản trị viên / administrator: ${created.admin.username}`);
    if (created.generatedPassword) {
      lines.push(`  Mật khẩu (chỉ hiện một lần, hãy lưu lại) / password (shown once, keep it): ${created.generatedPassword}`);
    }
    return { code: 0, lines };
  } catch (error) {
    if (error instanceof TenantSetupRefusal) return { code: 1, lines: [error.text.vi, error.text.en] };
    throw error;
  } finally {
    await handle.close();
  }
}
