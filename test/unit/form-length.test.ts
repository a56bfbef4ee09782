import { describe, expect, it } from 'vitest';
import { aboutMinutes, minutesToAnswer, questionCount, SECONDS_PER_QUESTION } from '../../surveys/answer-time';
import { asksDossierCode } from '../../surveys/dossier-field';
import { educationSurvey, healthOutpatient, sipasCounterLong, sipasCounterShort } from '../../surveys/instruments';

const formOf = (questions: number) => ({
  factors: [
    {
      key: 'f',
      label: { vi: 'f', en: 'f' },
      items: Array.from({ length: questions }, (_, i) => ({
        key: `q${i}`,
        type: 'scale5' as const,
        text: { vi: 'x', en: 'x' },
        required: false,
        allowNoOpinion: true,
      })),
    },
  ],
  extras: [],
});

describe('how long a form takes (surveys/answer-time.ts)', () => {
  it('is ten seconds a question, rounded up to whole minutes, never less than one', () => {
    expect(SECONDS_PER_QUESTION).toBe(10);
    expect([1, 6, 7, 12, 13, 18, 19].map((n) => minutesToAnswer(formOf(n)))).toEqual([1, 1, 2, 2, 3, 3, 4]);
  });

  it('counts every question each built-in form shows, so the poster never promises one minute for a long form', () => {
    expect(
      [sipasCounterShort, sipasCounterLong, healthOutpatient, educationSurvey].map((s) => [s.key, questionCount(s), minutesToAnswer(s)]),
    ).toEqual([
      ['sipas-counter-short', 6, 1],
      ['sipas-counter', 23, 4],
      ['health-outpatient', 21, 4],
      ['education', 17, 3],
    ]);
  });

  it('says it in both languages, with the English plural', () => {
    expect(aboutMinutes(1)).toEqual({ vi: 'khoảng 1 phút', en: 'about 1 minute' });
    expect(aboutMinutes(4)).toEqual({ vi: 'khoảng 4 phút', en: 'about 4 minutes' });
  });
});

describe('which forms ask for the dossier code (surveys/dossier-field.ts)', () => {
  it('the one-stop counter forms do; the hospital and school forms do not', () => {
    expect(asksDossierCode(sipasCounterShort)).toBe(true);
    expect(asksDossierCode(sipasCounterLong)).toBe(true);
    expect(asksDossierCode(healthOutpatient)).toBe(false);
    expect(asksDossierCode(educationSurvey)).toBe(false);
  });
});
