import type { CodebookVariable } from '../../../surveys/codebook';
import { roundUp } from './sav-bytes';

/**
 * How the codebook's variables sit in an SPSS system file: their SPSS names, their widths split
 * into the ≤255-byte segments the format stores, and where each lands among the file's 8-byte
 * case elements. Both the dictionary and the data encoder read this one layout, so they can never
 * disagree about an offset.
 */

/** The widest string one variable record can hold; wider strings are "very long" and split. */
export const MAX_SEGMENT_WIDTH = 255;
/** Each very long string segment but the last carries this many bytes of the string. */
const SEGMENT_STRIDE = 252;
/** SPSS's ceiling on a string variable's width. */
export const MAX_STRING_WIDTH = 32767;
const MAX_NAME_BYTES = 64;

/** Words SPSS syntax reserves; a variable named one of them could never be referred to. */
const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

export interface SavSegment {
  /** The 8-byte name in the variable record; unique, upper case. */
  shortName: string;
  /** Bytes the segment declares (0 for a numeric variable). */
  width: number;
  /** 8-byte case elements the segment occupies (its variable records: 1 + continuations). */
  elements: number;
}

export interface SavVariable {
  source: CodebookVariable;
  /** The long (up to 64-byte) name readers show, as in the codebook unless SPSS forbids it. */
  name: string;
  /** 0 for numeric; the string's width in bytes otherwise. */
  width: number;
  segments: SavSegment[];
  /** 1-based position of the first variable record, counting continuation records (SPSS's "dictionary index"). */
  dictionaryIndex: number;
}

export interface SavLayout {
  variables: SavVariable[];
  /** 8-byte elements per case, over every segment: the header's nominal case size. */
  caseElements: number;
}

/** Segments of a string of this width: one per 252 bytes, rounded up (255-byte segments overlap by design). */
export function segmentWidths(width: number): number[] {
  if (width <= MAX_SEGMENT_WIDTH) return [width];
  const n = Math.ceil(width / SEGMENT_STRIDE);
  return [...Array<number>(n - 1).fill(MAX_SEGMENT_WIDTH), width - (n - 1) * SEGMENT_STRIDE];
}

export const stringElements = (width: number) => roundUp(width, 8) / 8;

/**
 * Long names as SPSS accepts them: unique regardless of case, not a reserved word, at most
 * 64 bytes. The codebook promises this already; the fallback keeps a bad name from producing a
 * file SPSS refuses.
 */
export function spssNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    let base = raw.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_NAME_BYTES);
    if (!/^[A-Za-z]/.test(base)) base = `v_${base}`.slice(0, MAX_NAME_BYTES);
    if (RESERVED.has(base.toUpperCase())) base = `${base}_v`;
    let name = base;
    for (let i = 2; taken.has(name.toUpperCase()); i++) name = `${base.slice(0, MAX_NAME_BYTES - String(i).length - 1)}_${i}`;
    taken.add(name.toUpperCase());
    return name;
  });
}

/**
 * Short names never equal another variable's long name (ignoring case): readers rename short to
 * long one variable at a time, and such a clash would make a rename fail halfway.
 */
function shortNamer(longNames: readonly string[]) {
  const used = new Set(longNames.map((n) => n.toUpperCase()));
  return (longName: string, first: boolean): string => {
    const upper = longName.toUpperCase();
    if (first && upper.length <= 8) return upper; // already reserved for this very variable
    const stem = upper.slice(0, 8).replace(/_+$/, '');
    if (first && stem.length === 8 && !used.has(stem)) {
      used.add(stem);
      return stem;
    }
    for (let i = 1; ; i++) {
      const suffix = String(i);
      const candidate = stem.slice(0, 8 - suffix.length) + suffix;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
}

function variableWidth(v: CodebookVariable): number {
  if (v.type === 'numeric') return 0;
  return Math.min(Math.max(1, v.width ?? MAX_SEGMENT_WIDTH), MAX_STRING_WIDTH);
}

export function savLayout(codebook: readonly CodebookVariable[]): SavLayout {
  const names = spssNames(codebook.map((v) => v.name));
  const shortName = shortNamer(names);
  let index = 1;
  const variables = codebook.map((source, i): SavVariable => {
    const name = names[i]!;
    const width = variableWidth(source);
    const widths = width === 0 ? [0] : segmentWidths(width);
    const segments = widths.map((w, s) => ({
      shortName: shortName(name, s === 0),
      width: w,
      elements: w === 0 ? 1 : stringElements(w),
    }));
    const variable = { source, name, width, segments, dictionaryIndex: index };
    index += segments.reduce((n, s) => n + s.elements, 0);
    return variable;
  });
  return { variables, caseElements: index - 1 };
}
