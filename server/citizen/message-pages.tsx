import { renderPage } from './page-layout';
import { T, type Lang } from './texts';

export function renderThankYouPage(lang: Lang, counterCode: string, responseId: number): string {
  return renderPage(
    lang,
    T.thanksTitle[lang],
    <div class="done" role="status">
      <div class="big" aria-hidden="true">
        🙏
      </div>
      <h1>{T.thanksTitle[lang]}</h1>
      <p>{T.thanksBody[lang]}</p>
      <p class="hint">
        {T.receipt[lang]}: <span data-response-id={String(responseId)}>#{responseId}</span>
      </p>
      <p>
        <a href={`/q/${counterCode}?lang=${lang}`}>{T.thanksAgain[lang]}</a>
      </p>
    </div>,
  );
}

export function renderCounterNotFoundPage(lang: Lang): string {
  return renderPage(
    lang,
    T.notFoundTitle[lang],
    <div class="done">
      <h1>{T.notFoundTitle[lang]}</h1>
      <p>{T.notFoundBody[lang]}</p>
    </div>,
  );
}
