import type { ComponentChildren } from 'preact';
import type { ActiveCounter } from '../../db/counters';
import { COMMENT_ERROR_KEY, DOSSIER_ERROR_KEY, FORM_ERROR_KEY, SECTOR_ERROR_KEY } from '../../surveys/answers-schema';
import { allQuestionsOf, type Question } from '../../surveys/instrument-schema';
import type { LocalizedText } from '../../surveys/localized-text';
import { answerField, CONSENT_VALUE, EMPTY_VALUES, NO_OPINION_VALUE, type FormValues } from '../../surveys/form-fields';
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
function ContactBlock({
  lang,
  kiosk,
  values,
  error,
}: {
  lang: Lang;
  kiosk: boolean;
  values: FormValues;
  error: LocalizedText | undefined;
}) {
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
        <input
          id="dossierCode"
          type="text"
          name="dossierCode"
          value={values.dossierCode}
          autoComplete="off"
          placeholder="000.00.17.H31-230101-0001"
        />
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

/** What differs between two blank forms of the same counter, language and mode. */
export type BlankFormProps = Omit<SurveyFormProps, 'values' | 'errors'> & { dossierCode: string };

// Stand-ins rendered where the per-request values go, then cut out. Letters, digits and dashes
// only, so the renderer writes them unchanged.
const TOKEN_SLOT = 'hailong-slot-token-5c1e9a';
const CLIENT_KEY_SLOT = 'hailong-slot-client-key-5c1e9a';
const DOSSIER_SLOT = 'hailong-slot-dossier-5c1e9a';
const DOSSIER_ATTRIBUTE = ` value="${DOSSIER_SLOT}"`;

/**
 * The page's text around the token, the client key and the dossier code's value attribute, also
 * kept as UTF-8 so a request encodes only what it fills in (the page is ~20 KB of mostly
 * Vietnamese text: encoding it each time was a good part of what remained).
 */
interface BlankFormTemplate {
  text: readonly [string, string, string, string];
  bytes: readonly [Buffer, Buffer, Buffer, Buffer];
}

// Keyed by the counter object itself: a reloaded counter (after an edit) is a new object, so its
// templates start afresh, and those of a dropped counter go with it.
const templates = new WeakMap<ActiveCounter, Map<string, BlankFormTemplate | null>>();

function blankFormTemplate(props: BlankFormProps): BlankFormTemplate | null {
  const key = `${props.lang}|${props.kiosk}|${props.kioskIntervalSeconds}|${props.kioskIdleSeconds}`;
  let byKey = templates.get(props.counter);
  if (!byKey) templates.set(props.counter, (byKey = new Map()));
  let template = byKey.get(key);
  if (template === undefined) {
    const html = renderSurveyFormPage({
      ...props,
      token: TOKEN_SLOT,
      clientKey: CLIENT_KEY_SLOT,
      values: { ...EMPTY_VALUES, dossierCode: DOSSIER_SLOT },
      errors: {},
    });
    // A counter or survey text that happened to contain a stand-in is rendered in full instead.
    const once = (slot: string) => html.indexOf(slot) >= 0 && html.indexOf(slot) === html.lastIndexOf(slot);
    if (once(TOKEN_SLOT) && once(CLIENT_KEY_SLOT) && once(DOSSIER_SLOT) && once(DOSSIER_ATTRIBUTE)) {
      const [head, rest] = html.split(TOKEN_SLOT) as [string, string];
      const [middle, rest2] = rest.split(CLIENT_KEY_SLOT) as [string, string | undefined];
      const [beforeDossier, tail] = (rest2 ?? '').split(DOSSIER_ATTRIBUTE) as [string, string | undefined];
      const text = [head, middle, beforeDossier, tail ?? ''] as const;
      template =
        rest2 !== undefined && tail !== undefined
          ? { text, bytes: [Buffer.from(head), Buffer.from(middle), Buffer.from(beforeDossier), Buffer.from(tail)] }
          : null;
    } else {
      template = null;
    }
    byKey.set(key, template);
  }
  return template;
}

// The same escaping preact-render-to-string gives an attribute value.
const escapeAttribute = (value: string) =>
  /["&<]/.test(value) ? value.replace(/["&<]/g, (ch) => (ch === '"' ? '&quot;' : ch === '&' ? '&amp;' : '&lt;')) : value;

const blankValues = (dossierCode: string): FormValues => ({ ...EMPTY_VALUES, dossierCode });

// preact writes an empty attribute as a bare name.
const dossierAttribute = (dossierCode: string) => (dossierCode === '' ? ' value' : ` value="${escapeAttribute(dossierCode)}"`);

const templateFor = (props: BlankFormProps) => (props.token && props.clientKey ? blankFormTemplate(props) : null);

/**
 * A blank form, the page almost every scan gets: the counter's page is rendered once per
 * language and mode, and each request only fills in its token, client key and dossier code.
 * The bytes are those of renderSurveyFormPage with empty values (a test holds them equal).
 */
export function renderBlankSurveyFormPage(props: BlankFormProps): string {
  const template = templateFor(props);
  if (!template) return renderSurveyFormPage({ ...props, values: blankValues(props.dossierCode), errors: {} });
  const [a, b, c, d] = template.text;
  return a + escapeAttribute(props.token) + b + escapeAttribute(props.clientKey) + c + dossierAttribute(props.dossierCode) + d;
}

/** The same page as renderBlankSurveyFormPage, as UTF-8 ready to send. */
export function renderBlankSurveyFormPageBytes(props: BlankFormProps): Uint8Array<ArrayBuffer> {
  const template = templateFor(props);
  if (!template) return Buffer.from(renderBlankSurveyFormPage(props));
  const [a, b, c, d] = template.bytes;
  return Buffer.concat([
    a,
    Buffer.from(escapeAttribute(props.token)),
    b,
    Buffer.from(escapeAttribute(props.clientKey)),
    c,
    Buffer.from(dossierAttribute(props.dossierCode)),
    d,
  ]);
}
