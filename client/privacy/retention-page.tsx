import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import type { LocalizedText } from '../app/api-types';
import { localDay } from '../../surveys/time';
import { formatCount, formatDay } from '../app/format';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { InBothLanguages } from '../app/in-both-languages';
import { useLang } from '../app/lang-context';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { applyRetention, fetchRetention, previewRetention } from './privacy-api';
import type { RetentionPreview } from './privacy-types';

/** The period as the server takes it: a whole number of months from 1 to 120, or null. */
export function monthsOf(text: string): number | null {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= 1 && n <= 120 ? n : null;
}

/** The current period and what it reaches now, read together. */
const loadCurrent = async () => {
  const { months } = await fetchRetention();
  return previewRetention(months);
};

/**
 * Retention: the period in force and the day it reaches back to; a new period is previewed (how
 * many answers and phone numbers it would clear at once) and applied only once confirmed.
 */
export function RetentionPage() {
  const { lang } = useLang();
  const [current, retry] = useApi(loadCurrent, 'retention');
  // Kept here, so the note of what was removed stays while the page reads the new period.
  const [applied, setApplied] = useState<LocalizedText | null>(null);
  return (
    <section class="panel" aria-labelledby="retention-title">
      <h2 id="retention-title">
        <InBothLanguages text={inBothLanguages('retentionTitle')} />
      </h2>
      <p class="muted intro">{t(lang, 'retentionIntro')}</p>
      <LoadView load={current} retry={retry}>
        {(now) => (
          <>
            <div class="retention-now" data-testid="retention-now" data-months={now.months}>
              <p class="record-title">
                <InBothLanguages text={inBothLanguages('retentionNow', { m: String(now.months) })} />
              </p>
              <p>{inBothLanguages('retentionCutoff', { d: formatDay(localDay(new Date(now.cutoff)), lang) })[lang]}</p>
              <p class="muted" data-testid="retention-pending">
                {inBothLanguages('retentionPending', { r: formatCount(now.responses, lang), c: formatCount(now.contacts, lang) })[lang]}
              </p>
            </div>
            <RetentionChange
              key={now.months}
              months={now.months}
              lang={lang}
              onApplied={(note) => {
                setApplied(note);
                retry();
              }}
            />
          </>
        )}
      </LoadView>
      <ActionMessage error={null} done={applied} testid="retention-applied" />
    </section>
  );
}

interface ChangeProps {
  months: number;
  lang: Lang;
  onApplied: (note: LocalizedText) => void;
}

function RetentionChange({ months, lang, onApplied }: ChangeProps) {
  const [text, setText] = useState(String(months));
  const [bad, setBad] = useState(false);
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const action = useAction();
  const ask = async (e: Event) => {
    e.preventDefault();
    const wanted = monthsOf(text);
    setBad(wanted === null);
    setPreview(null);
    if (wanted === null) return;
    const seen = await action.run(() => previewRetention(wanted));
    if (seen) setPreview(seen);
  };
  const confirm = async () => {
    if (!preview) return;
    const saved = await action.run(() => applyRetention(preview.months));
    if (!saved) return;
    const removed = saved.applied ?? { responses: 0, contacts: 0 };
    setPreview(null);
    onApplied(
      inBothLanguages('retentionApplied', {
        m: String(saved.months),
        r: formatCount(removed.responses, lang),
        c: formatCount(removed.contacts, lang),
      }),
    );
  };
  return (
    <form class="retention-change" onSubmit={ask} noValidate data-testid="retention-form">
      <label>
        <span>{t(lang, 'retentionMonths')}</span>
        <input
          type="number"
          name="months"
          inputMode="numeric"
          min={1}
          max={120}
          step={1}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setPreview(null);
          }}
          aria-invalid={bad}
          aria-describedby={bad ? 'months-error' : undefined}
          data-testid="retention-months"
        />
        {bad && (
          <span id="months-error" class="field-error">
            {t(lang, 'retentionBadMonths')}
          </span>
        )}
      </label>
      <button type="submit" class="button secondary" disabled={action.busy} data-testid="retention-preview">
        {t(lang, 'retentionPreview')}
      </button>
      {preview && (
        <div class="confirm-box" role="alertdialog" aria-labelledby="retention-will-remove" data-testid="retention-confirm-box">
          <p
            id="retention-will-remove"
            data-testid="retention-will-remove"
            data-responses={preview.responses}
            data-contacts={preview.contacts}
          >
            {
              inBothLanguages('retentionWillRemove', {
                m: String(preview.months),
                r: formatCount(preview.responses, lang),
                c: formatCount(preview.contacts, lang),
                d: formatDay(localDay(new Date(preview.cutoff)), lang),
              })[lang]
            }
          </p>
          <span class="row-actions">
            <button type="button" class="button primary" onClick={confirm} disabled={action.busy} data-testid="retention-confirm">
              {t(lang, 'retentionConfirm')}
            </button>
            <button type="button" class="button secondary" onClick={() => setPreview(null)} disabled={action.busy}>
              {t(lang, 'cancel')}
            </button>
          </span>
        </div>
      )}
      <ActionMessage error={action.error} done={action.done} testid="retention" />
    </form>
  );
}
