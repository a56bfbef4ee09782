import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { readTable, type Table } from './read-table';

const MAX_ROWS = 100_000;
const MAX_NAME = 200;

export interface UploadedTable {
  table: Table;
  /** What makes each of its rows' client keys, so importing the same file twice stores it once. */
  fileKey: string;
  /** The name (a multipart file's, or `?name=` beside a raw body) and size the audit log keeps. */
  file: { name: string; size: number };
}

/** The uploaded file (a CSV or an XLSX: answers, a unit list, a sheet of counters) as a table. */
export async function uploadedTable(c: Context<AppEnv>): Promise<UploadedTable> {
  const { bytes, type, name } = await fileOf(c);
  const table = await readTable(bytes, type).catch(() => {
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
  const fileKey = createHash('sha256').update(bytes).digest('hex').slice(0, 24);
  return { table, fileKey, file: { name: name.slice(0, MAX_NAME), size: bytes.length } };
}

/** The uploaded file: a multipart form's `file` field, or the raw body. */
async function fileOf(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) {
      throw new RequestError(400, { vi: 'Thiếu tệp (trường "file").', en: 'The file is missing (field "file").' });
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file.name };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new RequestError(400, { vi: 'Tệp rỗng.', en: 'The file is empty.' });
  return { bytes, type, name: c.req.query('name') ?? '' };
}
