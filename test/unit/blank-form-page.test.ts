import { describe, expect, it } from 'vitest';
import type { ActiveCounter } from '../../db/counters';
import {
  renderBlankSurveyFormPage,
  renderBlankSurveyFormPageBytes,
  renderSurveyFormPage,
  type BlankFormProps,
} from '../../server/citizen/survey-form-page';
import { EMPTY_VALUES } from '../../surveys/form-fields';
import { INSTRUMENTS } from '../../surveys/instruments';
import type { SurveyDefinition } from '../../surveys/instrument-schema';
import { DESIGNER_SURVEY_40 } from '../fixtures/designer-survey-40';

let nextId = 1;
function counterOf(definition: SurveyDefinition, over: Partial<ActiveCounter> = {}): ActiveCounter {
  const id = nextId++;
  return {
    id,
    tenant_id: 1,
    unit_id: 1,
    code: `counter-${id}`,
    name: 'Quầy Hộ tịch – Tư pháp',
    kiosk: false,
    survey_id: 1,
    unit_name: 'UBND phường An Tảo',
    tenant_name: 'Tỉnh Hưng Yên',
    retention_months: 24,
    sectors: ['civil_status', 'justice'],
    surveyVersion: { id: 7, version: definition.version, definition },
    ...over,
  };
}

/** The page a full render gives with the same token, key and dossier code: what the splice must equal. */
function fullRender(props: BlankFormProps): string {
  const { dossierCode, ...rest } = props;
  return renderSurveyFormPage({ ...rest, values: { ...EMPTY_VALUES, dossierCode }, errors: {} });
}

const base = { kioskIntervalSeconds: 10, kioskIdleSeconds: 60 };
const DOSSIERS = ['', '000.00.17.H31-230101-0001', `a"b&c<d>e'f`, 'Hồ sơ số 5 🙂', '&amp;', ' value="x"'];

describe('renderBlankSurveyFormPage', () => {
  it('gives byte for byte the full render, for every instrument, language, mode and dossier code', () => {
    // The designer's survey too: its show-if style is part of the template.
    for (const definition of [...INSTRUMENTS, DESIGNER_SURVEY_40]) {
      for (const sectors of [['land'], ['civil_status', 'justice']]) {
        const counter = counterOf(definition, { sectors });
        for (const lang of ['vi', 'en'] as const) {
          for (const kiosk of [false, true]) {
            for (const dossierCode of DOSSIERS) {
              const props: BlankFormProps = {
                ...base,
                counter,
                lang,
                kiosk,
                token: `tok${dossierCode.length}.sig-_`,
                clientKey: crypto.randomUUID(),
                dossierCode,
              };
              const spliced = renderBlankSurveyFormPage(props);
              expect(spliced).toBe(fullRender(props));
              expect(Buffer.from(renderBlankSurveyFormPageBytes(props)).toString('utf8')).toBe(spliced);
              expect(spliced).toContain(`name="clientKey" value="${props.clientKey}"`);
            }
          }
        }
      }
    }
  });

  it('renders each counter once and then only fills in, with or without a dossier field', () => {
    for (const definition of INSTRUMENTS) {
      const counter = counterOf(definition, { name: 'Quầy trước khi sửa' });
      const props: BlankFormProps = { ...base, counter, lang: 'vi', kiosk: false, token: 't.s', clientKey: 'k1', dossierCode: '' };
      renderBlankSurveyFormPage(props);
      // The same counter object again: a page from the kept template still shows the name it was rendered with.
      counter.name = 'Quầy sau khi sửa';
      const again = renderBlankSurveyFormPage({ ...props, clientKey: 'k2', dossierCode: '000.00.17.H31-230101-0002' });
      expect({ key: definition.key, kept: again.includes('Quầy trước khi sửa') }).toEqual({ key: definition.key, kept: true });
      expect(again).toContain('name="clientKey" value="k2"');
    }
  });

  it('escapes what it fills in, as the full render does', () => {
    const counter = counterOf(INSTRUMENTS[0]!);
    const props: BlankFormProps = {
      ...base,
      counter,
      lang: 'vi',
      kiosk: false,
      token: 'a"><script>x</script>',
      clientKey: 'k&"<',
      dossierCode: '"><script>alert(1)</script>',
    };
    const html = renderBlankSurveyFormPage(props);
    expect(html).toBe(fullRender(props));
    expect(Buffer.from(renderBlankSurveyFormPageBytes(props)).toString('utf8')).toBe(html);
    expect(html).not.toContain('<script>');
  });

  it('keeps pages of different counters, languages and modes apart', () => {
    const a = counterOf(INSTRUMENTS[0]!, { name: 'Quầy A' });
    const b = counterOf(INSTRUMENTS[0]!, { name: 'Quầy B' });
    const props = { ...base, token: 't.s', clientKey: 'k', dossierCode: '' };
    expect(renderBlankSurveyFormPage({ ...props, counter: a, lang: 'vi', kiosk: false })).toContain('Quầy A');
    expect(renderBlankSurveyFormPage({ ...props, counter: b, lang: 'vi', kiosk: false })).toContain('Quầy B');
    expect(renderBlankSurveyFormPage({ ...props, counter: a, lang: 'en', kiosk: false })).toMatch(/<html lang="en">/);
    expect(renderBlankSurveyFormPage({ ...props, counter: a, lang: 'vi', kiosk: true })).toContain('name="channel" value="kiosk"');
    expect(renderBlankSurveyFormPage({ ...props, counter: a, lang: 'vi', kiosk: false })).toContain('name="channel" value="qr"');
    expect(renderBlankSurveyFormPage({ ...props, counter: a, lang: 'vi', kiosk: true, kioskIntervalSeconds: 30 })).toContain(
      'data-kiosk="30"',
    );
  });

  it('renders in full a counter whose own text holds a stand-in, so nothing is spliced into the wrong place', () => {
    const counter = counterOf(INSTRUMENTS[0]!, { name: 'hailong-slot-token-5c1e9a value="hailong-slot-dossier-5c1e9a"' });
    const props: BlankFormProps = {
      ...base,
      counter,
      lang: 'vi',
      kiosk: false,
      token: 'real.token',
      clientKey: 'real-key',
      dossierCode: 'D1',
    };
    const html = renderBlankSurveyFormPage(props);
    expect(html).toBe(fullRender(props));
    expect(Buffer.from(renderBlankSurveyFormPageBytes(props)).toString('utf8')).toBe(html);
    expect(html).toContain('name="token" value="real.token"');
    expect(html).toContain('hailong-slot-token-5c1e9a');
  });
});
