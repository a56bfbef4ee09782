import { surveyDefinitionSchema, type SurveyDefinition } from '../../surveys/instrument-schema';

/**
 * A designer-made survey with every new question type: a 3-level overall question, 5- and 3-level
 * items, a choice that a multi question's show-if depends on, a short text and a percent.
 */
export const scale3SurveyInput = {
  key: 'ks3',
  version: 1,
  kind: 'custom',
  form: 'short',
  title: { vi: 'Khảo sát ba mức', en: 'Three-level survey' },
  intro: { vi: 'Giới thiệu', en: 'Intro' },
  satisfactionRule: 'overall_question',
  overall: { key: 'overall', type: 'scale3', required: true, allowNoOpinion: false, text: { vi: 'Nhìn chung', en: 'Overall' } },
  factors: [
    {
      key: 'f1',
      label: { vi: 'Nhóm 1', en: 'Group 1' },
      items: [
        { key: 'a5', type: 'scale5', text: { vi: 'Năm mức', en: 'Five levels' } },
        { key: 'a3', type: 'scale3', text: { vi: 'Ba mức', en: 'Three levels' } },
      ],
    },
    {
      key: 'f2',
      label: { vi: 'Nhóm 2', en: 'Group 2' },
      items: [
        {
          key: 'pick',
          type: 'choice',
          text: { vi: 'Có dùng dịch vụ công trực tuyến?', en: 'Used online services?' },
          options: [
            { code: 1, label: { vi: 'Có', en: 'Yes' } },
            { code: 2, label: { vi: 'Không', en: 'No' } },
          ],
        },
        {
          key: 'many',
          type: 'multi',
          required: true,
          text: { vi: 'Dịch vụ nào?', en: 'Which services?' },
          options: [1, 2, 3].map((code) => ({ code, label: { vi: `Dịch vụ ${code}`, en: `Service ${code}` } })),
          showIf: { question: 'pick', in: [1] },
        },
      ],
    },
  ],
  extras: [
    { key: 'say', type: 'text', maxLength: 10, text: { vi: 'Một từ', en: 'One word' } },
    { key: 'pct', type: 'percent', text: { vi: 'Phần trăm', en: 'Percent' } },
  ],
  comment: { label: { vi: 'Góp ý', en: 'Comment' }, maxLength: 100 },
};

export const scale3Survey: SurveyDefinition = surveyDefinitionSchema.parse(scale3SurveyInput);
