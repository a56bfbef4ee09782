import { useState } from 'preact/hooks';
import { t } from '../app/i18n';
import type { Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { previewUrl } from './surveys-api';

/**
 * The citizen page of the saved draft in a frame as wide as a phone, in either language and in
 * kiosk mode or not; `stamp` (the draft's save time) reloads it after each save.
 */
export function SurveyPreview({ surveyKey, stamp, dirty }: { surveyKey: string; stamp: string; dirty: boolean }) {
  const { lang } = useLang();
  const [pageLang, setPageLang] = useState<Lang>('vi');
  const [kiosk, setKiosk] = useState(false);
  const src = previewUrl(surveyKey, pageLang, kiosk, stamp);
  return (
    <section class="panel survey-preview" aria-labelledby="preview-title" data-testid="survey-preview">
      <h2 id="preview-title">{t(lang, 'svPreview')}</h2>
      <p class="muted small">{t(lang, 'svPreviewNote')}</p>
      {dirty && <p class="note">{t(lang, 'svPreviewSaveFirst')}</p>}
      <div class="form-actions">
        <span class="segmented" role="group" aria-label={t(lang, 'svPreviewLang')}>
          {(['vi', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              class="small"
              aria-pressed={pageLang === l}
              onClick={() => setPageLang(l)}
              data-testid={`preview-${l}`}
            >
              {l === 'vi' ? 'Tiếng Việt' : 'English'}
            </button>
          ))}
        </span>
        <label class="inline-check">
          <input type="checkbox" checked={kiosk} onChange={(e) => setKiosk(e.currentTarget.checked)} data-testid="preview-kiosk" />
          {t(lang, 'svPreviewKiosk')}
        </label>
        <a href={src} target="_blank" rel="noopener">
          {t(lang, 'svPreviewOpen')}
        </a>
      </div>
      <div class="preview-frame-box">
        <iframe key={src} class="preview-frame" src={src} title={t(lang, 'svPreviewFrame')} data-testid="preview-frame" />
      </div>
    </section>
  );
}
