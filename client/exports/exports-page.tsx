import { useState } from 'preact/hooks';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { codebookPageUrl, exportUrl, EXPORT_FORMATS, type ExportFormat } from '../app/links';
import type { PageProps } from '../dashboard/page-props';
import { DownloadStatus } from './download-status';
import { useDownload } from './use-download';

/**
 * The current filter as a file to take away: CSV, Excel, SPSS or the codebook. Each streams from
 * the server; the page shows what has arrived, lets the analyst cancel, and saves under the
 * server's file name.
 */
export function ExportsPage({ filter }: PageProps) {
  const { lang } = useLang();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [labels, setLabels] = useState(false);
  const [codes, setCodes] = useState(false);
  const download = useDownload();
  const running = download.state.kind === 'running';
  const headerRows = labels ? 2 : 1;

  const start = (e: Event) => {
    e.preventDefault();
    const url = exportUrl(format, filter, { labels, codes });
    void download.start({
      url,
      name: t(lang, `format_${format}`),
      fallbackName: `hailong-${filter.from}-${filter.to}.${format === 'codebook' ? 'json' : format}`,
      ...(format === 'csv' ? { csvHeaderRows: headerRows } : {}),
    });
  };

  return (
    <section class="panel" aria-labelledby="exports-title">
      <h2 id="exports-title">{t(lang, 'exportsTitle')}</h2>
      <p class="muted intro">{t(lang, 'exportsIntro')}</p>
      <form class="export-form" onSubmit={start} data-testid="export-form">
        <fieldset class="choice-list">
          <legend>{t(lang, 'format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f}>
              <input
                type="radio"
                name="format"
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
                data-testid={`format-${f}`}
              />
              {t(lang, `format_${f}`)}
            </label>
          ))}
        </fieldset>
        {format === 'csv' && (
          <fieldset class="choice-list">
            <legend>{t(lang, 'csvOptions')}</legend>
            <label>
              <input
                type="checkbox"
                name="labels"
                checked={labels}
                onChange={(e) => setLabels(e.currentTarget.checked)}
                data-testid="csv-labels"
              />
              {t(lang, 'csvLabels')}
            </label>
            <label>
              <input
                type="checkbox"
                name="codes"
                checked={codes}
                onChange={(e) => setCodes(e.currentTarget.checked)}
                data-testid="csv-codes"
              />
              {t(lang, 'csvCodes')}
            </label>
          </fieldset>
        )}
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={running} data-testid="start-download">
            {t(lang, 'startDownload')}
          </button>
          <a class="button secondary" href={codebookPageUrl(filter)} target="_blank" rel="noopener" data-testid="codebook-page">
            {t(lang, 'codebookPage')} <span class="visually-hidden">{t(lang, 'opensNewTab')}</span>
          </a>
        </div>
      </form>
      <DownloadStatus state={download.state} onCancel={download.cancel} />
    </section>
  );
}
