import type { ActiveCounter } from '../../db/counters';
import { DOSSIER_ERROR_KEY, FORM_ERROR_KEY, SECTOR_ERROR_KEY } from '../../surveys/answers-schema';
import { aboutMinutes, minutesToAnswer, questionCount } from '../../surveys/answer-time';
import { isDossierCode, normalizeDossierCode } from '../../surveys/dossier-code';
import { asksDossierCode } from '../../surveys/dossier-field';
import type { SurveyDefinition } from '../../surveys/instrument-schema';
import type { LocalizedText } from '../../surveys/localized-text';
import { CONSENT_VALUE, EMPTY_VALUES, type FormValues } from '../../surveys/form-fields';
import { sectorName } from '../../surveys/sectors';
import { CONTACT_ERROR_KEY } from './contact-request';
import { renderPage } from './page-layout';
import { ErrorText, QuestionsAndComment } from './question-fields';
import { showIfCss } from './show-if-css';
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

/** `&dossier=…` for a well-formed dossier code, else nothing: nothing else a person typed travels in a link. */
function dossierQuery(dossierCode: string): string {
  const dossier = normalizeDossierCode(dossierCode);
  return isDossierCode(dossier) ? `&dossier=${encodeURIComponent(dossier)}` : '';
}

/** The citizen page of a counter in a language, keeping the kiosk mode and a receipt's dossier code. */
export function citizenPageHref(code: string, lang: Lang, kiosk: boolean, dossierCode = ''): string {
  return `/q/${code}?lang=${lang}${kiosk ? '&kiosk=1' : ''}${dossierQuery(dossierCode)}`;
}

function SurveyForm({ counter, lang, kiosk, kioskIntervalSeconds, kioskIdleSeconds, token, clientKey, values, errors }: SurveyFormProps) {
  const def = counter.surveyVersion.definition;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const summary = errors[FORM_ERROR_KEY] ?? errors[TOKEN_ERROR_KEY];
  const hasErrors = Object.keys(errors).length > 0;
  const action = `/q/${counter.code}?lang=${lang}${kiosk ? '&kiosk=1' : ''}`;
  const asksDossier = asksDossierCode(def);
  const length = T.formLength[lang].replace('{q}', String(questionCount(def))).replace('{time}', aboutMinutes(minutesToAnswer(def))[lang]);
  return (
    <>
      <header>
        <div>
          <h1>{def.title[lang]}</h1>
          <p class="where">
            {counter.name} · {counter.unit_name}
          </p>
        </div>
        {/* A link, so the address says the language and a reload asks nothing; the script carries the answers given. */}
        <a
          class="lang"
          href={citizenPageHref(counter.code, other, kiosk, asksDossier ? values.dossierCode : '')}
          hreflang={other}
          lang={other}
        >
          {T.switchTo[lang]}
        </a>
      </header>
      <p>{def.intro[lang]}</p>
      <p class="length">{length}</p>
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
                  {counter.sectorNames?.[s]?.[lang] ?? sectorName(s, lang)}
                </option>
              ))}
            </select>
            <ErrorText id="err-sector" text={errors[SECTOR_ERROR_KEY]} lang={lang} />
          </>
        ) : null}
        <QuestionsAndComment def={def} lang={lang} values={values} errors={errors} />
        <ContactBlock lang={lang} kiosk={kiosk} values={values} error={errors[CONTACT_ERROR_KEY]} />
        {asksDossier ? (
          <>
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
          </>
        ) : null}
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

/** The style that hides each question until its show-if holds (show-if-css.ts), in the page's head; none without show-ifs. */
export function ShowIfStyle({ def }: { def: SurveyDefinition }) {
  const css = showIfCss(def);
  return css ? <style dangerouslySetInnerHTML={{ __html: css }} /> : null;
}

export function renderSurveyFormPage(props: SurveyFormProps): string {
  const def = props.counter.surveyVersion.definition;
  return renderPage(props.lang, def.title[props.lang], <SurveyForm {...props} />, <ShowIfStyle def={def} />);
}

/** What differs between two blank forms of the same counter, language and mode. */
export type BlankFormProps = Omit<SurveyFormProps, 'values' | 'errors'> & { dossierCode: string };

// Stand-ins rendered where the per-request values go, then cut out. Letters, digits, dots and
// dashes only, so the renderer and the URL encoder write them unchanged; the dossier's is a
// well-formed dossier code, so the language link carries it as it would a real one.
const TOKEN_SLOT = 'hailong-slot-token-5c1e9a';
const CLIENT_KEY_SLOT = 'hailong-slot-client-key-5c1e9a';
const DOSSIER_SLOT = 'ZZZ.ZZ.ZZ.Z99-991231-51219500';
const STAND_INS = [TOKEN_SLOT, CLIENT_KEY_SLOT, DOSSIER_SLOT];

/** The places a blank form is filled in, each found in the rendered page by the text around its stand-in. */
type Slot = 'langLink' | 'token' | 'clientKey' | 'dossier';
const MARK: Record<Slot, string> = {
  langLink: `&amp;dossier=${DOSSIER_SLOT}`,
  token: TOKEN_SLOT,
  clientKey: CLIENT_KEY_SLOT,
  dossier: ` value="${DOSSIER_SLOT}"`,
};

/**
 * The page's text between the places it is filled in, in page order, also kept as UTF-8 so a
 * request encodes only what it fills in (the page is ~20 KB of mostly Vietnamese text: encoding
 * it each time was a good part of what remained).
 */
interface BlankFormTemplate {
  slots: readonly Slot[];
  text: readonly string[];
  bytes: readonly Buffer[];
}

// Keyed by the counter object itself: a reloaded counter (after an edit) is a new object, so its
// templates start afresh, and those of a dropped counter go with it.
const templates = new WeakMap<ActiveCounter, Map<string, BlankFormTemplate | null>>();

const occurrences = (html: string, part: string) => html.split(part).length - 1;

/** Cuts the page at each slot's mark; null when a stand-in shows up anywhere else (a counter text holding one). */
function cutAtSlots(html: string, slots: readonly Slot[]): BlankFormTemplate | null {
  const marks = slots.map((slot) => MARK[slot]);
  if (marks.some((mark) => occurrences(html, mark) !== 1)) return null;
  if (STAND_INS.some((standIn) => occurrences(html, standIn) !== marks.filter((mark) => mark.includes(standIn)).length)) return null;
  const ordered = [...slots].sort((a, b) => html.indexOf(MARK[a]) - html.indexOf(MARK[b]));
  const text: string[] = [];
  let from = 0;
  for (const slot of ordered) {
    const at = html.indexOf(MARK[slot], from);
    if (at < 0) return null;
    text.push(html.slice(from, at));
    from = at + MARK[slot].length;
  }
  text.push(html.slice(from));
  return { slots: ordered, text, bytes: text.map((t) => Buffer.from(t)) };
}

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
    const slots: Slot[] = asksDossierCode(props.counter.surveyVersion.definition)
      ? ['langLink', 'token', 'clientKey', 'dossier']
      : ['token', 'clientKey'];
    template = cutAtSlots(html, slots);
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

/** What a request writes into each slot, as the full render would write it there. */
function slotValue(slot: Slot, props: BlankFormProps): string {
  if (slot === 'token') return escapeAttribute(props.token);
  if (slot === 'clientKey') return escapeAttribute(props.clientKey);
  if (slot === 'dossier') return dossierAttribute(props.dossierCode);
  // The end of the language link, as the renderer escapes it in the attribute.
  return escapeAttribute(dossierQuery(props.dossierCode));
}

const templateFor = (props: BlankFormProps) => (props.token && props.clientKey ? blankFormTemplate(props) : null);

/**
 * A blank form, the page almost every scan gets: the counter's page is rendered once per
 * language and mode, and each request only fills in its token, client key and dossier code.
 * The bytes are those of renderSurveyFormPage with empty values (a test holds them equal).
 */
export function renderBlankSurveyFormPage(props: BlankFormProps): string {
  const template = templateFor(props);
  if (!template) return renderSurveyFormPage({ ...props, values: blankValues(props.dossierCode), errors: {} });
  return template.slots.reduce((html, slot, i) => html + slotValue(slot, props) + template.text[i + 1]!, template.text[0]!);
}

/** The same page as renderBlankSurveyFormPage, as UTF-8 ready to send. */
export function renderBlankSurveyFormPageBytes(props: BlankFormProps): Uint8Array<ArrayBuffer> {
  const template = templateFor(props);
  if (!template) return Buffer.from(renderBlankSurveyFormPage(props));
  const parts: Buffer[] = [template.bytes[0]!];
  template.slots.forEach((slot, i) => parts.push(Buffer.from(slotValue(slot, props)), template.bytes[i + 1]!));
  return Buffer.concat(parts);
}
