import { formFieldsToSubmission } from '../../surveys/form-fields';
import { VIETNAM_OFFSET_MS } from '../../surveys/time';
import { CITIZEN_CACHE } from './cache-name';
import { carryAnswersAcrossLanguage } from './carry-answers';
import { TEXTS, type Lang } from './citizen-texts';
import { watchIdle } from './kiosk-idle-reset';
import { addPending, loadPending, removePending, type PendingSubmission } from './pending-store';
import { sendSubmission, type LocalizedText, type SendResult } from './send-submission';

// Progressive enhancement of the citizen form: without this script the form still works.
const RETRY_MS = 30_000;

const form = document.getElementById('survey') as HTMLFormElement | null;
const lang: Lang = form?.dataset.lang === 'en' ? 'en' : 'vi';
const kioskSeconds = form?.dataset.kiosk !== undefined ? Number(form.dataset.kiosk) : null;
const say = (text: LocalizedText) => text[lang];
/** The answer the message on screen is waiting for: its sending updates that message. */
let waitingFor: string | null = null;
let kioskReset: ReturnType<typeof setTimeout> | undefined;
let flushing = false;

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

/** 'HH:MM' and 'DD/MM' of an instant in Vietnam, where the answer is counted. */
function vietnamTime(ms: number): { t: string; d: string } {
  const at = new Date(ms + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return { t: `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`, d: `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}` };
}

function line(text: string, className = '', bold = ''): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  if (bold) {
    const b = document.createElement('strong');
    b.className = 'ref';
    b.textContent = bold;
    p.append(b);
  }
  return p;
}

/** What went wrong is said in both languages, the page's first: the next person may read the other. */
function bothLanguages(text: LocalizedText): HTMLParagraphElement[] {
  const other = lang === 'vi' ? 'en' : 'vi';
  const second = line(text[other], 'hint');
  second.lang = other;
  return [line(text[lang]), second];
}

/** What a stored answer's message says after its first line: the case it opened, its reference. */
function storedLines(result: Extract<SendResult, { outcome: 'stored' }>): HTMLParagraphElement[] {
  const lines = result.caseMessage ? [line(say(result.caseMessage), 'case')] : [];
  return result.reference ? [...lines, line(`${say(TEXTS.reference)}: `, 'hint', result.reference)] : lines;
}

/**
 * Replaces the form with a message. On a kiosk, a fresh form follows after the pause, unless the
 * answer waits out the tablet's pause on screen (`hold`): the fresh form then follows its sending.
 */
function showDone(title: string, lines: HTMLElement[], kind: 'ok' | 'wait' = 'ok', hold = false) {
  const main = document.querySelector('main');
  if (!main || !form) return;
  const formUrl = form.getAttribute('action') ?? location.href;
  const box = document.createElement('div');
  box.className = kind === 'wait' ? 'done wait' : 'done';
  box.setAttribute('role', 'status');
  const h1 = document.createElement('h1');
  h1.textContent = title;
  box.append(h1, ...lines);
  clearTimeout(kioskReset);
  if (kioskSeconds !== null) {
    if (!hold) {
      const next = document.createElement('p');
      next.textContent = say(TEXTS.kioskNext).replace('{s}', String(kioskSeconds));
      box.append(next);
      // The form's action already carries the kiosk flag, so the tablet stays in kiosk mode.
      kioskReset = setTimeout(() => location.replace(formUrl), kioskSeconds * 1000);
    }
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

/** A kept answer was sent at last: the message waiting for it says so, and when; else the status line. */
function announceSent(clientKey: string, result: SendResult) {
  const onScreen = waitingFor === clientKey;
  if (onScreen) waitingFor = null;
  if (result.outcome === 'stored') {
    const at = vietnamTime(Date.now());
    const sent = say(TEXTS.sentLater).replace('{t}', at.t).replace('{d}', at.d);
    if (onScreen) showDone(say(TEXTS.thanks), [line(sent), ...storedLines(result)]);
    else setStatus(sent, 'ok');
  } else if (onScreen && result.outcome === 'refused') {
    showDone(say(TEXTS.thanks), result.message ? [line(say(result.message))] : []);
  }
}

async function flushPending(store: Storage) {
  if (flushing) return;
  flushing = true;
  try {
    for (const item of loadPending(store)) {
      const result = await sendSubmission(item, fetch);
      if (result.outcome === 'later') {
        if (result.busy) retryAfter(store, result.busy.retryAfterSeconds);
        return;
      }
      removePending(store, item.body.clientKey);
      announceSent(item.body.clientKey, result);
    }
  } finally {
    flushing = false;
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
    // A short text is sent as typed, digits too; the server's own form reading knows them from the survey.
    const textKeys = new Set([...form.querySelectorAll<HTMLInputElement>('input[type=text][name^="q."]')].map((i) => i.name.slice(2)));
    const { envelope } = formFieldsToSubmission(fields, textKeys);
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
      const { busy } = result;
      waitingFor = item.body.clientKey;
      if (busy?.paced) {
        // Within the kiosk's pause: the same answer is sent once it is over, and the screen says so.
        const s = String(busy.retryAfterSeconds);
        const text = TEXTS.savedPaced;
        showDone(say(TEXTS.waiting), bothLanguages({ vi: text.vi.replace('{s}', s), en: text.en.replace('{s}', s) }), 'wait', true);
      } else {
        showDone(say(TEXTS.waiting), bothLanguages(busy ? TEXTS.savedBusy : TEXTS.savedOffline), 'wait');
      }
      if (busy) retryAfter(store, busy.retryAfterSeconds);
      return;
    }
    removePending(store, item.body.clientKey);
    if (result.outcome === 'stored') showDone(say(TEXTS.thanks), [line(say(TEXTS.sent)), ...storedLines(result)]);
    else if (result.outcome === 'refused') showDone(say(TEXTS.thanks), result.message ? [line(say(result.message))] : []);
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
