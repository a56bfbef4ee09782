import { allQuestionsOf, type Question, type SurveyDefinition } from './instrument-schema';
import type { LocalizedText } from './localized-text';
import { CHANNEL_NAMES, CHANNELS } from './channels';
import { NO_OPINION_LABEL, SCALE_LEVELS } from './scale';
import { SECTORS } from './sectors';

/**
 * The variables of an export of responses — names, labels, value labels and missing-value codes —
 * shared by every format (CSV, XLSX, SPSS) and published as the codebook, so a sociologist reads
 * the same thing whichever file they open.
 */
export interface CodebookValue {
  code: number | string;
  label: LocalizedText;
}

export interface CodebookVariable {
  /** Column / SPSS variable name: letters, digits and _ only, starting with a letter, at most 64 bytes. */
  name: string;
  label: LocalizedText;
  type: 'numeric' | 'string';
  /** For strings: the widest value, in bytes of UTF-8 (SPSS needs it up front). */
  width?: number;
  values?: CodebookValue[];
  /** Codes that mean "no valid answer" (e.g. no opinion): kept in the data, left out of analysis. */
  missing?: CodebookValue[];
  /** Which survey versions ask it (questions only). */
  surveys?: { key: string; version: number }[];
  question?: { key: string; type: Question['type'] };
}

/** The code written for "Không ý kiến" (no opinion); chosen outside each question's valid range. */
export function noOpinionCode(q: Pick<Question, 'type'>): number {
  if (q.type === 'percent') return 999;
  if (q.type === 'choice') return 99;
  return 9;
}

const CHANNEL_LABELS: CodebookValue[] = CHANNELS.map((code) => ({ code, label: CHANNEL_NAMES[code] }));

const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/** The fixed variables every export starts with, before the questions. */
export const LEADING_VARIABLES: CodebookVariable[] = [
  { name: 'id', label: text('Mã phiếu', 'Response id'), type: 'numeric' },
  { name: 'submitted_at', label: text('Thời điểm gửi (giờ Việt Nam)', 'Submitted at (Vietnam time)'), type: 'string', width: 29 },
  { name: 'unit_code', label: text('Mã đơn vị', 'Unit code'), type: 'string', width: 64 },
  { name: 'unit_name', label: text('Tên đơn vị', 'Unit name'), type: 'string', width: 255 },
  { name: 'counter_code', label: text('Mã quầy', 'Counter code'), type: 'string', width: 64 },
  { name: 'counter_name', label: text('Tên quầy', 'Counter name'), type: 'string', width: 255 },
  {
    name: 'sector',
    label: text('Lĩnh vực', 'Sector'),
    type: 'string',
    width: 32,
    values: SECTORS.map((s) => ({ code: s.code, label: s.name })),
  },
  { name: 'channel', label: text('Kênh', 'Channel'), type: 'string', width: 16, values: CHANNEL_LABELS },
  { name: 'survey', label: text('Phiếu khảo sát', 'Survey'), type: 'string', width: 64 },
  { name: 'survey_version', label: text('Phiên bản phiếu', 'Survey version'), type: 'numeric' },
  {
    name: 'satisfied',
    label: text('Hài lòng (theo quy tắc của phiếu)', 'Satisfied (by the survey rule)'),
    type: 'numeric',
    values: [
      { code: 0, label: text('Không hài lòng', 'Not satisfied') },
      { code: 1, label: text('Hài lòng', 'Satisfied') },
    ],
  },
  { name: 'weight', label: text('Trọng số', 'Weight'), type: 'numeric' },
];

export const TRAILING_VARIABLES: CodebookVariable[] = [
  { name: 'comment', label: text('Góp ý', 'Comment'), type: 'string', width: 4000 },
  { name: 'dossier_code', label: text('Mã hồ sơ', 'Dossier code'), type: 'string', width: 64 },
  { name: 'flags', label: text('Cờ (ví dụ burst: gửi dồn dập)', 'Flags (e.g. burst)'), type: 'string', width: 64 },
];

function questionVariable(q: Question, survey: { key: string; version: number }): CodebookVariable {
  const values: CodebookValue[] =
    q.type === 'scale5'
      ? SCALE_LEVELS.map((l) => ({ code: l.value, label: l.label }))
      : q.type === 'choice'
        ? (q.options ?? []).map((o) => ({ code: o.code, label: o.label }))
        : [];
  return {
    name: q.key,
    label: q.text,
    type: 'numeric',
    ...(values.length > 0 ? { values } : {}),
    ...(q.allowNoOpinion ? { missing: [{ code: noOpinionCode(q), label: NO_OPINION_LABEL }] } : {}),
    surveys: [survey],
    question: { key: q.key, type: q.type },
  };
}

/**
 * The codebook for responses given under these survey versions: fixed variables, then one
 * variable per question in form order (a question asked by several versions appears once, worded
 * by the newest), then the free-text ones.
 */
export function buildCodebook(versions: readonly { definition: SurveyDefinition }[]): CodebookVariable[] {
  const questions = new Map<string, CodebookVariable>();
  const ordered = [...versions].sort((a, b) => a.definition.version - b.definition.version);
  for (const { definition: def } of ordered) {
    const survey = { key: def.key, version: def.version };
    for (const q of allQuestionsOf(def)) {
      const seen = questions.get(q.key);
      const variable = questionVariable(q, survey);
      questions.set(q.key, seen ? { ...variable, surveys: [...(seen.surveys ?? []), survey] } : variable);
    }
  }
  return [...LEADING_VARIABLES, ...questions.values(), ...TRAILING_VARIABLES];
}

/** A stored answer as the export writes it: the value, the no-opinion code, or null (not asked or skipped). */
export function exportedAnswer(variable: CodebookVariable, answer: number | null | undefined): number | null {
  if (answer === undefined) return null;
  if (answer === null) return typeof variable.missing?.[0]?.code === 'number' ? variable.missing[0].code : null;
  return answer;
}
