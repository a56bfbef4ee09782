import type { CodebookValue, CodebookVariable } from '../../../surveys/codebook';
import { createByteWriter, SYSMIS, utf8Bytes, type ByteWriter } from './sav-bytes';
import type { SavLayout, SavVariable } from './sav-layout';

/**
 * The header and dictionary of an SPSS system file (everything before the cases), built from the
 * layout, after GNU PSPP's public description of the format ("System File Format" in the PSPP
 * developers guide). Records appear in the order the format requires: header, variable records,
 * value labels, then extension records by ascending subtype, then the termination record.
 */

/** Bytecode compression: a padded string or a small whole number costs 1 byte instead of 8. */
export const COMPRESSION_BYTECODE = 1;
/** Integers in [1 - BIAS, 251 - BIAS] are stored as a 1-byte code. */
export const BIAS = 100;

// SPSS documents 120 bytes for value labels and 255 for variable labels; longer ones are cut.
const MAX_VALUE_LABEL_BYTES = 120;
const MAX_VARIABLE_LABEL_BYTES = 255;
// Discrete user-missing values one variable record can hold.
const MAX_MISSING = 3;

const FORMAT_A = 1;
const FORMAT_F = 5;
const MEASURE_NOMINAL = 1;
const MEASURE_ORDINAL = 2;
const MEASURE_SCALE = 3;

export interface DictionaryOptions {
  /** Shown by SPSS as the file label; cut to 64 bytes. */
  fileLabel?: string;
  /** Creation time written in the header (Vietnam time). */
  now?: Date;
}

/** print/write format: type, width, decimals packed into one int32. */
const format = (type: number, width: number, decimals: number) => (type << 16) | (width << 8) | decimals;

/**
 * Design weights are fractions (N_h / n_h) and need decimals; every other number in the codebook
 * is a whole number (ids, versions, answer codes), shown without.
 */
function numericFormat(v: CodebookVariable): number {
  if (v.name === 'weight') return format(FORMAT_F, 12, 4);
  if (v.question || v.values) return format(FORMAT_F, 8, 0);
  return format(FORMAT_F, 11, 0);
}

function measure(v: CodebookVariable): number {
  if (v.type === 'string') return MEASURE_NOMINAL;
  if (v.question?.type === 'scale5' || v.question?.type === 'scale3') return MEASURE_ORDINAL;
  return v.values ? MEASURE_NOMINAL : MEASURE_SCALE;
}

const numericCodes = (list: readonly CodebookValue[] | undefined) =>
  (list ?? []).flatMap((x) => (typeof x.code === 'number' ? [x.code] : []));

/** The labels a variable shows: its values, then its missing codes (so "Không ý kiến" reads as such). */
function labelledValues(v: CodebookVariable): CodebookValue[] {
  const all = [...(v.values ?? []), ...(v.missing ?? [])];
  const seen = new Set<string>();
  return all.filter((x) => !seen.has(String(x.code)) && seen.add(String(x.code)));
}

function header(w: ByteWriter, layout: SavLayout, opts: DictionaryOptions) {
  const vn = new Date((opts.now ?? new Date()).getTime() + 7 * 3600_000); // Asia/Ho_Chi_Minh, no DST
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][vn.getUTCMonth()]!;
  const two = (n: number) => String(n).padStart(2, '0');
  w.text('$FL2', 4)
    .text('@(#) SPSS DATA FILE hailong', 60)
    .int32(2) // layout code: tells readers the byte order
    .int32(layout.caseElements)
    .int32(COMPRESSION_BYTECODE)
    // Unweighted: counts then match hailong's dashboard; analysts weight with WEIGHT BY weight.
    .int32(0)
    // Cases are streamed, so their number is unknown when the header leaves: -1 says so.
    .int32(-1)
    .float64(BIAS)
    .text(`${two(vn.getUTCDate())} ${month} ${two(vn.getUTCFullYear() % 100)}`, 9)
    .text(`${two(vn.getUTCHours())}:${two(vn.getUTCMinutes())}:${two(vn.getUTCSeconds())}`, 8)
    .text(opts.fileLabel ?? '', 64)
    .fixed(new Uint8Array(0), 3, 0);
}

function variableRecords(w: ByteWriter, v: SavVariable) {
  const numeric = v.width === 0;
  v.segments.forEach((segment, s) => {
    const label = s === 0 ? utf8Bytes(v.source.label.vi, MAX_VARIABLE_LABEL_BYTES) : undefined;
    const missing = numeric ? numericCodes(v.source.missing).slice(0, MAX_MISSING) : [];
    const fmt = numeric ? numericFormat(v.source) : format(FORMAT_A, segment.width, 0);
    w.int32(2)
      .int32(segment.width)
      .int32(label && label.length > 0 ? 1 : 0)
      .int32(missing.length)
      .int32(fmt)
      .int32(fmt);
    w.text(segment.shortName, 8);
    if (label && label.length > 0) w.int32(label.length).fixed(label, Math.ceil(label.length / 4) * 4);
    for (const m of missing) w.float64(m);
    // One continuation record per further 8 bytes of the segment.
    for (let c = 1; c < segment.elements; c++) w.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).text('', 8);
  });
}

/** Value labels of numeric and ≤8-byte string variables (records 3 and 4), one pair per distinct label set. */
function shortValueLabels(w: ByteWriter, layout: SavLayout) {
  const sets = new Map<string, { labels: CodebookValue[]; width: number; indexes: number[] }>();
  for (const v of layout.variables) {
    const labels = labelledValues(v.source);
    if (labels.length === 0 || v.width > 8) continue;
    const key = JSON.stringify([v.width === 0, labels.map((l) => [l.code, l.label.vi])]);
    const set = sets.get(key) ?? { labels, width: v.width, indexes: [] };
    set.indexes.push(v.dictionaryIndex);
    sets.set(key, set);
  }
  for (const { labels, width, indexes } of sets.values()) {
    w.int32(3).int32(labels.length);
    for (const l of labels) {
      if (width === 0) w.float64(Number(l.code));
      else w.text(String(l.code), 8);
      const text = utf8Bytes(l.label.vi, MAX_VALUE_LABEL_BYTES);
      // label_len byte + label, padded together to a multiple of 8
      w.bytes(Uint8Array.of(text.length)).fixed(text, Math.ceil((text.length + 1) / 8) * 8 - 1);
    }
    w.int32(4).int32(indexes.length);
    for (const i of indexes) w.int32(i);
  }
}

/** An extension record (type 7) whose body is built by `body`; size × count must equal its length. */
function extension(w: ByteWriter, subtype: number, size: number, body: (b: ByteWriter) => void) {
  const b = createByteWriter(256);
  body(b);
  w.int32(7)
    .int32(subtype)
    .int32(size)
    .int32(b.length / size)
    .bytes(b.toBytes());
}

const textBytes = (s: string) => utf8Bytes(s);

function extensionRecords(w: ByteWriter, layout: SavLayout) {
  // 3: machine integer info — IEEE floats, little-endian, character code 65001 = UTF-8.
  extension(w, 3, 4, (b) => b.int32(1).int32(0).int32(0).int32(-1).int32(1).int32(1).int32(2).int32(65001));
  // 4: floating-point info — SYSMIS, HIGHEST, LOWEST.
  extension(w, 4, 8, (b) => b.float64(SYSMIS).float64(Number.MAX_VALUE).float64(SYSMIS));
  // 11: measurement level, column width and alignment, one triple per segment.
  extension(w, 11, 4, (b) => {
    for (const v of layout.variables) {
      v.segments.forEach((s, i) => {
        const displayWidth = v.width === 0 ? 8 : Math.min(i === 0 ? v.width : s.width, 40);
        b.int32(measure(v.source))
          .int32(displayWidth)
          .int32(v.width === 0 ? 1 : 0);
      });
    }
  });
  // 13: long variable names (case kept), SHORT=long separated by tabs.
  extension(w, 13, 1, (b) => b.bytes(textBytes(layout.variables.map((v) => `${v.segments[0]!.shortName}=${v.name}`).join('\t'))));
  // 14: very long strings — the first segment's short name and the full width, each ended by NUL TAB.
  const veryLong = layout.variables.filter((v) => v.segments.length > 1);
  if (veryLong.length > 0) {
    extension(w, 14, 1, (b) =>
      b.bytes(textBytes(veryLong.map((v) => `${v.segments[0]!.shortName}=${String(v.width).padStart(5, '0')}\0\t`).join(''))),
    );
  }
  // 20: the encoding of every string in the file.
  extension(w, 20, 1, (b) => b.bytes(textBytes('UTF-8')));
  // 21: value labels of strings wider than 8 bytes (e.g. sector and channel codes).
  const longLabelled = layout.variables.filter((v) => v.width > 8 && labelledValues(v.source).length > 0);
  if (longLabelled.length > 0) {
    extension(w, 21, 1, (b) => {
      for (const v of longLabelled) {
        const name = textBytes(v.name);
        const labels = labelledValues(v.source);
        b.int32(name.length).bytes(name).int32(v.width).int32(labels.length);
        for (const l of labels) {
          const text = utf8Bytes(l.label.vi, MAX_VALUE_LABEL_BYTES);
          b.int32(v.width).text(String(l.code), v.width).int32(text.length).bytes(text);
        }
      }
    });
  }
}

/** Header and dictionary, ending with the termination record: the cases follow directly. */
export function savDictionary(layout: SavLayout, opts: DictionaryOptions = {}): Uint8Array {
  const w = createByteWriter(16 * 1024);
  header(w, layout, opts);
  for (const v of layout.variables) variableRecords(w, v);
  shortValueLabels(w, layout);
  extensionRecords(w, layout);
  w.int32(999).int32(0);
  return w.toBytes();
}
