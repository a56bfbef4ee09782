import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { readTable, type Table } from '../imports/read-table';

const MAX_ROWS = 20_000;
const MAX_NAME = 200;

/**
 * An uploaded unit list (a multipart form's `file`, or the raw body named by `?name=`), read as a
 * table, with the name and size the audit log keeps.
 */
export async function uploadedUnitList(c: Context<AppEnv>): Promise<{ table: Table; file: { name: string; size: number } }> {
  const type = c.req.header('content-type') ?? '';
  let bytes: Uint8Array;
  let name = c.req.query('name') ?? '';
  let fileType = type;
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw new RequestError(400, { vi: 'Thiếu tệp (trường "file").', en: 'The file is missing (field "file").' });
    bytes = new Uint8Array(await file.arrayBuffer());
    name = file.name;
    fileType = file.type;
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  }
  if (bytes.length === 0) throw new RequestError(400, { vi: 'Tệp rỗng.', en: 'The file is empty.' });
  const table = await readTable(bytes, fileType).catch(() => {
    throw new RequestError(400, {
      vi: 'Không đọc được tệp. Xin gửi tệp CSV (UTF-8) hoặc Excel (.xlsx).',
      en: 'The file could not be read. Send a CSV (UTF-8) or an Excel (.xlsx) file.',
    });
  });
  if (table.rows.length > MAX_ROWS) {
    throw new RequestError(413, {
      vi: `Tệp có quá ${MAX_ROWS} dòng; xin chia nhỏ.`,
      en: `More than ${MAX_ROWS} rows; please split the file.`,
    });
  }
  return { table, file: { name: name.slice(0, MAX_NAME), size: bytes.length } };
}
