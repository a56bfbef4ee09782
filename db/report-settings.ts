import type { Kysely } from 'kysely';
import type { ReportSettings } from '../surveys/report-settings';
import type { Database } from './types';

/** The tenant's saved report settings, or undefined when none were saved (the caller takes the defaults). */
export async function savedReportSettings(db: Kysely<Database>, tenantId: number): Promise<ReportSettings | undefined> {
  const row = await db.selectFrom('report_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return undefined;
  return {
    agency: row.agency,
    superiorAgency: row.superior_agency,
    numberSuffix: row.number_suffix,
    place: row.place,
    signerAuthority: row.signer_authority,
    signerTitle: row.signer_title,
    signerName: row.signer_name,
    recipients: row.recipients,
  };
}

export async function saveReportSettings(db: Kysely<Database>, tenantId: number, s: ReportSettings): Promise<void> {
  const values = {
    agency: s.agency,
    superior_agency: s.superiorAgency,
    number_suffix: s.numberSuffix,
    place: s.place,
    signer_authority: s.signerAuthority,
    signer_title: s.signerTitle,
    signer_name: s.signerName,
    recipients: s.recipients,
    updated_at: new Date(),
  };
  await db
    .insertInto('report_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}
