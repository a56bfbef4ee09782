import { render } from 'preact-render-to-string';
import type { LocalizedText } from '../../surveys/localized-text';

/** A refusal's status, as the page shows it. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** What a person can do next, for each kind of refusal. */
const NEXT_STEP: Record<'bad' | 'login' | 'scope' | 'missing' | 'other', LocalizedText> = {
  bad: {
    vi: 'Địa chỉ này có một lựa chọn không hợp lệ (kỳ, năm, ngày hoặc đơn vị). Hãy quay lại và chọn lại.',
    en: 'This address holds a choice that is not valid (period, year, dates or unit). Go back and choose again.',
  },
  login: { vi: 'Hãy đăng nhập rồi mở lại địa chỉ này.', en: 'Log in, then open this address again.' },
  scope: {
    vi: 'Tài khoản của bạn chỉ xem được các đơn vị được giao. Hãy chọn một đơn vị trong phạm vi đó, hoặc đề nghị quản trị viên mở rộng quyền.',
    en: 'Your account sees only the units assigned to it. Choose a unit within them, or ask an administrator for wider access.',
  },
  missing: {
    vi: 'Địa chỉ này không tồn tại hoặc không còn nữa. Hãy mở lại từ bảng điều khiển.',
    en: 'This address does not exist or no longer does. Open it again from the dashboard.',
  },
  other: { vi: 'Hãy quay lại và thử cách khác.', en: 'Go back and try another way.' },
};

const nextStepOf = (status: RefusalStatus) =>
  status === 400 || status === 422
    ? NEXT_STEP.bad
    : status === 401
      ? NEXT_STEP.login
      : status === 403
        ? NEXT_STEP.scope
        : status === 404
          ? NEXT_STEP.missing
          : NEXT_STEP.other;

const ERROR_WORD: LocalizedText = { vi: 'Lỗi', en: 'Error' };
const WHAT_NOW: LocalizedText = { vi: 'Bạn có thể làm gì', en: 'What you can do' };
const LOG_IN: LocalizedText = { vi: 'Đăng nhập', en: 'Log in' };

const CSS = `
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;color:#1f2328;background:#f6f8fa;margin:0;padding:2rem 1rem}
main{max-width:36rem;margin:0 auto;background:#fff;border:1px solid #d0d7de;border-left:6px solid #b3261e;border-radius:10px;padding:1.25rem 1.5rem}
.status{margin:0;color:#57606a;font-weight:600}
h1{font-size:1.35rem;line-height:1.3;margin:.25rem 0}
h2{font-size:1.05rem;margin:1.25rem 0 .25rem}
.en{color:#57606a;margin-top:0}
ul{padding-left:1.25rem}
a{color:#0b5cad;font-weight:600}
`;

interface Options {
  status: RefusalStatus;
  text: LocalizedText;
  /** What is wrong with each field of the address, when the refusal says so. */
  fields?: Record<string, LocalizedText> | undefined;
  /** Where to go back to (the page the address was opened from), and what to do there when it is not the general advice. */
  back: { href: string; text: LocalizedText; next?: LocalizedText };
}

/**
 * A refusal as a page, for an address a person opens in the browser (a printable report, a poster):
 * the status, what is wrong and what to do next, Vietnamese first with English beside it.
 */
export function renderRefusalPage({ status, text, fields, back }: Options): string {
  const step = (status === 400 || status === 422 ? back.next : undefined) ?? nextStepOf(status);
  const link = status === 401 ? { href: '/app/login', text: LOG_IN } : back;
  const fieldTexts = Object.values(fields ?? {});
  return (
    '<!doctype html>' +
    render(
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${ERROR_WORD.vi} ${status} · ${text.vi}`}</title>
          <style dangerouslySetInnerHTML={{ __html: CSS }} />
        </head>
        <body>
          <main data-testid="refusal" data-status={status}>
            <p class="status">
              {ERROR_WORD.vi} {status} / <span lang="en">{ERROR_WORD.en}</span>
            </p>
            <h1>{text.vi}</h1>
            <p class="en" lang="en">
              {text.en}
            </p>
            {fieldTexts.length > 0 && (
              <ul>
                {fieldTexts.map((f) => (
                  <li>
                    {f.vi} <span lang="en">/ {f.en}</span>
                  </li>
                ))}
              </ul>
            )}
            <h2>
              {WHAT_NOW.vi} / <span lang="en">{WHAT_NOW.en}</span>
            </h2>
            <p>{step.vi}</p>
            <p class="en" lang="en">
              {step.en}
            </p>
            <p>
              <a href={link.href}>
                {link.text.vi} / <span lang="en">{link.text.en}</span>
              </a>
            </p>
          </main>
        </body>
      </html>,
    )
  );
}
