import { ApiError, NETWORK_ERROR } from '../app/api';
import type { LocalizedText } from '../app/api-types';
import { filenameOf } from './content-disposition';
import { csvRecordCounter } from './csv-record-counter';

export interface DownloadProgress {
  bytes: number;
  /** CSV only: records received so far, header rows included. */
  records: number | null;
}

export interface Downloaded {
  blob: Blob;
  filename: string;
  bytes: number;
  records: number | null;
}

const UNREADABLE: LocalizedText = {
  vi: 'Máy chủ ngừng gửi tệp giữa chừng. Xin tải lại.',
  en: 'The server stopped sending the file midway. Please download again.',
};

/**
 * Fetches an export and reads its body as it streams (the server sends no Content-Length), so
 * the page can show how much has arrived and cancel at any moment. The chunks become one Blob;
 * an aborted download throws the AbortError the caller asked for.
 */
export async function streamDownload(
  url: string,
  options: { signal: AbortSignal; countCsv?: boolean; fallbackName: string; onProgress: (p: DownloadProgress) => void },
): Promise<Downloaded> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', signal: options.signal });
  } catch (err) {
    if (options.signal.aborted) throw err;
    throw new ApiError(0, NETWORK_ERROR);
  }
  if (!res.ok) {
    const json: unknown = await res.json().catch(() => null);
    const message = (json as { message?: LocalizedText } | null)?.message;
    throw new ApiError(res.status, message && typeof message.vi === 'string' ? message : UNREADABLE, json);
  }
  const counter = options.countCsv ? csvRecordCounter() : null;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = res.body?.getReader();
  if (reader) {
    try {
      for (;;) {
        if (options.signal.aborted) {
          await reader.cancel().catch(() => {});
          throw new DOMException('The download was cancelled.', 'AbortError');
        }
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.length;
        counter?.push(value);
        options.onProgress({ bytes, records: counter ? counter.records : null });
      }
    } catch (err) {
      if (options.signal.aborted) throw err;
      throw new ApiError(0, UNREADABLE);
    }
  }
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks as BlobPart[], { type }),
    filename: filenameOf(res.headers.get('Content-Disposition'), options.fallbackName),
    bytes,
    records: counter ? counter.records : null,
  };
}

/** Hands a finished download to the browser's own "save" under its name, then frees the memory. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns; a minute is far more than they need.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
