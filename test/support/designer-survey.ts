import { sql, type Kysely } from 'kysely';
import { noteCounterChange } from '../../db/counter-changes';
import { ensureSurveyVersion } from '../../db/surveys';
import type { Database } from '../../db/types';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../surveys/instrument-schema';

/**
 * A questionnaire as the designer writes one (issue 17): a 3-level overall question and item, a
 * single choice, a multiple choice asked only of the dissatisfied (show-if), and a short text.
 */
export const DESIGNER_SURVEY: SurveyDefinition = surveyDefinitionSchema.parse({
  key: 'ks-2026',
  version: 1,
  kind: 'custom',
  form: 'short',
  title: { vi: 'Khảo sát một cửa 2026', en: 'One-stop survey 2026' },
  intro: { vi: 'Xin Ông/Bà cho biết ý kiến.', en: 'Please tell us what you think.' },
  satisfactionRule: 'overall_question',
  overall: { key: 'overall', type: 'scale3', text: { vi: 'Ông/Bà có hài lòng không?', en: 'Are you satisfied?' } },
  factors: [
    {
      key: 'service',
      label: { vi: 'Phục vụ', en: 'Service' },
      items: [{ key: 'staff', type: 'scale3', text: { vi: 'Thái độ của công chức', en: 'Staff attitude' } }],
    },
  ],
  extras: [
    {
      key: 'channel_used',
      type: 'choice',
      allowNoOpinion: false,
      text: { vi: 'Ông/Bà nộp hồ sơ bằng cách nào?', en: 'How did you file?' },
      options: [
        { code: 1, label: { vi: 'Trực tiếp', en: 'In person' } },
        { code: 2, label: { vi: 'Trực tuyến', en: 'Online' } },
        { code: 3, label: { vi: 'Bưu chính', en: 'By post' } },
      ],
    },
    {
      key: 'problems',
      type: 'multi',
      text: { vi: 'Ông/Bà gặp vấn đề gì?', en: 'What went wrong?' },
      options: [
        { code: 1, label: { vi: 'Chờ lâu', en: 'Long wait' } },
        { code: 2, label: { vi: 'Thiếu hướng dẫn', en: 'Poor guidance' } },
        { code: 4, label: { vi: 'Phí cao', en: 'High fees' } },
      ],
      showIf: { question: 'overall', in: [1] },
    },
    { key: 'suggestion', type: 'text', maxLength: 120, text: { vi: 'Góp ý ngắn', en: 'Short suggestion' } },
  ],
  comment: { label: { vi: 'Ý kiến khác', en: 'Other comments' }, maxLength: 500 },
});

/** Stores the designer survey and has the counter ask it, so answers go through the normal citizen form. */
export async function askDesignerSurvey(db: Kysely<Database>, tenantId: number, counterCode: string, def = DESIGNER_SURVEY) {
  const stored = await ensureSurveyVersion(db, tenantId, def);
  await sql`update counters set survey_id = ${stored.surveyId} where code = ${counterCode}`.execute(db);
  noteCounterChange();
  return stored;
}
