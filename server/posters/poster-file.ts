import { COUNTER_CODE_SOURCE } from '../../surveys/counter-code';

// One path segment names the poster page or one of its downloads: demo-land, demo-land.svg, demo-land.png.
const POSTER_FILE = new RegExp(`^(${COUNTER_CODE_SOURCE})(?:\\.(svg|png))?$`);

/** What a poster address asks for: a counter's printable page, or its QR as SVG or PNG; undefined for anything else. */
export function posterFileOf(segment: string): { code: string; kind: 'page' | 'svg' | 'png' } | undefined {
  const match = POSTER_FILE.exec(segment);
  if (!match) return undefined;
  return { code: match[1]!, kind: (match[2] as 'svg' | 'png' | undefined) ?? 'page' };
}
