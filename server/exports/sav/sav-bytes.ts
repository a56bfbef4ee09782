/**
 * Little-endian byte building for SPSS system files. Every integer and float in a .sav file is
 * written in the byte order the header's layout code announces; hailong always writes
 * little-endian (layout code 2 read as little-endian), which every reader detects.
 */

const encoder = new TextEncoder();

/** The system-missing value: the most negative finite double. */
export const SYSMIS = -Number.MAX_VALUE;

export const SPACE = 0x20;

/**
 * UTF-8 bytes of the text, cut to at most maxBytes without splitting a character: a cut
 * mid-character would leave an invalid byte sequence that readers show as garbage.
 */
export function utf8Bytes(text: string, maxBytes = Infinity): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return bytes;
  let cut = maxBytes;
  // Continuation bytes are 10xxxxxx: step back to the start of the character being cut.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut);
}

export const roundUp = (n: number, to: number) => Math.ceil(n / to) * to;

/** A growable buffer for the dictionary, which is small (kilobytes) and written once. */
export function createByteWriter(initialSize = 4096) {
  let buf = new Uint8Array(initialSize);
  let view = new DataView(buf.buffer);
  let pos = 0;

  const reserve = (n: number) => {
    if (pos + n <= buf.length) return;
    const bigger = new Uint8Array(Math.max(buf.length * 2, pos + n));
    bigger.set(buf.subarray(0, pos));
    buf = bigger;
    view = new DataView(buf.buffer);
  };

  const w = {
    int32(n: number) {
      reserve(4);
      view.setInt32(pos, n, true);
      pos += 4;
      return w;
    },
    float64(n: number) {
      reserve(8);
      view.setFloat64(pos, n, true);
      pos += 8;
      return w;
    },
    bytes(b: Uint8Array) {
      reserve(b.length);
      buf.set(b, pos);
      pos += b.length;
      return w;
    },
    /** Bytes padded (or cut) to exactly `size`, filled with `fill` (spaces for text, zeros for padding). */
    fixed(b: Uint8Array, size: number, fill = SPACE) {
      reserve(size);
      const n = Math.min(b.length, size);
      buf.set(b.subarray(0, n), pos);
      buf.fill(fill, pos + n, pos + size);
      pos += size;
      return w;
    },
    /** ASCII or UTF-8 text padded with spaces to `size` bytes, never splitting a character. */
    text(s: string, size: number) {
      return w.fixed(utf8Bytes(s, size), size);
    },
    get length() {
      return pos;
    },
    /** The bytes written so far (a copy, so the writer can be reused or dropped). */
    toBytes() {
      return buf.slice(0, pos);
    },
  };
  return w;
}

export type ByteWriter = ReturnType<typeof createByteWriter>;
