import { render } from 'preact-render-to-string';
import type { LocalizedText } from '../../surveys/localized-text';
import { shownRate } from '../../surveys/rate-precision';
import type { Lang } from '../citizen/texts';
import { PUBLIC_CSS } from './public-css';
import type { PeriodFigures, PublicCell, PublicFigures } from './public-figures';
import { P } from './public-texts';

const percent = (value: number, lang: Lang, target: number | null = null) => {
  const { value: v, digits } = shownRate(value, target);
  const text = v.toFixed(digits);
  return `${lang === 'vi' ? text.replace('.', ',') : text} %`;
};

function Cell({ cell, lang }: { cell: PublicCell; lang: Lang }) {
  if (!cell.shown) return <span class="hidden">{cell.note[lang]}</span>;
  if (cell.n === 0 || cell.rate === null) return <span class="small">{P.noAnswers[lang]}</span>;
  return (
    <span class="fig">
      <span class="big" data-rate={cell.rate}>
        {percent(cell.rate, lang, cell.target)}
      </span>
      <span class={cell.verdict}>{cell.words[lang]}</span>
      <span class="small">
        {P.target[lang]} {percent(cell.target, lang)} · {cell.n} {P.answers[lang]}
        {cell.interval ? ` · ${P.interval[lang]} ${percent(cell.interval.low, lang)}–${percent(cell.interval.high, lang)}` : ''}
      </span>
    </span>
  );
}

function PeriodSection({ f, lang }: { f: PeriodFigures; lang: Lang }) {
  return (
    <section>
      <h2>{f.label[lang]}</h2>
      <ul class="rates">
        <li data-sector="*">
          <div class="name">{P.overall[lang]}</div>
          <Cell cell={f.overall} lang={lang} />
        </li>
        {f.sectors.map((s) => (
          <li data-sector={s.sector}>
            <div class="name">{s.name[lang]}</div>
            <Cell cell={s.cell} lang={lang} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What some closed cases led to: the administrator's words, under the unit, sector and month (never a day or a person). */
function Outcomes({ f, lang }: { f: PublicFigures; lang: Lang }) {
  if (!f.outcomes || f.outcomes.length === 0) return null;
  return (
    <>
      <h2>{P.outcomes[lang]}</h2>
      {f.outcomes.map((o) => (
        <blockquote data-outcome>
          <div class="small">
            {[o.unit, o.sector?.name[lang], o.month === null ? undefined : `${o.month.slice(5, 7)}/${o.month.slice(0, 4)}`]
              .filter((x) => x !== undefined)
              .join(' · ')}
          </div>
          {o.outcome}
        </blockquote>
      ))}
    </>
  );
}

/** Short words for a trend cell: the rate, "ẩn" when suppressed (the footer says why), a dash without answers. */
function TrendCell({ cell, lang }: { cell: PublicCell | undefined; lang: Lang }) {
  if (cell === undefined || (cell.shown && (cell.n === 0 || cell.rate === null))) return <td>–</td>;
  if (!cell.shown)
    return (
      <td class="hidden" title={cell.note[lang]}>
        {P.hiddenShort[lang]}
      </td>
    );
  return (
    <td class={cell.verdict} data-rate={cell.rate}>
      {percent(cell.rate!, lang, cell.target)}
    </td>
  );
}

/** Each sector's rate over the last four quarters, one row a sector: it fits a 360 px phone. */
function SectorTrend({ f, lang }: { f: PublicFigures; lang: Lang }) {
  const sectors = new Map<string, LocalizedText>();
  for (const q of f.trend) for (const s of q.sectors) sectors.set(s.sector, s.name);
  if (sectors.size === 0) return null;
  return (
    <table class="trend">
      <caption>{P.trendBySector[lang]}</caption>
      <thead>
        <tr>
          <th scope="col">{P.sector[lang]}</th>
          {f.trend.map((q) => (
            <th scope="col">{q.label[lang]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...sectors].map(([code, name]) => (
          <tr data-sector={code}>
            <th scope="row">{name[lang]}</th>
            {f.trend.map((q) => (
              <TrendCell cell={q.sectors.find((s) => s.sector === code)?.cell} lang={lang} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const t = (text: LocalizedText, lang: Lang, threshold: number) => text[lang].replace('{t}', String(threshold));

function PublicPage({ f, lang, parentHref }: { f: PublicFigures; lang: Lang; parentHref?: string | undefined }) {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const self = `/cong-khai/${f.unit.id}`;
  return (
    <>
      <header>
        <div>
          <h1>{P.title[lang]}</h1>
          <p class="name">{f.unit.name}</p>
        </div>
        <a class="lang" href={`${self}${other === 'en' ? '?lang=en' : ''}`} lang={other}>
          {P.otherLang[lang]}
        </a>
      </header>
      <p class="small">{P.intro[lang]}</p>
      <PeriodSection f={f.quarter} lang={lang} />
      <PeriodSection f={f.year} lang={lang} />
      <section>
        <h2>{P.trend[lang]}</h2>
        <ul class="bars">
          {f.trend.map((q) => (
            <li>
              <span>{q.label[lang]}</span>
              {q.overall.shown && q.overall.rate !== null ? (
                <>
                  <span class="bar" role="img" aria-label={percent(q.overall.rate, lang)}>
                    <span style={`width:${Math.max(0, Math.min(100, q.overall.rate)).toFixed(1)}%`} />
                  </span>
                  <span>{percent(q.overall.rate, lang, q.overall.target)}</span>
                </>
              ) : (
                <>
                  <span class="hidden small">{q.overall.shown ? P.noAnswers[lang] : q.overall.note[lang]}</span>
                  <span />
                </>
              )}
            </li>
          ))}
        </ul>
        <SectorTrend f={f} lang={lang} />
      </section>
      {f.complaints ? (
        <section>
          <h2>
            {P.complaints[lang]} · {f.complaints.period[lang]}
          </h2>
          <div class="counts">
            <div>
              <b>{f.complaints.received}</b>
              {P.received[lang]}
            </div>
            <div>
              <b>{f.complaints.answered}</b>
              {P.answered[lang]}
            </div>
            <div>
              <b>{f.complaints.answeredOnTime}</b>
              {P.onTime[lang]}
            </div>
          </div>
          <Outcomes f={f} lang={lang} />
        </section>
      ) : f.outcomes && f.outcomes.length > 0 ? (
        <section>
          <Outcomes f={f} lang={lang} />
        </section>
      ) : null}
      {f.children.length > 0 ? (
        <section>
          <h2>{P.children[lang]}</h2>
          <ul class="rates">
            {f.children.map((c) => (
              <li>
                <div class="name">
                  <a href={`/cong-khai/${c.id}${lang === 'en' ? '?lang=en' : ''}`}>{c.name}</a>
                </div>
                <div class="small">{f.quarter.label[lang]}</div>
                <Cell cell={c.quarter} lang={lang} />
                <div class="small">{f.year.label[lang]}</div>
                <Cell cell={c.year} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer>
        <p>{t(P.rule, lang, f.threshold)}</p>
        <p>
          {parentHref ? (
            <>
              <a href={parentHref}>{P.up[lang]}</a> ·{' '}
            </>
          ) : null}
          <a href={`/api/public/results?unit=${f.unit.id}`}>{P.json[lang]}</a>
        </p>
      </footer>
    </>
  );
}

export function renderPublicPage(f: PublicFigures, lang: Lang, parentHref?: string): string {
  return (
    '<!doctype html>' +
    render(
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${P.title[lang]} · ${f.unit.name}`}</title>
          <style dangerouslySetInnerHTML={{ __html: PUBLIC_CSS }} />
        </head>
        <body>
          <main>
            <PublicPage f={f} lang={lang} parentHref={parentHref} />
          </main>
        </body>
      </html>,
    )
  );
}
