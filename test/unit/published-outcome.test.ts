import { describe, expect, it } from 'vitest';
import { outcomeProblem } from '../../surveys/published-outcome';

describe('outcomeProblem', () => {
  it('takes an administrator’s plain account of what was done, with dates, sums and counts', () => {
    expect(outcomeProblem('Ngày 12/11/2026 đã hoàn trả 1.500.000 đồng thu sai và nhắc nhở 2 cán bộ.', null)).toBeNull();
    expect(outcomeProblem('Đã bố trí thêm một quầy tiếp nhận.', 'Chờ quá lâu')).toBeNull();
  });

  it('refuses a phone number however it is written', () => {
    for (const text of ['gọi 0912345678', 'gọi 0912 345 678', 'gọi 091.234.5678', 'gọi +84 912 345 678', 'máy bàn 0221 3862 123'])
      expect(outcomeProblem(text, null), text).toBe('phone');
  });

  it('refuses a dossier code, in any case and with blanks', () => {
    expect(outcomeProblem('hồ sơ 000.00.17.H31-230101-0001 đã trả', null)).toBe('dossier');
    expect(outcomeProblem('hồ sơ 000.00.17.h31 - 230101 - 0001', null)).toBe('dossier');
  });

  it('refuses the citizen’s own comment copied in, not a short word they happened to use', () => {
    const comment = 'Cán bộ  thu thêm tiền ngoài quy định';
    expect(outcomeProblem('Phản ánh: "cán bộ thu thêm tiền ngoài quy định". Đã xử lý.', comment)).toBe('comment');
    expect(outcomeProblem('Đã xử lý việc chờ lâu.', 'Chờ lâu')).toBeNull();
  });
});
