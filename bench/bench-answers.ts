import { allQuestionsOf, type Answers, type SurveyDefinition } from '../surveys/instrument-schema';

/** A source of numbers in [0, 1): Math.random, or a seeded one where a data set must come out the same each time. */
export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ratings as counters near the 90 % target see them: mostly 4 and 5, a few 1s and 2s.
const SCALE5_SHARES: [number, number][] = [
  [5, 0.45],
  [4, 0.4],
  [3, 0.08],
  [2, 0.045],
  [1, 0.025],
];

function scale5(random: Random): number {
  let roll = random();
  for (const [value, share] of SCALE5_SHARES) if ((roll -= share) < 0) return value;
  return 5;
}

/**
 * One person's answers to every rating question of a survey version, one in fifty "no opinion"
 * where the question allows it, and the required choice and percent questions filled in.
 */
export function benchAnswers(def: SurveyDefinition, random: Random): Answers {
  const answers: Answers = {};
  for (const q of allQuestionsOf(def)) {
    if ((q.type === 'scale5' || q.type === 'scale3') && q.allowNoOpinion && !q.required && random() < 0.02) answers[q.key] = null;
    else if (q.type === 'scale5') answers[q.key] = scale5(random);
    else if (q.type === 'scale3') answers[q.key] = random() < 0.1 ? 1 : random() < 0.6 ? 2 : 3;
    else if (q.type === 'choice' && q.required && q.options?.[0]) answers[q.key] = q.options[0].code;
    else if (q.type === 'percent' && q.required) answers[q.key] = Math.floor(random() * 101);
  }
  return answers;
}
