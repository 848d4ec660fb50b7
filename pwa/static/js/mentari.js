/* MENTARI on every page (issue 3): registers the service worker, asks it to send the phone's
   outbox whenever the signal is back, and after every htmx swap puts focus where the person
   expects and says what changed. Pages work without it. */
(function () {
  "use strict";
  var skrip = document.currentScript;

  if ("serviceWorker" in navigator && skrip && skrip.getAttribute("data-sw")) {
    // updateViaCache "none": a new worker, and the script it imports, reach the phone on its
    // next visit, whatever an HTTP cache on the way kept. After the page has loaded: on a
    // first visit over 2G, the worker's downloads must not compete with the page's own.
    var daftar = function () {
      navigator.serviceWorker.register(skrip.getAttribute("data-sw"),
                                       {scope: "/", updateViaCache: "none"})
        .catch(function () {});
    };
    if (document.readyState === "complete") daftar();
    else window.addEventListener("load", daftar);
    // A page shown from the phone carries the form token it was saved with, which may have
    // expired: the worker hands over the token of the fresh copy it fetched meanwhile (and
    // answers nothing for a page that came from the network).
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (!e.data || !e.data.mentari || e.data.jenis !== "token" || !e.data.token) return;
      Array.prototype.forEach.call(document.querySelectorAll("input[name=csrf_token]"),
        function (input) { input.value = e.data.token; });
    });
    if (navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({perintah: "token"});
    }
    var kirim = function () {
      navigator.serviceWorker.ready.then(function (reg) {
        if (reg.active) reg.active.postMessage({perintah: "kirim"});
      });
    };
    // Background Sync is not everywhere; "online" and each page load are the fallback.
    window.addEventListener("online", kirim);
    if (navigator.onLine) kirim();
  }

  /* One polite live region for the whole page: the page's own [data-umum] when it has one
     (the counter display shows the call it announces), else a hidden one inside <main>. */
  var wilayah = null;
  function umumkan(teks) {
    if (!teks) return;
    wilayah = wilayah || document.querySelector("[data-umum]");
    if (!wilayah) {
      wilayah = document.createElement("div");
      wilayah.className = "visually-hidden";
      wilayah.setAttribute("aria-live", "polite");
      wilayah.setAttribute("data-umum", "");
      (document.querySelector("main") || document.body).appendChild(wilayah);
    }
    wilayah.textContent = "";
    // A new text node after a tick: screen readers announce changes, not repeated text.
    setTimeout(function () { wilayah.textContent = teks; }, 50);
  }
  window.MentariUmumkan = umumkan;

  function fokus(el) {
    if (!el) return;
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus();
  }

  /* The header's menus (details[data-menu]: "Menu" and "Tampilan") close as menus do: with
     Escape (focus back on their button), when focus moves out of them, and on a tap
     elsewhere. Without JavaScript they still open and close with their button. */
  function tutup(menu, fokusKembali) {
    if (!menu.open) return;
    menu.open = false;
    if (fokusKembali) menu.querySelector("summary").focus();
  }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !e.target.closest) return;
    var menu = e.target.closest("details[data-menu][open]");
    if (menu) { tutup(menu, true); e.preventDefault(); }
  });
  document.addEventListener("focusout", function (e) {
    var menu = e.target.closest && e.target.closest("details[data-menu][open]");
    // Only when focus lands somewhere else: a tap on a non-focusable spot inside (or a
    // browser that does not focus buttons on click) leaves relatedTarget empty.
    if (menu && e.relatedTarget && !menu.contains(e.relatedTarget)) tutup(menu, false);
  });
  document.addEventListener("pointerdown", function (e) {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-menu][open]"),
      function (menu) { if (!menu.contains(e.target)) tutup(menu, false); });
  });

  var terakhir = {};   // per region: the change last announced (polling repeats the same one)
  // "Cetak nomor ini": the page's print button (no inline handler: the Content-Security-Policy
  // allows scripts from files only).
  document.addEventListener("click", function (e) {
    var tombol = e.target.closest && e.target.closest("[data-cetak]");
    if (tombol) window.print();
  });

  document.addEventListener("DOMContentLoaded", function () {
    // A page the worker showed from the phone because the network did not answer says so
    // on screen; it is said aloud too (text there on load is not announced by itself).
    var tersimpan = document.querySelector("[data-tersimpan]");
    if (tersimpan) umumkan(tersimpan.textContent.trim());
    // What the page showed when it loaded has been read with the page: not news.
    Array.prototype.forEach.call(document.querySelectorAll("[id] > [data-umumkan]"), function (k) {
      terakhir[k.parentNode.id] = k.getAttribute("data-umumkan-kunci") || k.getAttribute("data-umumkan");
    });
  });

  document.addEventListener("htmx:afterSettle", function (e) {
    var sasaran = e.detail.target || e.target;
    if (!sasaran || !sasaran.querySelector) return;
    var galat = sasaran.querySelector("[data-error-summary]");
    var pemicu = e.detail.requestConfig && e.detail.requestConfig.triggeringEvent;
    var olehOrang = pemicu && /^(submit|click|change|keyup)$/.test(pemicu.type);
    if (galat) {
      fokus(galat);              // a refused form: the error summary, as on a full page
    } else if (olehOrang && !sasaran.hasAttribute("data-fokus-tetap")) {
      fokus(sasaran.querySelector("h1, h2, h3") || sasaran);
    }
    // Regions say what is worth announcing: data-umumkan, once per data-umumkan-kunci.
    var kabar = sasaran.querySelector("[data-umumkan]");
    if (kabar) {
      var kunci = kabar.getAttribute("data-umumkan-kunci") || kabar.getAttribute("data-umumkan");
      var id = sasaran.id || "_";
      if (terakhir[id] !== kunci) {
        umumkan(kabar.getAttribute("data-umumkan"));
        terakhir[id] = kunci;
      }
    }
  });
})();
