/* MENTARI: a consultation's room (templates/konsultasi/ruang.html). Without this script the
   room is a page with a form; with it:
   - new messages arrive without a reload: the page asks for those after the last one every
     2 s, backing off to 15 s while nothing comes or the signal is gone;
   - each new message from the other side is said once in the polite live region, and focus
     stays where it is;
   - a message written without a signal waits in the phone's outbox (localStorage, per room)
     with its idempotency key and goes when the signal returns; the server stores one message
     per key (web/outbox.py, the offline form's rule), so a retry after a lost answer is never
     a second message. */
(function () {
  "use strict";
  var daftar = document.querySelector("[data-konsultasi-daftar]");
  if (!daftar || !window.fetch) return;
  var form = document.querySelector("[data-konsultasi-form]");
  var kosong = document.querySelector("[data-konsultasi-kosong]");
  var keadaan = (document.querySelector("[data-konsultasi-keadaan]") || {}).dataset || {};
  var url = daftar.getAttribute("data-pesan-url");
  var terakhir = parseInt(daftar.getAttribute("data-terakhir"), 10) || 0;
  var SEGERA = 2000, PALING_LAMA = 15000;
  var jeda = SEGERA, jam = null, sedangMengirim = false;
  var keadaanAwal = keadaan.konsultasiKeadaan;

  function kunciBaru() {
    return crypto.randomUUID ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(36).slice(2, 12);
  }

  function el(tag, isi, kelas) {
    var e = document.createElement(tag);
    if (isi) e.textContent = isi;
    if (kelas) e.className = kelas;
    return e;
  }

  function tambah(m) {
    if (document.getElementById("pesan-" + m.id)) return false;
    var li = el("li", null, "timeline__item konsultasi__pesan"
                + (m.pengirim_saya ? " konsultasi__pesan--saya" : ""));
    li.id = "pesan-" + m.id;
    var meta = el("p", null, "timeline__meta");
    meta.appendChild(el("strong", m.pengirim));
    meta.appendChild(document.createTextNode(" · "));
    var t = el("time", m.waktu);
    t.setAttribute("datetime", m.at);
    meta.appendChild(t);
    li.appendChild(meta);
    li.appendChild(el("p", m.isi, "konsultasi__isi"));
    daftar.appendChild(li);
    if (kosong) kosong.hidden = true;
    return true;
  }

  /* ---- receiving ---- */
  function jadwalkan(ms) {
    clearTimeout(jam);
    jam = setTimeout(tanya, ms);
  }

  function tanya() {
    var siapa = daftar.getAttribute("data-siapa");
    fetch(url + "?since=" + terakhir, {credentials: "same-origin",
                                       headers: {"Accept": "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var baru = [];
        data.pesan.forEach(function (m) {
          m.pengirim_saya = m.oleh === siapa;
          if (tambah(m) && !m.pengirim_saya) baru.push(m);
          terakhir = Math.max(terakhir, m.id);
        });
        if (baru.length && window.MentariUmumkan) {
          var awal = form ? form.getAttribute("data-teks-baru") : "";
          window.MentariUmumkan(baru.map(function (m) {
            return (awal ? awal + " " : "") + m.pengirim + ": " + m.isi;
          }).join(" "));
        }
        if (data.keadaan !== keadaanAwal) return gantiKeadaan();
        jeda = data.pesan.length ? SEGERA : Math.min(PALING_LAMA, jeda * 1.5);
        kirimAntrean();
        jadwalkan(jeda);
      })
      .catch(function () {
        jeda = Math.min(PALING_LAMA, jeda * 2);
        jadwalkan(jeda);
      });
  }

  /* The room opened or was ended: the page shows it best; what is being typed is not lost. */
  function gantiKeadaan() {
    var kotak = form && form.querySelector("textarea");
    if (!kotak || !kotak.value) { window.location.reload(); return; }
    jadwalkan(PALING_LAMA);
  }

  /* ---- sending, through the phone's outbox ---- */
  if (!form) { jadwalkan(jeda); return; }
  var ruang = "mentari-konsultasi:" + url;
  var kotak = form.querySelector("textarea");
  var kunciInput = form.querySelector("input[name=kunci]");
  var antrean = form.querySelector("[data-konsultasi-antrean]");
  var token = (form.querySelector("input[name=csrf_token]") || {}).value || "";

  function baca() {
    try { return JSON.parse(localStorage.getItem(ruang) || "[]"); } catch (e) { return []; }
  }
  function tulis(items) {
    try {
      if (items.length) localStorage.setItem(ruang, JSON.stringify(items));
      else localStorage.removeItem(ruang);
    } catch (e) { /* private mode: the message is sent now or shown as not sent */ }
  }

  function tampilkanAntrean() {
    var items = baca();
    antrean.textContent = "";
    antrean.hidden = !items.length;
    items.forEach(function (item) {
      var li = el("li", null, "konsultasi__menunggu");
      li.appendChild(el("p", item.isi, "konsultasi__isi"));
      li.appendChild(el("p", item.galat || form.getAttribute("data-teks-menunggu"),
                        item.galat ? "error-message" : "hint"));
      antrean.appendChild(li);
    });
  }

  function kirimSatu(item) {
    var isian = new FormData();
    isian.append("teks", item.isi);
    isian.append("kunci", item.kunci);
    isian.append("csrf_token", token);
    return fetch(form.action, {method: "POST", body: isian, credentials: "same-origin",
                               headers: {"X-Mentari-Luring": "1", "Accept": "application/json"}})
      .then(function (r) {
        if (r.ok) return "terkirim";
        if (r.status === 429 || r.status >= 500) return "nanti";
        return r.json().then(function (data) { return {galat: data.kesalahan}; },
                             function () { return "nanti"; });
      }, function () { return "nanti"; });
  }

  function kirimAntrean() {
    if (sedangMengirim) return;
    var items = baca().filter(function (i) { return !i.galat; });
    if (!items.length) return;
    sedangMengirim = true;
    var item = items[0];
    kirimSatu(item).then(function (hasil) {
      sedangMengirim = false;
      var semua = baca();
      if (hasil === "terkirim") {
        tulis(semua.filter(function (i) { return i.kunci !== item.kunci; }));
        tampilkanAntrean();
        jeda = SEGERA;
        jadwalkan(0);
        return;
      }
      if (hasil !== "nanti") {
        // Refused (empty, too long, the room closed): said, and kept on screen to copy.
        semua.forEach(function (i) { if (i.kunci === item.kunci) i.galat = hasil.galat; });
        tulis(semua);
        if (window.MentariUmumkan) window.MentariUmumkan(
          form.getAttribute("data-teks-gagal") + " " + hasil.galat);
      }
      tampilkanAntrean();
      if (hasil === "nanti") return;
      kirimAntrean();
    });
  }

  form.addEventListener("submit", function (e) {
    if (!kotak.value.trim()) return;    // the server's translated error, as without script
    e.preventDefault();
    var items = baca();
    items.push({kunci: kunciInput.value, isi: kotak.value, dibuat: Date.now()});
    tulis(items);
    kotak.value = "";
    kunciInput.value = kunciBaru();
    tampilkanAntrean();
    kirimAntrean();
  });

  // A refused message leaves the outbox when the person has read it and typed again.
  kotak.addEventListener("input", function () {
    var items = baca(), sisa = items.filter(function (i) { return !i.galat; });
    if (sisa.length !== items.length) { tulis(sisa); tampilkanAntrean(); }
  });
  window.addEventListener("online", function () { jeda = SEGERA; kirimAntrean(); jadwalkan(0); });
  kunciInput.value = kunciBaru();
  tampilkanAntrean();
  kirimAntrean();
  jadwalkan(jeda);
})();
