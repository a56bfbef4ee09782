import { isIsoDay } from '../../surveys/time';
import type { LocalizedText } from '../../surveys/localized-text';
import { indicatorOfWord, portalValueOf, type PortalIndicator } from '../../surveys/portal-figures';
import { PF } from './portal-figure-texts';

export interface CheckedFigure {
  indicator: PortalIndicator;
  from: string;
  to: string;
  value: number;
  note: string;
}

export type FigureField = 'indicator' | 'from' | 'to' | 'value' | 'note';

/** A day as YYYY-MM-DD, or as Vietnamese sheets write it, DD/MM/YYYY. */
export function dayOf(text: string): string | null {
  const t = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const day = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : t;
  return isIsoDay(day) ? day : null;
}

/**
 * Checks a figure's indicator, period, value and note as typed or sent (the unit is checked by
 * the caller, which knows the scope): the figure, or what is wrong with each field, bilingual.
 */
export function checkFigure(raw: {
  indicator: unknown;
  from: unknown;
  to: unknown;
  value: unknown;
  note: unknown;
}): { figure: CheckedFigure } | { problems: Partial<Record<FigureField, LocalizedText>> } {
  const problems: Partial<Record<FigureField, LocalizedText>> = {};
  const indicator = typeof raw.indicator === 'string' ? indicatorOfWord(raw.indicator) : null;
  if (!indicator) problems.indicator = PF.indicator;
  const from = typeof raw.from === 'string' ? dayOf(raw.from) : null;
  const to = typeof raw.to === 'string' ? dayOf(raw.to) : null;
  if (!from) problems.from = PF.day('from');
  if (!to) problems.to = PF.day('to');
  if (from && to && from > to) problems.from = PF.order;
  const value = typeof raw.value === 'string' || typeof raw.value === 'number' ? portalValueOf(raw.value) : null;
  if (value === null) problems.value = PF.value;
  const note = raw.note === undefined || raw.note === null ? '' : raw.note;
  if (typeof note !== 'string' || note.length > 500) problems.note = PF.note;
  if (Object.keys(problems).length > 0 || !indicator || !from || !to || value === null) return { problems };
  return { figure: { indicator, from, to, value, note: (note as string).trim() } };
}
