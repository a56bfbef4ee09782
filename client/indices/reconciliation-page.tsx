import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import type { Meta } from '../app/api-types';
import { inBothLanguages, t } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { localDay } from '../../surveys/time';
import { deleteFigure, fetchReconciliation } from './reconciliation-api';
import { ReasonDossiers } from './reconciliation-dossiers';
import { FigureForm } from './reconciliation-form';
import { FigureImport } from './reconciliation-import';
import { yearRange } from './reconciliation-periods';
import { ReconciliationTable } from './reconciliation-table';
import type { ReasonQuery } from './reconciliation-types';

/**
 * Reconciliation with the national portal: the portal's figures entered or imported, each beside
 * hailong's for the same unit and period, the difference, and the dossiers behind it.
 */
export function ReconciliationPage({ meta }: { meta: Meta | null }) {
  const { lang } = useLang();
  const thisYear = Number(localDay(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const range = yearRange(year);
  const [load, retry] = useApi(() => fetchReconciliation(range.from, range.to), `recon-${year}`);
  const [reason, setReason] = useState<ReasonQuery | null>(null);
  const removal = useAction();
  const remove = async (id: number) => {
    if (!confirm(t(lang, 'reconDeleteConfirm'))) return;
    if ((await removal.run(() => deleteFigure(id))) !== undefined) retry();
  };
  return (
    <>
      <section class="panel" aria-labelledby="recon-table-title">
        <h2 id="recon-table-title">
          <InBothLanguages text={inBothLanguages('reconTableTitle')} />
        </h2>
        <p class="muted intro">{t(lang, 'reconIntro')}</p>
        <div class="form-grid">
          <label>
            <span>{t(lang, 'reconYear')}</span>
            <select value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} data-testid="recon-year">
              {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        </div>
        <LoadView load={load} retry={retry} isEmpty={(d) => d.rows.length === 0} emptyText="reconNone">
          {(data) => <ReconciliationTable rows={data.rows} lang={lang} onReason={setReason} onDelete={(row) => void remove(row.id)} />}
        </LoadView>
        <ActionMessage error={removal.error} done={null} testid="recon-delete" />
      </section>
      {reason && <ReasonDossiers query={reason} lang={lang} onClose={() => setReason(null)} />}
      {meta && <FigureForm lang={lang} units={meta.units.filter((u) => !u.validTo)} year={year} onSaved={retry} />}
      <FigureImport lang={lang} onSaved={retry} />
    </>
  );
}
