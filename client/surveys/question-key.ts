import type { DraftText } from './draft-model';

/** The longest key the schema takes is 40; a suggestion stays shorter so "_2" still fits. */
const SUGGESTED_LENGTH = 32;

/** Latin letters without their marks: "Thái độ phục vụ" → "thai do phuc vu" (đ has no mark to strip). */
export function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * A lower_snake_case key for a question (or factor) from its text — English when there is some,
 * else the Vietnamese without marks — of its first words, made unique among `taken` with a
 * number. With no text yet: "q1", "q2"… (or the prefix given).
 */
export function suggestKey(text: DraftText, taken: ReadonlySet<string>, prefix = 'q'): string {
  const source = text.en.trim() || text.vi.trim();
  const words = withoutMarks(source)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let base = '';
  for (const w of words) {
    const next = base ? `${base}_${w}` : w;
    if (next.length > SUGGESTED_LENGTH) break;
    base = next;
    if (base.split('_').length >= 4) break;
  }
  if (base && !/^[a-z]/.test(base)) base = `${prefix}_${base}`;
  if (!base) {
    let n = 1;
    while (taken.has(`${prefix}${n}`)) n++;
    return `${prefix}${n}`;
  }
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}
