/**
 * The citizen form's fields and the JSON submission they become. Shared by the server (which reads
 * the form when JavaScript is off) and the enhancement script (which sends the same answers as
 * JSON), so both say the same thing in the same words.
 */

/** The value of the "Không ý kiến" (no opinion) radio button. */
export const NO_OPINION_VALUE = 'na';

export const answerField = (key: string) => `q.${key}`;

/** A multiple-choice question sends one box per option: `q.<key>.<code>`, ticked or absent. */
export const optionField = (key: string, code: number) => `q.${key}.${code}`;

/** The value a ticked option box sends. */
export const TICKED_VALUE = '1';

/** What the person typed or picked so far, as the form sent it back. */
export interface FormValues {
  answers: Record<string, string>;
  comment: string;
  dossierCode: string;
  sector: string;
  /** A phone number to be called back on, and whether its consent box is ticked (never by default). */
  phone: string;
  contactConsent: boolean;
}

export const EMPTY_VALUES: FormValues = { answers: {}, comment: '', dossierCode: '', sector: '', phone: '', contactConsent: false };

/** The value the consent checkbox sends when ticked. */
export const CONSENT_VALUE = 'yes';

/**
 * Turns the HTML form's fields into the JSON submission shape. Values stay as given when they are
 * not whole numbers, so the validator can name exactly what is wrong.
 */
export function formFieldsToSubmission(
  fields: Record<string, string>,
  /** Keys of the short-text questions: "123" typed there is the text "123", not a number. */
  textKeys: ReadonlySet<string> = new Set(),
): {
  values: FormValues;
  envelope: Record<string, unknown>;
} {
  const answerTexts: Record<string, string> = {};
  const answers: Record<string, unknown> = {};
  const ticked: Record<string, number[]> = {};
  for (const [name, raw] of Object.entries(fields)) {
    if (!name.startsWith('q.')) continue;
    const key = name.slice(2);
    const text = raw.trim();
    if (text === '') continue;
    answerTexts[key] = text;
    const box = /^([a-z][a-z0-9_]*)\.(\d+)$/.exec(key);
    if (box) (ticked[box[1]!] ??= []).push(Number(box[2]));
    else if (textKeys.has(key)) answers[key] = text;
    else answers[key] = text === NO_OPINION_VALUE ? null : /^-?\d+$/.test(text) ? Number(text) : text;
  }
  // Options ticked say more than a "no opinion" ticked beside them.
  for (const [key, codes] of Object.entries(ticked)) answers[key] = codes;
  const values: FormValues = {
    answers: answerTexts,
    comment: fields.comment ?? '',
    dossierCode: fields.dossierCode ?? '',
    sector: fields.sector ?? '',
    phone: fields.phone ?? '',
    contactConsent: fields.contactConsent === CONSENT_VALUE,
  };
  return {
    values,
    envelope: {
      clientKey: fields.clientKey,
      token: fields.token,
      answers,
      comment: values.comment,
      dossierCode: values.dossierCode,
      ...(values.sector ? { sector: values.sector } : {}),
      // Only when a number was typed: consent alone says nothing and is not sent.
      ...(values.phone.trim() ? { contact: { phone: values.phone, consent: values.contactConsent } } : {}),
      channel: fields.channel === 'kiosk' ? 'kiosk' : 'qr',
    },
  };
}
