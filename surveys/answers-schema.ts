import { z } from 'zod';
import {
  allQuestionsOf,
  DEFAULT_TEXT_LENGTH,
  isAsked,
  type Answers,
  type AnswerValue,
  type Question,
  type SurveyDefinition,
} from './instrument-schema';
import type { LocalizedText } from './localized-text';
import { isDossierCode, normalizeDossierCode } from './dossier-code';
import { isSectorCodeShape } from './sectors';
import { SCALE_MAX, SCALE_MIN } from './scale';
import { cleanText } from './clean-text';

/**
 * Keys of errors that are not about one question. Question keys start with a letter, so these
 * `_`-prefixed keys can never collide with one.
 */
export const FORM_ERROR_KEY = '_form';
export const COMMENT_ERROR_KEY = '_comment';
export const SECTOR_ERROR_KEY = '_sector';
export const DOSSIER_ERROR_KEY = '_dossier_code';

export type ValidationErrors = Record<string, LocalizedText>;
export type AnswersResult = { ok: true; answers: Answers } | { ok: false; errors: ValidationErrors };

// Messages tell the respondent what to do next, not what went wrong inside.
const MESSAGES = {
  notAnObject: {
    vi: 'Không đọc được các câu trả lời. Xin tải lại trang và gửi lại.',
    en: 'The answers could not be read. Please reload the page and submit again.',
  },
  unknownQuestion: {
    vi: 'Câu hỏi này không có trong phiếu khảo sát. Xin tải lại trang để có phiếu mới nhất.',
    en: 'This question is not part of the survey. Please reload the page to get the current form.',
  },
  required: { vi: 'Xin trả lời câu hỏi này.', en: 'Please answer this question.' },
  noOpinionNotAllowed: {
    vi: 'Câu hỏi này cần một mức đánh giá; không chọn được "Không ý kiến".',
    en: 'This question needs a rating; "No opinion" is not available here.',
  },
  scale5: {
    vi: `Xin chọn một mức từ ${SCALE_MIN} (Rất không hài lòng) đến ${SCALE_MAX} (Rất hài lòng).`,
    en: `Please choose a level from ${SCALE_MIN} (very dissatisfied) to ${SCALE_MAX} (very satisfied).`,
  },
  scale3: {
    vi: 'Xin chọn một mức: 1 (Không hài lòng), 2 (Hài lòng) hoặc 3 (Rất hài lòng).',
    en: 'Please choose a level: 1 (dissatisfied), 2 (satisfied) or 3 (very satisfied).',
  },
  text: { vi: 'Xin nhập câu trả lời bằng chữ.', en: 'Please type your answer as text.' },
  percent: {
    vi: 'Xin nhập một số nguyên từ 0 đến 100.',
    en: 'Please enter a whole number from 0 to 100.',
  },
  sector: {
    vi: 'Lĩnh vực không hợp lệ. Xin chọn lại lĩnh vực trong danh sách.',
    en: 'Unknown sector. Please choose a sector from the list.',
  },
  dossierCode: {
    vi: 'Mã hồ sơ không đúng dạng. Xin nhập như trên Giấy tiếp nhận, ví dụ 000.00.17.H31-230101-0001.',
    en: 'The dossier code is not in the expected form. Enter it as printed on the receipt, e.g. 000.00.17.H31-230101-0001.',
  },
  commentType: {
    vi: 'Không đọc được góp ý. Xin nhập lại.',
    en: 'The comment could not be read. Please type it again.',
  },
} as const satisfies Record<string, LocalizedText>;

/** A comment over the survey's limit is refused, never cut: the respondent decides what to leave out. */
export function commentTooLong(maxLength: number, length: number): LocalizedText {
  return {
    vi: `Góp ý dài ${length} ký tự, quá giới hạn ${maxLength} ký tự. Xin rút gọn rồi gửi lại.`,
    en: `The comment is ${length} characters long, over the limit of ${maxLength}. Please shorten it and send again.`,
  };
}

function choiceMessage(q: Question): LocalizedText {
  const opts = q.options ?? [];
  const list = (lang: 'vi' | 'en') => opts.map((o) => `${o.code} (${o.label[lang]})`).join('; ');
  return q.type === 'multi'
    ? { vi: `Xin đánh dấu một hoặc nhiều phương án: ${list('vi')}.`, en: `Please tick one or more of the options: ${list('en')}.` }
    : { vi: `Xin chọn một trong các phương án: ${list('vi')}.`, en: `Please choose one of the options: ${list('en')}.` };
}

function textTooLong(maxLength: number, length: number): LocalizedText {
  return {
    vi: `Câu trả lời dài ${length} ký tự, quá giới hạn ${maxLength} ký tự. Xin rút gọn.`,
    en: `The answer is ${length} characters long, over the limit of ${maxLength}. Please shorten it.`,
  };
}

type Checked = { value: Exclude<AnswerValue, null> } | { error: LocalizedText } | { empty: true };

/** A non-null value as stored when it fits the question, else why not. A blank text or no box ticked is no answer. */
function checkValue(q: Question, v: unknown): Checked {
  const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  const isOption = (x: unknown) => isInt(x) && (q.options ?? []).some((o) => o.code === x);
  switch (q.type) {
    case 'scale5':
      return isInt(v) && v >= SCALE_MIN && v <= SCALE_MAX ? { value: v } : { error: MESSAGES.scale5 };
    case 'scale3':
      return isInt(v) && v >= 1 && v <= 3 ? { value: v } : { error: MESSAGES.scale3 };
    case 'percent':
      return isInt(v) && v >= 0 && v <= 100 ? { value: v } : { error: MESSAGES.percent };
    case 'choice':
      return isOption(v) ? { value: v as number } : { error: choiceMessage(q) };
    case 'multi': {
      // One ticked box may arrive as a bare code; the same code twice counts once.
      const list = Array.isArray(v) ? v : [v];
      if (!list.every(isOption)) return { error: choiceMessage(q) };
      const codes = [...new Set(list as number[])].sort((a, b) => a - b);
      return codes.length === 0 ? { empty: true } : { value: codes };
    }
    case 'text': {
      if (typeof v !== 'string') return { error: MESSAGES.text };
      const text = cleanText(v);
      const max = q.maxLength ?? DEFAULT_TEXT_LENGTH;
      if (text === '') return { empty: true };
      return text.length > max ? { error: textTooLong(max, text.length) } : { value: text };
    }
  }
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const proto: unknown = Object.getPrototypeOf(raw);
  return proto === Object.prototype || proto === null;
}

const questionMaps = new WeakMap<SurveyDefinition, ReadonlyMap<string, Question>>();

function questionsByKey(def: SurveyDefinition): ReadonlyMap<string, Question> {
  let map = questionMaps.get(def);
  if (!map) questionMaps.set(def, (map = new Map(allQuestionsOf(def).map((q) => [q.key, q] as const))));
  return map;
}

/**
 * Check a respondent's answers against one survey version. Null means "Không ý kiến"; an absent
 * key (or an explicit undefined) means unanswered. A question whose show-if does not hold was not
 * asked: whatever came for it is dropped (a form without script shows every question) and it is
 * never required. Every problem is reported at once, keyed by question, so the form can mark all
 * of them in one round trip.
 */
export function validateAnswers(def: SurveyDefinition, raw: unknown): AnswersResult {
  if (!isPlainObject(raw)) return { ok: false, errors: { [FORM_ERROR_KEY]: MESSAGES.notAnObject } };

  const questions = questionsByKey(def);
  // A Map, not an object: a key such as "__proto__" must be reported, not assigned as a prototype.
  const errors = new Map<string, LocalizedText>();
  const answers: Answers = {};

  for (const key of Object.keys(raw)) {
    if (!questions.has(key)) errors.set(key, MESSAGES.unknownQuestion);
  }
  for (const [key, q] of questions) {
    if (!isAsked(q, answers)) continue;
    const v = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (v === null) {
      if (q.allowNoOpinion) answers[key] = null;
      else errors.set(key, MESSAGES.noOpinionNotAllowed);
      continue;
    }
    const checked: Checked = v === undefined ? { empty: true } : checkValue(q, v);
    if ('error' in checked) {
      errors.set(key, checked.error);
    } else if ('empty' in checked) {
      if (q.required) errors.set(key, MESSAGES.required);
    } else {
      answers[key] = checked.value;
    }
  }

  return errors.size > 0 ? { ok: false, errors: Object.fromEntries(errors) } : { ok: true, answers };
}

/** A comment is cleaned as every typed text is (surveys/clean-text.ts). */
export const cleanComment = cleanText;

/**
 * cleanComment, then cut to maxLength UTF-16 units — the unit the HTML maxlength attribute counts —
 * without splitting an emoji's surrogate pair (for notes; a respondent's comment over its limit is
 * refused instead, see buildSubmissionSchema).
 */
export function normalizeComment(s: string, maxLength: number): string {
  let out = cleanComment(s);
  if (out.length > maxLength) {
    let cut = Math.max(0, maxLength);
    const last = out.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
    out = out.slice(0, cut).trimEnd();
  }
  return out;
}

/**
 * The zod schema of a whole submission for one survey version. Answers are checked by
 * validateAnswers; each problem becomes an issue whose path ends in the error key and whose params
 * carry the Vietnamese and English message (see submissionErrors). An empty comment becomes
 * undefined so "no comment" is stored one way only; one longer than the survey's limit (counted
 * after cleaning, in the units of the form's maxlength) is refused with the limit, never cut.
 */
export function buildSubmissionSchema(def: SurveyDefinition) {
  return z.object({
    answers: z.unknown().transform((raw, ctx) => {
      const r = validateAnswers(def, raw);
      if (r.ok) return r.answers;
      for (const [key, msg] of Object.entries(r.errors)) {
        ctx.addIssue({ code: 'custom', message: msg.en, path: [key], params: { errorKey: key, message: msg }, input: raw });
      }
      return z.NEVER;
    }),
    comment: z
      .string({ error: MESSAGES.commentType.en })
      .optional()
      .transform((s, ctx) => {
        const c = s === undefined ? '' : cleanComment(s);
        if (c.length > def.comment.maxLength) {
          const message = commentTooLong(def.comment.maxLength, c.length);
          ctx.addIssue({ code: 'custom', message: message.en, params: { errorKey: COMMENT_ERROR_KEY, message }, input: s });
          return z.NEVER;
        }
        return c === '' ? undefined : c;
      }),
    sector: z
      .string()
      .optional()
      .refine((s) => s === undefined || isSectorCodeShape(s), {
        message: MESSAGES.sector.en,
        params: { errorKey: SECTOR_ERROR_KEY, message: MESSAGES.sector },
      }),
    dossierCode: z
      .string()
      .optional()
      .transform((s) => (s === undefined ? '' : normalizeDossierCode(s)))
      .refine((s) => s === '' || isDossierCode(s), {
        message: MESSAGES.dossierCode.en,
        params: { errorKey: DOSSIER_ERROR_KEY, message: MESSAGES.dossierCode },
      })
      .transform((s) => (s === '' ? undefined : s)),
  });
}

export type Submission = z.output<ReturnType<typeof buildSubmissionSchema>>;
export type SubmissionResult = { ok: true; submission: Submission } | { ok: false; errors: ValidationErrors };

const TOP_LEVEL_ERROR_KEYS: Record<string, string> = {
  comment: COMMENT_ERROR_KEY,
  sector: SECTOR_ERROR_KEY,
  dossierCode: DOSSIER_ERROR_KEY,
};

// Building a zod schema costs far more than using it (zod compiles a fast path per schema), and a
// survey version's definition is one object for as long as its counter is cached: build once each.
const submissionSchemas = new WeakMap<SurveyDefinition, ReturnType<typeof buildSubmissionSchema>>();

function submissionSchemaFor(def: SurveyDefinition) {
  let schema = submissionSchemas.get(def);
  if (!schema) submissionSchemas.set(def, (schema = buildSubmissionSchema(def)));
  return schema;
}

/** Parse a submission and return errors in the same {vi, en} per-key shape as validateAnswers. */
export function validateSubmission(def: SurveyDefinition, raw: unknown): SubmissionResult {
  const parsed = submissionSchemaFor(def).safeParse(raw);
  if (parsed.success) return { ok: true, submission: parsed.data };
  const errors: ValidationErrors = {};
  for (const issue of parsed.error.issues) {
    const params = (issue as { params?: { errorKey?: string; message?: LocalizedText } }).params;
    const top = String(issue.path[0] ?? '');
    const key = params?.errorKey ?? TOP_LEVEL_ERROR_KEYS[top] ?? FORM_ERROR_KEY;
    const msg =
      params?.message ??
      (key === COMMENT_ERROR_KEY
        ? MESSAGES.commentType
        : key === SECTOR_ERROR_KEY
          ? MESSAGES.sector
          : key === DOSSIER_ERROR_KEY
            ? MESSAGES.dossierCode
            : MESSAGES.notAnObject);
    errors[key] ??= msg;
  }
  return { ok: false, errors };
}
