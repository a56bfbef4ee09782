import { useState } from 'preact/hooks';
import { formatCount } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { RefusedFile } from '../imports/problem-table';
import { sendSheet, SheetFileInput, type SheetOutcome } from '../imports/sheet-upload';
import { importUnitList } from './units-api';
import type { UnitImportResult } from './units-types';

/** A whole unit list imported at once, and its report: the counts, or each refused line. */
type ImportOutcome = SheetOutcome<UnitImportResult>;

export function ImportUnits({ lang, onSaved }: { lang: Lang; onSaved: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    const outcome = await sendSheet(() => importUnitList(file));
    setBusy(false);
    setOutcome(outcome);
    if (outcome?.kind === 'done') onSaved();
  };
  return (
    <section class="panel" aria-labelledby="unit-import-title">
      <h2 id="unit-import-title">
        <InBothLanguages text={inBothLanguages('unitImportTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'unitImportIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
        data-testid="unit-import-form"
      >
        <div class="form-grid">
          <SheetFileInput
            label={t(lang, 'unitImportFile')}
            testid="unit-import-file"
            onFile={(f) => {
              setFile(f);
              setOutcome(null);
            }}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={busy || !file} data-testid="unit-import-run">
            {busy ? t(lang, 'working') : t(lang, 'unitImportRun')}
          </button>
        </div>
      </form>
      <div aria-live="polite">{outcome && <ImportReport outcome={outcome} lang={lang} />}</div>
    </section>
  );
}

function ImportReport({ outcome, lang }: { outcome: ImportOutcome; lang: Lang }) {
  if (outcome.kind === 'error')
    return (
      <p class="form-error" role="alert">
        {outcome.message[lang]}
      </p>
    );
  if (outcome.kind === 'done') {
    const r = outcome.result;
    const fill = {
      r: formatCount(r.rows, lang),
      c: formatCount(r.created, lang),
      u: formatCount(r.updated, lang),
      s: formatCount(r.unchanged, lang),
    };
    return (
      <p class="import-ok" data-testid="unit-import-done" data-created={r.created} data-updated={r.updated} data-unchanged={r.unchanged}>
        ✓ <InBothLanguages text={inBothLanguages('unitImportDone', fill)} />
      </p>
    );
  }
  return <RefusedFile outcome={outcome} summary="unitImportRejected" caption="unitProblemsCaption" prefix="unit-import" />;
}
