import type { QuestionType } from '../../surveys/instrument-schema';

/**
 * The designer's working copy of a survey draft. Unlike a `SurveyDefinition` it may be incomplete
 * (empty texts, a choice without options): the server keeps a draft as it is and lists its
 * problems. Each question and factor carries an `id` of the editor's own, so a row keeps its
 * identity (focus, drag) while its key is being typed; ids never leave the browser.
 */
export interface DraftText {
  vi: string;
  en: string;
}

export interface DraftOption {
  /** Null while the box is empty. */
  code: number | null;
  label: DraftText;
}

export interface DraftShowIf {
  question: string;
  in: number[];
}

export interface DraftQuestion {
  id: string;
  key: string;
  /** A key typed by hand (or one that came saved) no longer follows the question's text. */
  keyEdited: boolean;
  type: QuestionType;
  text: DraftText;
  required: boolean;
  allowNoOpinion: boolean;
  options: DraftOption[];
  maxLength: number | null;
  showIf: DraftShowIf | null;
}

export interface DraftFactor {
  id: string;
  key: string;
  keyEdited: boolean;
  label: DraftText;
  items: DraftQuestion[];
}

export type SatisfactionRule = 'overall_question' | 'factor_mean';

export interface Draft {
  /** The definition's other fields (key, version, kind, form, respondent…), sent back unchanged. */
  rest: Record<string, unknown>;
  title: DraftText;
  intro: DraftText;
  satisfactionRule: SatisfactionRule;
  overall: DraftQuestion | null;
  factors: DraftFactor[];
  extras: DraftQuestion[];
  comment: { label: DraftText; maxLength: number | null };
}

/** Where a question sits: in a factor (by the factor's editor id) or among the extras. */
export type QuestionList = { factor: string } | 'extras';

/** The types whose answers are codes (a show-if can test them); kept beside the schema's CODED_TYPES. */
export const CODED: readonly QuestionType[] = ['scale5', 'scale3', 'choice', 'multi'];
/** The rating types: they count in factor indices and may be the overall question. */
export const RATING: readonly QuestionType[] = ['scale5', 'scale3'];
export const HAS_OPTIONS: readonly QuestionType[] = ['choice', 'multi'];

let lastId = 0;
/** An editor id, unique for this page's life. */
export const newId = (prefix: string) => `${prefix}${++lastId}`;
