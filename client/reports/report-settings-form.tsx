import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import { inBothLanguages, type StringKey } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { fetchReportSettings, saveReportSettings, type ReportSettings } from './report-settings-api';

type LineKey = Exclude<keyof ReportSettings, 'recipients'>;

const FIELDS: readonly { key: LineKey; label: StringKey; required: boolean; max: number }[] = [
  { key: 'superiorAgency', label: 'rsSuperiorAgency', required: false, max: 120 },
  { key: 'agency', label: 'rsAgency', required: true, max: 120 },
  { key: 'numberSuffix', label: 'rsNumberSuffix', required: true, max: 30 },
  { key: 'place', label: 'rsPlace', required: true, max: 60 },
  { key: 'signerAuthority', label: 'rsSignerAuthority', required: false, max: 60 },
  { key: 'signerTitle', label: 'rsSignerTitle', required: true, max: 60 },
  { key: 'signerName', label: 'rsSignerName', required: false, max: 80 },
];

/** Who issues and signs the Word report (Decree 30/2020): a province-wide administrator's settings, audited. */
export function ReportSettingsPanel() {
  const [load, retry] = useApi(fetchReportSettings, 'report-settings');
  return (
    <details class="panel report-settings" data-testid="report-settings">
      <summary>
        <InBothLanguages text={inBothLanguages('rsTitle')} />
      </summary>
      <LoadView load={load} retry={retry}>
        {(settings) => <SettingsForm key={JSON.stringify(settings)} settings={settings} />}
      </LoadView>
    </details>
  );
}

function SettingsForm({ settings }: { settings: ReportSettings }) {
  const [s, setS] = useState(settings);
  const [recipients, setRecipients] = useState(settings.recipients.join('\n'));
  const action = useAction();
  const save = async (e: Event) => {
    e.preventDefault();
    const lines = recipients
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const saved = await action.run(() => saveReportSettings({ ...s, recipients: lines }), inBothLanguages('rsSaved'));
    if (saved) {
      setS(saved);
      setRecipients(saved.recipients.join('\n'));
    }
  };
  return (
    <form onSubmit={save} data-testid="report-settings-form">
      <p class="muted intro">
        <InBothLanguages text={inBothLanguages('rsIntro')} />
      </p>
      <div class="form-grid">
        {FIELDS.map((f) => (
          <label key={f.key}>
            <InBothLanguages text={inBothLanguages(f.label)} />
            <input
              name={f.key}
              value={s[f.key]}
              required={f.required}
              maxLength={f.max}
              onInput={(e) => setS({ ...s, [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
        <label>
          <InBothLanguages text={inBothLanguages('rsRecipients')} />
          <textarea name="recipients" rows={4} value={recipients} onInput={(e) => setRecipients(e.currentTarget.value)} />
        </label>
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={action.busy} data-testid="report-settings-save">
          <InBothLanguages text={inBothLanguages('rsSave')} />
        </button>
      </div>
      <ActionMessage error={action.error} done={action.done} testid="report-settings" />
    </form>
  );
}
