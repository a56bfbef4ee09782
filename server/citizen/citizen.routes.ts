import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ActiveCounter } from '../../db/counters';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import { createResponseBatcher } from '../../db/response-batcher';
import { createActivityLoader } from '../../db/visit-signals';
import { FORM_ERROR_KEY } from '../../surveys/answers-schema';
import { isCounterCode } from '../../surveys/counter-code';
import { formFieldsToSubmission, type FormValues } from '../../surveys/form-fields';
import { textKeysOf } from '../../surveys/text-keys';
import type { LocalizedText } from '../../surveys/localized-text';
import { clientAddress } from '../http/client-address';
import type { AppDeps, AppEnv } from '../http/context';
import { errorBody, RequestError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import { findCounterRetirement } from '../../db/counters';
import { createCodeCache, createCounterCache } from './counter-cache';
import { issueFormToken } from './form-token';
import {
  renderBusyPage,
  renderCounterNotFoundPage,
  renderCounterRetiredPage,
  retiredText,
  renderMessagePage,
  renderNoCounterCodePage,
  renderThankYouPage,
} from './message-pages';
import { KioskPauseError, submissionEnvelope, submitResponse, TOKEN_ERROR_KEY } from './submit-response';
import { thankYou } from './thank-you';
import { citizenPageHref, renderBlankSurveyFormPageBytes, renderSurveyFormPage } from './survey-form-page';
import { langOf, T, type Lang } from './texts';

async function postedFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody().catch(() => {
    throw new RequestError(400, { vi: 'Không đọc được phiếu gửi lên.', en: 'The form could not be read.' });
  });
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const wantsJson = (c: Context) => /application\/json/i.test(c.req.header('accept') ?? '');
const sendsJson = (c: Context) => /^application\/json\b/i.test(c.req.header('content-type') ?? '');
const sendsForm = (c: Context) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(c.req.header('content-type') ?? '');

/** /q or /q/: an address cut short, or typed from memory. A page that says what to do, not JSON. */
export function noCounterCode(c: Context) {
  if (wantsJson(c)) throw new RequestError(404, T.noCodeBody);
  return c.html(renderNoCounterCodePage(), 404);
}

const NO_STORE = { 'Cache-Control': 'no-store' };
// What c.html() sends, for a page handed over already encoded.
const HTML_NO_STORE = { 'Content-Type': 'text/html; charset=UTF-8', ...NO_STORE };

export function citizenRoutes({ db, config }: AppDeps) {
  const writer = createResponseBatcher(db.dbIngest);
  const activity = createActivityLoader(db.dbWrite);
  const submitCtx = (c: Context) => ({
    db: db.dbWrite,
    writer,
    activity,
    secret: config.secret,
    tokenTtlMinutes: config.tokenTtlMinutes,
    visits: config.visits,
    address: clientAddress(c, config.trustProxy),
    caseDueDays: config.caseDueDays,
  });

  // The primary, never the replica: a counter retired a moment ago must already be refused.
  const activeCounter = createCounterCache(db.dbWrite);
  // Asked only for a code that takes no answers: cached too, so junk codes do not reach the database.
  const retiredSince = createCodeCache((code) => findCounterRetirement(db.dbWrite, code));

  async function loadCounter(c: Context): Promise<ActiveCounter | undefined> {
    const code = c.req.param('code') ?? '';
    return isCounterCode(code) ? activeCounter(code) : undefined;
  }

  /** No active counter: a retired one says since when (410, and no form); anything else is not found. */
  async function notFound(c: Context) {
    const code = c.req.param('code') ?? '';
    const retiredAt = isCounterCode(code) ? await retiredSince(code) : undefined;
    if (retiredAt) {
      // Gone, not unknown: the same words as the page, in the API's error shape.
      const text = retiredText(retiredAt);
      if (wantsJson(c) || sendsJson(c)) return c.json({ error: text.en, message: text }, 410, NO_STORE);
      return c.html(renderCounterRetiredPage(retiredAt), 410, NO_STORE);
    }
    if (wantsJson(c) || sendsJson(c)) throw new RequestError(404, T.notFoundBody);
    return c.html(renderCounterNotFoundPage(), 404);
  }

  /** Kiosk mode: set on the counter, or asked for by an enrolled tablet's URL. */
  const isKiosk = (c: Context, counter: ActiveCounter) => counter.kiosk || c.req.query('kiosk') === '1';

  function formPage(
    c: Context,
    counter: ActiveCounter,
    lang: Lang,
    values: FormValues,
    errors = {},
    clientKey: string = randomUUID(),
    status?: 200 | 422 | 429,
  ) {
    return c.html(
      formPageHtml(c, counter, lang, values, errors, clientKey),
      status ?? (Object.keys(errors).length > 0 ? 422 : 200),
      NO_STORE,
    );
  }

  function formPageHtml(
    c: Context,
    counter: ActiveCounter,
    lang: Lang,
    values: FormValues,
    errors: Record<string, LocalizedText>,
    clientKey: string,
  ) {
    const token = issueFormToken(config.secret, counter.id);
    return renderSurveyFormPage({
      counter,
      lang,
      kiosk: isKiosk(c, counter),
      kioskIntervalSeconds: config.visits.kioskIntervalSeconds,
      kioskIdleSeconds: config.visits.kioskIdleSeconds,
      token,
      clientKey,
      values,
      errors,
    });
  }

  /** A form post the database could not take (yet): sent again as it was, from a page of hidden fields. */
  async function keepPostedFields(c: Context<AppEnv>, lang: Lang) {
    const fields = await postedFields(c);
    const url = new URL(c.req.url);
    const action = url.pathname + url.search;
    c.set('busyPage', () => renderBusyPage(lang, T.busyAnswersKept, { resend: { action, fields } }));
  }

  return new Hono<AppEnv>()
    .get('/', noCounterCode)
    .get('/:code', async (c) => {
      const lang = langOf(c.req.query('lang'));
      const counter = await loadCounter(c);
      if (!counter) return notFound(c);
      if (wantsJson(c)) {
        return c.json(
          {
            counter: { code: counter.code, name: counter.name, unit: counter.unit_name, sectors: counter.sectors, kiosk: counter.kiosk },
            survey: { versionId: counter.surveyVersion.id, ...counter.surveyVersion.definition },
            token: issueFormToken(config.secret, counter.id),
          },
          200,
          NO_STORE,
        );
      }
      // A receipt-slip QR carries the dossier code, so the person does not have to type it.
      const dossierCode = (c.req.query('dossier') ?? '').slice(0, 40);
      const page = renderBlankSurveyFormPageBytes({
        counter,
        lang,
        kiosk: isKiosk(c, counter),
        kioskIntervalSeconds: config.visits.kioskIntervalSeconds,
        kioskIdleSeconds: config.visits.kioskIdleSeconds,
        token: issueFormToken(config.secret, counter.id),
        clientKey: randomUUID(),
        dossierCode,
      });
      return c.body(page, 200, HTML_NO_STORE);
    })
    .post('/:code', async (c) => {
      const lang = langOf(c.req.query('lang'));
      const counter = await loadCounter(c).catch(async (error: unknown) => {
        if (sendsForm(c) && isDatabaseUnavailable(error)) await keepPostedFields(c, lang);
        throw error;
      });
      if (!counter) return notFound(c);

      if (sendsJson(c)) {
        const envelope = await parseJsonBody(c, submissionEnvelope);
        let stored;
        try {
          stored = await submitResponse(submitCtx(c), counter, envelope);
        } catch (error) {
          // The phone keeps the answer and sends it again, same client key, once the pause is over.
          if (error instanceof KioskPauseError) return c.json(errorBody(error), 429, { 'Retry-After': String(error.retryAfterSeconds) });
          throw error;
        }
        const { reference, caseOpened } = thankYou(config.secret, counter.tenant_id, stored);
        // `id` stays for outside tools (the API contract); people are shown the reference only.
        return c.json({ id: stored.id, reference, case: caseOpened }, stored.replay ? 200 : 201);
      }
      if (!sendsForm(c)) {
        throw new RequestError(415, {
          vi: 'Phiếu phải được gửi dưới dạng biểu mẫu hoặc JSON.',
          en: 'Send the form as application/x-www-form-urlencoded, multipart/form-data or JSON.',
        });
      }
      const fields = await postedFields(c);
      const { values, envelope } = formFieldsToSubmission(fields, textKeysOf(counter.surveyVersion.definition));

      // A page from before the language switch became a link (kept by a phone's service worker) still
      // posts it: take it as the switch it meant, never as an answer, and land on the page's own address.
      if (fields.switchLang) return c.redirect(citizenPageHref(counter.code, langOf(fields.switchLang), isKiosk(c, counter)), 303);

      const parsedEnvelope = submissionEnvelope.safeParse(envelope);
      if (!parsedEnvelope.success) {
        return formPage(c, counter, lang, values, {
          [TOKEN_ERROR_KEY]: {
            vi: 'Phiếu không hợp lệ. Xin trả lời và gửi lại.',
            en: 'The form is not valid. Please answer and send again.',
          },
        });
      }
      // Should the database fail now, the form comes back with the answers given (and a fresh token).
      const clientKeyKept = parsedEnvelope.data.clientKey;
      c.set('busyPage', () => formPageHtml(c, counter, lang, values, { [FORM_ERROR_KEY]: T.busyAnswersKept }, clientKeyKept));
      try {
        const stored = await submitResponse(submitCtx(c), counter, parsedEnvelope.data);
        const kiosk = parsedEnvelope.data.channel === 'kiosk' ? { intervalSeconds: config.visits.kioskIntervalSeconds } : undefined;
        const thanks = thankYou(config.secret, counter.tenant_id, stored);
        return c.html(renderThankYouPage(lang, counter.code, thanks, kiosk), stored.replay ? 200 : 201, NO_STORE);
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        if (error.status === 409) return c.html(renderMessagePage(lang, error.text), 409, NO_STORE);
        if (error.status === 429) {
          return formPage(c, counter, lang, values, { [FORM_ERROR_KEY]: error.text }, parsedEnvelope.data.clientKey, 429);
        }
        if (error.status !== 422) throw error;
        // Keep what the person answered; a fresh token lets them simply press Send again.
        return formPage(c, counter, lang, values, error.fields ?? {}, parsedEnvelope.data.clientKey);
      }
    });
}
