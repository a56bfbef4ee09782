import type { Context } from 'hono';
import type { z } from 'zod';
import type { LocalizedText } from '../../surveys/localized-text';
import { RequestError } from './errors';
import { assertNoNul } from './nul-bytes';

/** Reads a JSON body and checks it against a schema; every failure is a 4xx a person can act on. */
export async function parseJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const raw = await readJson(c);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, LocalizedText> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.') || '_form';
      fields[key] ??= { vi: `Giá trị không hợp lệ: ${issue.message}`, en: issue.message };
    }
    throw new RequestError(422, { vi: 'Dữ liệu gửi lên chưa đúng.', en: 'The request body is not valid.' }, fields);
  }
  assertNoNul(parsed.data);
  return parsed.data;
}

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new RequestError(415, {
      vi: 'Yêu cầu phải gửi dữ liệu dạng JSON (Content-Type: application/json).',
      en: 'Send the body as JSON (Content-Type: application/json).',
    });
  }
  try {
    return await c.req.json();
  } catch {
    throw new RequestError(400, {
      vi: 'Không đọc được dữ liệu JSON gửi lên. Xin kiểm tra lại cú pháp.',
      en: 'The JSON body could not be parsed. Check its syntax.',
    });
  }
}
