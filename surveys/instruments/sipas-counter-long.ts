import { defineInstrument } from './define-instrument';
import { SIPAS_OVERALL_QUESTION } from './sipas-overall-question';

/**
 * The counter survey in full: the Ministry of Home Affairs' SIPAS model (5 factors, 22 items) plus
 * the overall question that the satisfaction rate is computed from (docs/domain.md §3, §4). Used for
 * sociological waves; most QR users get the short form, which scores the same way.
 * Item keys are numbered in SIPAS order so exports line up with the ministry's questionnaire.
 */
export const sipasCounterLong = defineInstrument({
  key: 'sipas-counter',
  version: 1,
  kind: 'counter',
  form: 'long',
  title: {
    vi: 'Khảo sát sự hài lòng về dịch vụ hành chính công',
    en: 'Satisfaction survey on public administrative services',
  },
  intro: {
    vi: 'Xin Ông/Bà cho biết mức độ hài lòng với từng nội dung dưới đây về lần giao dịch vừa qua tại Bộ phận Một cửa. Khảo sát không ghi tên.',
    en: 'Please tell us how satisfied you are with each aspect below of your recent visit to the one-stop counter. The survey is anonymous.',
  },
  respondent: {
    vi: 'Người dân, đại diện tổ chức, doanh nghiệp đã giải quyết thủ tục hành chính',
    en: 'Citizens and representatives of organisations or businesses who completed an administrative procedure',
  },
  satisfactionRule: 'overall_question',
  overall: SIPAS_OVERALL_QUESTION,
  factors: [
    {
      key: 'access',
      label: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' },
      items: [
        {
          key: 'access_1',
          text: {
            vi: 'Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi',
            en: 'The waiting area at the one-stop counter has enough seats',
          },
        },
        {
          key: 'access_2',
          text: {
            vi: 'Trang thiết bị phục vụ người dân tại Bộ phận Một cửa đầy đủ',
            en: 'The equipment provided for citizens at the counter is complete',
          },
        },
        {
          key: 'access_3',
          text: {
            vi: 'Trang thiết bị phục vụ người dân tại Bộ phận Một cửa hiện đại',
            en: 'The equipment provided for citizens at the counter is modern',
          },
        },
        {
          key: 'access_4',
          text: {
            vi: 'Trang thiết bị phục vụ người dân tại Bộ phận Một cửa dễ sử dụng',
            en: 'The equipment provided for citizens at the counter is easy to use',
          },
        },
      ],
    },
    {
      key: 'procedure',
      label: { vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
      items: [
        {
          key: 'procedure_1',
          text: {
            vi: 'Thủ tục hành chính được niêm yết công khai',
            en: 'The administrative procedure is posted publicly',
          },
        },
        {
          key: 'procedure_2',
          text: {
            vi: 'Thủ tục hành chính được niêm yết công khai chính xác',
            en: 'The administrative procedure is posted accurately',
          },
        },
        {
          key: 'procedure_3',
          text: {
            vi: 'Thành phần hồ sơ Ông/Bà phải nộp đúng quy định',
            en: 'The documents you had to submit match the regulations',
          },
        },
        {
          key: 'procedure_4',
          text: {
            vi: 'Phí, lệ phí Ông/Bà phải nộp đúng quy định',
            en: 'The fees and charges you had to pay match the regulations',
          },
        },
        {
          key: 'procedure_5',
          text: {
            vi: 'Thời hạn giải quyết (ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả) đúng quy định',
            en: 'The processing time (on the receipt and appointment slip) matches the regulations',
          },
        },
      ],
    },
    {
      key: 'civil_servant',
      label: { vi: 'Công chức trực tiếp giải quyết công việc', en: 'The civil servant who handled the matter' },
      items: [
        {
          key: 'civil_servant_1',
          text: { vi: 'Công chức có thái độ giao tiếp lịch sự', en: 'The civil servant was polite' },
        },
        {
          key: 'civil_servant_2',
          text: {
            vi: 'Công chức chú ý lắng nghe ý kiến của Ông/Bà',
            en: 'The civil servant listened attentively to you',
          },
        },
        {
          key: 'civil_servant_3',
          text: {
            vi: 'Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà',
            en: 'The civil servant answered and explained your questions fully',
          },
        },
        {
          key: 'civil_servant_4',
          text: {
            vi: 'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo',
            en: 'The civil servant guided you through filling in the forms thoroughly',
          },
        },
        {
          key: 'civil_servant_5',
          text: {
            vi: 'Công chức hướng dẫn kê khai hồ sơ dễ hiểu',
            en: "The civil servant's guidance on the forms was easy to understand",
          },
        },
        {
          key: 'civil_servant_6',
          text: {
            vi: 'Công chức tuân thủ đúng quy định trong giải quyết công việc',
            en: 'The civil servant followed the regulations in handling your matter',
          },
        },
      ],
    },
    {
      key: 'result',
      label: { vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Result of the procedure' },
      items: [
        {
          key: 'result_1',
          text: {
            vi: 'Kết quả Ông/Bà nhận được đúng quy định',
            en: 'The result you received complies with the regulations',
          },
        },
        {
          key: 'result_2',
          text: {
            vi: 'Kết quả Ông/Bà nhận được có thông tin đầy đủ',
            en: 'The result you received contains complete information',
          },
        },
        {
          key: 'result_3',
          text: {
            vi: 'Kết quả Ông/Bà nhận được có thông tin chính xác',
            en: 'The result you received contains accurate information',
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
          key: 'feedback_1',
          text: {
            vi: 'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
            en: 'The agency provides a way to receive feedback, complaints and petitions',
          },
        },
        {
          key: 'feedback_2',
          text: {
            vi: 'Ông/Bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị',
            en: 'It is easy for you to give feedback or file a complaint or petition',
          },
        },
        {
          key: 'feedback_3',
          text: {
            vi: 'Cơ quan tích cực tiếp nhận và xử lý góp ý, phản ánh, kiến nghị',
            en: 'The agency actively receives and handles feedback, complaints and petitions',
          },
        },
        {
          key: 'feedback_4',
          text: {
            vi: 'Cơ quan trả lời kết quả xử lý góp ý, phản ánh, kiến nghị kịp thời',
            en: 'The agency answers feedback, complaints and petitions on time',
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
