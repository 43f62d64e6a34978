// Bounceback service worker: keeps the app shell so the app opens without a connection.
// Pages: network first, the cached shell when offline. Hashed assets: cache first.
// The API is never cached here: the page keeps its last answers (who is logged in, the catalog,
// today's plan) and queues check-ins and session logs made offline itself.
const CACHE = 'bb-shell-v2';

// The shell and every file the page names (the hashed script and style sheet of this build), so
// the first visit is enough to open the app offline.
async function keepShell() {
  const cache = await caches.open(CACHE);
  await cache.addAll(['/manifest.webmanifest', '/icon.svg']);
  const page = await fetch('/', { cache: 'no-cache' });
  const html = await page.clone().text();
  await cache.put('/', page);
  const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(keepShell());
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put('/', copy));
          return res;
        })
        .catch(() => caches.match('/')),
    );
    return;
  }
  event.respondWith(
    caches.match(req).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok) {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(req, copy));
      }
      return res;
    })),
  );
});
