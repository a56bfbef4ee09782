import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import type { LocalizedText } from '../app/api-types';
import { LOGIN_PATH } from '../app/links';
import { navigate } from '../app/router';
import { messageOf } from '../app/use-api';
import { saveBlob, streamDownload, type DownloadProgress } from './download';

export type DownloadState =
  | { kind: 'idle' }
  | { kind: 'running'; name: string; progress: DownloadProgress; headerRows: number }
  | { kind: 'done'; filename: string; bytes: number; records: number | null; headerRows: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: LocalizedText };

export interface DownloadRequest {
  url: string;
  /** What the progress line calls the file before its real name is known. */
  name: string;
  fallbackName: string;
  /** Count CSV records, and how many of them are header rows (1, or 2 with Vietnamese labels). */
  csvHeaderRows?: number;
}

// Re-rendering on every chunk would cost more than the download; a few times a second is plenty.
const REPAINT_MS = 120;

/** One export at a time: start, watch the bytes (and CSV rows) arrive, cancel, then save under the server's name. */
export function useDownload() {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async (req: DownloadRequest) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({
      kind: 'running',
      name: req.name,
      progress: { bytes: 0, records: req.csvHeaderRows === undefined ? null : 0 },
      headerRows: req.csvHeaderRows ?? 0,
    });
    let painted = 0;
    try {
      const file = await streamDownload(req.url, {
        signal: controller.signal,
        countCsv: req.csvHeaderRows !== undefined,
        fallbackName: req.fallbackName,
        onProgress: (progress) => {
          const now = Date.now();
          if (now - painted < REPAINT_MS) return;
          painted = now;
          setState({ kind: 'running', name: req.name, progress, headerRows: req.csvHeaderRows ?? 0 });
        },
      });
      if (controller.signal.aborted) return;
      saveBlob(file.blob, file.filename);
      setState({ kind: 'done', filename: file.filename, bytes: file.bytes, records: file.records, headerRows: req.csvHeaderRows ?? 0 });
    } catch (err) {
      if (controller.signal.aborted) {
        setState({ kind: 'cancelled' });
      } else if (err instanceof ApiError && err.status === 401) {
        navigate(LOGIN_PATH, { replace: true });
      } else {
        setState({ kind: 'error', message: messageOf(err) });
      }
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const cancel = () => abort.current?.abort();
  return { state, start, cancel };
}
