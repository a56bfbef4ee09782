import { readdirSync, readFileSync, statSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { ActiveCounter } from '../../db/counters';
import { TEXTS } from '../../client/citizen/citizen-texts';
import { renderBilingualMessagePage, renderBusyPage, renderThankYouPage } from '../../server/citizen/message-pages';
import { thankYou } from '../../server/citizen/thank-you';
import { renderSurveyFormPage } from '../../server/citizen/survey-form-page';
import { T } from '../../server/citizen/texts';
import { renderCounterPoster } from '../../server/posters/poster-page';
import { P } from '../../server/posters/poster-texts';
import { EMPTY_VALUES } from '../../surveys/form-fields';
import { INSTRUMENTS } from '../../surveys/instruments';

/**
 * A public service addresses the citizen as "Ông/Bà" (the formal register), never as "bạn" (a
 * friend's "you"). Every text a citizen reads comes from these files: the citizen pages, their
 * script, the posters, the instruments and the shared words the form shows.
 */
const CITIZEN_SOURCES = [
  'server/citizen',
  'server/posters',
  'client/citizen',
  'surveys/instruments',
  'surveys/scale.ts',
  'surveys/sectors.ts',
  'surveys/answers-schema.ts',
  'surveys/answer-time.ts',
];

// "bạn" as a word, in any case, whichever way its letters are composed.
const BAN = /(?<![\p{L}\p{M}])bạn(?![\p{L}\p{M}])/iu;
const hasBan = (text: string) => BAN.test(text.normalize('NFC'));

function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `${path}/${f}`);
}

/** Every piece of text a source file can show: its string literals, template pieces and JSX text. */
function shownTexts(path: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function counterOf(definition: (typeof INSTRUMENTS)[number]): ActiveCounter {
  return {
    id: 1,
    tenant_id: 1,
    unit_id: 1,
    code: 'counter-1',
    name: 'Quầy Đất đai',
    kiosk: false,
    survey_id: 1,
    unit_name: 'UBND phường An Tảo',
    tenant_name: 'Tỉnh Hưng Yên',
    retention_months: 24,
    sectors: ['land', 'construction'],
    surveyVersion: { id: 1, version: definition.version, definition },
  };
}

describe('the citizen is addressed as Ông/Bà', () => {
  it('the word "bạn" is found by the check, however it is written', () => {
    for (const text of ['Cảm ơn bạn!', 'Bạn không cần làm gì', 'BẠN', 'ba\u0323n đã gửi']) expect(hasBan(text)).toBe(true);
    for (const text of ['Cảm ơn Ông/Bà!', 'bạo lực học đường', 'bàn', 'bản đồ']) expect(hasBan(text)).toBe(false);
  });

  it('no text in a citizen-facing source file says "bạn"', () => {
    const offending = CITIZEN_SOURCES.flatMap(sourceFiles).flatMap((path) =>
      shownTexts(path)
        .filter((t) => hasBan(t.text))
        .map((t) => `${path}:${t.line}: ${t.text}`),
    );
    expect(offending).toEqual([]);
  });

  it('no text table or instrument of the citizen side says "bạn"', () => {
    const tables = { T, TEXTS, P };
    for (const [table, words] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(words))
        expect({ at: `${table}.${key}`, bạn: hasBan(text.vi) }).toEqual({ at: `${table}.${key}`, bạn: false });
    }
    for (const instrument of INSTRUMENTS)
      expect({ instrument: instrument.key, bạn: hasBan(JSON.stringify(instrument)) }).toEqual({ instrument: instrument.key, bạn: false });
  });

  it('no page a citizen sees says "bạn": every form, the thank-you, busy and message pages, and the poster', () => {
    const pages = [
      ...INSTRUMENTS.flatMap((definition) =>
        (['vi', 'en'] as const).map((lang) =>
          renderSurveyFormPage({
            counter: counterOf(definition),
            lang,
            kiosk: false,
            kioskIntervalSeconds: 10,
            kioskIdleSeconds: 60,
            token: 't.s',
            clientKey: 'k',
            values: EMPTY_VALUES,
            errors: {},
          }),
        ),
      ),
      renderThankYouPage('vi', 'counter-1', thankYou('secret', 1, { id: 7, openedCase: null })),
      renderThankYouPage('vi', 'counter-1', thankYou('secret', 1, { id: 7, openedCase: { dueAt: new Date(), callBack: true } }), {
        intervalSeconds: 10,
      }),
      renderThankYouPage('vi', 'counter-1', thankYou('secret', 1, { id: 7, openedCase: { dueAt: new Date(), callBack: false } })),
      renderBusyPage('vi', T.busyAnswersKept),
      renderBilingualMessagePage(T.notFoundTitle, T.notFoundBody),
      renderCounterPoster(
        {
          counter: {
            id: 1,
            code: 'counter-1',
            name: 'Quầy Đất đai',
            unit_name: 'UBND phường An Tảo',
            unit_id: 7,
            unit_path: '1/',
            sectors: ['land'],
            survey: INSTRUMENTS[0]!,
          },
          url: 'https://hailong.example.vn/q/counter-1',
          qrSvg: '<svg></svg>',
        },
        'a4',
      ),
    ];
    for (const html of pages) expect(hasBan(html)).toBe(false);
  });
});
