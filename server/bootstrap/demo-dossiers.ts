import type { Kysely } from 'kysely';
import { storeDossiers } from '../../db/dossiers';
import type { Database } from '../../db/types';
import { addDays, dayStartUtc, localDay } from '../../surveys/time';
import { resolveDossiers } from '../dossiers/resolve-dossiers';

/** Where the demo's dossiers are received: the service centre's counters and two wards, with their procedures. */
const DESKS = [
  { unit: '33-TTPVHCC', counter: 'demo-land', sector: 'land', procedure: ['1.004227', 'Đăng ký biến động quyền sử dụng đất'], late: 0.12 },
  {
    unit: '33-TTPVHCC',
    counter: 'demo-construction',
    sector: 'construction',
    procedure: ['1.009972', 'Cấp giấy phép xây dựng'],
    late: 0.06,
  },
  {
    unit: '33-TTPVHCC',
    counter: 'demo-investment',
    sector: 'investment',
    procedure: ['2.001610', 'Cấp giấy chứng nhận đăng ký đầu tư'],
    late: 0.03,
  },
  { unit: '11953', counter: null, sector: 'civil_status', procedure: ['1.001193', 'Đăng ký khai sinh'], late: 0.01 },
  { unit: '11980', counter: null, sector: 'land', procedure: ['1.004227', 'Đăng ký biến động quyền sử dụng đất'], late: 0.09 },
] as const;

const DAY_MS = 24 * 3600_000;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The demo's one-stop dossiers from `firstDay` to now, as the provincial system would send them:
 * most finished on time, some late, some rated on the portal (3 or 5 levels), a few complained
 * about; the last days' still open. Deterministic, like the demo answers.
 */
export function demoDossiers(now: Date, firstDay: string): Record<string, unknown>[] {
  const random = mulberry32(766);
  const today = localDay(now);
  const items: Record<string, unknown>[] = [];
  for (let day = firstDay; day <= today; day = addDays(day, 1)) {
    const start = dayStartUtc(day).getTime();
    const weekday = new Date(start + 7 * 3600_000).getUTCDay();
    if (weekday === 0) continue;
    DESKS.forEach((desk, d) => {
      const count = weekday === 6 ? Math.floor(random() * 2) : 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const received = start + (8 + random() * 8) * 3600_000;
        const due = received + (3 + Math.floor(random() * 10)) * DAY_MS;
        const late = random() < desk.late;
        const finished = late ? due + (1 + random() * 5) * DAY_MS : received + random() * (due - received);
        const open = finished > now.getTime();
        const scale = random() < 0.7 ? 3 : 5;
        const rated = !open && random() < 0.45;
        const rating = rated
          ? scale === 3
            ? random() < 0.06 + (late ? 0.3 : 0)
              ? 1
              : random() < 0.6
                ? 3
                : 2
            : 1 + Math.floor(3 + random() * 2.2 - (late ? 2 : 0))
          : null;
        const complained = !open && random() < (late ? 0.25 : 0.015);
        const complaintDue = finished + 10 * DAY_MS;
        const answered = complained && complaintDue - 3 * DAY_MS < now.getTime() ? complaintDue + (random() < 0.8 ? -3 : 2) * DAY_MS : null;
        const number = String(items.length + 1).padStart(5, '0');
        items.push({
          code: `000.00.${String(10 + d)}.H33-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${number}`,
          procedureCode: desk.procedure[0],
          procedureName: desk.procedure[1],
          sector: desk.sector,
          unit: desk.unit,
          ...(desk.counter ? { counter: desk.counter } : {}),
          channel: random() < 0.35 ? 'online' : 'in_person',
          receivedAt: new Date(received),
          dueAt: new Date(due),
          finishedAt: open ? null : new Date(finished),
          rating: rating === null ? null : Math.max(1, Math.min(scale, rating)),
          ratingScale: rated ? scale : null,
          complained,
          complaintDueAt: complained ? new Date(complaintDue) : null,
          complaintAnsweredAt: answered === null || answered > now.getTime() ? null : new Date(answered),
          complaintSatisfied: answered === null || answered > now.getTime() ? null : random() < 0.7,
        });
      }
    });
  }
  return items;
}

/** Stores the demo dossiers of the tenant (the units of today's tree); returns how many. */
export async function storeDemoDossiers(db: Kysely<Database>, tenantId: number, now: Date, firstDay: string): Promise<number> {
  const items = demoDossiers(now, firstDay);
  const { records, problems } = await resolveDossiers(
    db,
    tenantId,
    undefined,
    items.map((value, at) => ({ at, value })),
  );
  if (problems.length > 0) throw new Error(`demo dossiers refused: ${JSON.stringify(problems.slice(0, 3))}`);
  const stored = await storeDossiers(db, tenantId, records, 'import');
  return stored.created + stored.updated;
}

export const DEMO_DOSSIER_DAYS = 365;
export const demoDossierFirstDay = (now: Date, notBefore: string) => {
  const first = addDays(localDay(now), -DEMO_DOSSIER_DAYS);
  return first < notBefore ? notBefore : first;
};
