/* MENTARI service worker (issues 3, 21), rendered by pwa/shell/sw.py.

   - The app shell (CSS, scripts, icons) and the pages that work without a signal are kept on
     the phone at install.
   - Public pages (home, services, the start of a request, the offline forms, survey results):
     the copy last seen on this phone is shown at once and refreshed in the background, so a
     repeat visit on 2G costs no round trip. The fresh copy's form token is handed to the page.
   - Other pages: the network, for at most BATAS_TUNGGU_MS; then the copy last seen, marked
     "Tersimpan pukul …, belum diperbarui"; with neither, the offline page.
   - Pages with personal details (no-store: a request, a draft, staff pages) are never kept;
     "Hapus dari HP ini" removes whatever an older worker kept of that request.
   - Static files carry their content hash in the URL, so a kept copy is always right: cache
     first.
   - "Mulai sekarang" without a signal opens the offline form.
   - The offline forms: when a post cannot reach the office, the answers go into the phone's
     outbox (outbox-db.js) and are sent when the signal returns, by Background Sync where the
     browser has it, and otherwise when this worker starts and when a page says it is online.
     Each carries its idempotency key ("kunci"): a retry never makes a second request.
   - A new version takes over at once (skipWaiting, claim) and brings its own page cache, so
     the next visit shows the new version; the kill switch (MENTARI_SW_MATI) is sw_mati.js. */
importScripts({{ db_script | tojson }});

var VERSI = {{ version | tojson }};
var SHELL = "mentari-shell-" + VERSI;
var HALAMAN = "mentari-halaman-" + VERSI;   // pages seen on this phone, by this version
var STATIS = "mentari-statis";     // versioned static files met after install
var SUARA = "mentari-suara";       // voice mode's fixed prompts (filled by voice-audio.js)
// Caches of this worker. Others (mentari-isyarat: sign-language clips saved by the person;
// mentari-suara, which voice-audio.js keeps to one language and rate) are never touched here.
var MILIK = /^mentari-(shell|halaman|statis)/;
var PRECACHE = {{ shell_urls | tojson }};
var LURING = {{ offline | tojson }};
var TERSIMPAN = {{ saved | tojson }};
var ANTREAN = {{ outbox | tojson }};   // paths of the forms whose posts may wait on the phone
var SEGERA = {{ at_once | tojson }};   // public pages shown from the phone at once
var MULAI = {{ start | tojson }};      // "Mulai sekarang": the offline form when it cannot go
var SATU_HALAMAN = {{ one_page | tojson }};
var UBAH = {{ changes | tojson }};     // posts that change every page (display, sign-in)
var ANGGOTA = {{ members | tojson }};  // a family member chosen, unlocked, made or removed
var CATATAN = {{ notes | tojson }};    // "saved at …, not updated", per language
var BATAS_HALAMAN = 40;
var BATAS_TUNGGU_MS = 3000;            // a page waits this long for the network, then its copy
var BATAS_MULAI_MS = 8000;
var BATAS_KIRIM_MS = 60000;            // a post still unanswered after this waits on the phone
var TAG_SYNC = "mentari-kirim";
var LUPAKAN = /^\/permohonan\/(\d+)\/lupakan$/;

function tanpaApaApa() {}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    // Without cookies: a response in the background must never replace the session cookie
    // the page has just been given (the server signs a new one with each CSRF token). Pages
    // the person opens later replace these plain copies with their own (display mode too).
    // One by one: a file that fails must not keep the phone on the old version.
    return Promise.all(PRECACHE.map(function (u) {
      return cache.add(new Request(u, {credentials: "omit",
                                       headers: {"X-Mentari-Simpan": "1"}})).catch(tanpaApaApa);
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return MILIK.test(n) && n !== SHELL && n !== HALAMAN && n !== STATIS;
    }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }).then(simpanYangTerbuka)
    .then(kirim).catch(tanpaApaApa));
});

/* The public page that brought the worker in is kept too, so that the very next visit is
   instant: taken from the browser's own cache (it was just loaded), not downloaded again. */
function simpanYangTerbuka() {
  return self.clients.matchAll({type: "window"}).then(function (pages) {
    return Promise.all(pages.map(function (page) {
      var url = new URL(page.url);
      if (url.search || SEGERA.indexOf(url.pathname) === -1) return null;
      var req = new Request(url.href, {credentials: "include"});
      return fetch(req, {cache: "force-cache"}).then(function (res) {
        if (bolehDisimpan(url, res)) return simpanHalaman(req, res);
      }).catch(tanpaApaApa);
    }));
  });
}

self.addEventListener("fetch", function (event) {
  var req = event.request, url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === "POST") {
    if (ANTREAN.indexOf(url.pathname) !== -1) event.respondWith(kirimAtauSimpan(req));
    else if (req.mode === "navigate" && url.pathname === MULAI) event.respondWith(mulai(req));
    else if (req.mode === "navigate") lupakanBila(url, event);
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
  if (req.mode !== "navigate") return;
  if (url.searchParams.has("lang")) {
    // Another language: every kept page is in the old one.
    event.respondWith(caches.delete(HALAMAN).then(function () { return tunggu(req, event); }));
  } else if (!url.search && SEGERA.indexOf(url.pathname) !== -1) {
    event.respondWith(segera(req, event));
  } else {
    event.respondWith(tunggu(req, event));
  }
});

function cacheDulu(req, nama) {
  return caches.match(req, {ignoreVary: true}).then(function (kept) {
    return kept || fetch(req).then(function (res) {
      if (res.ok && res.status === 200 && !diganti()) {
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

/* The first-visit offers (language, voice) are asked once: a kept copy never asks again. */
function tanpaTawaran(html) {
  return html.replace(/<!--sekali-->[\s\S]*?<!--\/sekali-->/g, "");
}

function ambil(req, event) {
  var url = new URL(req.url);
  var jaringan = fetch(req).then(function (res) {
    if (bolehDisimpan(url, res)) {
      var salinan = res.clone();
      event.waitUntil(simpanHalaman(req, salinan));
    }
    return res;
  });
  event.waitUntil(jaringan.then(tanpaApaApa, tanpaApaApa));
  return jaringan;
}

/* What a page looks like besides its URL: language, display settings, first visit or not
   (cookies the worker may read; they hold no secret). The server names the look of each page
   (X-Mentari-Varian, web/tampilan.py); a public page is shown at once only while the cookies
   still read the same. Without cookieStore every kept page counts as the right look: posts to
   /tampilan and ?lang= still clear the kept pages. */
var KUE = ["bahasa", "tampilan", "ditawari", "anggota"];

function varian() {
  if (!self.cookieStore) return Promise.resolve(null);
  return Promise.all(KUE.map(function (nama) {
    return self.cookieStore.get(nama).then(function (c) { return c ? c.value : ""; },
                                          function () { return ""; });
  })).then(function (nilai) { return nilai.join("|"); });
}

/* A worker that a newer one (or the kill switch) has replaced finishes what it was doing but
   writes nothing more: a late background fetch would otherwise bring back caches the new one
   has just removed. */
function diganti() {
  return !!(self.serviceWorker && self.serviceWorker.state === "redundant");
}

function simpanHalaman(req, res) {
  if (diganti()) return Promise.resolve();
  return res.text().then(function (html) {
    var kepala = new Headers(res.headers);
    kepala.set("X-Mentari-Disimpan", String(Date.now()));
    var salinan = new Response(tanpaTawaran(html), {status: 200, statusText: res.statusText,
                                                    headers: kepala});
    if (diganti()) return null;
    return caches.open(HALAMAN).then(function (c) {
      return c.put(req, salinan).then(function () { return rapikan(c); });
    });
  }).catch(tanpaApaApa);
}

function salinanHalaman(req) {
  return caches.open(HALAMAN).then(function (c) { return c.match(req, {ignoreVary: true}); });
}

/* A public page: the kept copy at once, refreshed in the background. The kept copy's form
   token may have expired: the page asks for the fresh copy's (mentari.js, "token"). */
var tokenUntuk = {};   // page (client id) shown from the phone → its fresh token, when known

function segera(req, event) {
  return Promise.all([salinanHalaman(req), varian()]).then(function (hasil) {
    var kept = hasil[0];
    if (!kept || (hasil[1] !== null && kept.headers.get("X-Mentari-Varian") !== hasil[1])) {
      return tunggu(req, event);
    }
    var token = ambil(req, event).then(function (res) {
      return res.ok ? res.clone().text().then(function (html) {
        var m = /name="csrf_token" value="([^"]+)"/.exec(html);
        return m ? m[1] : null;
      }) : null;
    }).catch(function () { return null; });
    if (event.resultingClientId) {
      tokenUntuk[event.resultingClientId] = token;
      // Forgotten after a minute whether asked for or not.
      event.waitUntil(token.then(function () {
        setTimeout(function () { delete tokenUntuk[event.resultingClientId]; }, 60000);
      }));
    }
    return kept;
  });
}

/* Any other page: the network for at most BATAS_TUNGGU_MS, then the copy last seen (said to
   be old), or the network after all when there is none; without a signal, the offline page. */
function tunggu(req, event) {
  var jaringan = ambil(req, event);
  return new Promise(function (jawab) {
    var sudah = false;
    function beri(res) { if (!sudah && res) { sudah = true; jawab(res); } }
    jaringan.then(beri, function () {
      cadangan(req).then(function (res) { beri(res || Response.error()); },
                         function () { beri(Response.error()); });
    });
    setTimeout(function () {
      if (sudah) return;
      salinanHalaman(req).then(function (kept) { if (kept) beri(bercatatan(kept)); });
    }, BATAS_TUNGGU_MS);
  });
}

function cadangan(req) {
  var url = new URL(req.url);
  return salinanHalaman(req).then(function (kept) {
    if (kept) return bercatatan(kept);
    // The shell's pages answer whatever their query.
    return caches.match(url.pathname, {ignoreSearch: true, ignoreVary: true, cacheName: SHELL})
      .then(function (shell) {
        return shell || caches.match(LURING, {ignoreVary: true, cacheName: SHELL});
      }).then(function (shell) { return shell && bersih(shell); });
  });
}

function bersih(res) {
  return res.text().then(function (html) {
    return new Response(tanpaTawaran(html), {status: 200, headers: res.headers});
  });
}

/* A kept copy shown because the network did not answer: it says when it was saved. */
function bercatatan(res) {
  var saat = new Date(Number(res.headers.get("X-Mentari-Disimpan")) || Date.now());
  return res.text().then(function (html) {
    var lang = (/<html lang="([a-z]+)"/.exec(html) || [])[1];
    var teks = CATATAN[lang] || CATATAN.id;
    var jam = saat.toLocaleTimeString("id-ID", {hour: "2-digit", minute: "2-digit"});
    var hariIni = saat.toDateString() === new Date().toDateString();
    var kalimat = hariIni ? teks.hari_ini.replace("%(waktu)s", jam)
      : teks.lain.replace("%(waktu)s", jam).replace("%(tanggal)s",
        saat.toLocaleDateString("id-ID", {day: "numeric", month: "long"}));
    var catatan = '<div class="banner banner--warning" data-tersimpan><p class="banner__body">'
      + kalimat.replace(/[<&]/g, "") + "</p></div>";
    html = tanpaTawaran(html).replace(/(<main\b[^>]*>)/, "$1" + catatan);
    return new Response(html, {status: 200, headers: res.headers});
  });
}

/* "Mulai sekarang": a new request with a signal; the offline form without one. */
function mulai(req) {
  var batal = new AbortController();
  var jam = setTimeout(function () { batal.abort(); }, BATAS_MULAI_MS);
  return fetch(req, {signal: batal.signal}).catch(function () {
    return Response.redirect(SATU_HALAMAN, 303);
  }).finally(function () { clearTimeout(jam); });
}

/* Posts that change what every page shows (display, language, signing in or out, another
   family member) leave no
   old copy to be shown at once; "Hapus dari HP ini" leaves nothing of that request. */
function lupakanBila(url, event) {
  if (UBAH.indexOf(url.pathname) !== -1 || url.pathname.indexOf(ANGGOTA + "/") === 0) {
    event.waitUntil(caches.delete(HALAMAN));
    return;
  }
  var m = LUPAKAN.exec(url.pathname);
  if (!m) return;
  var milikIni = new RegExp("^/(permohonan|ajukan/selesai)/" + m[1] + "(/|$)");
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return MILIK.test(n); }).map(function (n) {
      return caches.open(n).then(function (c) {
        return c.keys().then(function (keys) {
          return Promise.all(keys.filter(function (k) {
            return milikIni.test(new URL(k.url).pathname);
          }).map(function (k) { return c.delete(k); }));
        });
      });
    }));
  }));
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

/* The family member using the phone (the `anggota` cookie) when the answers were kept: they
   are sent as that member's ("untuk"), whoever holds the phone when the signal returns, and
   "Hapus anggota" removes them with the member (anggota-hapus.js). */
function anggotaKini() {
  if (!self.cookieStore) return Promise.resolve("");
  return self.cookieStore.get("anggota").then(function (c) { return c ? c.value : ""; },
                                              function () { return ""; });
}

function simpan(url, isian) {
  return anggotaKini().then(function (anggota) {
    if (anggota && !isian.get("untuk")) isian.set("untuk", anggota);
    if (anggota) isian.set("diisi", anggota);   // who filled it in (for another: "untuk")
    return simpanUntuk(url, isian, isian.get("untuk") || anggota);
  });
}

function simpanUntuk(url, isian, anggota) {
  var kunci = isian.get("kunci");
  var item = {
    anggota: anggota || "",
    kunci: kunci, url: url, dibuat: Date.now(), status: "menunggu",
    jenis: new URL(url).pathname === ANTREAN[0] ? "permohonan" : "survei",
    // The CSRF token is left out: it may have expired when the answers are finally sent.
    isian: Array.from(isian.entries()).filter(function (p) { return p[0] !== "csrf_token"; })
  };
  return self.MentariOutbox.simpan(item).then(function () {
    if (self.registration.sync) {
      return self.registration.sync.register(TAG_SYNC).catch(tanpaApaApa);
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
    event.waitUntil(kirim().catch(tanpaApaApa));
  }
  var token = event.source && event.data && event.data.perintah === "token"
    && tokenUntuk[event.source.id];
  if (token) {
    delete tokenUntuk[event.source.id];
    event.waitUntil(token.then(function (t) {
      if (t) event.source.postMessage({mentari: true, jenis: "token", token: t});
    }));
  }
});

// Each start of the worker (the browser wakes it for a page or an event) tries the outbox.
kirim().catch(tanpaApaApa);
