import { useState } from 'preact/hooks';
import { formatCount } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { RefusedFile } from '../imports/problem-table';
import { sendSheet, SheetFileInput, type SheetOutcome } from '../imports/sheet-upload';
import { importFigures } from './reconciliation-api';

type ImportOutcome = SheetOutcome<{ rows: number; created: number; replaced: number }>;

/** A sheet of the portal's figures, all saved or none, with each refused line. */
export function FigureImport({ lang, onSaved }: { lang: Lang; onSaved: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const run = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    const result = await sendSheet(() => importFigures(file));
    setBusy(false);
    setOutcome(result);
    if (result?.kind === 'done') onSaved();
  };
  return (
    <section class="panel" aria-labelledby="recon-import-title">
      <h2 id="recon-import-title">
        <InBothLanguages text={inBothLanguages('reconImportTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'reconImportIntro')}</p>
      <form onSubmit={run} data-testid="recon-import-form">
        <div class="form-grid">
          <SheetFileInput
            label={t(lang, 'reconImportFile')}
            testid="recon-import-file"
            onFile={(f) => {
              setFile(f);
              setOutcome(null);
            }}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={busy || !file} data-testid="recon-import-run">
            {busy ? t(lang, 'working') : t(lang, 'reconImportRun')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {outcome?.kind === 'error' && (
          <p class="form-error" role="alert">
            {outcome.message[lang]}
          </p>
        )}
        {outcome?.kind === 'done' && (
          <p class="import-ok" data-testid="recon-import-done">
            ✓{' '}
            {
              inBothLanguages('reconImportDone', {
                c: formatCount(outcome.result.created, lang),
                u: formatCount(outcome.result.replaced, lang),
              })[lang]
            }
          </p>
        )}
        {outcome?.kind === 'rejected' && (
          <RefusedFile outcome={outcome} summary="reconImportRejected" caption="reconProblemsCaption" prefix="recon-import" />
        )}
      </div>
    </section>
  );
}
