import { formFieldsToSubmission } from '../../surveys/form-fields';
import { CITIZEN_CACHE } from './cache-name';
import { carryAnswersAcrossLanguage } from './carry-answers';
import { TEXTS, type Lang } from './citizen-texts';
import { watchIdle } from './kiosk-idle-reset';
import { addPending, loadPending, removePending, type PendingSubmission } from './pending-store';
import { sendSubmission, type LocalizedText } from './send-submission';

// Progressive enhancement of the citizen form: without this script the form still works.
const RETRY_MS = 30_000;

const form = document.getElementById('survey') as HTMLFormElement | null;
const lang: Lang = form?.dataset.lang === 'en' ? 'en' : 'vi';
const kioskSeconds = form?.dataset.kiosk !== undefined ? Number(form.dataset.kiosk) : null;
const say = (text: LocalizedText) => text[lang];

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A random key this browser keeps; the server stores only a daily-rotating hash of it. */
function deviceKey(store: Storage | null): string | undefined {
  if (!store) return undefined;
  let key = store.getItem('hailong.device');
  if (!key) {
    key = crypto.randomUUID();
    store.setItem('hailong.device', key);
  }
  return key;
}

function setStatus(text: string, kind: 'ok' | 'wait' | '' = '') {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** Replaces the form with a message; on a kiosk, a fresh form follows after the pause. */
function showDone(title: string, body: string) {
  const main = document.querySelector('main');
  if (!main || !form) return;
  const formUrl = form.getAttribute('action') ?? location.href;
  const box = document.createElement('div');
  box.className = 'done';
  box.setAttribute('role', 'status');
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const p = document.createElement('p');
  p.textContent = body;
  box.append(h1, p);
  if (kioskSeconds !== null) {
    const next = document.createElement('p');
    next.textContent = say(TEXTS.kioskNext).replace('{s}', String(kioskSeconds));
    box.append(next);
    // The form's action already carries the kiosk flag, so the tablet stays in kiosk mode.
    setTimeout(() => location.replace(formUrl), kioskSeconds * 1000);
  } else {
    const again = document.createElement('a');
    again.href = formUrl;
    again.textContent = say(TEXTS.again);
    box.append(again);
  }
  main.replaceChildren(box);
  window.scrollTo(0, 0);
}

/** A server that asked to wait (Retry-After) is tried again then, not only at the next round. */
function retryAfter(store: Storage, seconds: number) {
  setTimeout(() => void flushPending(store), Math.min(Math.max(seconds, 1), RETRY_MS / 1000) * 1000);
}

async function flushPending(store: Storage) {
  for (const item of loadPending(store)) {
    const result = await sendSubmission(item, fetch);
    if (result.outcome === 'later') return;
    removePending(store, item.body.clientKey);
    if (result.outcome === 'stored') setStatus(say(TEXTS.sentLater), 'ok');
  }
}

function enhanceForm(form: HTMLFormElement, store: Storage | null) {
  const onSubmit = async (event: SubmitEvent) => {
    if (!store || !form.checkValidity()) return;
    event.preventDefault();
    const fields: Record<string, string> = {};
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') fields[name] = value;
    });
    const { envelope } = formFieldsToSubmission(fields);
    const item: PendingSubmission = {
      url: new URL(form.action).pathname,
      body: { ...(envelope as PendingSubmission['body']), deviceKey: deviceKey(store) },
      savedAt: Date.now(),
    };
    // Kept before sending: if the connection drops or the tab closes, the answer is not lost.
    addPending(store, item);
    setStatus(say(TEXTS.sending));
    const result = await sendSubmission(item, fetch);
    if (result.outcome === 'later') {
      showDone(say(TEXTS.thanks), say(result.busy ? TEXTS.savedBusy : TEXTS.savedOffline));
      if (result.busy) retryAfter(store, result.busy.retryAfterSeconds);
      document.querySelector('.done')?.classList.add('wait');
      return;
    }
    removePending(store, item.body.clientKey);
    if (result.outcome === 'stored') showDone(say(TEXTS.thanks), say(TEXTS.sent));
    else if (result.outcome === 'refused') showDone(say(TEXTS.thanks), result.message ? say(result.message) : '');
    // Answers to fix: the server shows the form again with a message beside each field.
    else HTMLFormElement.prototype.submit.call(form);
  };
  form.addEventListener('submit', (event) => void onSubmit(event));
  carryAnswersAcrossLanguage(form, document.querySelector<HTMLAnchorElement>('a.lang'));
  if (kioskSeconds !== null) watchIdle(form, Number(form.dataset.kioskIdle ?? 60) * 1000);
}

function start() {
  const store = storage();
  if (form) enhanceForm(form, store);
  if (store) {
    void flushPending(store);
    window.addEventListener('online', () => void flushPending(store));
    setInterval(() => navigator.onLine && void flushPending(store), RETRY_MS);
  }
  // Once opened, the form loads again without a connection: the worker keeps what it fetches,
  // and this page (not fetched through it, since it was loaded before) is kept now.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register('/q-sw.js', { scope: '/q/' })
      .then(() => navigator.serviceWorker.ready)
      .then(() => caches.open(CITIZEN_CACHE))
      .then((cache) => cache.addAll([location.pathname + location.search, '/q-assets/citizen.js']))
      .catch(() => {});
  }
}

start();
