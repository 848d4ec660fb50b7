/* The waiting room's TV (/antrian/kiosk, issue 17.7). When the board htmx refreshes every 10 s
   shows a new call: the call's sentence goes into the caption line (a polite live region), a
   chime rings, and MENTARI's own voice says it (/suara/ucap, the number read digit by digit).
   Calls that arrive together are said one after another. Between calls the office's
   sign-language clips play in turn, muted, captions on; a call pauses the clip.

   The office's TV runs Chromium with --autoplay-policy=no-user-gesture-required
   (docs/operations.md), so sound needs no tap. Any other browser blocks sound until someone
   touches the page: the "Nyalakan suara panggilan" button then shows, and the captions go on.
   The state is on <main data-suara>: diam, bunyi (chime), bicara (voice), terkunci (blocked). */
(function () {
  "use strict";
  var root = document.querySelector("[data-kiosk]");
  if (!root) return;
  var papan = document.getElementById("papan");
  var takarir = document.getElementById("panggilan");
  var kunci = root.querySelector("[data-kiosk-kunci]");
  var video = root.querySelector("[data-kiosk-video]");
  var judul = root.querySelector("[data-kiosk-judul]");
  var klip = Array.prototype.slice.call(root.querySelectorAll("[data-kiosk-klip] li"));
  var suara = new Audio();
  var ctx = null;
  var antre = [];
  var sibuk = false;
  var dilanjutkan = false;   // a clip paused by a call plays on after it

  function papanKini() { return papan && papan.querySelector(".kiosk__papan"); }
  function keadaan(s) { root.setAttribute("data-suara", s); }
  function tunggu(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  // The call on screen when the page loaded was called before the TV looked: not news.
  var awal = papanKini();
  var terakhir = awal ? awal.getAttribute("data-panggilan-kunci") || "" : "";

  document.addEventListener("htmx:afterSettle", function (e) {
    if (((e.detail && e.detail.target) || e.target) !== papan) return;
    var b = papanKini();
    var k = b && b.getAttribute("data-panggilan-kunci");
    if (!k || k === terakhir) return;
    terakhir = k;
    antre.push({teks: b.getAttribute("data-panggilan-teks"),
                ucap: b.getAttribute("data-panggilan-ucap")});
    berikutnya();
  });

  function berikutnya() {
    if (sibuk || !antre.length) return;
    sibuk = true;
    var panggilan = antre.shift();
    // A new text node after a tick: screen readers announce changes, not repeated text.
    takarir.textContent = "";
    setTimeout(function () { takarir.textContent = panggilan.teks; }, 50);
    root.classList.add("kiosk--panggil");
    jedaKlip();
    bunyi()
      .then(function () { return ucapkan(panggilan.ucap); })
      .catch(terhalang)
      .then(function () {
        root.classList.remove("kiosk--panggil");
        if (root.getAttribute("data-suara") !== "terkunci") keadaan("diam");
        root.setAttribute("data-diumumkan", String(Number(root.getAttribute("data-diumumkan") || 0) + 1));
        lanjutKlip();
        sibuk = false;
        berikutnya();
      });
  }

  /* Two falling tones, like a station's call chime: made here, no sound file to fetch. */
  function bunyi() {
    var AC = window.AudioContext || window.webkitAudioContext;
    if (!AC) return Promise.resolve();
    ctx = ctx || new AC();
    var siap = ctx.state === "running" ? Promise.resolve()
      : Promise.race([ctx.resume(), tunggu(300)]);
    return siap.then(function () {
      if (ctx.state !== "running") {
        var e = new Error("suara terkunci");
        e.name = "NotAllowedError";
        throw e;
      }
      keadaan("bunyi");
      var t = ctx.currentTime + 0.05;
      [[880, 0], [659.25, 0.5]].forEach(function (n) {
        var osc = ctx.createOscillator(), amp = ctx.createGain();
        osc.type = "sine";
        osc.frequency.value = n[0];
        amp.gain.setValueAtTime(0.0001, t + n[1]);
        amp.gain.exponentialRampToValueAtTime(0.5, t + n[1] + 0.02);
        amp.gain.exponentialRampToValueAtTime(0.0001, t + n[1] + 0.9);
        osc.connect(amp).connect(ctx.destination);
        osc.start(t + n[1]);
        osc.stop(t + n[1] + 0.95);
      });
      return tunggu(1500);
    });
  }

  /* The sentence read by /suara/ucap (the same words as the caption, the number digit by
     digit). The CSRF token comes fresh with every board refresh. */
  function ucapkan(teks) {
    var b = papanKini();
    var body = new FormData();
    body.append("teks", teks);
    body.append("lang", root.getAttribute("data-lang") || "id");
    var token = (b && b.getAttribute("data-csrf")) || root.getAttribute("data-csrf");
    return fetch(root.getAttribute("data-ucap"), {
      method: "POST", body: body, credentials: "same-origin", headers: {"X-CSRFToken": token}
    }).then(function (r) {
      if (!r.ok) throw new Error("suara " + r.status);
      return r.blob();
    }).then(function (blob) {
      return new Promise(function (selesai, gagal) {
        var url = URL.createObjectURL(blob);
        var habis = function () { URL.revokeObjectURL(url); selesai(); };
        suara.onended = habis;
        suara.onerror = habis;
        suara.src = url;
        keadaan("bicara");
        suara.play().catch(function (e) { URL.revokeObjectURL(url); gagal(e); });
      });
    });
  }

  function terhalang(e) {
    if (e && e.name === "NotAllowedError") {
      keadaan("terkunci");
      if (kunci) kunci.hidden = false;
    }
    // Anything else (no server voice, no network): the caption already says it.
  }

  if (kunci) {
    kunci.addEventListener("click", function (e) {
      if (!e.target.closest("[data-kiosk-nyalakan]")) return;
      // A tap gives the page the right to play sound from now on.
      if (ctx) ctx.resume();
      kunci.hidden = true;
      keadaan("diam");
    });
  }

  // --- the sign-language clips, one after another -------------------------------------------
  var sekarang = 0;
  function putar(i) {
    var li = klip[i];
    sekarang = i;
    video.poster = li.getAttribute("data-poster");
    video.src = li.getAttribute("data-src");
    video.setAttribute("aria-label", li.getAttribute("data-label"));
    Array.prototype.forEach.call(video.querySelectorAll("track, source"), function (t) { t.remove(); });
    var track = document.createElement("track");
    track.kind = "captions";
    track.src = li.getAttribute("data-vtt");
    track.srclang = li.getAttribute("data-vtt-lang");
    track.label = li.getAttribute("data-vtt-label");
    track.default = true;
    video.appendChild(track);
    if (judul) judul.textContent = li.getAttribute("data-judul");
    video.play().catch(function () {});
  }
  function jedaKlip() {
    if (video && !video.paused) { video.pause(); dilanjutkan = true; }
  }
  function lanjutKlip() {
    if (!video) return;
    if (video.ended && klip.length > 1) putar((sekarang + 1) % klip.length);
    else if (dilanjutkan) video.play().catch(function () {});
    dilanjutkan = false;
  }
  if (video && klip.length > 1) {
    video.loop = false;
    video.addEventListener("ended", function () {
      if (!sibuk) putar((sekarang + 1) % klip.length);
    });
  }
})();
