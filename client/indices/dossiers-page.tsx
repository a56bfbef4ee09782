import { useState } from 'preact/hooks';
import { formatCount } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { followLink, pageLink } from '../app/links';
import { ErrorBox } from '../app/load-states';
import { RefusedFile } from '../imports/problem-table';
import { sendSheet, SheetFileInput, type SheetOutcome } from '../imports/sheet-upload';
import { DOSSIER_TEMPLATE_URL, importDossiers } from './indices-api';
import type { DossierImportResult } from './indices-types';

/** A dry run is 'checked', a file stored 'imported'. */
type Outcome =
  | Exclude<SheetOutcome<DossierImportResult>, { kind: 'done' }>
  | { kind: 'checked'; result: DossierImportResult }
  | { kind: 'imported'; result: DossierImportResult };

/**
 * One-stop dossiers from the province's export (POST /api/dossiers/import): checked first, then
 * imported, every row or none; a refused file lists each line and column to fix.
 */
export function DossiersPage() {
  const { lang } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    const sent = await sendSheet(() => importDossiers(file, dryRun));
    setBusy(false);
    if (sent?.kind !== 'done') return setOutcome(sent);
    setOutcome({ kind: dryRun ? 'checked' : 'imported', result: sent.result });
  };
  return (
    <section class="panel" aria-labelledby="dossier-import-title">
      <h2 id="dossier-import-title">{t(lang, 'dossierImportTitle')}</h2>
      <p class="muted intro">{t(lang, 'dossierImportIntro')}</p>
      <p>
        <a href={DOSSIER_TEMPLATE_URL} download data-testid="dossier-template">
          {t(lang, 'dossierTemplate')}
        </a>
      </p>
      <form
        class="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
        data-testid="dossier-import-form"
      >
        <div class="form-grid">
          <SheetFileInput
            label={t(lang, 'file')}
            testid="dossier-file"
            onFile={(f) => {
              setFile(f);
              setOutcome(null);
            }}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button secondary" disabled={busy || !file} data-testid="dossier-check">
            {busy ? t(lang, 'working') : t(lang, 'check')}
          </button>
          {outcome?.kind === 'checked' && (
            <button type="button" class="button primary" disabled={busy} onClick={() => void send(false)} data-testid="dossier-run">
              {t(lang, 'doImport')}
            </button>
          )}
        </div>
      </form>
      <div aria-live="polite">{outcome && <Report outcome={outcome} lang={lang} onRetry={() => void send(true)} />}</div>
    </section>
  );
}

function Report({ outcome, lang, onRetry }: { outcome: Outcome; lang: Lang; onRetry: () => void }) {
  if (outcome.kind === 'error') return <ErrorBox message={outcome.message} onRetry={onRetry} />;
  if (outcome.kind === 'rejected')
    return <RefusedFile outcome={outcome} summary="importRejected" caption="problemsCaption" prefix="dossier-import" />;
  const r = outcome.result;
  const fill = {
    r: formatCount(r.rows, lang),
    c: formatCount(r.created, lang),
    u: formatCount(r.updated, lang),
    n: formatCount(r.unchanged, lang),
  };
  const indexHref = pageLink('index766');
  return (
    <div
      data-testid={`dossier-${outcome.kind}`}
      data-rows={r.rows}
      data-created={r.created}
      data-updated={r.updated}
      data-unchanged={r.unchanged}
    >
      <p class="import-ok">
        ✓ <InBothLanguages text={inBothLanguages(outcome.kind === 'checked' ? 'dossierChecked' : 'dossierImported', fill)} />
      </p>
      {outcome.kind === 'imported' && (
        <p>
          <a href={indexHref} onClick={followLink(indexHref)} data-testid="dossier-to-index">
            {t(lang, 'dossierToIndex')}
          </a>
        </p>
      )}
    </div>
  );
}
