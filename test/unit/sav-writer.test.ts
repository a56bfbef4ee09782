import { describe, expect, it } from 'vitest';
import { createCaseEncoder } from '../../server/exports/sav/sav-data';
import { savDictionary } from '../../server/exports/sav/sav-dictionary';
import { savLayout, segmentWidths, spssNames } from '../../server/exports/sav/sav-layout';
import { writeSav } from '../../server/exports/sav/sav-writer';
import { buildCodebook, type CodebookVariable } from '../../surveys/codebook';
import { sipasCounterShort } from '../../surveys/instruments';

const text = (s: string) => ({ vi: s, en: s });
const num = (name: string, extra: Partial<CodebookVariable> = {}): CodebookVariable => ({
  name,
  label: text(name),
  type: 'numeric',
  ...extra,
});
const str = (name: string, width: number): CodebookVariable => ({ name, label: text(name), type: 'string', width });
const ascii = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

/** Walks the dictionary's records as a reader would, returning their types (7:n for extensions). */
function recordTypes(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int = (at: number) => view.getInt32(at, true);
  const types: string[] = [];
  let pos = 176; // after the file header
  for (;;) {
    const type = int(pos);
    if (type === 2) {
      const hasLabel = int(pos + 8);
      const nMissing = Math.abs(int(pos + 12));
      pos += 32;
      if (hasLabel) pos += 4 + Math.ceil(int(pos) / 4) * 4;
      pos += nMissing * 8;
      types.push('2');
    } else if (type === 3) {
      const n = int(pos + 4);
      pos += 8;
      for (let i = 0; i < n; i++) pos += 8 + Math.ceil((bytes[pos + 8]! + 1) / 8) * 8;
      types.push('3');
    } else if (type === 4) {
      pos += 8 + int(pos + 4) * 4;
      types.push('4');
    } else if (type === 7) {
      types.push(`7:${int(pos + 4)}`);
      pos += 16 + int(pos + 8) * int(pos + 12);
    } else if (type === 999) {
      types.push('999');
      pos += 8;
      return { types, end: pos };
    } else {
      throw new Error(`unexpected record type ${type} at ${pos}`);
    }
  }
}

describe('SPSS layout', () => {
  it('splits strings wider than 255 bytes into 255-byte segments, one per 252 bytes of width', () => {
    expect(segmentWidths(8)).toEqual([8]);
    expect(segmentWidths(255)).toEqual([255]);
    expect(segmentWidths(256)).toEqual([255, 4]);
    expect(segmentWidths(4000)).toEqual([...Array(15).fill(255), 220]);
  });

  it('keeps names SPSS accepts: reserved words and case-insensitive twins are renamed', () => {
    expect(spssNames(['overall', 'to', 'Overall', 'x'.repeat(70), '9a'])).toEqual(['overall', 'to_v', 'Overall_2', 'x'.repeat(64), 'v_9a']);
  });

  it('gives every segment a unique 8-byte short name that is no other variable’s long name', () => {
    const layout = savLayout([num('civil_servant_1'), num('civil_servant_2'), num('civil_se'), str('comment', 600), num('id')]);
    const shorts = layout.variables.flatMap((v) => v.segments.map((s) => s.shortName));
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const s of shorts) expect(s).toMatch(/^[A-Z][A-Z0-9_]{0,7}$/);
    expect(shorts).toContain('CIVIL_SE'); // the variable whose long name it is
    expect(shorts.filter((s) => s.startsWith('CIVIL'))).toHaveLength(3);
    expect(layout.variables.map((v) => v.segments.length)).toEqual([1, 1, 1, 3, 1]);
    // 600 bytes: segments 255, 255, 96 → 32 + 32 + 12 elements; indexes count continuation records
    expect(layout.variables.map((v) => v.dictionaryIndex)).toEqual([1, 2, 3, 4, 80]);
    expect(layout.caseElements).toBe(80);
  });
});

describe('SPSS dictionary', () => {
  const codebook = buildCodebook([{ definition: sipasCounterShort }]);
  const layout = savLayout(codebook);
  const bytes = savDictionary(layout, { fileLabel: 'hailong test', now: new Date('2026-03-14T17:30:00Z') });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  it('writes a header for bytecode-compressed, unweighted data of unknown length', () => {
    expect(ascii(bytes.subarray(0, 4))).toBe('$FL2');
    expect(ascii(bytes.subarray(4, 64)).trimEnd()).toBe('@(#) SPSS DATA FILE hailong');
    expect(view.getInt32(64, true)).toBe(2); // layout code
    expect(view.getInt32(68, true)).toBe(layout.caseElements);
    expect(view.getInt32(72, true)).toBe(1); // bytecode compression
    expect(view.getInt32(76, true)).toBe(0); // not weighted
    expect(view.getInt32(80, true)).toBe(-1); // cases unknown until the stream ends
    expect(view.getFloat64(84, true)).toBe(100);
    expect(ascii(bytes.subarray(92, 109))).toBe('15 Mar 2600:30:00'); // Vietnam time
    expect(ascii(bytes.subarray(109, 173)).trimEnd()).toBe('hailong test');
  });

  it('lists records in the required order and ends exactly at the termination record', () => {
    const { types, end } = recordTypes(bytes);
    expect(end).toBe(bytes.length);
    const extensions = types.filter((t) => t.startsWith('7:')).map((t) => Number(t.slice(2)));
    expect(extensions).toEqual([3, 4, 11, 13, 14, 20, 21]);
    expect(extensions).toEqual([...extensions].sort((a, b) => a - b));
    // one value-label set for the 1–5 scale with "Không ý kiến", shared by the five factor questions
    expect(types.filter((t) => t === '3')).toHaveLength(3); // satisfied, overall, factor questions
    expect(types.indexOf('3')).toBeGreaterThan(types.lastIndexOf('2'));
  });

  it('declares UTF-8 twice (code page 65001 and the encoding record) and carries labels in UTF-8', () => {
    const all = Buffer.from(bytes);
    expect(all.includes(Buffer.from('UTF-8'))).toBe(true);
    const info = all.indexOf(Buffer.from([7, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0]));
    expect(all.readInt32LE(info + 16 + 7 * 4)).toBe(65001);
    expect(all.includes(Buffer.from('Rất không hài lòng'))).toBe(true);
    expect(all.includes(Buffer.from('SIPAS_AC=sipas_access_q\tSIPAS_PR=sipas_procedure_q'))).toBe(true);
    expect(all.includes(Buffer.from('COMMENT=04000\0\t'))).toBe(true);
  });
});

describe('SPSS cases (bytecode compression)', () => {
  const layout = savLayout([num('a'), num('b'), str('s', 10), num('w'), str('t', 4)]);
  const encode = (...rows: (number | string | null)[][]) => {
    const enc = createCaseEncoder(layout);
    for (const r of rows) enc.encode(r);
    return Buffer.concat(enc.end());
  };

  it('codes small whole numbers in one byte, others raw; null as system-missing; spaces as one byte', () => {
    const out = encode([3, null, 'ab', 1.5, 'ấấ']);
    // a=3 → 103, b → 255, s → raw "ab      " + all spaces, w → raw 1.5, t → raw "ấ" cut to 4 bytes, end
    expect([...out.subarray(0, 8)]).toEqual([103, 255, 253, 254, 253, 253, 252, 0]);
    expect(out.subarray(8, 16).toString()).toBe('ab      ');
    expect(out.readDoubleLE(16)).toBe(1.5);
    expect(out.subarray(24, 32).toString()).toBe(`ấ${' '.repeat(5)}`); // 'ấấ' is 6 bytes: cut whole at 3
    expect(out.length).toBe(32);
  });

  it('runs groups of 8 codes across cases; numbers outside -99…151 are written raw', () => {
    const out = encode([-100, 152, '', 0, ''], [-99, 151, null, Number.NaN, null]);
    expect([...out.subarray(0, 8)]).toEqual([253, 253, 254, 254, 100, 254, 1, 251]);
    expect(out.readDoubleLE(8)).toBe(-100);
    expect(out.readDoubleLE(16)).toBe(152);
    expect([...out.subarray(24, 32)]).toEqual([254, 254, 255, 254, 252, 0, 0, 0]);
  });

  it('streams the dictionary then ~64 KiB chunks, never the whole file at once', async () => {
    const codebook = [num('id'), str('comment', 4000)];
    async function* rows() {
      for (let i = 0; i < 5000; i++) yield [i + 1000, `Góp ý ${i} `.repeat(20)];
    }
    const sizes: number[] = [];
    for await (const chunk of writeSav(codebook, rows())) sizes.push(chunk.length);
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.max(...sizes.slice(1))).toBeLessThan(64 * 1024 + 72);
  });
});
