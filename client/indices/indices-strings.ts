import type { LocalizedText } from '../app/api-types';

/** The Decision 766 page and the dossier import, Vietnamese first. */
export const INDICES_STRINGS = {
  page_index766: { vi: 'Chỉ số 766', en: 'Decision 766 index' },
  page_dossiers: { vi: 'Nhập hồ sơ', en: 'Import dossiers' },
  index766Title: { vi: 'Chỉ số hài lòng theo Quyết định 766 bên cạnh khảo sát', en: 'The Decision 766 index beside the survey' },
  index766Rule: {
    vi: 'R3 = (số hồ sơ đã trả kết quả − hồ sơ bị đánh giá "không hài lòng", có phản ánh hoặc trễ hạn) ÷ số hồ sơ đã trả kết quả; hồ sơ không đánh giá được tính là hài lòng. R1 = phản ánh được trả lời đúng hạn ÷ số phản ánh. R2 = (phản ánh − không hài lòng với trả lời − trả lời trễ hạn) ÷ số phản ánh. Hồ sơ tính vào ngày trả kết quả. Dịch vụ trực tuyến: R3 trên hồ sơ nộp trực tuyến, so với chỉ tiêu 95 %. Tỷ lệ khảo sát là tỷ lệ hài lòng của phiếu tại quầy, như ở trang Tổng quan.',
    en: 'R3 = (finished dossiers − those rated "not satisfied", complained about or finished late) ÷ finished dossiers; an unrated dossier counts as satisfied. R1 = complaints answered on time ÷ complaints. R2 = (complaints − not satisfied with the answer − answered late) ÷ complaints. A dossier counts on the day its result was returned. Online services: R3 over dossiers lodged online, against the 95 % target. The survey rate is the counter answers’ satisfaction rate, as on the Overview.',
  },
  index766Survey: { vi: 'Khảo sát: tỷ lệ hài lòng', en: 'Survey: satisfaction rate' },
  index766R3: { vi: 'R3: hài lòng với hồ sơ', en: 'R3: satisfied with dossiers' },
  index766R1: { vi: 'R1: trả lời phản ánh đúng hạn', en: 'R1: complaints answered on time' },
  index766R2: { vi: 'R2: hài lòng với trả lời phản ánh', en: 'R2: satisfied with answers' },
  index766Online: { vi: 'Dịch vụ trực tuyến (chỉ tiêu 95 %)', en: 'Online services (target 95%)' },
  index766Dossiers: { vi: 'Hồ sơ đã trả kết quả', en: 'Finished dossiers' },
  index766Linked: { vi: 'Phiếu khảo sát có mã hồ sơ', en: 'Answers with a dossier' },
  index766Overall: { vi: 'Toàn bộ', en: 'Overall' },
  index766Caption: {
    vi: 'Tỷ lệ khảo sát và các tỷ số R3, R1, R2 (tử số/mẫu số)',
    en: 'Survey rate and the ratios R3, R1, R2 (numerator/denominator)',
  },
  index766Open: {
    vi: '{o} hồ sơ đã tiếp nhận chưa trả kết quả (chưa tính vào tỷ số nào), trong đó {p} hồ sơ đã quá hạn.',
    en: '{o} dossiers received and not finished yet (in no ratio yet), {p} of them past their due time.',
  },
  index766ToImport: { vi: 'Nhập hồ sơ từ hệ thống một cửa', en: 'Import dossiers from the one-stop system' },
  index766Empty: {
    vi: 'Chưa có hồ sơ hay phiếu khảo sát nào cho bộ lọc này',
    en: 'No dossiers or answers yet for this filter',
  },
  dossierImportTitle: { vi: 'Nhập hồ sơ một cửa (CSV, Excel)', en: 'Import one-stop dossiers (CSV, Excel)' },
  dossierImportIntro: {
    vi: 'Tệp xuất từ hệ thống một cửa của tỉnh hoặc tệp mẫu: mỗi dòng một hồ sơ, tên cột tiếng Việt (Mã hồ sơ, Mã thủ tục, Lĩnh vực, Mã đơn vị tiếp nhận, Kênh, Ngày tiếp nhận, Hạn giải quyết, Ngày trả kết quả, Đánh giá, Thang đánh giá, Có phản ánh, …) hoặc tiếng Anh. Hồ sơ đã có được cập nhật theo tệp; gửi lại cùng tệp không thay đổi gì. Cả tệp được kiểm tra: hoặc nhập hết, hoặc không nhập dòng nào.',
    en: 'The province one-stop system’s export or the template: one dossier a row, columns named in Vietnamese (Mã hồ sơ, Mã thủ tục, Lĩnh vực, Mã đơn vị tiếp nhận, Kênh, …) or English (code, procedure_code, sector, unit_code, channel, …). A dossier already stored takes the file’s state; the same file again changes nothing. The whole file is checked: every row is imported, or none.',
  },
  dossierTemplate: { vi: 'Tải tệp mẫu (CSV)', en: 'Download the template (CSV)' },
  dossierChecked: {
    vi: 'Tệp hợp lệ ({r} dòng): sẽ thêm {c}, cập nhật {u}, {n} hồ sơ không đổi.',
    en: 'The file is valid ({r} rows): {c} would be added, {u} updated, {n} unchanged.',
  },
  dossierImported: {
    vi: 'Đã nhập {r} dòng: thêm {c}, cập nhật {u}, {n} hồ sơ không đổi.',
    en: 'Imported {r} rows: {c} added, {u} updated, {n} unchanged.',
  },
  dossierToIndex: { vi: 'Xem chỉ số 766', en: 'See the Decision 766 index' },
} satisfies Record<string, LocalizedText>;
