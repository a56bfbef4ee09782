import { describe, expect, it } from 'vitest';
import { addPending, loadPending, removePending, type KeyValueStore, type PendingSubmission } from '../../client/citizen/pending-store';
import { sendSubmission } from '../../client/citizen/send-submission';
import { formFieldsToSubmission } from '../../surveys/form-fields';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const item = (clientKey: string): PendingSubmission => ({
  url: '/q/demo-land',
  body: { clientKey, token: 'old-token', answers: { overall: 5 } },
  savedAt: 0,
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('pending answers kept in the browser', () => {
  it('keeps one entry per client key and removes it once acknowledged', () => {
    const store = memoryStore();
    addPending(store, item('k1'));
    addPending(store, item('k2'));
    addPending(store, { ...item('k1'), savedAt: 5 });
    expect(loadPending(store).map((p) => [p.body.clientKey, p.savedAt])).toEqual([
      ['k2', 0],
      ['k1', 5],
    ]);
    removePending(store, 'k2');
    expect(loadPending(store).map((p) => p.body.clientKey)).toEqual(['k1']);
  });

  it('survives damaged storage', () => {
    const store = memoryStore();
    store.setItem('hailong.pending', '{not json');
    expect(loadPending(store)).toEqual([]);
  });
});

describe('sending a kept answer', () => {
  it('reports "later" when there is no connection or the server fails', async () => {
    expect(await sendSubmission(item('a'), () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ outcome: 'later' });
    expect(await sendSubmission(item('a'), async () => json(500, {}))).toEqual({ outcome: 'later', busy: { retryAfterSeconds: 30 } });
  });

  it('keeps an answer the server is too busy to take (503 while its database restarts), with the wait it asks for', async () => {
    const busy = new Response(JSON.stringify({ message: { vi: 'Hệ thống đang bận', en: 'busy' } }), {
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after': '5' },
    });
    expect(await sendSubmission(item('a'), async () => busy)).toEqual({ outcome: 'later', busy: { retryAfterSeconds: 5 } });
    // The token renewal itself may meet the outage.
    const fetchFn = async (_url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? json(422, { fields: { _token: { vi: 'hết hạn', en: 'expired' } } })
        : new Response('', { status: 503, headers: { 'retry-after': '7' } });
    expect(await sendSubmission(item('b'), fetchFn)).toEqual({ outcome: 'later', busy: { retryAfterSeconds: 7 } });
  });

  it('renews an expired or spent token once and sends again with the same client key', async () => {
    const calls: { method: string; body?: { clientKey: string; token: string } }[] = [];
    const fetchFn = async (_url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as { clientKey: string; token: string }) : undefined;
      calls.push({ method, ...(body ? { body } : {}) });
      if (method === 'GET') return json(200, { token: 'fresh-token' });
      return body!.token === 'fresh-token'
        ? json(201, { id: 41, reference: 'K7M2Q-9XH4T', case: null })
        : json(422, { fields: { _token: { vi: 'hết hạn', en: 'expired' } } });
    };
    expect(await sendSubmission(item('k9'), fetchFn)).toEqual({ outcome: 'stored', reference: 'K7M2Q-9XH4T', caseMessage: null });
    expect(calls.map((c) => c.method)).toEqual(['POST', 'GET', 'POST']);
    expect(calls[2]!.body).toEqual({ clientKey: 'k9', token: 'fresh-token', answers: { overall: 5 } });
  });

  it('keeps a kiosk answer sent within the pause (429) and waits the Retry-After; a stored one brings its case message', async () => {
    const paced = new Response(JSON.stringify({ message: { vi: 'nghỉ', en: 'pause' } }), { status: 429, headers: { 'retry-after': '3' } });
    expect(await sendSubmission(item('p'), async () => paced)).toEqual({ outcome: 'later', busy: { retryAfterSeconds: 3, paced: true } });
    const message = { vi: 'Đã mở phản ánh.', en: 'A case was opened.' };
    const stored = json(201, { id: 7, reference: 'AB2CD-EF3GH', case: { dueAt: '2026-03-09T00:00:00.000Z', callBack: true, message } });
    expect(await sendSubmission(item('q'), async () => stored)).toEqual({
      outcome: 'stored',
      reference: 'AB2CD-EF3GH',
      caseMessage: message,
    });
  });

  it('hands invalid answers back to the form, and reports a refusal with its reason', async () => {
    expect(await sendSubmission(item('a'), async () => json(422, { fields: { overall: { vi: 'x', en: 'x' } } }))).toEqual({
      outcome: 'invalid',
    });
    const message = { vi: 'Hồ sơ này đã được đánh giá rồi.', en: 'Already rated.' };
    expect(await sendSubmission(item('a'), async () => json(409, { message, fields: { _dossier_code: message } }))).toEqual({
      outcome: 'refused',
      message,
    });
  });
});

describe('form fields to a submission', () => {
  it('turns radio values into numbers and "na" into no opinion, keeping the kiosk channel', () => {
    const { envelope, values } = formFieldsToSubmission({
      token: 't',
      clientKey: 'c',
      channel: 'kiosk',
      'q.overall': '4',
      'q.access_q': 'na',
      'q.result_q': ' ',
      'q.bad': 'abc',
      comment: 'ok',
    });
    expect(envelope).toEqual({
      clientKey: 'c',
      token: 't',
      answers: { overall: 4, access_q: null, bad: 'abc' },
      comment: 'ok',
      dossierCode: '',
      channel: 'kiosk',
    });
    expect(values.answers).toEqual({ overall: '4', access_q: 'na', bad: 'abc' });
  });
});
