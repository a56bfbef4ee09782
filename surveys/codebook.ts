import { allQuestionsOf, DEFAULT_TEXT_LENGTH, type AnswerValue, type Question, type SurveyDefinition } from './instrument-schema';
import type { LocalizedText } from './localized-text';
import { CHANNEL_NAMES, CHANNELS } from './channels';
import { NO_OPINION_LABEL, SCALE3_LEVELS, SCALE_LEVELS } from './scale';
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
  /** The survey versions whose answers it holds, all asking it in these words (questions only). */
  surveys?: { key: string; version: number; title: LocalizedText }[];
  /**
   * The question it holds. A multiple-choice question has one 0/1 variable per option: `option`
   * is that option's code. A short text's `maxLength` is in characters, its width in bytes.
   */
  question?: { key: string; type: Question['type']; option?: number; maxLength?: number };
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

/**
 * The prefix of a survey kind's question variables. Instruments of different kinds reuse question
 * keys with other wordings (the counter and the health surveys both ask `overall`; the long counter
 * form and the education survey both have `access_1`), so a variable is named by its instrument as
 * well as its question: `sipas_overall`, `health_overall`, `edu_access_1`. The short and the long
 * counter form share their overall question word for word, and so share `sipas_overall`.
 */
export const VARIABLE_PREFIXES: Record<Exclude<SurveyDefinition['kind'], 'custom'>, string> = {
  counter: 'sipas',
  health: 'health',
  education: 'edu',
};

/** A questionnaire written in the designer names its variables by its own key: `ks-2026` → `ks_2026_q1`. */
export function variablePrefix(def: Pick<SurveyDefinition, 'kind' | 'key'>): string {
  return def.kind === 'custom' ? def.key.replace(/-/g, '_') : VARIABLE_PREFIXES[def.kind];
}

/** SPSS's ceiling on a variable name; the names here are ASCII, so bytes = characters. */
const MAX_NAME_BYTES = 64;

/** The name, cut to SPSS's length and numbered when already taken (SPSS names ignore case). */
function uniqueName(base: string, taken: ReadonlySet<string>): string {
  let name = base.slice(0, MAX_NAME_BYTES);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, MAX_NAME_BYTES - String(i).length - 1)}_${i}`;
  return name;
}

/** SPSS's ceiling on a string variable's width, in bytes. */
export const MAX_STRING_BYTES = 32767;

/** A short text's width in bytes: 4 per character, UTF-8's worst case, so no answer is ever cut. */
export function textWidth(q: Pick<Question, 'maxLength'>): number {
  return Math.min((q.maxLength ?? DEFAULT_TEXT_LENGTH) * 4, MAX_STRING_BYTES);
}

/** The two values of a multiple-choice option's variable. */
export const TICK_VALUES: CodebookValue[] = [
  { code: 0, label: text('Không chọn', 'Not ticked') },
  { code: 1, label: text('Có chọn', 'Ticked') },
];

type SurveyRef = NonNullable<CodebookVariable['surveys']>[number];

const noOpinion = (q: Question): Pick<CodebookVariable, 'missing'> =>
  q.allowNoOpinion ? { missing: [{ code: noOpinionCode(q), label: NO_OPINION_LABEL }] } : {};

function numericValues(q: Question): CodebookValue[] {
  if (q.type === 'scale5') return SCALE_LEVELS.map((l) => ({ code: l.value, label: l.label }));
  if (q.type === 'scale3') return SCALE3_LEVELS.map((l) => ({ code: l.value, label: l.label }));
  if (q.type === 'choice') return (q.options ?? []).map((o) => ({ code: o.code, label: o.label }));
  return [];
}

/**
 * A question's variables, named from `base`: one for most questions; for a multiple-choice one,
 * one 0/1 variable per option, `<base>_<code>`, so each option is counted and cross-tabulated on
 * its own. A short text is a string variable; its no opinion is written empty, as SPSS keeps no
 * missing codes on long strings.
 */
function questionVariables(q: Question, base: string, survey: SurveyRef): CodebookVariable[] {
  const question = { key: q.key, type: q.type };
  if (q.type === 'text') {
    const maxLength = q.maxLength ?? DEFAULT_TEXT_LENGTH;
    return [{ name: base, label: q.text, type: 'string', width: textWidth(q), surveys: [survey], question: { ...question, maxLength } }];
  }
  if (q.type === 'multi') {
    return (q.options ?? []).map((o) => ({
      name: `${base}_${o.code}`,
      label: text(`${q.text.vi} — ${o.label.vi}`, `${q.text.en} — ${o.label.en}`),
      type: 'numeric',
      values: TICK_VALUES,
      ...noOpinion(q),
      surveys: [survey],
      question: { ...question, option: o.code },
    }));
  }
  const values = numericValues(q);
  return [
    {
      name: base,
      label: q.text,
      type: 'numeric',
      ...(values.length > 0 ? { values } : {}),
      ...noOpinion(q),
      surveys: [survey],
      question,
    },
  ];
}

/**
 * What makes two questions the same question: the words asked, the answers offered, the missing
 * code (a short text's length may change: its variable takes the widest).
 */
const wordingOf = (vs: readonly CodebookVariable[]) =>
  JSON.stringify(vs.map((v) => [v.label.vi, v.label.en, v.question?.type, v.question?.option, v.values ?? [], v.missing ?? []]));

/**
 * The codebook for responses given under these survey versions: fixed variables, then one
 * variable per question in form order (one per option for a multiple choice), then the free-text
 * ones. A variable carries exactly one question: it is named `<instrument prefix>_<question key>`
 * (VARIABLE_PREFIXES; `_<option code>` after it for a multiple choice) and holds the answers of the
 * survey versions listed in its `surveys`, which ask it in the same words; a later version that
 * rewords a question gets variables of its own, suffixed `_v<version>` (`…_v2_<code>`).
 */
export function buildCodebook(versions: readonly { definition: SurveyDefinition }[]): CodebookVariable[] {
  const taken = new Set([...LEADING_VARIABLES, ...TRAILING_VARIABLES].map((v) => v.name.toLowerCase()));
  const questions: CodebookVariable[] = [];
  // Per `<prefix>_<key>`: its variables, one set per wording met so far.
  const wordings = new Map<string, { wording: string; variables: CodebookVariable[] }[]>();
  const ordered = [...versions].sort((a, b) => a.definition.version - b.definition.version);
  for (const { definition: def } of ordered) {
    const survey = { key: def.key, version: def.version, title: def.title };
    for (const q of allQuestionsOf(def)) {
      const base = `${variablePrefix(def)}_${q.key}`;
      const known = wordings.get(base) ?? [];
      const fresh = questionVariables(q, base, survey);
      const wording = wordingOf(fresh);
      const same = known.find((w) => w.wording === wording);
      if (same) {
        same.variables.forEach((v, i) => {
          v.surveys!.push(survey);
          if (v.type === 'string') v.width = Math.max(v.width ?? 0, fresh[i]!.width ?? 0);
        });
        continue;
      }
      const versioned = known.length === 0 ? base : `${base}_v${def.version}`;
      const variables = questionVariables(q, versioned, survey);
      for (const v of variables) {
        v.name = uniqueName(v.name, taken);
        taken.add(v.name.toLowerCase());
      }
      known.push({ wording, variables });
      wordings.set(base, known);
      questions.push(...variables);
    }
  }
  return [...LEADING_VARIABLES, ...questions, ...TRAILING_VARIABLES];
}

/** Whether a response given under this survey version answers this variable's question (fixed variables: always). */
export function variableAsks(variable: CodebookVariable, survey: { key: string; version: number }): boolean {
  return !variable.surveys || variable.surveys.some((s) => s.version === survey.version && s.key === survey.key);
}

/**
 * A stored answer as the export writes it: the value, the no-opinion code, or null (not asked or
 * skipped). A multiple-choice option's variable is 1 when its code is among those ticked, else 0;
 * a short text is its text. An answer of the wrong shape for the variable is written as null.
 */
export function exportedAnswer(variable: CodebookVariable, answer: AnswerValue | undefined): number | string | null {
  if (answer === undefined) return null;
  if (variable.type === 'string') return typeof answer === 'string' ? answer : null;
  if (answer === null) return typeof variable.missing?.[0]?.code === 'number' ? variable.missing[0].code : null;
  const option = variable.question?.option;
  if (option !== undefined) return Array.isArray(answer) ? (answer.includes(option) ? 1 : 0) : null;
  return typeof answer === 'number' ? answer : null;
}
