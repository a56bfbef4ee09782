import { describe, expect, it } from 'vitest';
import { buildCodebook, exportedAnswer, noOpinionCode } from '../../surveys/codebook';
import { healthOutpatient, sipasCounterShort } from '../../surveys/instruments';

describe('the export codebook', () => {
  const codebook = buildCodebook([{ definition: sipasCounterShort }, { definition: healthOutpatient }]);
  const byName = new Map(codebook.map((v) => [v.name, v]));

  it('lists fixed variables, each question once in form order, then the free text', () => {
    const names = codebook.map((v) => v.name);
    expect(names.slice(0, 3)).toEqual(['id', 'submitted_at', 'unit_code']);
    expect(names.filter((n) => n === 'overall')).toHaveLength(1);
    expect(names.indexOf('access_q')).toBeLessThan(names.indexOf('feedback_q'));
    expect(names.slice(-3)).toEqual(['comment', 'dossier_code', 'flags']);
    expect(byName.get('overall')!.surveys).toEqual([
      { key: 'sipas-counter-short', version: 1 },
      { key: 'health-outpatient', version: 1 },
    ]);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
  });

  it('labels the 5 levels and declares the no-opinion code as missing, outside the valid range', () => {
    const access = byName.get('access_q')!;
    expect(access.values!.map((v) => [v.code, v.label.vi])).toEqual([
      [1, 'Rất không hài lòng'],
      [2, 'Không hài lòng'],
      [3, 'Bình thường'],
      [4, 'Hài lòng'],
      [5, 'Rất hài lòng'],
    ]);
    expect(access.missing).toEqual([{ code: 9, label: { vi: 'Không ý kiến', en: 'No opinion' } }]);
    // the overall question has no "no opinion"
    expect(byName.get('overall')!.missing).toBeUndefined();
    const percent = byName.get('expectations_met')!;
    expect(noOpinionCode(percent.question!)).toBe(999);
    expect(percent.missing).toEqual([{ code: 999, label: { vi: 'Không ý kiến', en: 'No opinion' } }]);
    expect(percent.values).toBeUndefined();
  });

  it('writes answers as values, no opinion as its code, unasked as empty', () => {
    const access = byName.get('access_q')!;
    expect(exportedAnswer(access, 4)).toBe(4);
    expect(exportedAnswer(access, null)).toBe(9);
    expect(exportedAnswer(access, undefined)).toBeNull();
  });
});
