import type { LocalizedText } from '../app/api-types';

/** The words of the analysis pages (the filter, overview, sectors, trend, factors, distribution, heat map, units, comments), Vietnamese first. */
export const DASHBOARD_STRINGS = {
  // Filter bar
  filterTitle: { vi: 'Bộ lọc', en: 'Filter' },
  allSectors: { vi: 'Tất cả lĩnh vực', en: 'All sectors' },
  downloadCsv: { vi: 'Tải CSV', en: 'Download CSV' },
  // Overall card
  overall: { vi: 'Tổng thể', en: 'Overall' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  // Sections and states
  tableCaption: {
    vi: 'Tỷ lệ hài lòng theo lĩnh vực, khoảng tin cậy 95% và đánh giá so với chỉ tiêu',
    en: 'Satisfaction rate by sector, 95% interval and verdict against the target',
  },
  // Navigation
  page_overview: { vi: 'Tổng quan', en: 'Overview' },
  page_sectors: { vi: 'Lĩnh vực', en: 'Sectors' },
  page_trend: { vi: 'Xu hướng', en: 'Trend' },
  page_factors: { vi: 'Nguyên nhân', en: 'Factors' },
  page_distribution: { vi: 'Phân bố', en: 'Distribution' },
  page_heatmap: { vi: 'Giờ cao điểm', en: 'Heat map' },
  page_units: { vi: 'Xếp hạng đơn vị', en: 'Unit ranking' },
  page_comments: { vi: 'Góp ý', en: 'Comments' },
  // Period picker and the rest of the filter
  periodKind: { vi: 'Loại kỳ', en: 'Kind of period' },
  kind_month: { vi: 'Tháng', en: 'Month' },
  kind_quarter: { vi: 'Quý', en: 'Quarter' },
  kind_year: { vi: 'Năm', en: 'Year' },
  kind_report: { vi: 'Kỳ báo cáo', en: 'Report period' },
  kind_custom: { vi: 'Tùy chọn ngày', en: 'Date range' },
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  report: { vi: 'Báo cáo', en: 'Report' },
  allCounters: { vi: 'Tất cả quầy', en: 'All counters' },
  allChannels: { vi: 'Tất cả kênh', en: 'All channels' },
  channel_qr: { vi: 'Mã QR', en: 'QR code' },
  channel_kiosk: { vi: 'Máy tính bảng tại quầy', en: 'Kiosk' },
  channel_interviewer: { vi: 'Điều tra viên', en: 'Interviewer' },
  channel_web: { vi: 'Trang web', en: 'Web' },
  channel_paper: { vi: 'Phiếu giấy', en: 'Paper form' },
  allSurveys: { vi: 'Tất cả phiếu', en: 'All surveys' },
  clearFilter: { vi: 'Bỏ lọc', en: 'Clear filter' },
  showingPeriod: { vi: 'Số liệu từ', en: 'Figures from' },
  toDay: { vi: 'đến', en: 'to' },
  // Overview
  responsesTitle: { vi: 'Số phiếu kỳ này', en: 'Answers this period' },
  previousPeriod: { vi: 'Kỳ trước', en: 'Previous period' },
  change: { vi: 'Thay đổi', en: 'Change' },
  alertsTitle: { vi: 'Cảnh báo', en: 'Alerts' },
  complaintsTitle: { vi: 'Phản ánh, kiến nghị', en: 'Complaints' },
  complaintsOpen: { vi: 'đang mở', en: 'open' },
  complaintsOverdue: { vi: 'quá hạn', en: 'overdue' },
  complaintsOnTime: { vi: 'trả lời đúng hạn', en: 'answered on time' },
  alertsIntro: {
    vi: 'Lĩnh vực tại đơn vị có tỷ lệ 30 ngày gần nhất dưới chỉ tiêu (đủ số phiếu) hoặc giảm hơn 5 điểm so với 30 ngày trước đó.',
    en: 'Sectors at a unit whose rate over the last 30 days is below target (with enough answers) or fell by more than 5 points against the 30 days before.',
  },
  alertsCount: { vi: 'cảnh báo đang mở', en: 'open alerts' },
  noAlerts: {
    vi: 'Không có cảnh báo nào: mọi lĩnh vực đều ổn trong 30 ngày qua.',
    en: 'No alerts: every sector is fine over the last 30 days.',
  },
  alertBelow: { vi: 'Dưới chỉ tiêu', en: 'Below target' },
  alertDropped: { vi: 'Giảm mạnh', en: 'Sharp drop' },
  points: { vi: 'điểm', en: 'points' },
  last30: { vi: '30 ngày qua', en: 'last 30 days' },
  before30: { vi: '30 ngày trước đó', en: '30 days before' },
  seeDetails: { vi: 'Xem chi tiết', en: 'See details' },
  // Sectors
  sectorsIntro: {
    vi: 'Thanh là tỷ lệ hài lòng, vạch đen nét đứt là chỉ tiêu của từng lĩnh vực, đoạn thẳng đứng là khoảng tin cậy 95%.',
    en: 'Bars are the satisfaction rate, the dashed black mark is each sector’s target, the whisker is the 95% interval.',
  },
  sectorChartLabel: {
    vi: 'Biểu đồ cột: tỷ lệ hài lòng theo lĩnh vực, chỉ tiêu và khoảng tin cậy 95%. Số liệu ở bảng bên cạnh.',
    en: 'Bar chart: satisfaction rate by sector, target and 95% interval. The table beside it has the figures.',
  },
  showChart: { vi: 'Biểu đồ', en: 'Chart' },
  showTable: { vi: 'Bảng', en: 'Table' },
  sortBy: { vi: 'Sắp xếp theo', en: 'Sort by' },
  // Trend
  trendTitle: { vi: 'Tỷ lệ hài lòng theo tháng', en: 'Satisfaction rate by month' },
  trendChartLabel: {
    vi: 'Biểu đồ đường: tỷ lệ hài lòng từng tháng so với chỉ tiêu; vạch đứng đánh dấu tháng phiếu khảo sát đổi phiên bản.',
    en: 'Line chart: satisfaction rate per month against the target; vertical marks show where a survey changed version.',
  },
  trendCaption: { vi: 'Tỷ lệ hài lòng từng tháng', en: 'Satisfaction rate per month' },
  versionChanges: { vi: 'Thay đổi phiên bản phiếu', en: 'Survey version changes' },
  versionChangeNote: {
    vi: 'So sánh trước và sau mốc này cần thận trọng: câu hỏi đã thay đổi.',
    en: 'Compare across this mark with care: the questions changed.',
  },
  version: { vi: 'phiên bản', en: 'version' },
  fewMonths: { vi: 'Chọn kỳ dài hơn một tháng để thấy xu hướng.', en: 'Choose a period longer than a month to see a trend.' },
  // Factors
  factorsTitle: { vi: 'Chỉ số theo yếu tố', en: 'Factor indices' },
  factor: { vi: 'Yếu tố', en: 'Factor' },
  axisFrom: { vi: 'Lưu ý: trục ngang bắt đầu từ', en: 'Note: the horizontal axis starts at' },
  factorIndex: { vi: 'Chỉ số', en: 'Index' },
  validAnswers: { vi: 'Số câu trả lời hợp lệ', en: 'Valid answers' },
  weakest: { vi: 'Yếu tố thấp nhất', en: 'Weakest factor' },
  showItems: { vi: 'Xem tỷ lệ từng câu hỏi', en: 'Show each question’s rate' },
  hideItems: { vi: 'Ẩn từng câu hỏi', en: 'Hide the questions' },
  item: { vi: 'Câu hỏi', en: 'Question' },
  factorChartLabel: {
    vi: 'Biểu đồ thanh ngang: chỉ số hài lòng của từng yếu tố và khoảng tin cậy 95%.',
    en: 'Horizontal bar chart: satisfaction index of each factor with its 95% interval.',
  },
  respondents: { vi: 'Số phiếu', en: 'Responses' },
  // Distribution
  distributionTitle: { vi: 'Phân bố câu trả lời (câu hỏi chung)', en: 'Answers to the overall question' },
  itemAnswersNote: {
    vi: 'Phiếu giáo dục không có câu hỏi chung: với các dòng có dấu *, mỗi câu trả lời của mọi câu hỏi được đếm, nên tổng lớn hơn số phiếu.',
    en: 'The education survey has no overall question: rows marked * count every item answer, so their totals exceed the number of respondents.',
  },
  distributionChartLabel: {
    vi: 'Biểu đồ cột chồng: tỷ lệ từng mức từ 1 (rất không hài lòng) đến 5 (rất hài lòng).',
    en: 'Stacked bar chart: share of each level from 1 (very dissatisfied) to 5 (very satisfied).',
  },
  groupBy: { vi: 'Nhóm theo', en: 'Group by' },
  total: { vi: 'Tổng', en: 'Total' },
  satisfiedShare: { vi: 'Mức 4–5', en: 'Levels 4–5' },
  // Heat map
  heatmapTitle: { vi: 'Theo giờ và thứ trong tuần', en: 'By hour and weekday' },
  heatmapIntro: {
    vi: 'Mỗi ô là một giờ trong tuần (giờ Việt Nam). Ô đậm là nhiều phiếu hoặc tỷ lệ thấp — nơi cần xem lại cách phục vụ.',
    en: 'Each cell is an hour of the week (Vietnam time). Darker means more answers, or a lower rate — where service needs a look.',
  },
  metric: { vi: 'Hiển thị', en: 'Show' },
  metric_volume: { vi: 'Số phiếu', en: 'Answers' },
  metric_rate: { vi: 'Tỷ lệ hài lòng', en: 'Satisfaction rate' },
  weekday: { vi: 'Thứ', en: 'Day' },
  hour: { vi: 'Giờ', en: 'Hour' },
  fewInCell: { vi: 'Ô nhạt: dưới 30 phiếu, tỷ lệ chưa đáng tin.', en: 'Pale cells: under 30 answers, the rate is not reliable.' },
  less: { vi: 'Ít', en: 'Fewer' },
  more: { vi: 'Nhiều', en: 'More' },
  lowRate: { vi: 'Tỷ lệ thấp', en: 'Low rate' },
  highRate: { vi: 'Tỷ lệ cao', en: 'High rate' },
  // Units
  unitsTitle: { vi: 'Xếp hạng đơn vị theo tỷ lệ hài lòng', en: 'Units ranked by satisfaction rate' },
  unitsIntro: {
    vi: 'Xếp theo tỷ lệ hài lòng, cao xuống thấp; đơn vị chưa đủ 30 phiếu đứng cuối, không xếp hạng.',
    en: 'Ranked by satisfaction rate, highest first; units with fewer than 30 answers come last, unranked.',
  },
  unitChartLabel: {
    vi: 'Biểu đồ thanh ngang: tỷ lệ hài lòng từng đơn vị, chỉ tiêu và khoảng tin cậy 95%.',
    en: 'Horizontal bar chart: satisfaction rate per unit, target and 95% interval.',
  },
  rank: { vi: 'Hạng', en: 'Rank' },
  kind: { vi: 'Loại', en: 'Type' },
  // Comments
  commentsTitle: { vi: 'Góp ý của người dân', en: 'Comments from citizens' },
  search: { vi: 'Tìm trong góp ý', en: 'Search the comments' },
  searchButton: { vi: 'Tìm', en: 'Search' },
  noComments: { vi: 'Chưa có góp ý nào cho bộ lọc này', en: 'No comments yet for this filter' },
  rating: { vi: 'Mức đánh giá', en: 'Rating' },
  noRating: { vi: 'Không trả lời câu hỏi chung', en: 'Overall question not answered' },
  // Tables
  tableCaptionUnits: { vi: 'Tỷ lệ hài lòng theo đơn vị', en: 'Satisfaction rate by unit' },
} satisfies Record<string, LocalizedText>;
