import { useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import type { LocalizedText } from '../app/api-types';
import { formatCount } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { LOGIN_PATH } from '../app/links';
import { navigate } from '../app/router';
import { messageOf } from '../app/use-api';
import { problemsOf } from '../imports/import-file';
import { importUnitList } from './units-api';
import type { UnitImportProblem, UnitImportResult } from './units-types';

import { RefusedFile } from '../imports/problem-table';

/** A whole unit list imported at once, and its report: the counts, or each refused line. */
type ImportOutcome =
  | { kind: 'done'; result: UnitImportResult }
  | { kind: 'rejected'; rows: number; problems: UnitImportProblem[] }
  | { kind: 'error'; message: LocalizedText };

export function ImportUnits({ lang, onSaved }: { lang: Lang; onSaved: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importUnitList(file);
      setOutcome({ kind: 'done', result });
      onSaved();
    } catch (err) {
      const problems = err instanceof ApiError && err.status === 422 ? problemsOf(err.body) : null;
      if (err instanceof ApiError && err.status === 401) navigate(LOGIN_PATH, { replace: true });
      else if (problems)
        setOutcome({ kind: 'rejected', rows: Number((err as ApiError & { body: { rows?: number } }).body?.rows ?? 0), problems });
      else setOutcome({ kind: 'error', message: messageOf(err) });
    } finally {
      setBusy(false);
    }
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
          <label>
            <span>{t(lang, 'unitImportFile')}</span>
            <input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setOutcome(null);
              }}
              required
              data-testid="unit-import-file"
            />
          </label>
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
