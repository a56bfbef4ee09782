import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { PRINT_SCRIPT_PATH } from '../http/print-script';
import type { PosterCounter } from '../../db/counter-posters';
import { aboutMinutes, minutesToAnswer } from '../../surveys/answer-time';
import type { LocalizedText } from '../../surveys/localized-text';
import { sectorName } from '../../surveys/sectors';
import type { PublicUrlProblem } from '../config/public-url';
import { posterCss, type PaperSize } from './poster-css';
import { P } from './poster-texts';

/** One counter's poster, ready to render: its citizen address and that address as an SVG QR. */
export interface PosterData {
  counter: PosterCounter;
  url: string;
  qrSvg: string;
  /** The unit's public results page and its QR, when the tenant publishes its results. */
  results?: { url: string; qrSvg: string } | undefined;
}

/** Why the QR codes on this page may not reach hailong, and the address they carry. */
export interface AddressWarning {
  problem: PublicUrlProblem;
  base: string;
}

const both = (t: LocalizedText) => `${t.vi} / ${t.en}`;
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/** Shown above the posters, never printed (the toolbar is not), so the administrator fixes the address first. */
function AddressWarningBox({ problem, base }: AddressWarning) {
  const title = problem === 'unset' ? P.addressUnsetTitle : P.addressLocalTitle;
  const body = problem === 'unset' ? P.addressUnset : P.addressLocal;
  return (
    <div class="warn" role="alert" data-testid="address-warning">
      <strong>{title.vi}</strong>
      <p>{fill(body.vi, { base })}</p>
      <strong lang="en">{title.en}</strong>
      <p lang="en">{fill(body.en, { base })}</p>
    </div>
  );
}

function Poster({ counter, url, qrSvg, results }: PosterData) {
  const time = aboutMinutes(minutesToAnswer(counter.survey));
  const sectorsVi = counter.sectors.map((s) => sectorName(s, 'vi')).join(' · ');
  const sectorsEn = counter.sectors.map((s) => sectorName(s, 'en')).join(' · ');
  return (
    <section class={results ? 'poster with-results' : 'poster'} data-counter={counter.code}>
      <header>
        <p class="unit">{counter.unit_name}</p>
        <h1 class="counter">{counter.name}</h1>
        {counter.sectors.length > 0 ? (
          <p class="sectors">
            {P.sectors.vi}: <strong>{sectorsVi}</strong>
            <br />
            <span class="en" lang="en">
              {sectorsEn}
            </span>
          </p>
        ) : null}
      </header>
      <div>
        <p class="invite">
          <span class="head">{P.inviteHead.vi}</span>
          <span class="tail">{fill(P.inviteTail.vi, { time: time.vi })}</span>
        </p>
        <p class="invite-en" lang="en">
          {P.inviteHead.en} — {fill(P.inviteTail.en, { time: time.en })}
        </p>
      </div>
      {/* The SVG comes from the QR encoder, never from what a person typed. */}
      <div class="qr" role="img" aria-label={`QR: ${url}`} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p class="address">
        <span class="label">
          {P.orOpen.vi} · <span lang="en">{P.orOpen.en}</span>
        </span>
        <span class="url" data-testid="poster-url">
          {url}
        </span>
      </p>
      {results ? (
        <div class="results" data-testid="poster-results">
          <div class="results-qr" role="img" aria-label={`QR: ${results.url}`} dangerouslySetInnerHTML={{ __html: results.qrSvg }} />
          <p>
            {P.resultsAt.vi}
            <span class="en" lang="en">
              {P.resultsAt.en}
            </span>
            <span class="url" data-testid="poster-results-url">
              {results.url}
            </span>
          </p>
        </div>
      ) : null}
      <p class="privacy">
        {P.privacy.vi}
        <span class="en" lang="en">
          {P.privacy.en}
        </span>
      </p>
    </section>
  );
}

function SizeSwitch({ size }: { size: PaperSize }) {
  return (
    <>
      <span>{both(P.paper)}:</span>
      <a class="btn" href="?size=a4" aria-current={size === 'a4' ? 'true' : undefined}>
        A4
      </a>
      <a class="btn" href="?size=a5" aria-current={size === 'a5' ? 'true' : undefined}>
        A5
      </a>
    </>
  );
}

function PosterLayout({
  title,
  size,
  toolbar,
  address,
  children,
}: {
  title: string;
  size: PaperSize;
  toolbar: ComponentChildren;
  address: AddressWarning | undefined;
  children: ComponentChildren;
}) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: posterCss(size) }} />
        <script src={PRINT_SCRIPT_PATH} defer />
      </head>
      <body>
        <nav class="toolbar" data-testid="poster-toolbar">
          {toolbar}
          <p class="hint">{both(P.printHint)}</p>
          {address ? <AddressWarningBox {...address} /> : null}
        </nav>
        <main class="sheet">{children}</main>
      </body>
    </html>
  );
}

// Wired by /print.js (no inline scripts under the CSP); with scripts off, Ctrl+P still prints.
const PRINT_ATTRS = { 'data-print': '' } as Record<string, string>;

export function renderCounterPoster(poster: PosterData, size: PaperSize, address?: AddressWarning): string {
  const code = poster.counter.code;
  const toolbar = (
    <>
      <span class="title">{poster.counter.name}</span>
      <SizeSwitch size={size} />
      <a class="btn" href={`/posters/${code}.svg`} download={`hailong-qr-${code}.svg`} data-testid="download-svg">
        {both(P.downloadSvg)}
      </a>
      <a class="btn" href={`/posters/${code}.png`} download={`hailong-qr-${code}.png`} data-testid="download-png">
        {both(P.downloadPng)}
      </a>
      <button type="button" class="btn primary" {...PRINT_ATTRS} data-testid="print">
        {both(P.print)}
      </button>
    </>
  );
  return (
    '<!doctype html>' +
    render(
      <PosterLayout title={`${poster.counter.name} — ${poster.counter.unit_name}`} size={size} toolbar={toolbar} address={address}>
        <Poster {...poster} />
      </PosterLayout>,
    )
  );
}

export function renderUnitPosters(
  unit: { id: number; name: string },
  posters: PosterData[],
  size: PaperSize,
  address?: AddressWarning,
): string {
  const toolbar = (
    <>
      <span class="title">
        {unit.name} — {posters.length} áp phích / posters
      </span>
      <SizeSwitch size={size} />
      <button type="button" class="btn primary" {...PRINT_ATTRS} data-testid="print">
        {both(P.print)}
      </button>
    </>
  );
  return (
    '<!doctype html>' +
    render(
      <PosterLayout title={unit.name} size={size} toolbar={toolbar} address={address}>
        {posters.length === 0 ? <p class="empty">{both(P.noCounters)}</p> : posters.map((p) => <Poster key={p.counter.code} {...p} />)}
      </PosterLayout>,
    )
  );
}

/** A refusal shown to a person who opened a poster address in the browser. */
export function renderPosterMessage(
  text: LocalizedText,
  link = { href: '/app/', text: { vi: 'Bảng điều khiển', en: 'Dashboard' } },
): string {
  return (
    '<!doctype html>' +
    render(
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{text.vi}</title>
        </head>
        <body style="font-family:system-ui,sans-serif;max-width:560px;margin:40px auto;padding:0 16px">
          <h1 style="font-size:1.25rem">{text.vi}</h1>
          <p lang="en">{text.en}</p>
          <p>
            <a href={link.href}>{both(link.text)}</a>
          </p>
        </body>
      </html>,
    )
  );
}
