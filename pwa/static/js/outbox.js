/* MENTARI: shows what waits in the phone's outbox (outbox-db.js) and what became of it, on
   the offline pages and the one-page forms. The service worker sends; this only shows. */
(function () {
  "use strict";
  if (!window.indexedDB || !window.MentariOutbox) return;

  // A fresh idempotency key for every filling of an offline form: the page may come from the
  // phone's cache, with the key of a request sent long ago.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-luring] [data-kunci]"),
    function (input) {
      input.value = crypto.randomUUID ? crypto.randomUUID()
        : String(Date.now()) + Math.random().toString(36).slice(2, 12);
    });

  var bagian = document.querySelector("[data-outbox]");
  if (!bagian) return;
  var daftar = bagian.querySelector("[data-outbox-daftar]");
  // The answers saved last are the ones this visit is about (the key is never in the URL).
  var dicari = null;
  var teks = function (nama) { return bagian.getAttribute("data-teks-" + nama) || ""; };
  var waktu = new Intl.DateTimeFormat(document.documentElement.lang || "id",
                                      {dateStyle: "long", timeStyle: "short"});
  var status = {};   // what was last shown per key, to announce only changes

  function el(tag, isi, kelas) {
    var e = document.createElement(tag);
    if (isi) e.textContent = isi;
    if (kelas) e.className = kelas;
    return e;
  }

  function kalimat(item) {
    if (item.status === "terkirim") return item.nomor ? teks("terkirim") : teks("diterima");
    if (item.status === "perlu_dokumen") return teks("dokumen");
    if (item.status === "perlu_diperbaiki") return teks("perbaiki");
    if (item.status === "mengirim") return teks("mengirim");
    return teks("menunggu");
  }

  function baris(item) {
    var li = el("li", null, "outbox__item" + (item.kunci === dicari ? " outbox__item--ini" : ""));
    li.appendChild(el("h3", (item.jenis === "permohonan" ? teks("permohonan") : teks("survei"))
      + ", " + teks("disimpan") + " " + waktu.format(new Date(item.dibuat)), "outbox__judul"));
    li.appendChild(el("p", kalimat(item)));
    if (item.nomor) li.appendChild(el("p", item.nomor, "reg-number"));
    (item.kesalahan || []).forEach(function (k) { li.appendChild(el("p", k, "error-message")); });
    if (item.tautan) {
      var a = el("a", teks({perlu_dokumen: "lanjut-dokumen", perlu_diperbaiki: "lanjut-perbaiki"}[item.status]
                            || "lanjut-terkirim"));
      a.href = item.tautan;
      var p = el("p"); p.appendChild(a); li.appendChild(p);
    }
    return li;
  }

  function tampilkan() {
    return window.MentariOutbox.semua().then(function (items) {
      daftar.textContent = "";
      if (!items.length) { daftar.appendChild(el("p", teks("kosong"))); return; }
      var ul = el("ul", null, "outbox__list");
      dicari = items.reduce(function (a, b) { return a && a.dibuat >= b.dibuat ? a : b; }).kunci;
      items.forEach(function (item) {
        ul.appendChild(baris(item));
        var sebelum = status[item.kunci];
        status[item.kunci] = item.status;
        // Said aloud when it changes while the page is open (the number arriving above all).
        if (sebelum && sebelum !== item.status && item.status !== "mengirim" && window.MentariUmumkan) {
          window.MentariUmumkan(kalimat(item) + (item.nomor ? " " + item.nomor : ""));
        }
      });
      daftar.appendChild(ul);
    }).catch(function () {});
  }

  tampilkan();
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (e.data && e.data.mentari) tampilkan();
    });
  }
})();
