/**
 * Vietnamese phone numbers as citizens type them: "0912 345 678", "091.234.5678", "+84 912345678",
 * "+84 (0)912…", full-width digits from some keyboards. Kept in one national form so the same
 * number is always written the same way.
 */

// Mobile: 10 digits, 03/05/07/08/09 after the 2018 renumbering; landline: 02 + area + number, 11 digits.
const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/** The national form (0xxxxxxxxx), or null when it is not a Vietnamese phone number. */
export function normalizePhone(raw: string): string | null {
  let s = raw.normalize('NFKC').replace(/[\s.\-()/]/g, '');
  if (s.startsWith('+84')) s = `0${s.slice(3)}`;
  else if (s.startsWith('0084')) s = `0${s.slice(4)}`;
  else if (/^84\d{9,10}$/.test(s)) s = `0${s.slice(2)}`;
  // "+84 (0)912…": the trunk zero written after the country code.
  if (s.startsWith('00')) s = s.slice(1);
  return MOBILE.test(s) || LANDLINE.test(s) ? s : null;
}

/** What a screen may show: the first two and last three digits, "09•••••123". */
export function maskPhone(phone: string): string {
  if (phone.length <= 5) return '•'.repeat(phone.length);
  return `${phone.slice(0, 2)}${'•'.repeat(phone.length - 5)}${phone.slice(-3)}`;
}
