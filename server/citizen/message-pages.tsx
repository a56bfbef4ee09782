import type { LocalizedText } from '../../surveys/localized-text';
import { localDay } from '../../surveys/time';
import { renderPage } from './page-layout';
import { T, type Lang } from './texts';
import type { ThankYou } from './thank-you';

export function renderThankYouPage(lang: Lang, counterCode: string, thanks: ThankYou, kiosk?: { intervalSeconds: number }): string {
  const formUrl = `/q/${counterCode}?lang=${lang}${kiosk ? '&kiosk=1' : ''}`;
  return renderPage(
    lang,
    T.thanksTitle[lang],
    <div class="done" role="status">
      <div class="big" aria-hidden="true">
        🙏
      </div>
      <h1>{T.thanksTitle[lang]}</h1>
      <p>{T.thanksBody[lang]}</p>
      {thanks.caseOpened ? <p class="case">{thanks.caseOpened.message[lang]}</p> : null}
      <p class="hint">
        {T.reference[lang]}: <strong class="ref">{thanks.reference}</strong>
      </p>
      {kiosk ? (
        <>
          <p>{T.kioskNext[lang].replace('{s}', String(kiosk.intervalSeconds))}</p>
        </>
      ) : (
        <p>
          <a href={formUrl}>{T.thanksAgain[lang]}</a>
        </p>
      )}
    </div>,
    // Works with JavaScript off: the tablet is back on a fresh form after the pause.
    kiosk ? <meta http-equiv="refresh" content={`${kiosk.intervalSeconds};url=${formUrl}`} /> : undefined,
  );
}

/** A QR code or address that names no counter taking ratings: the person has chosen no language yet. */
export function renderCounterNotFoundPage(): string {
  return renderBilingualMessagePage(T.notFoundTitle, T.notFoundBody);
}

/** A counter that no longer takes answers: when it stopped, kindly, in both languages, with no form. */
export function renderCounterRetiredPage(retiredAt: Date): string {
  return renderBilingualMessagePage(T.retiredTitle, retiredText(retiredAt));
}

/** "This counter stopped taking feedback on dd/mm/yyyy" (the day in Vietnam time). */
export function retiredText(retiredAt: Date): LocalizedText {
  const [y, m, d] = localDay(retiredAt).split('-');
  const day = `${d}/${m}/${y}`;
  return { vi: T.retiredBody.vi.replace('{d}', day), en: T.retiredBody.en.replace('{d}', day) };
}

/** /q/ with no counter code at all. */
export function renderNoCounterCodePage(): string {
  return renderBilingualMessagePage(T.noCodeTitle, T.noCodeBody);
}

/** A message for someone who has not picked a language: Vietnamese first, English beside it. */
export function renderBilingualMessagePage(title: LocalizedText, body: LocalizedText): string {
  return renderPage(
    'vi',
    `${title.vi} / ${title.en}`,
    <div class="done" role="status">
      <h1>{title.vi}</h1>
      <p>{body.vi}</p>
      <div class="en" lang="en">
        <h2>{title.en}</h2>
        <p>{body.en}</p>
      </div>
    </div>,
  );
}

export function renderMessagePage(lang: Lang, body: LocalizedText, title?: LocalizedText): string {
  return renderPage(
    lang,
    (title ?? body)[lang],
    <div class="done" role="status">
      {title ? <h1>{title[lang]}</h1> : null}
      <p>{body[lang]}</p>
    </div>,
  );
}

/**
 * The database is unavailable. A page asked for is reloaded by itself after a while; an answer
 * that could not be taken is kept in hidden fields, sent again as it was (the same client key, so
 * stored once) by one press, without JavaScript.
 */
export function renderBusyPage(
  lang: Lang,
  body: LocalizedText,
  options: { reloadAfterSeconds?: number; resend?: { action: string; fields: Record<string, string> } } = {},
): string {
  const { reloadAfterSeconds, resend } = options;
  return renderPage(
    lang,
    T.busyTitle[lang],
    <div class="done" role="status">
      <h1>{T.busyTitle[lang]}</h1>
      <p>{body[lang]}</p>
      {resend ? (
        <form method="post" action={resend.action}>
          {Object.entries(resend.fields).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <button type="submit">{T.sendAgain[lang]}</button>
        </form>
      ) : null}
    </div>,
    reloadAfterSeconds ? <meta http-equiv="refresh" content={String(reloadAfterSeconds)} /> : undefined,
  );
}
