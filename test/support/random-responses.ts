import type { ActiveCounter } from '../../db/counters';
import { findActiveCounter } from '../../db/counters';
import { storeResponses, type NewResponse } from '../../db/responses';
import type { Channel } from '../../surveys/channels';
import type { DbHandle } from '../../db/create-db';
import { allQuestionsOf, type Answers } from '../../surveys/instrument-schema';
import { respondentSatisfied } from '../../surveys/scoring';

/** A small seeded generator, so a failing random data set can be replayed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS: Channel[] = ['qr', 'kiosk', 'interviewer', 'web'];

export interface RandomResponseOptions {
  count: number;
  seed: number;
  codes: string[];
  from: Date;
  days: number;
  flaggedShare?: number;
}

/** Random answers, stored through the writer path in one call. */
export async function storeRandomResponses(db: DbHandle, opts: RandomResponseOptions): Promise<NewResponse[]> {
  const items = await randomResponses(db, opts);
  await storeResponses(db.dbWrite, items);
  return items;
}

/**
 * Random answers at the demo counters over a span of days (around midnight too, where the
 * Vietnam day and the UTC day differ), not stored yet.
 */
export async function randomResponses(db: DbHandle, opts: RandomResponseOptions): Promise<NewResponse[]> {
  const random = seededRandom(opts.seed);
  const counters: ActiveCounter[] = [];
  for (const code of opts.codes) counters.push((await findActiveCounter(db.dbRead, code))!);
  const items: NewResponse[] = [];
  for (let i = 0; i < opts.count; i++) {
    const counter = counters[Math.floor(random() * counters.length)]!;
    const def = counter.surveyVersion.definition;
    const answers: Answers = {};
    for (const q of allQuestionsOf(def)) {
      if (q.type !== 'scale5') continue;
      const roll = random();
      if (!q.required && roll < 0.1) continue;
      answers[q.key] = !q.required && roll < 0.2 ? null : 1 + Math.floor(random() * 5);
    }
    items.push({
      tenant_id: counter.tenant_id,
      survey_version_id: counter.surveyVersion.id,
      counter_id: counter.id,
      unit_id: counter.unit_id,
      sector_code: counter.sectors[Math.floor(random() * counter.sectors.length)]!,
      channel: CHANNELS[Math.floor(random() * CHANNELS.length)]!,
      submitted_at: new Date(opts.from.getTime() + Math.floor(random() * opts.days * 86_400_000)),
      answers,
      comment: null,
      dossier_code: null,
      client_key: `rand-${opts.seed}-${i}`,
      token_id: null,
      satisfied: respondentSatisfied(def, answers),
      flags: random() < (opts.flaggedShare ?? 0) ? ['burst'] : [],
    });
  }
  return items;
}
