import { describe, expect, it } from 'vitest';
import { ANSWER_REFERENCE_PATTERN, answerReference } from '../../server/references/answer-reference';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('answerReference', () => {
  it('is two groups of five unambiguous characters, the same every time for one answer', () => {
    const ref = answerReference(SECRET, 1, 9825);
    expect(ref).toMatch(ANSWER_REFERENCE_PATTERN);
    expect(ref).not.toMatch(/[ILOU]/);
    expect(answerReference(SECRET, 1, 9825)).toBe(ref);
  });

  it('does not show the id and cannot be worked out from neighbours: consecutive ids give unrelated references', () => {
    const refs = Array.from({ length: 2000 }, (_, i) => answerReference(SECRET, 1, 9000 + i));
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.some((ref, i) => ref.replace('-', '').includes(String(9000 + i)))).toBe(false);
    // neither sorted like the ids nor sharing a prefix: each first character shows up about equally often
    expect([...refs].sort()).not.toEqual(refs);
    const firsts = new Map<string, number>();
    for (const ref of refs) firsts.set(ref[0]!, (firsts.get(ref[0]!) ?? 0) + 1);
    expect(firsts.size).toBe(32);
    expect(Math.max(...firsts.values())).toBeLessThan((2000 / 32) * 2);
  });

  it('depends on the server secret and the tenant, so nobody without the secret can compute one', () => {
    const ref = answerReference(SECRET, 1, 42);
    expect(answerReference(`${SECRET}-other`, 1, 42)).not.toBe(ref);
    expect(answerReference(SECRET, 2, 42)).not.toBe(ref);
  });
});
