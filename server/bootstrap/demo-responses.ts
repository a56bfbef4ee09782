import type { Kysely } from 'kysely';
import { buildResponse, counterTarget } from '../../db/build-response';
import { findActiveCounter, type ActiveCounter } from '../../db/counters';
import { storeResponses, type NewResponse } from '../../db/responses';
import type { Database } from '../../db/types';
import {
  allQuestionsOf,
  DEFAULT_TEXT_LENGTH,
  isAsked,
  type AnswerValue,
  type Answers,
  type Question,
} from '../../surveys/instrument-schema';
import { addDays, dayStartUtc, localDay } from '../../surveys/time';
import { DEMO_COUNTERS } from './demo-tenant';

/** Client keys of generated answers start with this, so they can always be told apart. */
export const DEMO_KEY_PREFIX = 'demo-';

/** The full demo's first day: the whole year of the demo merge (1 July 2025), so 2025 shows it mid-year. */
export const DEMO_FIRST_DAY = '2025-01-01';

/**
 * Which days get answers: the `n` days up to the day of now, or the days from `from` to `to`
 * (both included; to defaults to, and never goes past, the day of now).
 */
export type DemoWindow = number | { from: string; to?: string };

/** Days more than this many days before now get about half the visits, to keep the first start quick. */
const DENSE_DAYS = 365;
const DAY_MS = 24 * 3600_000;

// Rough shares satisfied per sector, some below target on purpose so the dashboard has work.
const BASE_SATISFACTION: Record<string, number> = {
  land: 0.82,
  construction: 0.87,
  investment: 0.9,
  business: 0.93,
  health: 0.86,
  education: 0.9,
  civil_status: 0.95,
  justice: 0.91,
};

// The former An Tảo ward's counter does a little worse than Hiến Nam's, so figures recalculated
// onto Phường Phố Hiến are visibly a blend of the two.
const COUNTER_SHIFT: Record<string, number> = { 'demo-an-tao': -0.06 };

const COMMENTS = {
  good: ['Cán bộ nhiệt tình, hướng dẫn rõ ràng.', 'Thủ tục nhanh gọn, trả kết quả đúng hẹn.', 'Phòng chờ sạch sẽ, có đủ ghế ngồi.'],
  bad: [
    'Phải chờ quá lâu, không có số thứ tự.',
    'Hồ sơ bị trả lại nhiều lần vì thiếu giấy tờ.',
    'Cán bộ trả lời qua loa, chưa hướng dẫn kỹ.',
  ],
};

/** Deterministic, so the demo looks the same on every machine. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

const SHORT_TEXTS = {
  good: ['Nhanh', 'Chu đáo', 'Rõ ràng'],
  bad: ['Chờ lâu', 'Thiếu hướng dẫn', 'Đi lại nhiều lần'],
};

/** A 5-level mood (1–5) on the 3-level scale: 4–5 stay satisfied (2, 3), anything lower is Không hài lòng (1). */
const toScale3 = (level5: number) => (level5 >= 5 ? 3 : level5 === 4 ? 2 : 1);

function answerFor(q: Question, satisfied: boolean, overall: number, random: Random): AnswerValue {
  if (!q.required && q.allowNoOpinion && random() < 0.06) return null;
  if (q.type === 'percent') return Math.round(satisfied ? 70 + random() * 30 : 25 + random() * 50);
  if (q.type === 'choice') {
    const codes = (q.options ?? []).map((o) => o.code).sort((a, b) => a - b);
    const half = Math.ceil(codes.length / 2);
    return pick(random, satisfied ? codes.slice(half - 1) : codes.slice(0, half));
  }
  if (q.type === 'multi') {
    // Each option ticked about a third of the time, at least one; stored as a sorted list of codes.
    const codes = (q.options ?? []).map((o) => o.code).sort((a, b) => a - b);
    const ticked = codes.filter(() => random() < 0.35);
    return ticked.length > 0 || codes.length === 0 ? ticked : [pick(random, codes)];
  }
  if (q.type === 'text') {
    if (!q.required && random() < 0.7) return null;
    return pick(random, satisfied ? SHORT_TEXTS.good : SHORT_TEXTS.bad).slice(0, q.maxLength ?? DEFAULT_TEXT_LENGTH);
  }
  // A satisfied respondent's items stay at 4–5, so the factor-mean rule agrees with their mood.
  const level5 = clamp(overall + pick(random, [-1, 0, 0, 0, 1]), satisfied ? 4 : 1, satisfied ? 5 : 4);
  return q.type === 'scale3' ? toScale3(level5) : level5;
}

function answersFor(counter: ActiveCounter, satisfied: boolean, random: Random): Answers {
  const def = counter.surveyVersion.definition;
  const overall = satisfied ? (random() < 0.45 ? 5 : 4) : pick(random, [1, 2, 2, 3, 3, 3]);
  const answers: Answers = {};
  // In form order, so a show-if sees the answer it depends on; a question not asked gets no answer.
  for (const q of allQuestionsOf(def)) {
    if (!isAsked(q, answers)) continue;
    const value = q === def.overall ? (q.type === 'scale3' ? toScale3(overall) : overall) : answerFor(q, satisfied, overall, random);
    if (value !== null || q.type !== 'text') answers[q.key] = value;
  }
  return answers;
}

/**
 * The demo answers of the window's Vietnamese days, for these counters, none dated after `now`.
 * Pure and deterministic: the same counters, clock and window give the same answers.
 */
export function* demoResponses(counters: readonly ActiveCounter[], now: Date, window: DemoWindow): Generator<NewResponse> {
  const today = localDay(now);
  const first = typeof window === 'number' ? addDays(today, -(window - 1)) : window.from;
  const last = typeof window === 'number' || window.to === undefined || window.to > today ? today : window.to;
  const todayStart = dayStartUtc(today).getTime();
  const random = mulberry32(20230101 + Math.round(dayStartUtc(first).getTime() / DAY_MS));
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const start = dayStartUtc(day).getTime();
    const d = Math.round((todayStart - start) / DAY_MS);
    const weekday = new Date(start + 7 * 3600_000).getUTCDay();
    const season = Math.sin((d / 365) * 2 * Math.PI) * 0.03;
    for (const counter of counters) {
      const drawn = weekday === 0 ? 0 : weekday === 6 ? Math.floor(random() * 3) : 3 + Math.floor(random() * 7);
      const visits = d >= DENSE_DAYS ? Math.ceil(drawn / 2) : drawn;
      for (let i = 0; i < visits; i++) {
        const sector = pick(random, counter.sectors);
        const rate = (BASE_SATISFACTION[sector] ?? 0.9) + (COUNTER_SHIFT[counter.code] ?? 0) + season;
        const satisfied = random() < clamp(rate, 0, 1);
        const answers = answersFor(counter, satisfied, random);
        const minutes = 7.5 * 60 + Math.floor(random() * 9.5 * 60);
        const comment = random() < 0.12 ? pick(random, satisfied ? COMMENTS.good : COMMENTS.bad) : null;
        const channel = random() < 0.8 ? 'qr' : 'kiosk';
        const submittedAt = new Date(start + minutes * 60_000);
        // Today's office hours are still to come before 17:00: an answer is never dated after now.
        // Drawn all the same, so the answers already given keep their values as the day goes on.
        if (submittedAt.getTime() > now.getTime()) continue;
        yield buildResponse(
          counterTarget(counter),
          { answers, sector, comment },
          { channel, submittedAt, clientKey: `${DEMO_KEY_PREFIX}${day}-${counter.code}-${i}` },
        );
      }
    }
  }
}

/**
 * Clearly labelled demo answers of the window's days (a year up to `now` unless told), stored
 * through the one writer path in batches, each at the unit its counter is at when it is stored.
 * Returns how many were stored.
 */
export async function generateDemoResponses(
  db: Kysely<Database>,
  now = new Date(),
  window: DemoWindow = 365,
  progress: (line: string) => void = () => {},
): Promise<number> {
  const counters = (await Promise.all(DEMO_COUNTERS.map((c) => findActiveCounter(db, c.code)))).filter(
    (c): c is ActiveCounter => c !== undefined,
  );
  let batch: NewResponse[] = [];
  let stored = 0;
  let month = '';
  const flush = async () => {
    stored += (await storeResponses(db, batch)).filter((r) => !r.replay).length;
    batch = [];
  };
  for (const response of demoResponses(counters, now, window)) {
    const day = localDay(response.submitted_at);
    if (day.slice(0, 7) !== month) {
      month = day.slice(0, 7);
      progress(`  … ${day}: ${stored + batch.length}`);
    }
    batch.push(response);
    if (batch.length >= 500) await flush();
  }
  if (batch.length > 0) await flush();
  return stored;
}
