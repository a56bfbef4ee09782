/**
 * The language switch is a plain link: the address then says the language, and a reload asks
 * nothing. So that the answers already given are not lost on the way, a click on it keeps them in
 * this tab's session storage, and the same form in the other language puts them back and forgets
 * them. The token, the client key and the channel are the new page's own. Without script the link
 * still works; the person answers from the start.
 */
const KEY = 'hailong.carry';
const NOT_CARRIED = new Set(['token', 'clientKey', 'channel']);
/** Answers left behind by a switch that never arrived (a lost connection) are not put back later. */
const KEPT_MS = 10 * 60_000;

interface Carried {
  path: string;
  savedAt: number;
  fields: [string, string][];
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function fieldsOf(form: HTMLFormElement): [string, string][] {
  const fields: [string, string][] = [];
  new FormData(form).forEach((value, name) => {
    if (typeof value === 'string' && value !== '' && !NOT_CARRIED.has(name)) fields.push([name, value]);
  });
  return fields;
}

function putBack(form: HTMLFormElement, name: string, value: string) {
  const target = form.elements.namedItem(name);
  if (target instanceof RadioNodeList) target.value = value;
  else if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio'))
    target.checked = target.value === value;
  else if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    target.value = value;
}

function restore(form: HTMLFormElement, store: Storage) {
  const raw = store.getItem(KEY);
  if (raw === null) return;
  store.removeItem(KEY);
  let carried: Carried;
  try {
    carried = JSON.parse(raw) as Carried;
  } catch {
    return;
  }
  if (carried.path !== location.pathname || Date.now() - carried.savedAt > KEPT_MS || !Array.isArray(carried.fields)) return;
  for (const [name, value] of carried.fields) putBack(form, name, value);
}

export function carryAnswersAcrossLanguage(form: HTMLFormElement, link: HTMLAnchorElement | null) {
  const store = sessionStore();
  if (!store) return;
  restore(form, store);
  link?.addEventListener('click', () => {
    const carried: Carried = { path: location.pathname, savedAt: Date.now(), fields: fieldsOf(form) };
    store.setItem(KEY, JSON.stringify(carried));
  });
}
