import { CURRENT_UNIT_KINDS, type UnitKind } from './unit-kinds';

/**
 * The words a unit list may use for a kind: the English codes, or the Vietnamese words people
 * write in their own lists (tỉnh, xã, phường, đặc khu, cơ quan). Case and the Unicode form of the
 * accents do not matter; the two tiers abolished in 2025 are not offered for new units.
 */
const VIETNAMESE_WORDS: Record<string, UnitKind> = {
  tỉnh: 'province',
  xã: 'commune',
  phường: 'ward',
  'đặc khu': 'special_zone',
  'cơ quan': 'service_body',
};

export const UNIT_KIND_WORDS = [...CURRENT_UNIT_KINDS, ...Object.keys(VIETNAMESE_WORDS)] as const;

/** The kind a cell names, or null when it names none a new unit may have. */
export function unitKindOfWord(text: string): UnitKind | null {
  const word = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if ((CURRENT_UNIT_KINDS as readonly string[]).includes(word)) return word as UnitKind;
  return VIETNAMESE_WORDS[word] ?? null;
}

/** A kind a new unit may have today. */
export type CurrentUnitKind = (typeof CURRENT_UNIT_KINDS)[number];
