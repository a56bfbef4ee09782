import { crc32, deflateSync } from 'node:zlib';

/**
 * The icon browsers ask every page for (/favicon.ico): a blue disc with a white tick, drawn here
 * as a 32 × 32 PNG inside an ICO file, so no page of hailong ends on a 404 and no image file has
 * to travel beside the server bundle. Browsers cache it; it is a few hundred bytes.
 */
export const FAVICON_PATH = '/favicon.ico';

const SIZE = 32;
const BLUE = [0x0b, 0x4f, 0x9c] as const;

/** Distance from point p to the segment a–b. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Coverage 0–1 of a shape whose edge is at signed distance d (negative inside), smoothed over one pixel. */
const coverage = (d: number) => Math.max(0, Math.min(1, 0.5 - d));

function iconPixels(): Buffer {
  // One filter byte (0, none) before each row of RGBA pixels.
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
  const c = SIZE / 2;
  for (let y = 0; y < SIZE; y++) {
    raw[y * (1 + SIZE * 4)] = 0;
    for (let x = 0; x < SIZE; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const disc = coverage(Math.hypot(px - c, py - c) - 15.5);
      const tick = coverage(Math.min(toSegment(px, py, 8.5, 16.5, 13.5, 21.5), toSegment(px, py, 13.5, 21.5, 23.5, 10.5)) - 2.2);
      const o = y * (1 + SIZE * 4) + 1 + x * 4;
      raw[o] = Math.round(BLUE[0] + (255 - BLUE[0]) * tick);
      raw[o + 1] = Math.round(BLUE[1] + (255 - BLUE[1]) * tick);
      raw[o + 2] = Math.round(BLUE[2] + (255 - BLUE[2]) * tick);
      raw[o + 3] = Math.round(255 * disc);
    }
  }
  return raw;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function iconPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(iconPixels(), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO file holding one PNG image (the form every browser since 2007 reads). */
function icoOf(png: Buffer): Buffer {
  const dir = Buffer.alloc(6 + 16);
  dir.writeUInt16LE(0, 0); // reserved
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(1, 4); // one image
  dir[6] = SIZE;
  dir[7] = SIZE;
  dir[8] = 0; // no palette
  dir[9] = 0;
  dir.writeUInt16LE(1, 10); // colour planes
  dir.writeUInt16LE(32, 12); // bits per pixel
  dir.writeUInt32LE(png.length, 14);
  dir.writeUInt32LE(dir.length, 18);
  return Buffer.concat([dir, png]);
}

export const FAVICON_ICO: Uint8Array<ArrayBuffer> = new Uint8Array(icoOf(iconPng()));

export const FAVICON_HEADERS = { 'Content-Type': 'image/x-icon', 'Cache-Control': 'public, max-age=604800' };
