import { describe, expect, it } from 'vitest';
import { posterFileOf } from '../../server/posters/poster-file';

describe('posterFileOf: what a poster address asks for', () => {
  it('a counter’s printable page, or its QR as SVG or PNG', () => {
    expect(posterFileOf('demo-land')).toEqual({ code: 'demo-land', kind: 'page' });
    expect(posterFileOf('demo-land.svg')).toEqual({ code: 'demo-land', kind: 'svg' });
    expect(posterFileOf('quay-1.png')).toEqual({ code: 'quay-1', kind: 'png' });
  });

  it('nothing for other files or names that are no counter code', () => {
    for (const segment of ['demo-land.pdf', 'demo-land.svg.png', 'Demo-Land', '-land', 'x', '../demo-land', 'demo-land.']) {
      expect(posterFileOf(segment)).toBeUndefined();
    }
  });
});
