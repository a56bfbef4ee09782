import { sql, type Kysely } from 'kysely';
import { OPEN_CASE_STATUSES } from '../surveys/case-states';
import type { Database } from './types';

export interface NewSubscription {
  tenant_id: number;
  unit_id: number;
  user_id: number | null;
  email: string;
  mode: 'immediate' | 'digest';
  quiet_from: number | null;
  quiet_to: number | null;
}

export async function insertSubscription(db: Kysely<Database>, s: NewSubscription) {
  return db
    .insertInto('alert_subscriptions')
    .values(s)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'unit_id', 'email'])
        .doUpdateSet({ mode: s.mode, quiet_from: s.quiet_from, quiet_to: s.quiet_to, user_id: s.user_id }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listSubscriptions(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('alert_subscriptions as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('users as us', 'us.id', 's.user_id')
    .select([
      's.id',
      's.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      's.user_id',
      'us.username',
      's.email',
      's.mode',
      's.quiet_from',
      's.quiet_to',
      's.created_at',
    ])
    .where('s.tenant_id', '=', tenantId)
    .orderBy('s.id')
    .execute();
}

export async function deleteSubscription(db: Kysely<Database>, tenantId: number, id: number): Promise<boolean> {
  const row = await db
    .deleteFrom('alert_subscriptions')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The addresses of the tenant's active administrators who gave one on their account (migration 0020). */
export async function listTenantAdminEmails(db: Kysely<Database>, tenantId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('email', 'is not', null)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email!);
}

export async function listTenantIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('tenants').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Cases not answered whose due time has passed: the overdue alert. */
export async function listOverdueCases(db: Kysely<Database>, tenantId: number, now: Date) {
  return db
    .selectFrom('cases as c')
    .innerJoin('units as u', (j) => j.on(sql<boolean>`u.id = coalesce(c.assigned_unit_id, c.unit_id)`))
    .select(['c.id', 'c.status', 'c.due_at', 'c.created_at', 'u.id as unit_id', 'u.name as unit_name', 'u.path as unit_path'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.status', 'in', [...OPEN_CASE_STATUSES])
    .where('c.due_at', '<', now)
    .execute();
}

/** True only the first time this alert identity is seen. */
export async function raiseAlert(db: Kysely<Database>, tenantId: number, alertKey: string, at: Date): Promise<boolean> {
  const row = await db
    .insertInto('raised_alerts')
    .values({ tenant_id: tenantId, alert_key: alertKey, raised_at: at })
    .onConflict((oc) => oc.columns(['tenant_id', 'alert_key']).doNothing())
    .returning('alert_key')
    .executeTakeFirst();
  return row !== undefined;
}

/** One row per subscriber of the unit or of a unit above it; none twice (unique key). */
export async function queueAlertForSubscribers(
  db: Kysely<Database>,
  alert: { tenantId: number; key: string; kind: string; unitId: number; unitPath: string; summary: unknown; at: Date },
): Promise<void> {
  const subs = await db
    .selectFrom('alert_subscriptions as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select('s.id')
    .where('s.tenant_id', '=', alert.tenantId)
    .where(sql<boolean>`${alert.unitPath} like u.path || '%'`)
    .execute();
  if (subs.length === 0) return;
  await db
    .insertInto('alert_notifications')
    .values(
      subs.map((s) => ({
        tenant_id: alert.tenantId,
        subscription_id: s.id,
        alert_key: alert.key,
        kind: alert.kind,
        unit_id: alert.unitId,
        summary: JSON.stringify(alert.summary),
        found_at: alert.at,
      })),
    )
    .onConflict((oc) => oc.columns(['subscription_id', 'alert_key']).doNothing())
    .execute();
}

export async function listUnsent(db: Kysely<Database>) {
  return db
    .selectFrom('alert_notifications as n')
    .innerJoin('alert_subscriptions as s', 's.id', 'n.subscription_id')
    .select(['n.id', 'n.kind', 'n.summary', 'n.found_at', 's.id as subscription_id', 's.email', 's.mode', 's.quiet_from', 's.quiet_to'])
    .where('n.sent_at', 'is', null)
    .orderBy('n.id')
    .execute();
}

/** Puts rows back as unsent when the mail server refused them. */
export async function markUnsent(db: Kysely<Database>, ids: number[]): Promise<void> {
  await db.updateTable('alert_notifications').set({ sent_at: null }).where('id', 'in', ids).execute();
}

/**
 * Takes for sending those of these rows still unsent, marking them sent in one conditional
 * statement: of two processes (or passes) asking at once, each row goes to exactly one. Returns
 * the ids this call took; the caller sends those only.
 */
export async function takeUnsent(db: Kysely<Database>, ids: number[], at: Date): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('alert_notifications')
    .set({ sent_at: at })
    .where('id', 'in', ids)
    .where('sent_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
