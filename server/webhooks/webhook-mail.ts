/** The bilingual e-mail that tells administrators an endpoint was switched off. */
export function endpointDisabledMail(url: string, reason: string) {
  return {
    subject: 'Webhook đã bị tắt / Webhook disabled',
    text: [
      `Địa chỉ webhook ${url} đã bị tắt tự động vì gửi thất bại nhiều lần (${reason}).`,
      'Xin kiểm tra máy nhận, rồi bật lại trong trang Quản trị › Thông báo và gửi lại các lần gửi lỗi.',
      '',
      `The webhook endpoint ${url} was switched off automatically after repeated failures (${reason}).`,
      'Please check the receiver, then enable it again under Admin › Notifications and redeliver the failed deliveries.',
    ].join('\n'),
  };
}
