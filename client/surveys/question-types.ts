import type { QuestionType } from '../../surveys/instrument-schema';
import type { StringKey } from '../app/i18n';

/** The six question types in the order the designer offers them, each with its words; a Record so a new type in the schema is a type error here. */
const NAMES: Record<QuestionType, StringKey> = {
  scale5: 'svType_scale5',
  scale3: 'svType_scale3',
  choice: 'svType_choice',
  multi: 'svType_multi',
  text: 'svType_text',
  percent: 'svType_percent',
};

export const TYPE_CHOICES = Object.entries(NAMES) as [QuestionType, StringKey][];
