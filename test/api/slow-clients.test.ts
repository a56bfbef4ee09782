import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../server/config/env';
import { httpServerOptions } from '../../server/config/http-timeouts';
import { answersAt, loginCookie } from '../support/http-client';
import { runServer, type RunningServer } from '../support/run-server';

const PASSWORD = 'slow-client-password';
const HEADERS_S = 2;
const REQUEST_S = 3;
const KEEP_ALIVE_S = 2;
// Node looks at open connections once a second, and adds a second to the keep-alive timeout;
// past the limit plus this, a connection is counted as held.
const SLACK_MS = 3000;

let server: RunningServer;
let port: number;

/**
 * Opens a raw connection, sends `first`, then `drip` one byte a second, and reports when the
 * server closed it and what it answered (or that it was still open after `giveUpMs`).
 */
function trickle(first: string, drip: string, giveUpMs = 20_000): Promise<{ closedAfterMs: number | null; answer: string }> {
  return new Promise((done, fail) => {
    const started = Date.now();
    let answer = '';
    let sent = 0;
    const socket = connect(port, '127.0.0.1', () => socket.write(first));
    const dripper = setInterval(() => {
      if (sent < drip.length && !socket.destroyed) socket.write(drip[sent++]!);
    }, 1000);
    const giveUp = setTimeout(() => {
      clearInterval(dripper);
      socket.destroy();
      done({ closedAfterMs: null, answer });
    }, giveUpMs);
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(dripper);
      clearTimeout(giveUp);
      done({ closedAfterMs: Date.now() - started, answer });
    });
    socket.on('timeout', () => fail(new Error('unexpected socket timeout')));
  });
}

describe('slow clients are cut off within the configured time', () => {
  beforeAll(async () => {
    // The embedded database whatever the suite runs on: only the HTTP server is under test.
    server = await runServer({
      DATABASE_URL: '',
      HAILONG_ADMIN_PASSWORD: PASSWORD,
      HAILONG_HEADERS_TIMEOUT_SECONDS: String(HEADERS_S),
      HAILONG_REQUEST_TIMEOUT_SECONDS: String(REQUEST_S),
      HAILONG_KEEP_ALIVE_SECONDS: String(KEEP_ALIVE_S),
    });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server?.stop());

  it('a body sent at one byte a second gets 408 after HAILONG_REQUEST_TIMEOUT_SECONDS, and nothing is stored', async () => {
    const cookie = await loginCookie(server.url, PASSWORD);
    const before = await answersAt(server.url, cookie, 'demo-land');
    const body = JSON.stringify({ clientKey: 'slow-body-client-1', token: 'x', answers: { overall: 5 } });
    const head = `POST /q/demo-land HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const got = await trickle(head, body);
    expect(got.closedAfterMs).not.toBeNull();
    expect(got.closedAfterMs!).toBeGreaterThanOrEqual(REQUEST_S * 1000 - 200);
    expect(got.closedAfterMs!).toBeLessThan(REQUEST_S * 1000 + SLACK_MS);
    expect(got.answer).toMatch(/^HTTP\/1\.1 408 /);
    // The server goes on serving, and the cut-off answer was not stored.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await answersAt(server.url, cookie, 'demo-land')).toBe(before);
  }, 60_000);

  it('headers sent at one byte a second get 408 after HAILONG_HEADERS_TIMEOUT_SECONDS', async () => {
    const got = await trickle(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n');
    expect(got.closedAfterMs).not.toBeNull();
    expect(got.closedAfterMs!).toBeGreaterThanOrEqual(HEADERS_S * 1000 - 200);
    expect(got.closedAfterMs!).toBeLessThan(HEADERS_S * 1000 + SLACK_MS);
    expect(got.answer).toMatch(/^HTTP\/1\.1 408 /);
  }, 60_000);

  it('a connection that sends nothing at all is closed as slow headers', async () => {
    const got = await trickle('', '');
    expect(got.closedAfterMs).not.toBeNull();
    expect(got.closedAfterMs!).toBeLessThan(HEADERS_S * 1000 + SLACK_MS);
  }, 60_000);

  it('an idle keep-alive connection is closed after HAILONG_KEEP_ALIVE_SECONDS, once its answer is sent', async () => {
    const got = await trickle(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, '');
    expect(got.answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(got.answer).toContain(`Keep-Alive: timeout=${KEEP_ALIVE_S}`);
    expect(got.closedAfterMs).not.toBeNull();
    expect(got.closedAfterMs!).toBeLessThan(KEEP_ALIVE_S * 1000 + SLACK_MS);
  }, 60_000);

  it('a client at normal speed is served as before', async () => {
    const form = await fetch(`${server.url}/q/demo-land`, { headers: { accept: 'application/json' } });
    const { token } = (await form.json()) as { token: string };
    const res = await fetch(`${server.url}/q/demo-land`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientKey: 'normal-speed-client-1', token, answers: { overall: 4 } }),
    });
    expect(res.status).toBe(201);
  });
});

describe('the timeouts settings', () => {
  it('default to tens of seconds, checked once a second', () => {
    expect(httpServerOptions(parseEnv({}))).toEqual({
      headersTimeout: 30_000,
      requestTimeout: 60_000,
      keepAliveTimeout: 10_000,
      connectionsCheckingInterval: 1000,
    });
  });

  it('refuse a headers timeout longer than the request timeout, naming the variable', () => {
    expect(() => parseEnv({ HAILONG_HEADERS_TIMEOUT_SECONDS: '90' })).toThrow(
      /HAILONG_HEADERS_TIMEOUT_SECONDS: .*must not exceed HAILONG_REQUEST_TIMEOUT_SECONDS/,
    );
    expect(() => parseEnv({ HAILONG_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/HAILONG_REQUEST_TIMEOUT_SECONDS/);
  });
});
