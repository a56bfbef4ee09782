import type { QuestionType } from '../../surveys/instrument-schema';
import { HAS_OPTIONS, newId, type Draft, type DraftFactor, type DraftOption, type DraftQuestion, type DraftText } from './draft-model';

/**
 * A saved draft's definition (any JSON: a draft may be incomplete or hand-written) read into the
 * designer's model, and the model written back. What the designer does not edit is kept as it
 * came; indices are kept, so a problem's path ("factors.0.items.2.text.vi") names the same field.
 */
const TYPES: readonly QuestionType[] = ['scale5', 'scale3', 'choice', 'multi', 'text', 'percent'];

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function textOf(v: unknown): DraftText {
  const t = record(v);
  const vi = str(t.vi);
  const en = str(t.en);
  // A parsed definition repeats Vietnamese as English when there was none: that is no translation.
  return { vi, en: en === vi ? '' : en };
}

function questionOf(v: unknown): DraftQuestion {
  const q = record(v);
  const type = TYPES.includes(q.type as QuestionType) ? (q.type as QuestionType) : 'scale5';
  const showIf = record(q.showIf);
  return {
    id: newId('q'),
    key: str(q.key),
    keyEdited: true,
    type,
    text: textOf(q.text),
    required: q.required === true,
    allowNoOpinion: q.allowNoOpinion !== false,
    options: list(q.options).map((o): DraftOption => ({ code: num(record(o).code), label: textOf(record(o).label) })),
    maxLength: num(q.maxLength),
    showIf:
      typeof showIf.question === 'string'
        ? { question: showIf.question, in: list(showIf.in).filter((c): c is number => typeof c === 'number') }
        : null,
  };
}

function factorOf(v: unknown): DraftFactor {
  const f = record(v);
  return { id: newId('f'), key: str(f.key), keyEdited: true, label: textOf(f.label), items: list(f.items).map(questionOf) };
}

export function draftFromDefinition(definition: unknown): Draft {
  const { title, intro, satisfactionRule, overall, factors, extras, comment, ...rest } = record(definition);
  const c = record(comment);
  return {
    rest,
    title: textOf(title),
    intro: textOf(intro),
    satisfactionRule: satisfactionRule === 'overall_question' ? 'overall_question' : 'factor_mean',
    overall: overall === undefined || overall === null ? null : questionOf(overall),
    factors: list(factors).map(factorOf),
    extras: list(extras).map(questionOf),
    comment: { label: textOf(c.label), maxLength: num(c.maxLength) },
  };
}

/** English left empty is left out: the schema shows the Vietnamese in its place. */
function textJson(t: DraftText): { vi: string; en?: string } {
  return t.en.trim() ? { vi: t.vi, en: t.en } : { vi: t.vi };
}

/** A question as the schema reads it: options only for choices, a length only for short texts. */
export function questionJson(q: DraftQuestion): Record<string, unknown> {
  return {
    key: q.key,
    type: q.type,
    text: textJson(q.text),
    required: q.required,
    allowNoOpinion: q.allowNoOpinion,
    ...(HAS_OPTIONS.includes(q.type) ? { options: q.options.map((o) => ({ code: o.code, label: textJson(o.label) })) } : {}),
    ...(q.type === 'text' && q.maxLength !== null ? { maxLength: q.maxLength } : {}),
    ...(q.showIf ? { showIf: { question: q.showIf.question, in: q.showIf.in } } : {}),
  };
}

export function draftToDefinition(d: Draft): Record<string, unknown> {
  return {
    ...d.rest,
    title: textJson(d.title),
    intro: textJson(d.intro),
    satisfactionRule: d.satisfactionRule,
    ...(d.overall ? { overall: questionJson(d.overall) } : {}),
    factors: d.factors.map((f) => ({ key: f.key, label: textJson(f.label), items: f.items.map(questionJson) })),
    extras: d.extras.map(questionJson),
    comment: { label: textJson(d.comment.label), maxLength: d.comment.maxLength },
  };
}
