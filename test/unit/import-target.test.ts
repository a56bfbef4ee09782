import { describe, expect, it } from 'vitest';
import { strataByCode } from '../../server/imports/import-target';

describe('strataByCode: the strata an import may name', () => {
  const units = [
    { id: 1, code: 'HY' },
    { id: 2, code: 'HY-TP-AN-TAO' },
    { id: 3, code: 'HY-TP-HIEN-NAM' },
    { id: 4, code: 'HY-BVDK' },
  ];
  const strata = [
    { unit_id: 2, unit_path: '/1/5/2/' },
    { unit_id: 3, unit_path: '/1/5/3/' },
    { unit_id: 4, unit_path: '/1/4/' },
  ];

  it('gives every stratum by its unit code to a caller who sees the whole tenant', () => {
    expect([...strataByCode(strata, units, undefined)]).toEqual([
      ['HY-TP-AN-TAO', 2],
      ['HY-TP-HIEN-NAM', 3],
      ['HY-BVDK', 4],
    ]);
  });

  it('keeps a caller with a unit to the strata of their subtree', () => {
    expect([...strataByCode(strata, units, '/1/5/')]).toEqual([
      ['HY-TP-AN-TAO', 2],
      ['HY-TP-HIEN-NAM', 3],
    ]);
    expect([...strataByCode(strata, units, '/1/5/3/')]).toEqual([['HY-TP-HIEN-NAM', 3]]);
    expect(strataByCode(strata, units, '/9/').size).toBe(0);
  });

  it('never offers a unit that is not a stratum of the wave', () => {
    expect(strataByCode(strata, units, undefined).has('HY')).toBe(false);
  });
});
