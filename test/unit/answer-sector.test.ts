import { describe, expect, it } from 'vitest';
import { answerSector } from '../../surveys/answer-sector';

describe('answerSector: the sector an answer counts for', () => {
  it('is the one named, when the counter serves it', () => {
    expect(answerSector('business', ['investment', 'business'])).toBe('business');
  });

  it('is the counter’s first sector when none is named', () => {
    expect(answerSector(undefined, ['investment', 'business'])).toBe('investment');
  });

  it('is none when the one named is not served there, or the counter serves none', () => {
    expect(answerSector('land', ['investment', 'business'])).toBeUndefined();
    expect(answerSector(undefined, [])).toBeUndefined();
  });
});
