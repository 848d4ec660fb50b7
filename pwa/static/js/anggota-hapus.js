/* MENTARI: after "Hapus anggota" (pwa/keluarga/hapus.py) the server has forgotten the member;
   this clears what the browser itself kept of them: pages in Cache Storage made for them
   (X-Mentari-Varian names the member last), answers waiting in the outbox (IndexedDB) kept
   under them, and their cookies if they were the one using the phone. When done, the marker
   gets data-dibersihkan, so a test (or a curious person) can tell. */
(function () {
  "use strict";
  var tanda = document.querySelector("[data-anggota-dihapus]");
  if (!tanda) return;
  var kode = tanda.getAttribute("data-anggota-dihapus");
  if (!/^[0-9a-f]{6,32}$/.test(kode)) return;

  function milikNya(res) {
    var varian = (res && res.headers.get("X-Mentari-Varian")) || "";
    return varian.split("|").pop() === kode;
  }

  function halaman() {
    if (!self.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return /^mentari-/.test(n); })
        .map(function (n) {
          return caches.open(n).then(function (c) {
            return c.keys().then(function (keys) {
              return Promise.all(keys.map(function (k) {
                return c.match(k).then(function (res) { if (milikNya(res)) return c.delete(k); });
              }));
            });
          });
        }));
    });
  }

  function kiriman() {
    if (!self.MentariOutbox || !self.indexedDB) return Promise.resolve();
    return self.MentariOutbox.semua().then(function (items) {
      return Promise.all(items.filter(function (i) { return i.anggota === kode; })
        .map(function (i) { return self.MentariOutbox.hapus(i.kunci); }));
    });
  }

  function kue() {
    var milik = document.cookie.split("; ").some(function (c) { return c === "anggota=" + kode; });
    if (!milik) return;
    ["anggota", "tampilan"].forEach(function (nama) {
      document.cookie = nama + "=; Max-Age=0; Path=/; SameSite=Lax";
    });
  }

  kue();
  Promise.all([halaman(), kiriman()]).catch(function () {}).then(function () {
    tanda.setAttribute("data-dibersihkan", "");
  });
})();
