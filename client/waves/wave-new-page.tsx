import { useState } from 'preact/hooks';
import { localDay } from '../../surveys/time';
import { ApiError } from '../app/api';
import type { LocalizedText, Meta } from '../app/api-types';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { followLink, pagePath, wavePath } from '../app/links';
import { navigate } from '../app/router';
import { inSectorOrder } from '../app/sector-display';
import { SURVEY_OPTIONS } from '../app/survey-options';
import { messageOf } from '../app/use-api';
import { StrataEditor } from './strata-editor';
import { checkDraft, type DraftErrors, type WaveDraft } from './wave-draft';
import { createWave } from './waves-api';

/** The long SIPAS form is what sociological waves use (docs/domain.md §3); the others are there for health and schools. */
const WAVE_SURVEYS = ['sipas-counter', 'sipas-counter-short', 'health-outpatient', 'education'];

/** Sets up a wave: name, survey, period, margin and strata with their populations; the server stores it as one. */
export function WaveNewPage({ meta }: { meta: Meta | null }) {
  const { lang } = useLang();
  const today = localDay(new Date());
  const [draft, setDraft] = useState<WaveDraft>({
    name: '',
    survey: 'sipas-counter',
    sector: 'other',
    from: today,
    to: today,
    margin: '5',
    strata: [],
  });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverFields, setServerFields] = useState<Record<string, LocalizedText>>({});
  const [failure, setFailure] = useState<LocalizedText | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<WaveDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const surveys = WAVE_SURVEYS.map((key) => ({
    key,
    name: meta?.surveys?.find((s) => s.key === key)?.title ?? SURVEY_OPTIONS.find((s) => s.key === key)?.name ?? { vi: key, en: key },
  }));
  const sectors = inSectorOrder(
    (meta?.sectors ?? []).map((s) => ({ ...s, key: s.code })),
    meta,
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = checkDraft(draft);
    setServerFields({});
    setFailure(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      // Focus goes to the first field to fix, so a keyboard user lands where the work is.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.wave-form [aria-invalid="true"], .wave-form .form-error')?.focus?.(),
      );
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { id } = await createWave(checked.wave);
      navigate(wavePath(id));
    } catch (err) {
      const fields = err instanceof ApiError ? ((err.body as { fields?: Record<string, LocalizedText> } | null)?.fields ?? {}) : {};
      setServerFields(fields);
      setFailure(messageOf(err));
      setBusy(false);
    }
  };

  const fieldError = (key: 'name' | 'from' | 'margin' | 'survey') => {
    const local = key === 'survey' ? undefined : errors[key];
    const text = local ? t(lang, local) : serverFields[key]?.[lang];
    return text ? (
      <span class="field-error" id={`${key}-error`}>
        {text}
      </span>
    ) : null;
  };
  const invalid = (key: 'name' | 'from' | 'margin' | 'survey') =>
    (key !== 'survey' && errors[key]) || serverFields[key] ? true : undefined;

  return (
    <form class="panel wave-form" onSubmit={submit} noValidate data-testid="wave-form">
      <p>
        <a href={pagePath('waves')} onClick={followLink(pagePath('waves'))}>
          {t(lang, 'backToWaves')}
        </a>
      </p>
      <p class="muted intro">{t(lang, 'wavesIntro')}</p>
      <div class="form-grid">
        <label>
          <span>{t(lang, 'waveName')}</span>
          <input
            name="name"
            value={draft.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
            aria-invalid={invalid('name')}
            aria-describedby="name-error"
            required
            maxLength={200}
          />
          {fieldError('name')}
        </label>
        <label>
          <span>{t(lang, 'survey')}</span>
          <select
            name="survey"
            value={draft.survey}
            onChange={(e) => set({ survey: e.currentTarget.value })}
            aria-invalid={invalid('survey')}
          >
            {surveys.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name[lang]}
              </option>
            ))}
          </select>
          {fieldError('survey')}
        </label>
        <label>
          <span>{t(lang, 'sector')}</span>
          <select name="sector" value={draft.sector} onChange={(e) => set({ sector: e.currentTarget.value })}>
            {sectors.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name[lang]}
              </option>
            ))}
            {!sectors.some((s) => s.code === 'other') && <option value="other">other</option>}
          </select>
        </label>
        <label>
          <span>{t(lang, 'from')}</span>
          <input
            type="date"
            name="from"
            value={draft.from}
            onInput={(e) => set({ from: e.currentTarget.value })}
            aria-invalid={invalid('from')}
            aria-describedby="from-error"
            required
          />
          {fieldError('from')}
        </label>
        <label>
          <span>{t(lang, 'to')}</span>
          <input type="date" name="to" value={draft.to} min={draft.from} onInput={(e) => set({ to: e.currentTarget.value })} required />
        </label>
        <label>
          <span>{t(lang, 'margin')}</span>
          <input
            name="margin"
            inputMode="decimal"
            value={draft.margin}
            onInput={(e) => set({ margin: e.currentTarget.value })}
            aria-invalid={invalid('margin')}
            aria-describedby="margin-hint margin-error"
          />
          <span class="muted small" id="margin-hint">
            {t(lang, 'marginHint')}
          </span>
          {fieldError('margin')}
        </label>
      </div>
      <StrataEditor
        units={meta?.units ?? []}
        strata={draft.strata}
        margin={draft.margin}
        errors={errors}
        lang={lang}
        onChange={(strata) => set({ strata })}
      />
      {serverFields.strata && <p class="form-error">{serverFields.strata[lang]}</p>}
      {(failure || Object.keys(errors).length > 0) && (
        <p class="form-error" role="alert" data-testid="wave-form-error">
          {failure ? failure[lang] : t(lang, 'fixFields')}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={busy} data-testid="create-wave">
          {busy ? t(lang, 'creating') : t(lang, 'createWave')}
        </button>
      </div>
    </form>
  );
}
