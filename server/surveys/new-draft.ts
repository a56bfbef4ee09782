import type { z } from 'zod';
import type { surveyDefinitionSchema, SurveyDefinition } from '../../surveys/instrument-schema';
import type { LocalizedText } from '../../surveys/localized-text';

export type DefinitionInput = z.input<typeof surveyDefinitionSchema>;

/**
 * The first draft of a new survey: a copy of a template's definition under the new key, or, from
 * scratch, the smallest survey that passes the schema (one factor with one 5-level item, scored
 * by the factor mean) for the designer to grow.
 */
export function newDraft(key: string, title: LocalizedText | undefined, from: SurveyDefinition | undefined): DefinitionInput {
  if (from) return { ...structuredClone(from), key, version: 1, kind: 'custom', ...(title ? { title } : {}) };
  return {
    key,
    version: 1,
    kind: 'custom',
    form: 'short',
    title: title ?? { vi: 'Phiếu khảo sát mới', en: 'New survey' },
    intro: {
      vi: 'Khảo sát không ghi tên; ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn.',
      en: 'The survey is anonymous; your opinion helps the agency serve you better.',
    },
    satisfactionRule: 'factor_mean',
    factors: [
      {
        key: 'service',
        label: { vi: 'Chất lượng phục vụ', en: 'Quality of service' },
        items: [
          {
            key: 'service_q',
            type: 'scale5',
            text: { vi: 'Ông/Bà đánh giá thế nào về chất lượng phục vụ?', en: 'How do you rate the quality of service?' },
          },
        ],
      },
    ],
    extras: [],
    comment: { label: { vi: 'Ông/Bà có góp ý gì thêm?', en: 'Any other comments?' }, maxLength: 1000 },
  };
}
