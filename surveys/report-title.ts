import { displayDay } from './date-display';
import type { LocalizedText } from './localized-text';

/**
 * The words of a periodic report's title (docs/domain.md §7), in the form of Decree 30/2020: "Báo
 * cáo kết quả đo lường sự hài lòng của người dân, tổ chức 6 tháng đầu năm 2026". The period's
 * phrase comes from surveys/periods.ts for the reporting periods, from here for any two days.
 */
export function customPeriodPhrase(from: string, to: string): LocalizedText {
  return {
    vi: `từ ngày ${displayDay(from, 'vi')} đến ngày ${displayDay(to, 'vi')}`,
    en: `${displayDay(from, 'en')} – ${displayDay(to, 'en')}`,
  };
}

const SUBJECT = 'kết quả đo lường sự hài lòng của người dân, tổ chức';

export function reportTitle(phrase: LocalizedText): LocalizedText {
  return {
    vi: `Báo cáo ${SUBJECT} ${phrase.vi}`,
    en: `Report on citizen and business satisfaction for ${phrase.en}`,
  };
}

/** The subject line (trích yếu) under "BÁO CÁO" in the Word report: the title without its "Báo cáo". */
export function reportSubject(phrase: LocalizedText): string {
  return `K${SUBJECT.slice(1)} ${phrase.vi}`;
}
