import { formatBytes, formatCount } from '../app/format';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import type { DownloadState } from './use-download';

/**
 * How far a streamed download has come. The server sends no length, so the bar is indeterminate
 * and the figures say what has arrived: bytes, and for CSV the data rows (headers left out).
 */
export function DownloadStatus({ state, onCancel }: { state: DownloadState; onCancel: () => void }) {
  const { lang } = useLang();
  return (
    <div class="download-status" aria-live="polite">
      {state.kind === 'running' && (
        <div
          class="download-progress"
          data-testid="download-progress"
          data-bytes={state.progress.bytes}
          data-rows={rowsOf(state.progress.records, state.headerRows) ?? ''}
        >
          <span>
            {t(lang, 'downloading')} {state.name}… {t(lang, 'received')} {formatBytes(state.progress.bytes, lang)}
            {state.progress.records !== null &&
              `, ${formatCount(rowsOf(state.progress.records, state.headerRows)!, lang)} ${t(lang, 'rowsWord')}`}
          </span>
          <progress aria-label={t(lang, 'downloading')} />
          <button type="button" class="button secondary" onClick={onCancel} data-testid="download-cancel">
            {t(lang, 'cancel')}
          </button>
        </div>
      )}
      {state.kind === 'done' && (
        <p
          class="download-done"
          data-testid="download-done"
          data-filename={state.filename}
          data-bytes={state.bytes}
          data-rows={rowsOf(state.records, state.headerRows) ?? ''}
        >
          ✓ {t(lang, 'downloadDone')}: <strong>{state.filename}</strong> ({formatBytes(state.bytes, lang)}
          {state.records !== null && `, ${formatCount(rowsOf(state.records, state.headerRows)!, lang)} ${t(lang, 'rowsWord')}`})
        </p>
      )}
      {state.kind === 'cancelled' && (
        <p class="muted" data-testid="download-cancelled">
          {t(lang, 'downloadCancelled')}
        </p>
      )}
      {state.kind === 'error' && (
        <p class="form-error" role="alert" data-testid="download-error">
          {t(lang, 'downloadFailed')}: {state.message[lang]}
        </p>
      )}
    </div>
  );
}

/** Data rows: records minus the header row(s); never below zero while the header is still arriving. */
export function rowsOf(records: number | null, headerRows: number): number | null {
  return records === null ? null : Math.max(0, records - headerRows);
}
