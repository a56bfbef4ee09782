import { defineInstrument } from './define-instrument';
import { SIPAS_OVERALL_QUESTION } from './sipas-overall-question';

/**
 * The short counter form most QR users answer: the same overall question as the long form (so both
 * give the same satisfaction rate) and one question per SIPAS factor, keyed `<factor>_q`. Each
 * factor has a single item, so its factor index is that item's satisfied share — the same formula
 * as the long form, just with fewer items.
 */
export const sipasCounterShort = defineInstrument({
  key: 'sipas-counter-short',
  version: 1,
  kind: 'counter',
  form: 'short',
  title: {
    vi: 'Đánh giá nhanh sự hài lòng về dịch vụ hành chính công',
    en: 'Quick rating of the public administrative service',
  },
  intro: {
    vi: 'Chỉ mất khoảng 1 phút. Khảo sát không ghi tên; ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn.',
    en: 'It takes about one minute. The survey is anonymous; your opinion helps the agency serve you better.',
  },
  respondent: {
    vi: 'Người dân, đại diện tổ chức, doanh nghiệp vừa giao dịch tại Bộ phận Một cửa',
    en: 'Citizens and representatives of organisations or businesses who have just used the one-stop counter',
  },
  satisfactionRule: 'overall_question',
  overall: SIPAS_OVERALL_QUESTION,
  factors: [
    {
      key: 'access',
      label: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' },
      items: [
        {
          key: 'access_q',
          text: {
            vi: 'Nơi ngồi chờ và trang thiết bị tại Bộ phận Một cửa',
            en: 'The waiting area and equipment at the one-stop counter',
          },
        },
      ],
    },
    {
      key: 'procedure',
      label: { vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
      items: [
        {
          key: 'procedure_q',
          text: {
            vi: 'Thủ tục được công khai; hồ sơ, phí, lệ phí và thời hạn giải quyết đúng quy định',
            en: 'The procedure is posted publicly; documents, fees and processing time match the regulations',
          },
        },
      ],
    },
    {
      key: 'civil_servant',
      label: { vi: 'Công chức trực tiếp giải quyết công việc', en: 'The civil servant who handled the matter' },
      items: [
        {
          key: 'civil_servant_q',
          text: {
            vi: 'Thái độ và sự hướng dẫn của công chức',
            en: "The civil servant's attitude and guidance",
          },
        },
      ],
    },
    {
      key: 'result',
      label: { vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Result of the procedure' },
      items: [
        {
          key: 'result_q',
          text: {
            vi: 'Kết quả giải quyết đúng quy định, thông tin đầy đủ và chính xác',
            en: 'The result complies with the regulations and its information is complete and accurate',
          },
        },
      ],
    },
    {
      key: 'feedback',
      label: {
        vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
        en: 'Handling of feedback, complaints and petitions',
      },
      items: [
        {
          key: 'feedback_q',
          text: {
            vi: 'Việc tiếp nhận và xử lý góp ý, phản ánh, kiến nghị',
            en: 'How feedback, complaints and petitions are received and handled',
          },
        },
      ],
    },
  ],
  comment: {
    label: {
      vi: 'Ông/Bà có góp ý gì để chúng tôi phục vụ tốt hơn?',
      en: 'Any suggestions to help us serve you better?',
    },
    maxLength: 1000,
  },
});
