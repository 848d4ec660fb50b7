/* MENTARI service worker (issue 3), rendered by pwa/shell.py.

   - The app shell (CSS, scripts, icons) and the pages that work without a signal are kept on
     the phone at install.
   - Pages: network first, so people see today's state; the copy of a page last seen is shown
     when there is no signal, or the offline page when there is none.
   - Static files carry their content hash in the URL, so a kept copy is always right: cache
     first.
   - The offline forms: when a post cannot reach the office, the answers go into the phone's
     outbox (outbox-db.js) and are sent when the signal returns, by Background Sync where the
     browser has it, and otherwise when this worker starts and when a page says it is online.
     Each carries its idempotency key ("kunci"): a retry never makes a second request. */
importScripts({{ db_script | tojson }});

var VERSI = {{ version | tojson }};
var SHELL = "mentari-shell-" + VERSI;
var HALAMAN = "mentari-halaman";   // pages seen on this phone
var STATIS = "mentari-statis";     // versioned static files met after install
var SUARA = "mentari-suara";       // voice mode's fixed prompts (filled by voice-audio.js)
// Caches of this worker. Others (mentari-isyarat: sign-language clips saved by the person;
// mentari-suara, which voice-audio.js keeps to one language and rate) are never touched here.
var MILIK = /^mentari-(shell|halaman|statis)/;
var PRECACHE = {{ shell_urls | tojson }};
var LURING = {{ offline | tojson }};
var TERSIMPAN = {{ saved | tojson }};
var ANTREAN = {{ outbox | tojson }};   // paths of the forms whose posts may wait on the phone
var BATAS_HALAMAN = 40;
var BATAS_KIRIM_MS = 60000;            // a post still unanswered after this waits on the phone
var TAG_SYNC = "mentari-kirim";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    // Without cookies: a response in the background must never replace the session cookie
    // the page has just been given (the server signs a new one with each CSRF token). Pages
    // the person opens later replace these plain copies with their own (display mode too).
    return cache.addAll(PRECACHE.map(function (u) {
      return new Request(u, {credentials: "omit"});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return MILIK.test(n) && n !== SHELL && n !== HALAMAN && n !== STATIS;
    }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }).then(kirim).catch(function () {}));
});

self.addEventListener("fetch", function (event) {
  var req = event.request, url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === "POST") {
    if (ANTREAN.indexOf(url.pathname) !== -1) event.respondWith(kirimAtauSimpan(req));
    return;
  }
  if (req.method !== "GET" || req.headers.has("HX-Request")) return;
  if (url.pathname.indexOf("/static/") === 0) {
    if (url.searchParams.has("v")) event.respondWith(cacheDulu(req, STATIS));
    return;
  }
  // A prompt's URL carries the version of its words: the kept sound is always right.
  if (url.pathname.indexOf({{ prompt_prefix | tojson }}) === 0) {
    if (url.searchParams.has("v")) event.respondWith(cacheDulu(req, SUARA));
    return;
  }
  if (req.mode === "navigate") event.respondWith(jaringanDulu(req, event));
});

function cacheDulu(req, nama) {
  return caches.match(req, {ignoreVary: true}).then(function (kept) {
    return kept || fetch(req).then(function (res) {
      if (res.ok && res.status === 200) {
        var salinan = res.clone();
        caches.open(nama).then(function (c) { return c.put(req, salinan); });
      }
      return res;
    });
  });
}

function bolehDisimpan(url, res) {
  // Staff pages and pages marked no-store (a request's personal details) never stay on a
  // phone that a family or an office shares.
  return res.ok && res.status === 200 && res.type === "basic" && !res.redirected
    && url.pathname.indexOf("/staf") !== 0
    && (res.headers.get("Cache-Control") || "").indexOf("no-store") === -1
    && (res.headers.get("Content-Type") || "").indexOf("text/html") === 0;
}

function jaringanDulu(req, event) {
  var url = new URL(req.url);
  return fetch(req).then(function (res) {
    if (bolehDisimpan(url, res)) {
      var salinan = res.clone();
      event.waitUntil(caches.open(HALAMAN).then(function (c) {
        return c.put(req, salinan).then(function () { return rapikan(c); });
      }));
    }
    return res;
  }).catch(function () {
    return caches.open(HALAMAN).then(function (c) {
      return c.match(req, {ignoreVary: true});
    }).then(function (kept) {
      return kept || caches.match(req, {ignoreVary: true});
    }).then(function (kept) {
      // The shell's pages answer whatever their query.
      return kept || caches.match(url.pathname, {ignoreSearch: true, ignoreVary: true,
                                                 cacheName: SHELL});
    }).then(function (kept) {
      return kept || caches.match(LURING, {ignoreVary: true, cacheName: SHELL});
    });
  });
}

function rapikan(cache) {
  return cache.keys().then(function (keys) {
    // keys() lists oldest first: drop the oldest pages past the limit.
    return Promise.all(keys.slice(0, Math.max(0, keys.length - BATAS_HALAMAN))
      .map(function (k) { return cache.delete(k); }));
  });
}

function kunciBaru() {
  return self.crypto.randomUUID ? self.crypto.randomUUID()
    : Array.prototype.map.call(self.crypto.getRandomValues(new Uint8Array(16)),
      function (b) { return (b + 256).toString(16).slice(1); }).join("");
}

function denganBatas(url, init) {
  var batal = new AbortController();
  var jam = setTimeout(function () { batal.abort(); }, BATAS_KIRIM_MS);
  init.signal = batal.signal;
  return fetch(url, init).finally(function () { clearTimeout(jam); });
}

/* A form post on its way: sent at once when the office answers, else kept on the phone. */
function kirimAtauSimpan(req) {
  return req.clone().formData().then(function (isian) {
    if (!isian.get("kunci")) isian.set("kunci", kunciBaru());
    return denganBatas(req.url, {
      method: "POST", body: isian, credentials: "same-origin",
      headers: {"X-Mentari-Luring": "1"},
      redirect: req.mode === "navigate" ? "manual" : "follow"
    }).catch(function () { return simpan(req.url, isian); });
  });
}

function simpan(url, isian) {
  var kunci = isian.get("kunci");
  var item = {
    kunci: kunci, url: url, dibuat: Date.now(), status: "menunggu",
    jenis: new URL(url).pathname === ANTREAN[0] ? "permohonan" : "survei",
    // The CSRF token is left out: it may have expired when the answers are finally sent.
    isian: Array.from(isian.entries()).filter(function (p) { return p[0] !== "csrf_token"; })
  };
  return self.MentariOutbox.simpan(item).then(function () {
    if (self.registration.sync) {
      return self.registration.sync.register(TAG_SYNC).catch(function () {});
    }
  }).then(function () {
    kabari({jenis: "tersimpan", kunci: kunci});
    // Never the key in the URL: it is the request's password until it is sent (it would reach
    // server logs and proxies); the saved page marks the newest answers instead.
    return Response.redirect(TERSIMPAN, 303);
  });
}

var sedangKirim = null;

/* Send everything waiting; one run at a time (Background Sync, the worker starting and a page
   saying "online" may all ask at once). Rejects while there is still no signal, so Background
   Sync tries again later. */
function kirim() {
  if (!sedangKirim) {
    sedangKirim = kirimSemua().finally(function () { sedangKirim = null; });
  }
  return sedangKirim;
}

function kirimSemua() {
  return self.MentariOutbox.semua().then(function (items) {
    // "mengirim" left by a worker stopped mid-send is sent again: the key makes that safe.
    return items.filter(function (i) { return i.status === "menunggu" || i.status === "mengirim"; })
      .reduce(function (antre, item) { return antre.then(function () { return kirimSatu(item); }); },
              Promise.resolve());
  });
}

function kirimSatu(item) {
  var body = new FormData();
  item.isian.forEach(function (p) { body.append(p[0], p[1]); });
  return self.MentariOutbox.perbarui(item.kunci, {status: "mengirim"}).then(function () {
    kabari({jenis: "berubah", kunci: item.kunci});
    return fetch(item.url, {method: "POST", body: body, credentials: "same-origin",
                            headers: {"X-Mentari-Luring": "1", "Accept": "application/json"}});
  }).then(function (res) {
    var json = (res.headers.get("Content-Type") || "").indexOf("application/json") === 0;
    if (!res.ok || !json) throw new Error("kantor belum bisa menerima: " + res.status);
    return res.json();
  }).then(function (hasil) {
    return self.MentariOutbox.perbarui(item.kunci, {
      status: hasil.status, nomor: hasil.nomor || null, tautan: hasil.tautan || null,
      kesalahan: hasil.kesalahan || [], dikirim: Date.now(), isian: []
    });
  }, function (galat) {
    return self.MentariOutbox.perbarui(item.kunci, {status: "menunggu"}).then(function () {
      throw galat;
    });
  }).then(function () { kabari({jenis: "berubah", kunci: item.kunci}); });
}

function kabari(pesan) {
  return self.clients.matchAll({type: "window", includeUncontrolled: true}).then(function (cs) {
    cs.forEach(function (c) { c.postMessage(Object.assign({mentari: true}, pesan)); });
  });
}

self.addEventListener("sync", function (event) {
  if (event.tag === TAG_SYNC) event.waitUntil(kirim());
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.perintah === "kirim") {
    event.waitUntil(kirim().catch(function () {}));
  }
});

// Each start of the worker (the browser wakes it for a page or an event) tries the outbox.
kirim().catch(function () {});
