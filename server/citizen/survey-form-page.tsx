import type { ComponentChildren } from 'preact';
import type { ActiveCounter } from '../../db/counters';
import { COMMENT_ERROR_KEY, DOSSIER_ERROR_KEY, FORM_ERROR_KEY, SECTOR_ERROR_KEY } from '../../surveys/answers-schema';
import { allQuestionsOf, type LocalizedText, type Question } from '../../surveys/instrument-schema';
import { answerField, CONSENT_VALUE, NO_OPINION_VALUE, type FormValues } from '../../surveys/form-fields';
import { NO_OPINION_LABEL, SCALE_LEVELS } from '../../surveys/scale';
import { sectorName } from '../../surveys/sectors';
import { CONTACT_ERROR_KEY } from './contact-request';
import { renderPage } from './page-layout';
import { TOKEN_ERROR_KEY } from './submit-response';
import { T, type Lang } from './texts';

export interface SurveyFormProps {
  counter: ActiveCounter;
  lang: Lang;
  /** Kiosk mode: a tablet at the counter that resets itself; no way off the form. */
  kiosk: boolean;
  kioskIntervalSeconds: number;
  kioskIdleSeconds: number;
  token: string;
  clientKey: string;
  values: FormValues;
  errors: Record<string, LocalizedText>;
}


/** The small script that adds offline sending and kiosk resets; the form works without it. */
export const ENHANCE_SCRIPT = '/q-assets/citizen.js';

function ErrorText({ id, text, lang }: { id: string; text: LocalizedText | undefined; lang: Lang }) {
  return text ? (
    <p class="err" id={id}>
      {text[lang]}
    </p>
  ) : null;
}

type QuestionProps = { q: Question; lang: Lang; value: string | undefined; error?: LocalizedText | undefined };

/** The frame every question shares: its text as the legend, and the error beside it. */
function QuestionFieldset({ q, lang, error, children }: QuestionProps & { children: ComponentChildren }) {
  const errId = `err-${q.key}`;
  return (
    <fieldset class={error ? 'has-err' : undefined} aria-describedby={error ? errId : undefined}>
      <legend>
        {q.text[lang]} <span class="hint">({q.required ? T.overallHint[lang] : T.optionalHint[lang]})</span>
      </legend>
      {children}
      <ErrorText id={errId} text={error} lang={lang} />
    </fieldset>
  );
}

function ScaleQuestion(props: QuestionProps) {
  const { q, lang, value } = props;
  const name = answerField(q.key);
  return (
    <QuestionFieldset {...props}>
      <div class="scale">
        {SCALE_LEVELS.map((level) => (
          <label class="opt">
            <input type="radio" name={name} value={String(level.value)} checked={value === String(level.value)} required={q.required} />
            <span class="face" aria-hidden="true">
              {level.face}
            </span>
            {level.label[lang]}
          </label>
        ))}
      </div>
      {q.allowNoOpinion && !q.required ? (
        <label class="na">
          <input type="radio" name={name} value={NO_OPINION_VALUE} checked={value === NO_OPINION_VALUE} />
          {NO_OPINION_LABEL[lang]}
        </label>
      ) : null}
    </QuestionFieldset>
  );
}

function OtherQuestion(props: QuestionProps) {
  const { q, lang, value } = props;
  const name = answerField(q.key);
  return (
    <QuestionFieldset {...props}>
      {q.type === 'percent' ? (
        <input type="number" name={name} min={0} max={100} step={1} inputMode="numeric" value={value ?? ''} aria-label={q.text[lang]} />
      ) : (
        (q.options ?? []).map((o) => (
          <label class="choice">
            <input type="radio" name={name} value={String(o.code)} checked={value === String(o.code)} />
            {o.label[lang]}
          </label>
        ))
      )}
    </QuestionFieldset>
  );
}

/**
 * Optional follow-up: a phone number, kept only with the box ticked (never ticked for the person).
 * A shared kiosk tablet must not offer the last person's number, so it gets no autofill.
 */
function ContactBlock({ lang, kiosk, values, error }: { lang: Lang; kiosk: boolean; values: FormValues; error: LocalizedText | undefined }) {
  return (
    <fieldset class={error ? 'has-err' : undefined} aria-describedby={error ? 'err-contact' : undefined}>
      <legend>
        {T.contactLegend[lang]} <span class="hint">({T.optionalHint[lang]})</span>
      </legend>
      <label class="block" for="phone">
        {T.phone[lang]}
      </label>
      <input id="phone" type="tel" name="phone" value={values.phone} maxLength={40} inputMode="tel" autoComplete={kiosk ? 'off' : 'tel'} />
      <label class="choice">
        <input type="checkbox" name="contactConsent" value={CONSENT_VALUE} checked={values.contactConsent} />
        {T.contactConsent[lang]}
      </label>
      <ErrorText id="err-contact" text={error} lang={lang} />
    </fieldset>
  );
}

function SurveyForm({ counter, lang, kiosk, kioskIntervalSeconds, kioskIdleSeconds, token, clientKey, values, errors }: SurveyFormProps) {
  const def = counter.surveyVersion.definition;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const summary = errors[FORM_ERROR_KEY] ?? errors[TOKEN_ERROR_KEY];
  const hasErrors = Object.keys(errors).length > 0;
  const action = `/q/${counter.code}?lang=${lang}${kiosk ? '&kiosk=1' : ''}`;
  return (
    <>
      <header>
        <div>
          <h1>{def.title[lang]}</h1>
          <p class="where">
            {counter.name} · {counter.unit_name}
          </p>
        </div>
        {/* A submit button, not a link: switching language keeps what was already answered. */}
        <button class="lang" type="submit" form="survey" name="switchLang" value={other} formNoValidate lang={other}>
          {T.switchTo[lang]}
        </button>
      </header>
      <p>{def.intro[lang]}</p>
      {hasErrors ? (
        <div class="summary" role="alert">
          <strong>{T.errorSummary[lang]}</strong>
          {summary ? <p>{summary[lang]}</p> : null}
        </div>
      ) : null}
      <form
        id="survey"
        method="post"
        action={action}
        data-counter={counter.code}
        data-lang={lang}
        data-kiosk={kiosk ? String(kioskIntervalSeconds) : undefined}
        data-kiosk-idle={kiosk ? String(kioskIdleSeconds) : undefined}
      >
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="clientKey" value={clientKey} />
        <input type="hidden" name="channel" value={kiosk ? 'kiosk' : 'qr'} />
        {counter.sectors.length > 1 ? (
          <>
            <label class="block" for="sector">
              {T.sector[lang]}
            </label>
            <select id="sector" name="sector">
              {counter.sectors.map((s) => (
                <option value={s} selected={values.sector === s}>
                  {sectorName(s, lang)}
                </option>
              ))}
            </select>
            <ErrorText id="err-sector" text={errors[SECTOR_ERROR_KEY]} lang={lang} />
          </>
        ) : null}
        {allQuestionsOf(def).map((q) =>
          q.type === 'scale5' ? (
            <ScaleQuestion q={q} lang={lang} value={values.answers[q.key]} error={errors[q.key]} />
          ) : (
            <OtherQuestion q={q} lang={lang} value={values.answers[q.key]} error={errors[q.key]} />
          ),
        )}
        <label class="block" for="comment">
          {def.comment.label[lang]} <span class="hint">({T.optionalHint[lang]})</span>
        </label>
        <textarea id="comment" name="comment" maxLength={def.comment.maxLength}>
          {values.comment}
        </textarea>
        <ErrorText id="err-comment" text={errors[COMMENT_ERROR_KEY]} lang={lang} />
        <ContactBlock lang={lang} kiosk={kiosk} values={values} error={errors[CONTACT_ERROR_KEY]} />
        <label class="block" for="dossierCode">
          {T.dossierCode[lang]}
        </label>
        <input id="dossierCode" type="text" name="dossierCode" value={values.dossierCode} autoComplete="off" placeholder="000.00.17.H31-230101-0001" />
        <ErrorText id="err-dossier" text={errors[DOSSIER_ERROR_KEY]} lang={lang} />
        <button type="submit">{T.send[lang]}</button>
        <p id="status" class="status" role="status" aria-live="polite"></p>
        <p class="privacy">
          {T.privacy[lang]} {T.retention[lang].replace('{n}', String(counter.retention_months))}
        </p>
      </form>
      <script src={ENHANCE_SCRIPT} defer />
    </>
  );
}

export function renderSurveyFormPage(props: SurveyFormProps): string {
  return renderPage(props.lang, props.counter.surveyVersion.definition.title[props.lang], <SurveyForm {...props} />);
}
