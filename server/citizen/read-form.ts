import type { FormValues } from './survey-form-page';
import { NO_OPINION_VALUE } from './survey-form-page';

/**
 * Turns the HTML form's fields into the JSON submission shape. Values stay as given when they are
 * not numbers, so the validator can name exactly what is wrong.
 */
export function readForm(fields: Record<string, string>): {
  values: FormValues;
  envelope: Record<string, unknown>;
} {
  const answerTexts: Record<string, string> = {};
  const answers: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(fields)) {
    if (!name.startsWith('q.')) continue;
    const key = name.slice(2);
    const text = raw.trim();
    if (text === '') continue;
    answerTexts[key] = text;
    answers[key] = text === NO_OPINION_VALUE ? null : /^-?\d+$/.test(text) ? Number(text) : text;
  }
  const values: FormValues = {
    answers: answerTexts,
    comment: fields.comment ?? '',
    dossierCode: fields.dossierCode ?? '',
    sector: fields.sector ?? '',
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
      channel: 'qr',
    },
  };
}
