import { mkdir, writeFile } from 'node:fs/promises';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { runServer, type RunningServer } from '../support/run-server';

const PASSWORD = 'browser-test-password';
const DOSSIER = '000.00.17.H31-230101-0001';
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  page = await context.newPage();
  // page.request shares the context's cookies: the session cookie set here is the page's too.
  const login = await page.request.post(`${server.url}/api/auth/login`, { data: { username: 'admin', password: PASSWORD } });
  expect(login.status()).toBe(200);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Reads the QR code in a screenshot as a phone camera would. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** Pages in a PDF Chromium printed, and the size of the first (in points; Chromium rounds it to whole CSS px). */
function pdfPages(pdf: Buffer): { count: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const count = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  return { count, width: Number(box?.[1]), height: Number(box?.[2]) };
}

describe('a counter officer prints the QR poster', () => {
  it('shows a poster whose QR, read off the screen, opens the counter page', async () => {
    await page.goto(`${server.url}/posters/demo-land`);
    expect(await page.locator('h1.counter').textContent()).toBe('Quầy Đất đai');
    expect(await page.getByTestId('poster-url').textContent()).toBe(`${server.url}/q/demo-land`);
    expect(await page.getByTestId('poster-toolbar').isVisible()).toBe(true);
    expect(await page.getByTestId('print').isVisible()).toBe(true);

    const shot = await page.screenshot({ fullPage: true });
    await mkdir('test-artifacts', { recursive: true });
    await writeFile('test-artifacts/poster.png', shot);
    expect(decodeQr(shot)).toBe(`${server.url}/q/demo-land`);

    // the QR really takes the room of a poster: 140 mm is about 530 CSS px
    const box = (await page.locator('.poster .qr svg').boundingBox())!;
    expect(box.width).toBeGreaterThan(500);
    expect(Math.abs(box.width - box.height)).toBeLessThan(1);
  });

  it('prints on one A4 page without the buttons, and on A5 with ?size=a5', async () => {
    await page.goto(`${server.url}/posters/demo-land`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('poster-toolbar').isVisible()).toBe(false);
    expect(await page.getByTestId('download-png').isVisible()).toBe(false);
    expect(await page.locator('.poster .qr svg').isVisible()).toBe(true);
    const printed = await page.screenshot({ fullPage: true });
    await writeFile('test-artifacts/poster-print.png', printed);
    expect(decodeQr(printed)).toBe(`${server.url}/q/demo-land`);
    // back to no emulation: page.pdf() then prints with the print styles, as a person's Ctrl+P does
    await page.emulateMedia({ media: null });

    const a4 = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(a4.count).toBe(1);
    expect(Math.abs(a4.width - 595.3)).toBeLessThan(2); // 210 mm
    expect(Math.abs(a4.height - 841.9)).toBeLessThan(2); // 297 mm

    await page.goto(`${server.url}/posters/demo-land?size=a5`);
    const a5 = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(a5.count).toBe(1);
    expect(Math.abs(a5.width - 419.5)).toBeLessThan(2); // 148 mm
    expect(Math.abs(a5.height - 595.3)).toBeLessThan(2); // 210 mm
  });

  it('prints a unit sheet as one page per counter of the subtree', async () => {
    const units = (await (await page.request.get(`${server.url}/api/meta`)).json()) as { units: { id: number; code: string }[] };
    const centre = units.units.find((u) => u.code === '33-TTPVHCC')!;
    await page.goto(`${server.url}/posters/unit/${centre.id}`);
    expect(await page.locator('section.poster').count()).toBe(3);
    await page.screenshot({ path: 'test-artifacts/poster-sheet.png', fullPage: true });
    expect(pdfPages(await page.pdf({ preferCSSPageSize: true })).count).toBe(3);
  });

  it('the downloaded SVG and the receipt-slip SVG read back as the right addresses', async () => {
    await page.setContent(`<img id="qr" src="${server.url}/posters/demo-land.svg" style="width:600px">`);
    await page.locator('#qr').evaluate((img: HTMLImageElement) => img.decode());
    expect(decodeQr(await page.locator('#qr').screenshot())).toBe(`${server.url}/q/demo-land`);

    // a one-stop system fetches it with no session
    const receipt = await browser.newContext();
    const slip = await receipt.newPage();
    await slip.setContent(`<img id="qr" src="${server.url}/posters/demo-land/receipt.svg?dossier=${DOSSIER}" style="width:400px">`);
    await slip.locator('#qr').evaluate((img: HTMLImageElement) => img.decode());
    expect(decodeQr(await slip.locator('#qr').screenshot())).toBe(`${server.url}/q/demo-land?dossier=${DOSSIER}`);
    await receipt.close();
  });
});
