import { CITIZEN_CACHE } from './cache-name';

// The citizen form's service worker: network first, the last good copy when offline. Only the
// form pages and their script are kept; answers never pass through here (they are POSTs).

interface FetchEventLike extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableEventLike extends Event {
  waitUntil(work: Promise<unknown>): void;
}
const sw = self as unknown as {
  addEventListener(type: 'fetch', listener: (e: FetchEventLike) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

sw.addEventListener('install', (e) => e.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (e) => e.waitUntil(sw.clients.claim()));

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  const ours = url.origin === sw.location.origin && (url.pathname.startsWith('/q/') || url.pathname === '/q-assets/citizen.js');
  if (req.method !== 'GET' || !ours || (req.headers.get('accept') ?? '').includes('application/json')) return;
  e.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          void caches.open(CITIZEN_CACHE).then((cache) => cache.put(req, copy));
        }
        return res;
      })
      .catch(async () => (await caches.match(req)) ?? (await caches.match(req, { ignoreSearch: true })) ?? Response.error()),
  );
});
