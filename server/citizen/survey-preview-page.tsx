import { FORM_ERROR_KEY } from '../../surveys/answers-schema';
import { aboutMinutes, minutesToAnswer, questionCount } from '../../surveys/answer-time';
import { EMPTY_VALUES, type FormValues } from '../../surveys/form-fields';
import type { SurveyDefinition } from '../../surveys/instrument-schema';
import type { LocalizedText } from '../../surveys/localized-text';
import { renderPage } from './page-layout';
import { QuestionsAndComment } from './question-fields';
import { ShowIfStyle } from './survey-form-page';
import { T, type Lang } from './texts';

export const PREVIEW_TEXTS = {
  banner: { vi: 'Xem trước — không lưu', en: 'Preview — nothing is stored' },
  thanksTitle: { vi: 'Xem trước', en: 'Preview' },
  thanks: {
    vi: 'Đây là bản xem trước: câu trả lời hợp lệ và không được lưu.',
    en: 'This is a preview: the answers are valid and were not stored.',
  },
  back: { vi: 'Xem lại phiếu', en: 'Back to the form' },
} satisfies Record<string, LocalizedText>;

export interface SurveyPreviewProps {
  /** A definition that passed surveyDefinitionSchema. */
  definition: SurveyDefinition;
  lang: Lang;
  kiosk: boolean;
  /** Where the form posts its answers: the caller's preview route. */
  action: string;
  values?: FormValues;
  errors?: Record<string, LocalizedText>;
}

/** Both languages of the banner, the page's first: whoever designs the form may test either. */
function PreviewBanner({ lang }: { lang: Lang }) {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return (
    <p class="preview" role="note">
      {PREVIEW_TEXTS.banner[lang]} <span lang={other}>/ {PREVIEW_TEXTS.banner[other]}</span>
    </p>
  );
}

/**
 * A survey definition as the citizen page shows it, for its designer: the same questions, show-if
 * style and texts, with no counter, token or script (nothing is queued or sent on its own), and a
 * banner saying nothing is stored. The caller mounts it and validates what it posts.
 */
function SurveyPreview({ definition: def, lang, kiosk, action, values = EMPTY_VALUES, errors = {} }: SurveyPreviewProps) {
  const summary = errors[FORM_ERROR_KEY];
  const length = T.formLength[lang].replace('{q}', String(questionCount(def))).replace('{time}', aboutMinutes(minutesToAnswer(def))[lang]);
  return (
    <>
      <PreviewBanner lang={lang} />
      <header>
        <div>
          <h1>{def.title[lang]}</h1>
        </div>
      </header>
      <p>{def.intro[lang]}</p>
      <p class="length">{length}</p>
      {Object.keys(errors).length > 0 ? (
        <div class="summary" role="alert">
          <strong>{T.errorSummary[lang]}</strong>
          {summary ? <p>{summary[lang]}</p> : null}
        </div>
      ) : null}
      <form id="survey-preview" method="post" action={action} data-lang={lang}>
        <input type="hidden" name="channel" value={kiosk ? 'kiosk' : 'qr'} />
        <QuestionsAndComment def={def} lang={lang} values={values} errors={errors} />
        <button type="submit">{T.send[lang]}</button>
      </form>
    </>
  );
}

export function renderSurveyPreviewPage(props: SurveyPreviewProps): string {
  const title = `${PREVIEW_TEXTS.banner[props.lang]} · ${props.definition.title[props.lang]}`;
  return renderPage(props.lang, title, <SurveyPreview {...props} />, <ShowIfStyle def={props.definition} />);
}

/** What a preview's valid answers get instead of thanks: they were checked, and not stored. */
export function previewThanksPage(lang: Lang, backHref?: string): string {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return renderPage(
    lang,
    PREVIEW_TEXTS.thanksTitle[lang],
    <div class="done" role="status">
      <PreviewBanner lang={lang} />
      <p>{PREVIEW_TEXTS.thanks[lang]}</p>
      <p class="hint" lang={other}>
        {PREVIEW_TEXTS.thanks[other]}
      </p>
      {backHref ? <a href={backHref}>{PREVIEW_TEXTS.back[lang]}</a> : null}
    </div>,
  );
}
