/** A counter's public code, the last part of its QR address /q/<code>: e.g. demo-land. */
export const COUNTER_CODE_SOURCE = '[a-z0-9][a-z0-9-]{1,62}';
export const COUNTER_CODE_PATTERN = new RegExp(`^${COUNTER_CODE_SOURCE}$`);

export const isCounterCode = (value: string) => COUNTER_CODE_PATTERN.test(value);

const MAX_CODE_LENGTH = 63;
// Room for "-999" after a base that is already taken.
const MAX_BASE_LENGTH = MAX_CODE_LENGTH - 4;

/** Words as a code may hold them: no diacritics (đ becomes d), lower case, anything else a hyphen. */
export function codeWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The code a counter gets when none is given: its unit's code and its name, e.g. unit HY-TP-MOT-CUA
 * and "Quầy Đất đai" give hy-tp-mot-cua-quay-dat-dai. Always fits COUNTER_CODE_PATTERN.
 */
export function counterCodeBase(unitCode: string, name: string): string {
  const base = codeWords(`${unitCode} ${name}`).slice(0, MAX_BASE_LENGTH).replace(/-+$/, '');
  return base.length >= 2 ? base : `quay-${base}`.replace(/-+$/, '').padEnd(2, '0');
}

/** The base itself when free, else base-2, base-3, …: the first code not in `taken`. */
export function firstFreeCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const code = `${base}-${n}`;
    if (!taken.has(code)) return code;
  }
}
