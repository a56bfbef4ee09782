import { Hono } from 'hono';
import { z } from 'zod';
import { INDEX_GROUP_BYS } from '../../db/dossier-index';
import { DOSSIER_CHANNELS } from '../../surveys/dossier-input';
import type { AppDeps, AppEnv } from '../http/context';
import { parseQuery } from '../http/parse-query';
import { filterQuery, resolveFilter } from '../http/stats-filter';
import { indexTable } from './index-table';

const indexQuery = z.intersection(
  filterQuery,
  z.object({ groupBy: z.enum(INDEX_GROUP_BYS).default('sector'), dossierChannel: z.enum(DOSSIER_CHANNELS).optional() }),
);

const INDEX_HELP = {
  groupBy: { vi: 'Nhóm theo phải là sector, unit, month hoặc none.', en: '"groupBy" must be sector, unit, month or none.' },
  dossierChannel: { vi: 'Kênh nộp hồ sơ phải là online hoặc in_person.', en: '"dossierChannel" must be online or in_person.' },
};

/** The Decision 766 satisfaction group (R1, R2, R3) and the online-service rate, from dossier rollups. */
export function indexRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/indices/766', async (c) => {
    const q = parseQuery(indexQuery, c.req.query(), INDEX_HELP);
    const filter = { ...(await resolveFilter(db.dbRead, c.get('user'), q)), dossierChannel: q.dossierChannel };
    const table = await indexTable(db.dbRead, filter, q.groupBy);
    return c.json({
      filter: { from: filter.from, to: filter.to, unit: q.unit, sector: q.sector, dossierChannel: q.dossierChannel },
      groupBy: q.groupBy,
      view: { view: q.view ?? 'now', day: filter.view?.day },
      overall: table.overall,
      rows: table.rows,
      open: table.open,
    });
  });
}
