import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { runServer, type RunningServer } from './run-server';

export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
}

/** The bundled server with these settings and one headless Chromium, started before a file's tests and stopped after them. */
export function serverAndBrowser(env: Record<string, string>): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await runServer(env);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
