import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodyLimit } from '../../server/http/body-limit';

const app = new Hono()
  .use(bodyLimit({ maxSize: 10, onError: (c) => c.text('too large', 413) }))
  .post('/', async (c) => c.text(await c.req.text()))
  .get('/', (c) => c.text('page'));

const post = (body: BodyInit, headers: Record<string, string> = {}) => app.request('/', { method: 'POST', body, headers });

describe('body limit', () => {
  it('judges a body by its stated Content-Length', async () => {
    expect((await post('0123456789', { 'content-length': '10' })).status).toBe(200);
    expect((await post('short', { 'content-length': '11' })).status).toBe(413);
  });

  it('counts a body without a length (chunked) as it arrives', async () => {
    expect(await (await post('0123456789')).text()).toBe('0123456789');
    expect((await post('0123456789a')).status).toBe(413);
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('0123456789'));
        controller.enqueue(new TextEncoder().encode('x'));
        controller.close();
      },
    });
    const res = await app.request('/', {
      method: 'POST',
      body: chunked,
      headers: { 'transfer-encoding': 'chunked' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('lets pages through untouched', async () => {
    expect(await (await app.request('/')).text()).toBe('page');
  });
});
