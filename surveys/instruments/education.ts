import { defineInstrument } from './define-instrument';

/**
 * Public education survey for parents or learners, after the Ministry of Education's satisfaction
 * measurement (access, facilities, school environment, educational activities, learner
 * development, overall satisfaction). It has no single overall question: a respondent counts as
 * satisfied when the mean of their factor scores is ≥ 4 (docs/domain.md §4), and the "overall
 * satisfaction" group is one of those factors.
 */
export const educationSurvey = defineInstrument({
  key: 'education',
  version: 1,
  kind: 'education',
  form: 'long',
  title: {
    vi: 'Khảo sát sự hài lòng về dịch vụ giáo dục công',
    en: 'Satisfaction survey on public education services',
  },
  intro: {
    vi: 'Xin Ông/Bà (hoặc em) cho biết mức độ hài lòng với nhà trường trong năm học này. Khảo sát không ghi tên.',
    en: 'Please tell us how satisfied you are with the school this school year. The survey is anonymous.',
  },
  respondent: {
    vi: 'Cha mẹ, người giám hộ học sinh hoặc người học',
    en: 'Parents or guardians of pupils, or learners themselves',
  },
  satisfactionRule: 'factor_mean',
  factors: [
    {
      key: 'access',
      label: { vi: 'Tiếp cận dịch vụ giáo dục', en: 'Access to education' },
      items: [
        {
          key: 'access_1',
          text: {
            vi: 'Thông tin tuyển sinh được công khai đầy đủ, kịp thời',
            en: 'Admission information is published fully and on time',
          },
        },
        {
          key: 'access_2',
          text: {
            vi: 'Thủ tục nhập học thuận tiện, đúng quy định',
            en: 'Enrolment procedures are convenient and follow the regulations',
          },
        },
        {
          key: 'access_3',
          text: {
            vi: 'Các khoản thu được công khai, đúng quy định',
            en: 'Fees and charges are published and follow the regulations',
          },
        },
      ],
    },
    {
      key: 'facilities',
      label: { vi: 'Cơ sở vật chất, trang thiết bị', en: 'Facilities and equipment' },
      items: [
        {
          key: 'facilities_1',
          text: {
            vi: 'Phòng học đủ rộng, thoáng mát, đủ ánh sáng',
            en: 'Classrooms are spacious, well ventilated and well lit',
          },
        },
        {
          key: 'facilities_2',
          text: {
            vi: 'Thiết bị dạy học, thư viện đáp ứng nhu cầu học tập',
            en: 'Teaching equipment and the library meet learning needs',
          },
        },
        {
          key: 'facilities_3',
          text: {
            vi: 'Nhà vệ sinh, nước uống sạch sẽ, đủ dùng',
            en: 'Toilets and drinking water are clean and sufficient',
          },
        },
      ],
    },
    {
      key: 'environment',
      label: { vi: 'Môi trường giáo dục', en: 'School environment' },
      items: [
        {
          key: 'environment_1',
          text: {
            vi: 'Nhà trường an toàn, không có bạo lực học đường',
            en: 'The school is safe and free of school violence',
          },
        },
        {
          key: 'environment_2',
          text: {
            vi: 'Thầy cô đối xử công bằng, tôn trọng người học',
            en: 'Teachers treat learners fairly and with respect',
          },
        },
        {
          key: 'environment_3',
          text: {
            vi: 'Nhà trường phối hợp, trao đổi tốt với gia đình',
            en: 'The school works and communicates well with families',
          },
        },
      ],
    },
    {
      key: 'activities',
      label: { vi: 'Hoạt động giáo dục', en: 'Educational activities' },
      items: [
        {
          key: 'activities_1',
          text: {
            vi: 'Thầy cô giảng dạy nhiệt tình, dễ hiểu',
            en: 'Teachers teach with enthusiasm and clearly',
          },
        },
        {
          key: 'activities_2',
          text: {
            vi: 'Kiểm tra, đánh giá người học công bằng, khách quan',
            en: 'Learners are assessed fairly and objectively',
          },
        },
        {
          key: 'activities_3',
          text: {
            vi: 'Hoạt động ngoại khóa, trải nghiệm phong phú, bổ ích',
            en: 'Extracurricular and hands-on activities are varied and useful',
          },
        },
      ],
    },
    {
      key: 'development',
      label: { vi: 'Sự phát triển của người học', en: 'Learner development' },
      items: [
        {
          key: 'development_1',
          text: {
            vi: 'Kiến thức, kỹ năng của người học tiến bộ',
            en: "The learner's knowledge and skills have improved",
          },
        },
        {
          key: 'development_2',
          text: {
            vi: 'Người học phát triển tốt về đạo đức, lối sống, sức khỏe',
            en: 'The learner is developing well in character, way of life and health',
          },
        },
      ],
    },
    {
      key: 'overall_satisfaction',
      label: { vi: 'Sự hài lòng tổng thể', en: 'Overall satisfaction' },
      items: [
        {
          key: 'overall_satisfaction_1',
          text: {
            vi: 'Nhà trường đáp ứng được mong đợi của Ông/Bà',
            en: 'The school meets your expectations',
          },
        },
        {
          key: 'overall_satisfaction_2',
          text: {
            vi: 'Ông/Bà sẵn sàng giới thiệu nhà trường với người khác',
            en: 'You would recommend the school to others',
          },
        },
      ],
    },
  ],
  extras: [
    {
      // Parents and learners are analysed apart, so ask who is answering.
      key: 'respondent_type',
      type: 'choice',
      text: { vi: 'Người trả lời là', en: 'You are' },
      options: [
        { code: 1, label: { vi: 'Cha mẹ hoặc người giám hộ', en: 'A parent or guardian' } },
        { code: 2, label: { vi: 'Người học', en: 'A learner' } },
      ],
      allowNoOpinion: false,
    },
  ],
  comment: {
    label: {
      vi: 'Ông/Bà có góp ý gì để nhà trường tốt hơn?',
      en: 'Any suggestions to improve the school?',
    },
    maxLength: 1000,
  },
});
