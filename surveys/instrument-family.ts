import type { SurveyDefinition } from './instrument-schema';
import type { LocalizedText } from './localized-text';

/**
 * What an instrument's factors and their mean are called (docs/domain.md §3): the counter survey
 * follows the Ministry of Home Affairs' SIPAS, the health and education surveys their ministries'
 * own questionnaires, so only the counter survey's index is a SIPAS index. The number of factors
 * is the instrument's own, never a fixed "five".
 */
type Kind = SurveyDefinition['kind'];

const MODEL: Record<Kind, { model: LocalizedText; index: LocalizedText }> = {
  counter: {
    model: { vi: 'mô hình SIPAS (Bộ Nội vụ)', en: 'the SIPAS model (Ministry of Home Affairs)' },
    index: { vi: 'Chỉ số SIPAS', en: 'SIPAS index' },
  },
  health: {
    model: { vi: 'phiếu khảo sát người bệnh của Bộ Y tế', en: 'the Ministry of Health’s patient survey' },
    index: { vi: 'Chỉ số hài lòng người bệnh', en: 'Patient satisfaction index' },
  },
  education: {
    model: { vi: 'phiếu khảo sát của Bộ Giáo dục và Đào tạo', en: 'the Ministry of Education and Training’s survey' },
    index: { vi: 'Chỉ số hài lòng về giáo dục', en: 'Education satisfaction index' },
  },
  custom: {
    model: { vi: 'phiếu khảo sát do cơ quan tự thiết kế', en: 'the agency’s own questionnaire' },
    index: { vi: 'Chỉ số hài lòng', en: 'Satisfaction index' },
  },
};

const WORDS_VI = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const WORDS_EN = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countWord = (n: number, words: readonly string[]) => words[n] ?? String(n);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Chỉ số SIPAS (trung bình các yếu tố)", or the ministry survey's own index name. */
export function factorMeanName(kind: Kind): LocalizedText {
  const index = MODEL[kind].index;
  return { vi: `${index.vi} (trung bình các yếu tố)`, en: `${index.en} (mean of the factors)` };
}

/** "Sáu yếu tố của phiếu khảo sát của Bộ Giáo dục và Đào tạo cho biết vì sao tỷ lệ thấp: …" */
export function factorsIntro(def: { kind: Kind; factorCount: number }): LocalizedText {
  const { model } = MODEL[def.kind];
  return {
    vi: `${capital(countWord(def.factorCount, WORDS_VI))} yếu tố theo ${model.vi} cho biết vì sao tỷ lệ thấp: yếu tố có chỉ số thấp nhất là nơi cần cải thiện trước.`,
    en: `The ${countWord(def.factorCount, WORDS_EN)} factors of ${model.en} show why a rate is low: the factor with the lowest index is where to start.`,
  };
}
