import QRCode from 'qrcode';

/**
 * Error correction: a poster on a counter gets smudged, creased and laminated with glare, so it
 * carries level Q (a quarter of the code may be lost); a receipt slip is small and printed crisp
 * on a thermal printer, where level M keeps the modules larger for the same area.
 */
export type QrUse = 'poster' | 'receipt';
const LEVEL = { poster: 'Q', receipt: 'M' } as const;

/** Four modules of white around the code: the quiet zone the QR standard asks for. */
const QUIET_ZONE = 4;

export const POSTER_PNG_PX = 1024;
export const RECEIPT_PNG_PX = 512;

/** The bare QR as an SVG element, to be placed inline in a page (scales to its box). */
export async function qrSvg(text: string, use: QrUse): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: LEVEL[use], margin: QUIET_ZONE });
  return svg.replace(/^<\?xml[^>]*>\s*/, '').trim();
}

export function qrPng(text: string, use: QrUse): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: LEVEL[use],
    margin: QUIET_ZONE,
    width: use === 'poster' ? POSTER_PNG_PX : RECEIPT_PNG_PX,
  });
}

/**
 * A standalone SVG file: the QR with the address printed under it, so a print shop or a sign
 * maker can use it as it is and someone whose camera fails can still type the address.
 */
export async function qrSvgWithCaption(text: string, use: QrUse): Promise<string> {
  const size = 1000;
  const captionHeight = 110;
  const inner = (await qrSvg(text, use)).replace('<svg ', `<svg x="0" y="0" width="${size}" height="${size}" `);
  // Narrow enough that the longest counter address still fits the width of the code.
  const fontSize = Math.min(44, Math.floor((size * 0.92) / (0.6 * text.length)));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size + captionHeight}" width="${size}" height="${size + captionHeight}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    inner +
    `<text x="${size / 2}" y="${size + captionHeight / 2}" text-anchor="middle" dominant-baseline="middle" ` +
    `font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="${fontSize}" fill="#000000">${escapeXml(text)}</text>` +
    `</svg>\n`
  );
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
