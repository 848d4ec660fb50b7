/* Sign-language video player (issue 6): enhances the <details>/<video> that the server sends.
   Loaded only on pages with a clip. Without it, the native player, the download links and the
   transcript still work. Adds: quality from the connection (Network Information API,
   Save-Data) with a remembered manual choice, speed, loop, enlarge, picture-in-picture, and
   "save for offline" into the Cache API. */
(function () {
  "use strict";
  // The service worker (pwa/shell.py) keeps this cache when it activates a new version.
  var CACHE = "mentari-isyarat";
  var CHOICE_KEY = "mentari-isyarat-kualitas";
  var textEl = document.getElementById("isyarat-teks");
  var T = textEl ? JSON.parse(textEl.textContent) : {};

  function stored() {
    try { return localStorage.getItem(CHOICE_KEY) || "otomatis"; } catch (e) { return "otomatis"; }
  }
  function store(value) {
    try { localStorage.setItem(CHOICE_KEY, value); } catch (e) { /* private mode: not kept */ }
  }

  /* "rendah" on a slow or metered link, "standar" on a fast one; the server's guess (from
     Client Hints) when the browser does not say. */
  function automatic(root) {
    var c = navigator.connection;
    if (c && (c.saveData || /(^|-)2g$|^3g$/.test(c.effectiveType || ""))) return "rendah";
    if (c && c.effectiveType) return "standar";
    return root.getAttribute("data-awal") || "rendah";
  }

  function cacheUsable() {
    return "caches" in window && window.isSecureContext;
  }

  function Player(root) {
    this.root = root;
    this.video = root.querySelector("video");
    this.source = this.video.querySelector("source");
    this.details = root.querySelector("details");
    this.status = root.querySelector("[data-status]");
    this.size = root.querySelector("[data-ukuran]");
    this.radios = root.querySelectorAll("input[name$='-kualitas']");
    this.blobUrl = null;
    root.querySelector("[data-kontrol]").hidden = false;
    this.captionsOn();
    this.wireSave();
    this.wireQuality();
    this.wireSpeed();
    this.wireLoop();
    this.wireEnlarge();
    this.wirePip();
    if (this.details.open) this.playFromDevice();
  }

  Player.prototype.say = function (text) { this.status.textContent = text || ""; };

  // Captions on by default, in the page's language when there is a track for it.
  Player.prototype.captionsOn = function () {
    var tracks = this.video.textTracks, lang = document.documentElement.lang, chosen = null;
    for (var i = 0; i < tracks.length; i++) {
      if (tracks[i].language === lang) chosen = tracks[i];
    }
    chosen = chosen || tracks[0];
    for (var j = 0; j < tracks.length; j++) {
      tracks[j].mode = tracks[j] === chosen ? "showing" : "disabled";
    }
  };

  Player.prototype.radioFor = function (name) {
    for (var i = 0; i < this.radios.length; i++) {
      if (this.radios[i].value === name) return this.radios[i];
    }
    return null;
  };

  Player.prototype.effective = function () {
    var choice = stored();
    if (choice === "otomatis" || !this.radioFor(choice)) return automatic(this.root);
    return choice;
  };

  Player.prototype.wireQuality = function () {
    var self = this, choice = stored(), radio = this.radioFor(choice) || this.radioFor("otomatis");
    radio.checked = true;
    this.applyQuality(false);
    Array.prototype.forEach.call(this.radios, function (r) {
      r.addEventListener("change", function () {
        store(r.value);
        self.applyQuality(true);
      });
    });
  };

  /* Point the video at the chosen rendition. Before playback nothing is fetched (preload
     stays "none"); during playback the position and play state are kept. */
  Player.prototype.applyQuality = function (changed) {
    var name = this.effective(), r = this.radioFor(name);
    var auto = this.root.querySelector("[data-otomatis]");
    if (auto) auto.textContent = name === "rendah" ? T.otomatis_rendah : T.otomatis_standar;
    if (!r) return;
    this.size.textContent = r.getAttribute("data-kb") + " KB";
    var url = new URL(r.getAttribute("data-src"), location.href).href;
    if (this.source.src === url && !this.blobUrl) {
      this.refreshSaved();
      return;
    }
    var v = this.video, at = v.currentTime, playing = !v.paused;
    this.dropBlob();
    this.source.src = url;
    if (changed && (at > 0 || playing)) {
      v.load();
      v.addEventListener("loadedmetadata", function once() {
        v.removeEventListener("loadedmetadata", once);
        v.currentTime = at;
        if (playing) v.play();
      });
    } else if (changed) {
      v.load();
    }
    this.refreshSaved();
  };

  Player.prototype.wireSpeed = function () {
    var v = this.video;
    this.root.querySelectorAll("input[name$='-kecepatan']").forEach(function (r) {
      r.addEventListener("change", function () {
        v.defaultPlaybackRate = v.playbackRate = parseFloat(r.value);
      });
    });
    // A new source resets the rate; keep the person's choice.
    v.addEventListener("loadedmetadata", function () { v.playbackRate = v.defaultPlaybackRate; });
  };

  Player.prototype.wireLoop = function () {
    var v = this.video, box = this.root.querySelector("[data-ulang]");
    box.addEventListener("change", function () { v.loop = box.checked; });
  };

  Player.prototype.wireEnlarge = function () {
    var root = this.root, button = root.querySelector("[data-perbesar]");
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? T.perkecil : T.perbesar;
      root.classList.toggle("isyarat--besar", on);
    });
  };

  Player.prototype.wirePip = function () {
    var v = this.video, button = this.root.querySelector("[data-pip]");
    if (!document.pictureInPictureEnabled || v.disablePictureInPicture) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (document.pictureInPictureElement === v) {
        document.exitPictureInPicture();
      } else {
        v.requestPictureInPicture().catch(function () { /* not allowed now: no change */ });
      }
    });
  };

  /* Files of the chosen rendition that make a clip work offline: video, poster, captions. */
  Player.prototype.files = function () {
    var list = [this.source.src, this.video.poster];
    this.video.querySelectorAll("track").forEach(function (t) { list.push(t.src); });
    return list;
  };

  Player.prototype.wireSave = function () {
    var self = this;
    this.saveButton = this.root.querySelector("[data-simpan]");
    if (!cacheUsable()) return;
    this.saveButton.hidden = false;
    this.saveButton.addEventListener("click", function () { self.toggleSaved(); });
    // A saved clip plays from the device: no data used, and it works with no signal at all.
    this.details.addEventListener("toggle", function () {
      if (self.details.open) self.playFromDevice();
    });
  };

  Player.prototype.refreshSaved = function () {
    var self = this;
    if (!cacheUsable() || !this.saveButton) return;
    var url = this.source.src;
    caches.open(CACHE).then(function (c) { return c.match(url); }).then(function (hit) {
      self.saved = !!hit;
      self.saveButton.textContent = hit ? T.hapus : T.simpan;
    });
  };

  Player.prototype.toggleSaved = function () {
    var self = this, files = this.files();
    caches.open(CACHE).then(function (c) {
      if (self.saved) {
        return Promise.all(files.map(function (u) { return c.delete(u); })).then(function () {
          self.say(T.dihapus);
        });
      }
      self.say(T.menyimpan);
      // A fresh whole copy: the browser's HTTP cache may hold only the parts (206) that
      // playback fetched, and the Cache API refuses partial responses.
      return Promise.all(files.map(function (u) {
        return fetch(u, { cache: "reload" }).then(function (r) {
          if (r.status !== 200) throw new Error("HTTP " + r.status);
          return c.put(u, r);
        });
      })).then(function () { self.say(T.tersimpan); });
    }).catch(function () {
      self.say(T.gagal_simpan);
    }).then(function () { self.refreshSaved(); });
  };

  // A saved copy is set on the element itself (it wins over <source>): remove it first.
  Player.prototype.dropBlob = function () {
    if (this.blobUrl) {
      this.video.removeAttribute("src");
      URL.revokeObjectURL(this.blobUrl);
      this.blobUrl = null;
    }
  };

  Player.prototype.playFromDevice = function () {
    var self = this, v = this.video, url = this.source.src;
    if (this.blobUrl || !v.paused || v.currentTime > 0) return;
    caches.open(CACHE).then(function (c) { return c.match(url); }).then(function (hit) {
      if (!hit) return null;
      return hit.blob();
    }).then(function (blob) {
      if (!blob || self.source.src !== url) return;
      self.blobUrl = URL.createObjectURL(blob);
      v.src = self.blobUrl;
      self.say(T.dari_perangkat);
    }).catch(function () { /* no cache: the network copy plays */ });
  };

  document.querySelectorAll("[data-isyarat]").forEach(function (root) { new Player(root); });
})();
