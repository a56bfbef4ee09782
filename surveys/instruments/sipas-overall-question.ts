/**
 * The overall question of the SIPAS counter survey. The short and the long form share it word for
 * word, which is what lets both give the same satisfaction rate.
 */
export const SIPAS_OVERALL_QUESTION = {
  key: 'overall',
  type: 'scale5',
  required: true,
  allowNoOpinion: false,
  text: {
    vi: 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?',
    en: 'Overall, how satisfied are you with the public administrative service you received?',
  },
} as const;
