import type { LocalizedText } from './localized-text';
import type { Confidence, Verdict } from './statistics';

/** The words of a verdict (docs/domain.md §4), the same on screen, in reports and in exports. */
export const VERDICT_WORDS: Record<Verdict, LocalizedText> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Không đạt', en: 'Not met' },
  too_few: { vi: 'Chưa đủ số phiếu', en: 'Too few answers' },
};

export const CONFIDENCE_WORDS: Record<Confidence, LocalizedText> = {
  confident: { vi: 'Chắc chắn', en: 'Confident' },
  not_conclusive: { vi: 'Chưa chắc chắn', en: 'Not conclusive' },
};

/** The online-service rate is counted in dossiers, not answers: the same verdicts, its own "too few". */
export const DOSSIER_VERDICT_WORDS: Record<Verdict, LocalizedText> = {
  ...VERDICT_WORDS,
  too_few: { vi: 'Chưa đủ số hồ sơ', en: 'Too few dossiers' },
};
