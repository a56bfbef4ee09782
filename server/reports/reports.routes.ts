import { Hono } from 'hono';
import { recordAudit } from '../audit/record-audit';
import type { AppDeps, AppEnv } from '../http/context';
import { parseJsonBody } from '../http/json-body';
import { parseQuery } from '../http/parse-query';
import { saveReportSettings } from '../../db/report-settings';
import { reportSettingsSchema } from '../../surveys/report-settings';
import { assertTenantWideAdmin, DOCX_QUERY_HELP, docxQuery, reportSettingsOf } from './report-settings';
import { periodicReport } from './report-data';
import { renderReportPage } from './report-page';
import { reportDocx } from './report-docx';
import { reportWorkbook } from './report-workbook';
import { periodOfQuery, reportQuery } from './report-period';

/**
 * Periodic reports (docs/domain.md §7): `GET /api/reports` as JSON, `GET /reports/print` as a
 * printable A4 page, `GET /api/reports/report.xlsx` as a workbook, `GET /api/reports/report.docx` as a
 * Word document to sign (its issuer and signer: `GET/PUT /api/reports/settings`, administrators). All take kind (q1, h1, q3, m9, year, custom), year or from/to, and unit.
 */
export function reportRoutes({ db }: AppDeps) {
  const build = async (user: AppEnv['Variables']['user'], query: Record<string, string>) => {
    const q = parseQuery(reportQuery, query);
    return { q, report: await periodicReport(db.dbRead, user, periodOfQuery(q), { unit: q.unit, view: q.view, asOf: q.asOf }) };
  };
  return {
    api: new Hono<AppEnv>()
      .get('/reports', async (c) => c.json((await build(c.get('user'), c.req.query())).report))
      .get('/reports/report.xlsx', async (c) => {
        const { q, report } = await build(c.get('user'), c.req.query());
        await recordAudit(db, c.get('user'), 'report_downloaded', 'report.xlsx', {
          kind: report.period.kind,
          from: report.period.from,
          to: report.period.to,
          unit: q.unit ?? null,
        });
        const name = `hailong-bao-cao-${report.period.from}-${report.period.to}.xlsx`;
        return c.body(await reportWorkbook(report), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="${name}"`,
        });
      })
      .get('/reports/report.docx', async (c) => {
        const { number } = parseQuery(docxQuery, c.req.query(), DOCX_QUERY_HELP);
        const { q, report } = await build(c.get('user'), c.req.query());
        await recordAudit(db, c.get('user'), 'report_downloaded', 'report.docx', {
          kind: report.period.kind,
          from: report.period.from,
          to: report.period.to,
          unit: q.unit ?? null,
          number: number ?? null,
        });
        const name = `hailong-bao-cao-${report.period.from}-${report.period.to}.docx`;
        const settings = await reportSettingsOf(db.dbRead, c.get('user'));
        return c.body(await reportDocx({ report, settings, number, day: new Date() }), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'Content-Disposition': `attachment; filename="${name}"`,
        });
      })
      .get('/reports/settings', async (c) => c.json(await reportSettingsOf(db.dbRead, c.get('user'))))
      .put('/reports/settings', async (c) => {
        const user = c.get('user');
        assertTenantWideAdmin(user);
        const body = await parseJsonBody(c, reportSettingsSchema);
        const before = await reportSettingsOf(db.dbWrite, user);
        await saveReportSettings(db.dbWrite, user.tenant_id, body);
        await recordAudit(db, user, 'report_settings_changed', null, { from: before, to: body });
        return c.json(body);
      }),
    pages: new Hono<AppEnv>().get('/print', async (c) => {
      const { q, report } = await build(c.get('user'), c.req.query());
      const { lang: _lang, ...period } = c.req.query();
      const query = new URLSearchParams(period).toString();
      return c.html(renderReportPage(report, q.lang, `/api/reports/report.xlsx?${query}`, `/api/reports/report.docx?${query}`));
    }),
  };
}
