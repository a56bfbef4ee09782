import type { LocalizedText } from '../app/api-types';
import type { Draft } from './draft-model';
import type { Problem } from './surveys-types';

/**
 * The server's problems of a draft, each naming a field by its path in the definition
 * ("factors.0.items.2.text.vi"), put beside that field in the designer: every field has an id
 * made from its path, and a problem whose path names no field of its own (a whole question's
 * "options", a show-if's list of codes) goes to the nearest field or card above it.
 */

/** The element id of the field (or card) at a path. */
export const fieldIdOf = (path: string) => `field-${path.replace(/[^a-zA-Z0-9_]+/g, '-')}`;

/** A path and the paths above it, longest first: where a problem can be shown. */
export function pathAndParents(path: string): string[] {
  const parts = path.split('.').filter(Boolean);
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

/** The problems of exactly this field. */
export const problemsAt = (problems: readonly Problem[], path: string) => problems.filter((p) => p.path === path);

/**
 * The problems to show on a card at `path` (a question, a factor): those naming the card itself
 * or one of its parts that has no field of its own (`shown`: the sub-paths its fields display).
 */
export function problemsOfCard(problems: readonly Problem[], path: string, shown: readonly string[]): Problem[] {
  return problems.filter((p) => {
    if (p.path === path) return true;
    if (!p.path.startsWith(`${path}.`)) return false;
    const rest = p.path.slice(path.length + 1);
    return !shown.some((s) => matchesField(rest, s));
  });
}

/** "options.*.code" matches "options.3.code": a star stands for one index, a final "**" for anything below (or nothing). */
function matchesField(rest: string, pattern: string): boolean {
  const a = rest.split('.');
  const b = pattern.split('.');
  const deep = b.at(-1) === '**';
  const head = deep ? b.slice(0, -1) : b;
  if (deep ? a.length < head.length : a.length !== head.length) return false;
  return head.every((part, i) => (part === '*' ? /^\d+$/.test(a[i]!) : part === a[i]));
}

/** The sub-paths a question card's own fields show (the rest go on the card). */
export const QUESTION_FIELDS = [
  'key',
  'type',
  'text.vi',
  'text.en',
  'maxLength',
  'options.*.code',
  'options.*.label.vi',
  'options.*.label.en',
  'showIf',
  'showIf.question',
  'showIf.in',
] as const;

const FIELD_WORDS: Record<string, LocalizedText> = {
  title: { vi: 'Tên phiếu', en: 'Title' },
  intro: { vi: 'Lời giới thiệu', en: 'Introduction' },
  satisfactionRule: { vi: 'Cách tính hài lòng', en: 'Satisfaction rule' },
  comment: { vi: 'Ô góp ý', en: 'Comment box' },
  label: { vi: 'Nhãn', en: 'Label' },
  text: { vi: 'Nội dung', en: 'Text' },
  key: { vi: 'Mã', en: 'Key' },
  type: { vi: 'Loại câu hỏi', en: 'Question type' },
  options: { vi: 'Các lựa chọn', en: 'Options' },
  code: { vi: 'Mã số', en: 'Code' },
  maxLength: { vi: 'Độ dài tối đa', en: 'Maximum length' },
  showIf: { vi: 'Điều kiện hiển thị', en: 'Show-if' },
  question: { vi: 'Câu hỏi', en: 'Question' },
  in: { vi: 'Các mã', en: 'Codes' },
  items: { vi: 'Các câu hỏi', en: 'Questions' },
  factors: { vi: 'Các nhóm', en: 'Factors' },
  extras: { vi: 'Câu hỏi thêm', en: 'Other questions' },
  vi: { vi: 'tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'tiếng Anh', en: 'English' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  allowNoOpinion: { vi: 'Không ý kiến', en: 'No opinion' },
};

/**
 * A path in words, for the summary of problems: "factors.0.items.2.text.vi" →
 * "Nhóm 1 (Thái độ) › Câu 3 › Nội dung › tiếng Việt". Unknown parts are shown as they are.
 */
export function describePath(path: string, d: Draft | null): LocalizedText {
  const parts = path.split('.').filter(Boolean);
  const vi: string[] = [];
  const en: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const n = next !== undefined && /^\d+$/.test(next) ? Number(next) : null;
    if (part === 'factors' && n !== null) {
      const label = d?.factors[n]?.label.vi;
      vi.push(`Nhóm ${n + 1}${label ? ` (${label})` : ''}`);
      en.push(`Factor ${n + 1}${d?.factors[n]?.label.en || label ? ` (${d?.factors[n]?.label.en || label})` : ''}`);
      i++;
    } else if ((part === 'items' || part === 'extras') && n !== null) {
      vi.push(part === 'extras' ? `Câu hỏi thêm ${n + 1}` : `Câu ${n + 1}`);
      en.push(part === 'extras' ? `Other question ${n + 1}` : `Question ${n + 1}`);
      i++;
    } else if (part === 'options' && n !== null) {
      vi.push(`Lựa chọn ${n + 1}`);
      en.push(`Option ${n + 1}`);
      i++;
    } else if (part === 'overall') {
      vi.push('Câu hỏi chung');
      en.push('Overall question');
    } else {
      vi.push(FIELD_WORDS[part]?.vi ?? part);
      en.push(FIELD_WORDS[part]?.en ?? part);
    }
  }
  return { vi: vi.join(' › '), en: en.join(' › ') };
}

/** The problems of a refusal's body (a 400 from save, publish or import), when it lists them. */
export function problemsOfBody(body: unknown): Problem[] | null {
  const list = (body as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(list)) return null;
  return list.filter(
    (p): p is Problem => typeof p?.path === 'string' && typeof p?.message?.vi === 'string' && typeof p?.message?.en === 'string',
  );
}
