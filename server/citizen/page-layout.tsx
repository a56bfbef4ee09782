import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { CITIZEN_CSS } from './citizen-css';
import type { Lang } from './texts';

/** The shell of every citizen page: small, no external assets, readable on a 360 px phone. */
function PageLayout({ lang, title, head, children }: { lang: Lang; title: string; head?: ComponentChildren; children: ComponentChildren }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: CITIZEN_CSS }} />
        {head}
      </head>
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}

export function renderPage(lang: Lang, title: string, body: ComponentChildren, head?: ComponentChildren): string {
  return (
    '<!doctype html>' +
    render(
      <PageLayout lang={lang} title={title} head={head}>
        {body}
      </PageLayout>,
    )
  );
}
