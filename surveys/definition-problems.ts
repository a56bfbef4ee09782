import type { z } from 'zod';
import { surveyDefinitionSchema, type SurveyDefinition } from './instrument-schema';
import type { LocalizedText } from './localized-text';

/** One thing wrong with a survey definition, at a path such as `factors.0.items.2.text.vi`. */
export interface DefinitionProblem {
  path: string;
  message: LocalizedText;
}

export type DefinitionCheck = { ok: true; definition: SurveyDefinition } | { ok: false; problems: DefinitionProblem[] };

/**
 * Checks a definition (from the designer or an imported file) with the same schema the built-in
 * instruments are parsed by, and says what is wrong field by field in both languages.
 */
export function checkDefinition(input: unknown): DefinitionCheck {
  const parsed = surveyDefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issueText(issue) })) };
}

// The schema's own English messages that come from a pattern, with their Vietnamese.
const PATTERN_WORDS: Record<string, string> = {
  'question keys are lower_snake_case': 'Mã câu hỏi chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ.',
  'survey keys are lower-case letters, digits and dashes, starting with a letter':
    'Mã phiếu chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ.',
  'question keys are at most 40 characters': 'Mã câu hỏi dài tối đa 40 ký tự.',
  'survey keys are at most 40 characters': 'Mã phiếu dài tối đa 40 ký tự.',
  'Vietnamese text is required': 'Cần có nội dung tiếng Việt.',
};

function issueText(issue: z.core.$ZodIssue): LocalizedText {
  const own = PATTERN_WORDS[issue.message];
  if (own) return { vi: own, en: capital(issue.message) + '.' };
  switch (issue.code) {
    case 'custom': {
      const vi = (issue.params as { vi?: unknown } | undefined)?.vi;
      return { vi: typeof vi === 'string' ? vi : issue.message, en: issue.message };
    }
    case 'invalid_type':
      return issue.input === undefined
        ? { vi: 'Thiếu mục bắt buộc.', en: 'This field is required.' }
        : { vi: `Sai kiểu dữ liệu: cần ${typeWord(issue.expected).vi}.`, en: `Wrong type: expected ${typeWord(issue.expected).en}.` };
    case 'too_small':
      if (issue.origin === 'string') return { vi: 'Không được để trống.', en: 'Must not be empty.' };
      if (issue.origin === 'array') return { vi: `Cần ít nhất ${issue.minimum} mục.`, en: `Needs at least ${issue.minimum}.` };
      return { vi: `Nhỏ nhất là ${issue.minimum}.`, en: `The smallest allowed is ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'array') return { vi: `Nhiều nhất ${issue.maximum} mục.`, en: `At most ${issue.maximum}.` };
      return { vi: `Lớn nhất là ${issue.maximum}.`, en: `The largest allowed is ${issue.maximum}.` };
    case 'invalid_value': {
      const list = issue.values.map(String).join(', ');
      return { vi: `Giá trị không hợp lệ; chọn một trong: ${list}.`, en: `Not an allowed value; choose one of: ${list}.` };
    }
    default:
      return { vi: `Giá trị không hợp lệ (${issue.message}).`, en: capital(issue.message) + '.' };
  }
}

function typeWord(expected: string): LocalizedText {
  if (expected === 'string') return { vi: 'chữ', en: 'text' };
  if (expected === 'number' || expected === 'int') return { vi: 'số', en: 'a number' };
  if (expected === 'boolean') return { vi: 'đúng/sai', en: 'true or false' };
  if (expected === 'array') return { vi: 'danh sách', en: 'a list' };
  if (expected === 'object') return { vi: 'một nhóm mục', en: 'an object' };
  return { vi: expected, en: expected };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
