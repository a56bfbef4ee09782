import type { Kysely } from 'kysely';
import { createTenant, findTenantByCode } from '../../db/tenants';
import type { Database } from '../../db/types';
import { createUnit } from '../../db/units';
import { createUser, findUserByUsername } from '../../db/users';
import type { LocalizedText } from '../../surveys/localized-text';
import { CURRENT_UNIT_KINDS, parentProblem, unitCodeProblem, type UnitKind } from '../../surveys/unit-kinds';
import { USERNAME_PATTERN } from '../../surveys/username';
import { recordAudit, systemActor } from '../audit/record-audit';
import { hashPassword, randomPassword } from '../auth/password';
import { seedTenant } from './seed-tenant';

export const TENANT_KINDS = ['province', 'ministry', 'other'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

/** A tenant's code: what the operator types; 2–40 lower-case letters, digits or dashes. */
const TENANT_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;
const MIN_PASSWORD = 10;

export interface NewTenantRequest {
  code: string;
  name: string;
  kind: TenantKind;
  /** The top of the tenant's unit tree (a province, or a ministry as a service body). */
  rootUnit?: { code: string; name: string; kind: UnitKind } | undefined;
  /** Default admin-<code>; usernames are unique across the whole instance. */
  adminUsername?: string | undefined;
  /** Omitted: one is generated and returned once. */
  adminPassword?: string | undefined;
  planYear: number;
}

export interface CreatedTenant {
  tenant: { id: number; code: string; name: string; kind: TenantKind };
  rootUnit: { id: number; code: string; name: string; kind: UnitKind } | null;
  admin: { id: number; username: string };
  /** Only when generated here: shown once, never stored in clear. */
  generatedPassword?: string;
}

/** Why a tenant cannot be created as asked; nothing was written. */
export class TenantSetupRefusal extends Error {
  constructor(readonly text: LocalizedText) {
    super(`${text.vi}\n${text.en}`);
    this.name = 'TenantSetupRefusal';
  }
}

/** What is wrong with the request before the database is asked; null when it is well formed. */
export function tenantRequestProblem(req: NewTenantRequest): LocalizedText | null {
  if (!TENANT_CODE.test(req.code)) {
    return {
      vi: `Mã đơn vị sử dụng "${req.code}" không hợp lệ: dùng 2–40 chữ thường không dấu, chữ số hoặc gạch ngang (ví dụ hung-yen).`,
      en: `The tenant code "${req.code}" is not valid: use 2–40 lower-case letters, digits or dashes (e.g. hung-yen).`,
    };
  }
  if (req.name.trim().length === 0) return { vi: 'Xin ghi tên đơn vị sử dụng (--name).', en: 'Give the tenant a name (--name).' };
  if (!(TENANT_KINDS as readonly string[]).includes(req.kind)) {
    return {
      vi: `Loại đơn vị sử dụng phải là ${TENANT_KINDS.join(', ')}.`,
      en: `The tenant kind must be one of ${TENANT_KINDS.join(', ')}.`,
    };
  }
  if (req.rootUnit) {
    const { code, name, kind } = req.rootUnit;
    if (!(CURRENT_UNIT_KINDS as readonly string[]).includes(kind)) {
      return {
        vi: `Loại đơn vị gốc phải là ${CURRENT_UNIT_KINDS.join(', ')}.`,
        en: `The root unit's kind must be one of ${CURRENT_UNIT_KINDS.join(', ')}.`,
      };
    }
    const problem = unitCodeProblem(kind, code) ?? parentProblem(kind, null);
    if (problem) return problem;
    if (name.trim().length === 0) return { vi: 'Xin ghi tên đơn vị gốc (--unit-name).', en: 'Give the root unit a name (--unit-name).' };
  }
  const username = adminUsernameFor(req);
  if (!USERNAME_PATTERN.test(username)) {
    return {
      vi: `Tên đăng nhập "${username}" không hợp lệ: dùng 3–64 chữ thường không dấu, chữ số, ".", "_" hoặc "-".`,
      en: `The username "${username}" is not valid: use 3–64 lower-case letters, digits, ".", "_" or "-".`,
    };
  }
  if (req.adminPassword !== undefined && req.adminPassword.length < MIN_PASSWORD) {
    return {
      vi: `Mật khẩu quản trị phải có ít nhất ${MIN_PASSWORD} ký tự (hoặc bỏ --admin-password để tạo tự động).`,
      en: `The admin password needs at least ${MIN_PASSWORD} characters (or leave out --admin-password to have one generated).`,
    };
  }
  return null;
}

export const adminUsernameFor = (req: Pick<NewTenantRequest, 'code' | 'adminUsername'>) => req.adminUsername ?? `admin-${req.code}`;

/**
 * A new tenant ready for its administrator: the tenant, its sectors, this plan year's default
 * targets and the built-in surveys (seedTenant), its root unit if given, and its first admin
 * (scoped to the whole tenant), all in one transaction with the `tenant_created` audit entry.
 * Refuses (TenantSetupRefusal) a bad request, a tenant code in use and a username taken anywhere
 * in the instance.
 */
export async function createTenantWithAdmin(db: Kysely<Database>, req: NewTenantRequest): Promise<CreatedTenant> {
  const problem = tenantRequestProblem(req);
  if (problem) throw new TenantSetupRefusal(problem);
  const username = adminUsernameFor(req);
  const password = req.adminPassword ?? randomPassword();
  const passwordHash = await hashPassword(password);
  try {
    const created = await db.transaction().execute(async (trx) => {
      if (await findTenantByCode(trx, req.code)) throw new TenantSetupRefusal(codeTaken(req.code));
      if (await findUserByUsername(trx, username)) throw new TenantSetupRefusal(usernameTaken(username));
      const tenant = await createTenant(trx, { code: req.code, name: req.name.trim(), kind: req.kind });
      await seedTenant(trx, tenant.id, req.planYear);
      const unit = req.rootUnit
        ? await createUnit(trx, {
            tenant_id: tenant.id,
            parent_id: null,
            code: req.rootUnit.code,
            name: req.rootUnit.name.trim(),
            kind: req.rootUnit.kind,
          })
        : undefined;
      const admin = await createUser(trx, { tenant_id: tenant.id, username, password_hash: passwordHash, role: 'admin' });
      await recordAudit(trx, systemActor(tenant.id), 'tenant_created', `tenant:${tenant.code}`, {
        before: null,
        after: {
          code: tenant.code,
          name: tenant.name,
          kind: tenant.kind,
          planYear: req.planYear,
          rootUnit: unit ? { code: unit.code, name: unit.name, kind: unit.kind } : null,
          admin: username,
        },
        via: 'tenant:create',
      });
      return {
        tenant: { id: tenant.id, code: tenant.code, name: tenant.name, kind: tenant.kind },
        rootUnit: unit ? { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind } : null,
        admin: { id: admin.id, username: admin.username },
      };
    });
    return req.adminPassword === undefined ? { ...created, generatedPassword: password } : created;
  } catch (error) {
    // Two operators at once: the unique constraints decide; the answer is the same refusal.
    if (!(error instanceof TenantSetupRefusal) && isUniqueViolation(error)) {
      throw new TenantSetupRefusal((await findTenantByCode(db, req.code)) ? codeTaken(req.code) : usernameTaken(username));
    }
    throw error;
  }
}

const codeTaken = (code: string): LocalizedText => ({
  vi: `Đã có đơn vị sử dụng mã "${code}". Chọn mã khác; không có gì được tạo.`,
  en: `A tenant with code "${code}" already exists. Choose another code; nothing was created.`,
});

const usernameTaken = (username: string): LocalizedText => ({
  vi: `Tên đăng nhập "${username}" đã có người dùng (tên đăng nhập là duy nhất trong toàn hệ thống). Chọn tên khác với --admin; không có gì được tạo.`,
  en: `The username "${username}" is taken (usernames are unique across the instance). Choose another with --admin; nothing was created.`,
});

const isUniqueViolation = (error: unknown) => (error as { code?: string } | undefined)?.code === '23505';
