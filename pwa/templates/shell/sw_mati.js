/* MENTARI's kill switch (MENTARI_SW_MATI=1, pwa/shell/sw.py): served instead of the worker when
   a worker has gone wrong. Phones fetch it on their next visit (the worker script is never
   cached); it takes over at once, removes the caches of every earlier version, unregisters
   itself and reloads the open pages from the network. The sign-language clips the person
   saved (mentari-isyarat) and the outbox (IndexedDB) stay. */
self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return /^mentari-(shell|halaman|statis)/.test(n);
    }).map(function (n) { return caches.delete(n); }));
  }).then(function () {
    return self.registration.unregister();
  }).then(function () {
    return self.clients.matchAll({type: "window"});
  }).then(function (pages) {
    pages.forEach(function (page) { page.navigate(page.url); });
  }));
});
