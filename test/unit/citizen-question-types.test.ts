import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { ActiveCounter } from '../../db/counters';
import { renderSurveyFormPage } from '../../server/citizen/survey-form-page';
import { previewThanksPage, renderSurveyPreviewPage } from '../../server/citizen/survey-preview-page';
import { showIfCss } from '../../server/citizen/show-if-css';
import { EMPTY_VALUES, formFieldsToSubmission, optionField } from '../../surveys/form-fields';
import { DESIGNER_SURVEY_40 } from '../fixtures/designer-survey-40';

const counter: ActiveCounter = {
  id: 1,
  tenant_id: 1,
  unit_id: 1,
  code: 'designer-40',
  name: 'Bộ phận Một cửa',
  kiosk: false,
  survey_id: 1,
  unit_name: 'UBND xã Tân Hưng',
  tenant_name: 'Tỉnh Hưng Yên',
  retention_months: 24,
  sectors: ['land'],
  surveyVersion: { id: 9, version: 1, definition: DESIGNER_SURVEY_40 },
};

const page = (over: Partial<Parameters<typeof renderSurveyFormPage>[0]> = {}) =>
  renderSurveyFormPage({
    counter,
    lang: 'vi',
    kiosk: false,
    kioskIntervalSeconds: 10,
    kioskIdleSeconds: 60,
    token: 't.s',
    clientKey: 'k',
    values: EMPTY_VALUES,
    errors: {},
    ...over,
  });

/** The fieldset of one question, found by one of its field names. */
function fieldsetOf(html: string, name: string): string {
  // After the head: the show-if style names fields too.
  const at = html.indexOf(`name="${name}"`, html.indexOf('</head>'));
  expect(at).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf('<fieldset', at), html.indexOf('</fieldset>', at));
}

describe('the citizen page asks every question type', () => {
  it('draws a 3-level scale with three faces, a multiple choice as boxes and a short text with its limit', () => {
    const html = page();
    const scale3 = fieldsetOf(html, 'q.scale3_1');
    expect(scale3).toContain('class="scale s3"');
    expect(scale3.match(/type="radio" name="q.scale3_1" value="[123]"/g)).toHaveLength(3);
    expect(scale3).toContain('Rất hài lòng');
    expect(scale3).toContain('value="na"');
    const multi = fieldsetOf(html, optionField('channels', 1));
    for (let code = 1; code <= 8; code++) expect(multi).toContain(`type="checkbox" name="q.channels.${code}" value="1"`);
    expect(multi).toContain('type="checkbox" name="q.channels" value="na"');
    expect(fieldsetOf(html, 'q.portal_problem')).toContain('type="text" name="q.portal_problem" maxlength="120"');
    expect(fieldsetOf(html, 'q.idea')).toContain('maxlength="200"');
    expect(fieldsetOf(html, 'q.visits')).toMatch(/type="radio" name="q.visits" value="3"/);
    expect(fieldsetOf(html, 'q.met_share')).toContain('type="number"');
    expect(html).toContain('Câu 40/40');
  });

  it('speaks English on the English page, the Vietnamese where the designer gave no English', () => {
    const html = page({ lang: 'en' });
    expect(fieldsetOf(html, 'q.scale3_1')).toContain('Very satisfied');
    expect(fieldsetOf(html, 'q.channels.2')).toContain('Qua Cổng Dịch vụ công quốc gia');
    expect(html).toContain('Question 1/40');
  });

  it('keeps every answer given when the page comes back with an error: boxes, radios and text', () => {
    const { values } = formFieldsToSubmission({
      [optionField('channels', 2)]: '1',
      [optionField('channels', 5)]: '1',
      'q.scale3_2': '3',
      'q.idea': 'Mở thêm quầy "buổi tối" & <thứ bảy>',
      'q.portal_problem': '123',
    });
    const html = page({ values, errors: { overall: { vi: 'Xin trả lời câu hỏi này.', en: 'Please answer.' } } });
    const multi = fieldsetOf(html, 'q.channels.1');
    expect(multi).toContain('name="q.channels.2" value="1" checked');
    expect(multi).toContain('name="q.channels.5" value="1" checked');
    expect(multi).not.toContain('name="q.channels.1" value="1" checked');
    expect(fieldsetOf(html, 'q.scale3_2')).toContain('value="3" checked');
    expect(fieldsetOf(html, 'q.idea')).toContain('value="Mở thêm quầy &quot;buổi tối&quot; &amp; &lt;thứ bảy>"');
    expect(fieldsetOf(html, 'q.portal_problem')).toContain('value="123"');
  });

  it('sends digits typed in a short text as text, and ticked boxes as a list', () => {
    const { envelope } = formFieldsToSubmission(
      { 'q.idea': '0912', 'q.met_share': '80', [optionField('improve', 3)]: '1', [optionField('improve', 1)]: '1' },
      new Set(['idea']),
    );
    expect(envelope.answers).toEqual({ idea: '0912', met_share: 80, improve: [3, 1] });
  });
});

describe('show-if without script', () => {
  const css = showIfCss(DESIGNER_SURVEY_40);

  it('hides a question until the form has a ticked answer its show-if names, for boxes and radios', () => {
    expect(css).toContain(
      'form:not(:has(input[name="q.channels.2"]:checked,input[name="q.channels.3"]:checked)) .q-portal_ease{display:none}',
    );
    expect(css).toContain(
      'form:not(:has(input[name="q.visits"][value="2"]:checked,input[name="q.visits"][value="3"]:checked)) .q-visits_why{display:none}',
    );
  });

  it('hides a question whose earlier question is hidden, as the server counts it not asked', () => {
    expect(css).toContain(
      'form:not(:has(input[name="q.portal_ease"][value="1"]:checked)) .q-portal_problem,form:not(:has(input[name="q.channels.2"]:checked,input[name="q.channels.3"]:checked)) .q-portal_problem{display:none}',
    );
    expect(css.split('\n')).toHaveLength(4);
  });

  it('puts the rules in the page head and never marks a conditional question required', () => {
    const html = page();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('.q-recommend{display:none}');
    const recommend = fieldsetOf(html, 'q.recommend');
    expect(recommend).toContain('class="q-recommend"');
    expect(recommend).not.toContain('required');
    // An unconditional required question stays required in the browser.
    expect(fieldsetOf(html, 'q.overall')).toContain('required');
  });

  it('adds no style to a survey without show-ifs', () => {
    expect(
      showIfCss({ factors: [{ key: 'f', label: { vi: 'a', en: 'a' }, items: [DESIGNER_SURVEY_40.factors[0]!.items[3]!] }], extras: [] }),
    ).toBe('');
  });
});

describe('the designer preview', () => {
  it('shows the definition as the citizen page, under a banner, posting where the caller says, with no script', () => {
    const html = renderSurveyPreviewPage({ definition: DESIGNER_SURVEY_40, lang: 'vi', kiosk: true, action: '/app/designer/preview/9' });
    expect(html).toContain('Xem trước — không lưu');
    expect(html).toContain('Preview — nothing is stored');
    expect(html).toContain('action="/app/designer/preview/9"');
    expect(html).toContain('name="channel" value="kiosk"');
    expect(html).toContain('.q-portal_problem{display:none}');
    expect(html).toContain('name="q.channels.8"');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('name="token"');
  });

  it('keeps the answers and shows the errors it is given', () => {
    const { values } = formFieldsToSubmission({ 'q.visits': '2', 'q.visits_why': 'Thiếu giấy tờ' });
    const html = renderSurveyPreviewPage({
      definition: DESIGNER_SURVEY_40,
      lang: 'en',
      kiosk: false,
      action: '/p',
      values,
      errors: { overall: { vi: 'Xin trả lời câu hỏi này.', en: 'Please answer this question.' } },
    });
    expect(html).toContain('Please answer this question.');
    expect(html).toContain('name="q.visits" value="2" checked');
    expect(html).toContain('value="Thiếu giấy tờ"');
  });

  it('says, after valid answers, that they were not stored, in both languages', () => {
    const html = previewThanksPage('en');
    expect(html).toContain('This is a preview: the answers are valid and were not stored.');
    expect(html).toContain('Đây là bản xem trước: câu trả lời hợp lệ và không được lưu.');
  });
});

describe('page weight', () => {
  it('keeps a 40-question designer survey within 20 KB gzipped, HTML, style and script', async () => {
    const script = await build({
      entryPoints: ['client/citizen/enhance.ts'],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      write: false,
    });
    const scriptGzip = gzipSync(script.outputFiles[0]!.contents, { level: 9 }).length;
    for (const lang of ['vi', 'en'] as const) {
      const htmlGzip = gzipSync(page({ lang, kiosk: true }), { level: 9 }).length;
      console.log(
        `designer survey, 40 questions, ${lang}: HTML ${htmlGzip} + script ${scriptGzip} = ${htmlGzip + scriptGzip} bytes gzipped`,
      );
      expect(htmlGzip + scriptGzip).toBeLessThanOrEqual(20 * 1024);
    }
  });
});
