import type { Context } from 'hono';
import type { LocalizedText } from '../../surveys/localized-text';
import type { AppEnv } from './context';
import type { RequestError } from './errors';
import { renderRefusalPage } from './refusal-page';

/** Addresses only a person opens (the printable report, the codebook page, a survey's preview): every refusal is a page. */
const PAGE_ONLY = /^\/(reports|exports\/codebook|surveys)(\/|$)/;
/** Addresses a person or a program opens (posters, their image files): a page when the browser asks for HTML. */
const PAGE_FOR_BROWSERS = /^\/posters(\/|$)/;

const BACK: { path: RegExp; href: string; text: LocalizedText; next?: LocalizedText }[] = [
  { path: /^\/reports(\/|$)/, href: '/app/reports', text: { vi: 'Về trang Báo cáo', en: 'Back to Reports' } },
  { path: /^\/exports(\/|$)/, href: '/app/exports', text: { vi: 'Về trang Xuất dữ liệu', en: 'Back to Exports' } },
  { path: /^\/posters(\/|$)/, href: '/app/counters', text: { vi: 'Về trang Quầy', en: 'Back to Counters' } },
  {
    path: /^\/surveys(\/|$)/,
    href: '/app/surveys',
    text: { vi: 'Về trang Phiếu khảo sát', en: 'Back to Surveys' },
    next: {
      vi: 'Hãy sửa các mục trên trong trình thiết kế phiếu, lưu nháp rồi xem trước lại.',
      en: 'Fix the fields above in the survey designer, save the draft and preview again.',
    },
  },
];
const DASHBOARD = { href: '/app/', text: { vi: 'Về bảng điều khiển', en: 'Back to the dashboard' } };

const acceptsHtml = (c: Context) => /text\/html/i.test(c.req.header('accept') ?? '');

/** Whether a refusal of this request is read by a person in a browser, and so answered as a page. */
export function refusesAsPage(c: Context<AppEnv>): boolean {
  return PAGE_ONLY.test(c.req.path) || (PAGE_FOR_BROWSERS.test(c.req.path) && acceptsHtml(c));
}

/** The refusal as a bilingual page, for an address a person opened; undefined where JSON is the answer. */
export function refusalPage(c: Context<AppEnv>, error: RequestError): string | undefined {
  if (!refusesAsPage(c)) return undefined;
  const back = BACK.find((b) => b.path.test(c.req.path)) ?? DASHBOARD;
  return renderRefusalPage({ status: error.status, text: error.text, fields: error.fields, back });
}
