import { defineInstrument } from './define-instrument';

/**
 * Outpatient survey modelled on the Ministry of Health's patient satisfaction questionnaire
 * (groups A–E, then "share of expectations met" and "would you come back"). Items are a subset of
 * the ministry's, keyed a1, b2, … after its numbering so analysts can match them to MoH reports.
 * The satisfaction rate comes from the overall question, like the counter survey, so health results
 * sit on the same footing as other sectors' against the plan target.
 */
export const healthOutpatient = defineInstrument({
  key: 'health-outpatient',
  version: 1,
  kind: 'health',
  form: 'long',
  title: {
    vi: 'Khảo sát sự hài lòng của người bệnh ngoại trú',
    en: 'Outpatient satisfaction survey',
  },
  intro: {
    vi: 'Xin Ông/Bà cho biết mức độ hài lòng với lần khám bệnh vừa qua. Khảo sát không ghi tên và không ảnh hưởng đến việc khám, chữa bệnh của Ông/Bà.',
    en: 'Please tell us how satisfied you are with your recent visit. The survey is anonymous and does not affect your care.',
  },
  respondent: {
    vi: 'Người bệnh khám ngoại trú hoặc người nhà người bệnh',
    en: 'Outpatients or their relatives',
  },
  satisfactionRule: 'overall_question',
  overall: {
    key: 'overall',
    type: 'scale5',
    required: true,
    allowNoOpinion: false,
    text: {
      vi: 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ khám bệnh tại cơ sở y tế này?',
      en: 'Overall, how satisfied are you with the care you received at this facility?',
    },
  },
  factors: [
    {
      key: 'access',
      label: { vi: 'A. Khả năng tiếp cận', en: 'A. Access' },
      items: [
        {
          key: 'a1',
          text: {
            vi: 'Sơ đồ, biển báo chỉ dẫn đường đến các khoa, phòng rõ ràng, dễ hiểu, dễ tìm',
            en: 'Maps and signs to departments and rooms are clear, easy to understand and easy to find',
          },
        },
        {
          key: 'a2',
          text: {
            vi: 'Thời gian vào khám được niêm yết rõ ràng, đầy đủ, thuận tiện',
            en: 'Consultation hours are posted clearly and completely, and are convenient',
          },
        },
        {
          key: 'a3',
          text: {
            vi: 'Có thể tìm hiểu thông tin và đăng ký khám qua điện thoại, trang tin điện tử thuận tiện',
            en: 'You can easily get information and book a visit by phone or online',
          },
        },
      ],
    },
    {
      key: 'transparency',
      label: {
        vi: 'B. Sự minh bạch thông tin và thủ tục khám bệnh, điều trị',
        en: 'B. Transparency of information and procedures',
      },
      items: [
        {
          key: 'b1',
          text: {
            vi: 'Quy trình, thủ tục khám bệnh được niêm yết rõ ràng, công khai, dễ hiểu',
            en: 'The steps and procedures for a visit are posted clearly, publicly and understandably',
          },
        },
        {
          key: 'b2',
          text: {
            vi: 'Giá dịch vụ y tế được niêm yết rõ ràng, công khai',
            en: 'Prices of medical services are posted clearly and publicly',
          },
        },
        {
          key: 'b3',
          text: {
            vi: 'Nhân viên y tế tiếp đón, hướng dẫn làm thủ tục niềm nở, tận tình',
            en: 'Staff greeted you and guided you through the procedures warmly and thoroughly',
          },
        },
        {
          key: 'b4',
          text: {
            vi: 'Thời gian chờ đợi làm thủ tục, khám bệnh và nhận kết quả hợp lý',
            en: 'Waiting times for registration, examination and results were reasonable',
          },
        },
      ],
    },
    {
      key: 'facilities',
      label: {
        vi: 'C. Cơ sở vật chất và phương tiện phục vụ người bệnh',
        en: 'C. Facilities and amenities for patients',
      },
      items: [
        {
          key: 'c1',
          text: {
            vi: 'Khu chờ khám có đủ chỗ ngồi, thoáng mát và thoải mái',
            en: 'The waiting area has enough seats, is well ventilated and comfortable',
          },
        },
        {
          key: 'c2',
          text: {
            vi: 'Nhà vệ sinh thuận tiện, sử dụng tốt, sạch sẽ',
            en: 'Toilets are convenient, in working order and clean',
          },
        },
        {
          key: 'c3',
          text: {
            vi: 'Khuôn viên cơ sở y tế xanh, sạch, đẹp và an toàn',
            en: 'The grounds are green, clean, pleasant and safe',
          },
        },
      ],
    },
    {
      key: 'staff',
      label: {
        vi: 'D. Thái độ ứng xử, năng lực chuyên môn của nhân viên y tế',
        en: 'D. Staff attitude and competence',
      },
      items: [
        {
          key: 'd1',
          text: {
            vi: 'Bác sĩ, điều dưỡng có lời nói, thái độ, giao tiếp đúng mực',
            en: 'Doctors and nurses spoke and behaved appropriately',
          },
        },
        {
          key: 'd2',
          text: {
            vi: 'Nhân viên phục vụ (hộ lý, bảo vệ, kế toán…) có lời nói, thái độ, giao tiếp đúng mực',
            en: 'Support staff (orderlies, guards, cashiers…) spoke and behaved appropriately',
          },
        },
        {
          key: 'd3',
          text: {
            vi: 'Được nhân viên y tế tôn trọng, đối xử công bằng, quan tâm, giúp đỡ',
            en: 'Staff treated you with respect, fairness, care and help',
          },
        },
        {
          key: 'd4',
          text: {
            vi: 'Năng lực chuyên môn của bác sĩ, điều dưỡng đáp ứng mong đợi',
            en: 'The professional competence of doctors and nurses met your expectations',
          },
        },
      ],
    },
    {
      key: 'results',
      label: { vi: 'E. Kết quả cung cấp dịch vụ', en: 'E. Results of the service' },
      items: [
        {
          key: 'e1',
          text: {
            vi: 'Kết quả khám bệnh đáp ứng được nguyện vọng của Ông/Bà',
            en: 'The outcome of the visit met your needs',
          },
        },
        {
          key: 'e2',
          text: {
            vi: 'Hóa đơn, phiếu thu, đơn thuốc và kết quả khám được cung cấp, giải thích đầy đủ, rõ ràng',
            en: 'Invoices, receipts, prescriptions and results were provided and explained fully and clearly',
          },
        },
        {
          key: 'e3',
          text: {
            vi: 'Mức độ tin tưởng về chất lượng dịch vụ y tế',
            en: 'Your confidence in the quality of care',
          },
        },
        {
          key: 'e4',
          text: {
            vi: 'Giá cả dịch vụ y tế',
            en: 'The price of the medical services',
          },
        },
      ],
    },
  ],
  extras: [
    {
      key: 'expectations_met',
      type: 'percent',
      text: {
        vi: 'Cơ sở y tế đã đáp ứng được khoảng bao nhiêu % so với mong đợi của Ông/Bà trước khi đến khám? (0–100%)',
        en: 'Roughly what percentage of your expectations before the visit did the facility meet? (0–100%)',
      },
    },
    {
      key: 'come_back',
      type: 'choice',
      text: {
        vi: 'Nếu có nhu cầu khám bệnh, Ông/Bà có quay lại hoặc giới thiệu người khác đến đây không?',
        en: 'If you needed care again, would you come back here or recommend it to others?',
      },
      options: [
        { code: 1, label: { vi: 'Chắc chắn không quay lại', en: 'Certainly not' } },
        {
          code: 2,
          label: { vi: 'Không muốn quay lại nhưng có ít lựa chọn khác', en: 'Would rather not, but have few other choices' },
        },
        { code: 3, label: { vi: 'Muốn chuyển sang cơ sở khác', en: 'Would rather go elsewhere' } },
        { code: 4, label: { vi: 'Có thể sẽ quay lại', en: 'Probably' } },
        {
          code: 5,
          label: { vi: 'Chắc chắn sẽ quay lại hoặc giới thiệu người khác', en: 'Certainly, or would recommend it' },
        },
      ],
    },
  ],
  comment: {
    label: {
      vi: 'Ông/Bà có góp ý gì để cơ sở y tế phục vụ tốt hơn?',
      en: 'Any suggestions to help the facility serve you better?',
    },
    maxLength: 1000,
  },
});
