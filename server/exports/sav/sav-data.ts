import { SPACE, SYSMIS, utf8Bytes } from './sav-bytes';
import { BIAS } from './sav-dictionary';
import type { SavLayout } from './sav-layout';

/**
 * Cases in bytecode compression: groups of 8 one-byte codes, each group followed by the 8-byte
 * values its codes point to. A case's many space-padded string bytes and small answer codes shrink
 * to one byte each, so a file of answers is several times smaller than uncompressed. Groups run
 * across case boundaries, so the encoder carries an open group from one case to the next.
 */

export type SavValue = number | string | null | undefined;

const NO_BYTES = new Uint8Array(0);
const CODE_END = 252;
const CODE_RAW = 253;
const CODE_SPACES = 254;
const CODE_SYSMIS = 255;

export function createCaseEncoder(layout: SavLayout, chunkSize = 64 * 1024) {
  // Groups are written straight into the chunk: 8 code slots, then the raw values as they come.
  // A chunk is cut only between groups, so it holds at most chunkSize + one group (72 bytes).
  // Chunks are never reused, so unused code slots are already 0 (padding).
  let out = new Uint8Array(chunkSize + 72);
  let view = new DataView(out.buffer);
  let outPos = 0;
  let ready: Uint8Array[] = [];
  let groupStart = 0;
  let nCodes = 0;

  const cutIfFull = () => {
    if (outPos < chunkSize) return;
    ready.push(out.subarray(0, outPos));
    out = new Uint8Array(chunkSize + 72);
    view = new DataView(out.buffer);
    outPos = 0;
  };
  const put = (c: number) => {
    if (nCodes === 0) {
      groupStart = outPos;
      outPos += 8;
    }
    out[groupStart + nCodes] = c;
  };
  // Called after a code's raw value (if any) is written, so a cut never separates the two.
  const next = () => {
    if (++nCodes < 8) return;
    nCodes = 0;
    cutIfFull();
  };
  const code = (c: number) => {
    put(c);
    next();
  };
  const rawNumber = (n: number) => {
    put(CODE_RAW);
    view.setFloat64(outPos, n, true);
    outPos += 8;
    next();
  };
  const rawBytes = (b: Uint8Array, from: number) => {
    put(CODE_RAW);
    for (let k = 0; k < 8; k++) out[outPos + k] = from + k < b.length ? b[from + k]! : SPACE;
    outPos += 8;
    next();
  };

  // Padding is most of a case's string bytes: whole groups of it are written in one step.
  const spaces = (count: number) => {
    while (count > 0) {
      if (nCodes === 0 && count >= 8) {
        out.fill(CODE_SPACES, outPos, outPos + 8);
        outPos += 8;
        cutIfFull();
        count -= 8;
      } else {
        code(CODE_SPACES);
        count--;
      }
    }
  };

  const number = (value: SavValue) => {
    const n = typeof value === 'number' ? value : value === null || value === undefined || value === '' ? NaN : Number(value);
    if (!Number.isFinite(n) || n === SYSMIS) code(CODE_SYSMIS);
    else if (Number.isInteger(n) && n >= 1 - BIAS && n <= 251 - BIAS && !Object.is(n, -0)) code(n + BIAS);
    else rawNumber(n);
  };

  /**
   * A string cut to its width at a character boundary, laid out over its segments: each segment
   * holds up to 255 bytes of the string (the last one less), padded with spaces to 8-byte elements.
   */
  const string = (value: SavValue, width: number, segmentWidths: readonly number[]) => {
    const bytes = value === null || value === undefined || value === '' ? NO_BYTES : utf8Bytes(String(value), width);
    let offset = 0;
    for (const segWidth of segmentWidths) {
      const take = Math.min(segWidth, Math.max(0, bytes.length - offset));
      const part = bytes.subarray(offset, offset + take);
      offset += take;
      const elements = Math.ceil(segWidth / 8);
      const filled = Math.ceil(part.length / 8);
      for (let e = 0; e < filled; e++) rawBytes(part, e * 8);
      spaces(elements - filled);
    }
  };

  const take = () => {
    const chunks = ready;
    ready = [];
    return chunks;
  };

  const plan = layout.variables.map((v) => ({ width: v.width, segmentWidths: v.segments.map((s) => s.width) }));

  return {
    /** One case, values in codebook order. */
    encode(row: readonly SavValue[]) {
      for (let i = 0; i < plan.length; i++) {
        const p = plan[i]!;
        if (p.width === 0) number(row[i]);
        else string(row[i], p.width, p.segmentWidths);
      }
    },
    /** The chunks filled so far (each about chunkSize bytes); the caller sends them on. */
    take,
    /** The rest, closed with the end-of-data code. */
    end(): Uint8Array[] {
      code(CODE_END);
      if (outPos > 0) ready.push(out.subarray(0, outPos));
      outPos = 0;
      return take();
    },
  };
}
