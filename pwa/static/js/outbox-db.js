/* MENTARI: the phone's outbox. Answers that could not be sent wait here (IndexedDB) until the
   signal returns. Shared by the pages (which list them) and the service worker (which fills
   and sends them): self is the window in a page and the worker in the service worker. */
(function (global) {
  "use strict";
  // The IndexedDB store keeps its first name ("kiriman"): phones already hold answers in it.
  var NAMA = "mentari", VERSI = 1, TOKO = "kiriman";

  function buka() {
    return new Promise(function (ok, gagal) {
      var req = indexedDB.open(NAMA, VERSI);
      req.onupgradeneeded = function () { req.result.createObjectStore(TOKO, {keyPath: "kunci"}); };
      req.onsuccess = function () { ok(req.result); };
      req.onerror = function () { gagal(req.error); };
    });
  }

  function jalankan(mode, kerja) {
    return buka().then(function (db) {
      return new Promise(function (ok, gagal) {
        var tx = db.transaction(TOKO, mode), hasil;
        Promise.resolve(kerja(tx.objectStore(TOKO))).then(function (h) { hasil = h; });
        tx.oncomplete = function () { db.close(); ok(hasil); };
        tx.onerror = tx.onabort = function () { db.close(); gagal(tx.error); };
      });
    });
  }

  function minta(req) {
    return new Promise(function (ok, gagal) {
      req.onsuccess = function () { ok(req.result); };
      req.onerror = function () { gagal(req.error); };
    });
  }

  global.MentariOutbox = {
    /* item: {kunci, url, jenis, isian: [[name, value]], dibuat, status: "menunggu"} */
    simpan: function (item) {
      return jalankan("readwrite", function (s) { return minta(s.put(item)); });
    },
    semua: function () {
      return jalankan("readonly", function (s) { return minta(s.getAll()); }).then(function (items) {
        return items.sort(function (a, b) { return b.dibuat - a.dibuat; });
      });
    },
    /* "Hapus anggota": the answers kept for a member who is no longer on the phone. */
    hapus: function (kunci) {
      return jalankan("readwrite", function (s) { return minta(s.delete(kunci)); });
    },
    /* Merge `perubahan` into the item; the answers themselves are dropped once the office has
       them (perubahan.isian = []): a shared phone should not keep a NIK longer than needed. */
    perbarui: function (kunci, perubahan) {
      return jalankan("readwrite", function (s) {
        return minta(s.get(kunci)).then(function (item) {
          if (!item) return null;
          Object.keys(perubahan).forEach(function (k) { item[k] = perubahan[k]; });
          return minta(s.put(item)).then(function () { return item; });
        });
      });
    }
  };
})(self);
