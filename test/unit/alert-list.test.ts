import { describe, expect, it } from 'vitest';
import { alertList } from '../../server/alerts/alert-list';

describe('alertList: the sector × unit pairs that need attention', () => {
  const targets = (sector: string, year: number) => (year === 2026 ? (sector === 'civil_status' ? 90 : 85) : 0);
  const alerts = alertList({
    now: [
      { key: 'health|3', satisfied: 44, valid: 50 },
      { key: 'land|2', satisfied: 40, valid: 50 },
      { key: 'civil_status|2', satisfied: 48, valid: 50 },
      { key: 'land|4', satisfied: 5, valid: 10 },
      { key: 'investment|2', satisfied: 39, valid: 50 },
    ],
    before: [
      { key: 'health|3', satisfied: 38, valid: 40 },
      { key: 'civil_status|2', satisfied: 40, valid: 40 },
      { key: 'investment|2', satisfied: 45, valid: 50 },
    ],
    unitName: new Map([
      [2, 'Phường An Tảo'],
      [3, 'Bệnh viện Đa khoa tỉnh'],
    ]),
    targets,
    year: 2026,
  });

  it('lists the pairs below target or falling, furthest below target first, and leaves out those fine or too small', () => {
    expect(alerts.map((a) => [a.kinds, a.sector, a.unitId])).toEqual([
      [['below_target', 'dropped'], 'investment', 2],
      [['below_target'], 'land', 2],
      [['dropped'], 'health', 3],
    ]);
  });

  it('lists a pair both below target and fallen once, with both reasons and the drop', () => {
    const investment = alerts.filter((a) => a.sector === 'investment' && a.unitId === 2);
    expect(investment).toHaveLength(1);
    expect(investment[0]).toMatchObject({ kinds: ['below_target', 'dropped'], current: { rate: 78, target: 85 }, previous: { rate: 90 } });
    expect(investment[0]!.drop).toBeCloseTo(12, 9);
  });

  it('says by how much, against the target of that sector in that year, with the unit’s name', () => {
    const [, land, health] = alerts;
    expect(land).toMatchObject({
      sectorLabel: 'Đất đai',
      unitName: 'Phường An Tảo',
      current: { n: 50, satisfied: 40, rate: 80, target: 85 },
      previous: { n: 0, rate: null },
      drop: null,
    });
    expect(health).toMatchObject({
      sectorLabel: 'Y tế',
      unitName: 'Bệnh viện Đa khoa tỉnh',
      current: { n: 50, rate: 88, target: 85 },
      previous: { n: 40, rate: 95 },
    });
    expect(health!.drop).toBeCloseTo(7, 9);
  });
});
