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
  /* Short polling (docs/konsultasi.md, bench/konsultasi_aliran.py): on Slow 3G the measured
     delay was mostly the back-off, not the transport. So a page someone is looking at asks at
     least every 6 s (15 s only while hidden), a failed ask is tried again in about 3 s (not
     doubled to 15: after a 10-s drop polling took 10.4 s to recover, a stream 4.1 s), and the
     signal coming back or the page shown again asks at once. */
  var SEGERA = 2000, PALING_LAMA = 15000, TAMPAK_PALING_LAMA = 6000, ULANG = 3000;
  function batasJeda() { return document.hidden ? PALING_LAMA : TAMPAK_PALING_LAMA; }
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
    if (m.jenis === "suara") {
      li.appendChild(el("p", teksForm("suara") + ", " + Math.round(m.detik) + " s",
                        "konsultasi__suara"));
      var a = document.createElement("audio");
      a.controls = true;
      a.preload = "none";
      a.src = m.berkas;
      a.setAttribute("aria-label", teksForm("suara") + ": " + m.pengirim);
      li.appendChild(a);
      var t = el("p", transkripTeks(m), "konsultasi__isi");
      t.setAttribute("data-transkrip", m.id);
      t.setAttribute("data-status", m.transkrip);
      li.appendChild(t);
    } else if (m.jenis === "video") {
      li.appendChild(el("p", teksForm("video") + ", " + Math.round(m.detik) + " s",
                        "konsultasi__suara"));
      var v = document.createElement("video");
      v.controls = true;
      v.preload = "none";
      v.setAttribute("playsinline", "");
      v.poster = m.poster;
      v.className = "konsultasi__video";
      v.setAttribute("aria-label", teksForm("video") + ": " + m.pengirim);
      var sumber = document.createElement("source");
      sumber.src = m.berkas;
      sumber.type = "video/mp4";
      v.appendChild(sumber);
      li.appendChild(v);
    } else {
      li.appendChild(el("p", m.isi, "konsultasi__isi"));
    }
    daftar.appendChild(li);
    if (kosong) kosong.hidden = true;
    return true;
  }

  function teksForm(nama) {
    return form ? form.getAttribute("data-teks-" + nama) || "" : "";
  }
  function transkripTeks(m) {
    if (m.transkrip === "selesai") return m.isi;
    return teksForm(m.transkrip === "gagal" ? "transkrip-gagal" : "transkrip");
  }
  var menungguTeks = {};   // voice notes of the other side whose text is still being written

  /* ---- the live call: WebRTC, sound first and video when the link allows ----
     The whole session description (with its candidates: no trickle ICE) goes in one signal
     each way, read by the other side's next poll. Without "connected" within 45 s the call
     is given up and the room stays a chat.
     The offer carries a video line from the start (a transceiver with no camera yet), so
     video comes and goes with sender.replaceTrack, never another offer over a 2G poll. Once
     connected the page reads the link every second from getStats (the selected candidate
     pair's availableOutgoingBitrate and round-trip time, the other side's reported loss):
     while it allows data-video-min-kbps the camera is sent (at once where an interpreter was
     asked for: data-video-dulu); a weak link for 3 s in a row drops the camera and the call
     goes on with sound, said in the status (role=status, the call's polite live region).
     After a drop the camera is tried again by itself once the link has been quiet (no delay
     or loss over the limits) for 15 s: the person who signs should not have to find a
     button. The bitrate estimate cannot say so: with sound only, the browser estimates
     little more than the sound it sends. For the first 5 s of a try only delay and loss
     count, while the estimate climbs; each later drop doubles the wait, and after three
     tries only the button brings the camera back, so a link too thin for video does not
     flick the picture on and off. */
  var telepon = (function () {
    var bagian = document.querySelector("[data-konsultasi-telepon]");
    if (!bagian || !window.RTCPeerConnection || !navigator.mediaDevices) return null;
    var status = bagian.querySelector("[data-telepon-status]");
    var mulai = bagian.querySelector("[data-telepon-mulai]");
    var angkat = bagian.querySelector("[data-telepon-angkat]");
    var tutup = bagian.querySelector("[data-telepon-tutup]");
    var suara = bagian.querySelector("[data-telepon-suara]");
    var kameraTombol = bagian.querySelector("[data-telepon-kamera]");
    var layar = bagian.querySelector("[data-telepon-video]");
    var layarSaya = bagian.querySelector("[data-telepon-kamera-saya]");
    var ice = [];
    try { ice = JSON.parse(bagian.getAttribute("data-ice") || "[]"); } catch (e) { ice = []; }
    var BATAS_MS = (parseInt(bagian.getAttribute("data-batas-detik"), 10) || 45) * 1000;
    // Read at each measurement: the office's threshold, as the page carries it.
    function videoMin() {
      return (parseInt(bagian.getAttribute("data-video-min-kbps"), 10) || 250) * 1000;
    }
    var VIDEO_DULU = !!bagian.getAttribute("data-video-dulu");
    var VIDEO_MAKS_BPS = 500000;   // a phone's data: sign language reads well below this
    var RTT_LEMAH = 1.0, HILANG_LEMAH = 0.1, LEMAH_BERTURUT = 3, KUAT_BERTURUT = 2;
    // Seconds of a quiet link before the camera is tried again, the most tries, and the
    // seconds a try is judged on delay and loss alone.
    var KEMBALI_AWAL = 15, KEMBALI_MAKS = 60, COBA_MAKS = 3, MASA_COBA = 5;
    var t = {terakhir: parseInt(bagian.getAttribute("data-sinyal-awal"), 10) || 0};
    var pc = null, aliran = null, tawaran = null, keadaanTelepon = "diam", jamBatas = null;
    // The video: its transceiver, the camera being sent, and what the link and person said.
    var v = {};
    function videoAwal() {
      v = {tx: null, kamera: null, jam: null, lemah: 0, kuat: 0, sudahLemah: false, kembali: 0,
           tenang: 0, coba: 0, masaCoba: 0,
           dimatikan: false, diterima: 0, diam: 0, menyalakan: false};
    }
    videoAwal();
    function teks(nama) { return bagian.getAttribute("data-teks-" + nama) || ""; }
    function umumkan(kalimat) {
      status.textContent = kalimat;
      // Voice mode: the call's state is said too (ringing, connected, weak link, ended),
      // as new messages are: a blind citizen may have no screen reader.
      if (kalimat && window.mentariSuara && window.mentariSuara.say) {
        window.mentariSuara.say(kalimat);
      }
    }
    function tombol() {
      mulai.hidden = keadaanTelepon !== "diam";
      angkat.hidden = keadaanTelepon !== "masuk";
      tutup.hidden = keadaanTelepon === "diam";
      if (kameraTombol) {
        kameraTombol.hidden = keadaanTelepon !== "tersambung" || !v.tx;
        kameraTombol.setAttribute("aria-pressed", v.kamera ? "true" : "false");
      }
      bagian.setAttribute("data-keadaan", keadaanTelepon);
      bagian.setAttribute("data-video", v.kamera ? "nyala" : "mati");
    }
    function kirim(jenis, data) {
      return fetch(bagian.getAttribute("data-sinyal-url"), {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": bagian.getAttribute("data-csrf")},
        body: JSON.stringify({jenis: jenis, data: data || ""})
      }).then(function (r) { if (!r.ok) throw new Error(r.status); });
    }
    function lengkap(koneksi) {
      // Non-trickle: wait for every candidate (or 3 s) before sending the description.
      return new Promise(function (ok) {
        if (koneksi.iceGatheringState === "complete") return ok();
        var jam = setTimeout(ok, 3000);
        koneksi.addEventListener("icegatheringstatechange", function () {
          if (koneksi.iceGatheringState === "complete") { clearTimeout(jam); ok(); }
        });
      });
    }
    function siapkan(memanggil) {
      return navigator.mediaDevices.getUserMedia({audio: true, video: false}).then(function (s) {
        aliran = s;
        // One transport for sound and video: the offer stays small, one set of candidates.
        pc = new RTCPeerConnection({iceServers: ice, bundlePolicy: "max-bundle"});
        window.__mentariPanggilan = pc;
        s.getTracks().forEach(function (tr) { pc.addTrack(tr, s); });
        // The caller offers a video line with no camera yet; the answerer takes it up.
        if (memanggil && pc.addTransceiver) {
          v.tx = pc.addTransceiver("video", {direction: "sendrecv", streams: [s]});
        }
        pc.ontrack = function (e) {
          if (e.track.kind === "video") layar.srcObject = new MediaStream([e.track]);
          else suara.srcObject = e.streams[0] || new MediaStream([e.track]);
        };
        pc.onconnectionstatechange = function () {
          if (!pc) return;
          if (pc.connectionState === "connected") {
            clearTimeout(jamBatas);
            if (keadaanTelepon === "tersambung") return;
            keadaanTelepon = "tersambung";
            umumkan(teks("tersambung"));
            tombol();
            mulaiPantau();
          } else if (pc.connectionState === "failed") {
            gagal();
          }
        };
        jamBatas = setTimeout(function () {
          if (keadaanTelepon !== "tersambung") gagal();
        }, BATAS_MS);
      });
    }

    /* -- video: on when the link allows, off when it is weak or the person says so -- */
    function nyalakanVideo(olehOrang) {
      if (!v.tx || v.kamera || v.menyalakan) return;
      var koneksi = pc;
      v.menyalakan = true;
      navigator.mediaDevices.getUserMedia({video: {width: {ideal: 480}, height: {ideal: 360},
                                                   frameRate: {ideal: 15, max: 20}}})
        .then(function (kamera) {
          v.menyalakan = false;
          if (pc !== koneksi || keadaanTelepon !== "tersambung") {
            kamera.getTracks().forEach(function (tr) { tr.stop(); });
            return;
          }
          v.kamera = kamera;
          v.lemah = 0;
          layarSaya.srcObject = kamera;
          layarSaya.hidden = false;
          return v.tx.sender.replaceTrack(kamera.getVideoTracks()[0]).then(function () {
            batasiVideo(v.tx.sender);
            umumkan(teks("video"));
            tombol();
          });
        })
        .catch(function () {
          v.menyalakan = false;
          if (olehOrang) umumkan(teks("kamera-gagal"));
          v.dimatikan = true;   // not asked again by itself: the button tries again
          matikanVideo();
        });
    }
    function batasiVideo(sender) {
      // Sign language needs movement more than sharpness: keep the frame rate, cap the bits.
      try {
        var p = sender.getParameters();
        if (p.encodings && p.encodings.length) p.encodings[0].maxBitrate = VIDEO_MAKS_BPS;
        p.degradationPreference = "maintain-framerate";
        sender.setParameters(p).catch(function () {});
      } catch (e) { /* the browser keeps its own limits */ }
    }
    function matikanVideo(sebab) {
      if (v.tx && pc) v.tx.sender.replaceTrack(null).catch(function () {});
      if (v.kamera) v.kamera.getTracks().forEach(function (tr) { tr.stop(); });
      v.kamera = null;
      layarSaya.srcObject = null;
      layarSaya.hidden = true;
      if (sebab === "lemah") { lemahLagi(); umumkan(teks("lemah")); }
      else if (sebab === "orang") umumkan(teks("kamera-mati"));
      tombol();
    }
    function lemahLagi() {
      v.sudahLemah = true;
      v.kuat = 0;
      v.tenang = 0;
      v.kembali = v.kembali ? Math.min(v.kembali * 2, KEMBALI_MAKS) : KEMBALI_AWAL;
    }
    function ukur(laporan) {
      // The link as this side sends on it, and the other side's video as it arrives.
      var pasangan = null, pilihan = null, hilang = 0, frame = null;
      laporan.forEach(function (s) {
        if (s.type === "transport" && s.selectedCandidatePairId) pilihan = s.selectedCandidatePairId;
      });
      laporan.forEach(function (s) {
        if (s.type === "candidate-pair" && (pilihan ? s.id === pilihan
                                            : s.nominated && s.state === "succeeded")) pasangan = s;
        if (s.type === "remote-inbound-rtp" && s.fractionLost > hilang) hilang = s.fractionLost;
        if (s.type === "inbound-rtp" && s.kind === "video") frame = s.framesDecoded || 0;
      });
      return {bps: pasangan ? pasangan.availableOutgoingBitrate : undefined,
              rtt: pasangan ? pasangan.currentRoundTripTime : undefined,
              hilang: hilang, frame: frame};
    }
    function pantau() {
      if (!pc || keadaanTelepon !== "tersambung") return;
      pc.getStats().then(function (laporan) {
        if (!pc || keadaanTelepon !== "tersambung") return;
        var m = ukur(laporan);
        bagian.setAttribute("data-kbps", m.bps === undefined ? "" : Math.round(m.bps / 1000));
        var lambat = m.bps !== undefined && m.bps < videoMin();
        var buruk = m.rtt > RTT_LEMAH || m.hilang > HILANG_LEMAH;
        var mencoba = v.kamera && v.masaCoba > 0;
        if (mencoba) v.masaCoba--;
        var lemah = buruk || (lambat && !mencoba);
        v.lemah = lemah ? v.lemah + 1 : 0;
        v.kuat = lemah || m.bps === undefined ? 0 : v.kuat + 1;
        v.tenang = buruk || m.rtt === undefined ? 0 : v.tenang + 1;
        if (v.kamera && v.lemah >= LEMAH_BERTURUT) matikanVideo("lemah");
        else if (!v.kamera && !v.sudahLemah && v.lemah >= LEMAH_BERTURUT) {
          lemahLagi();
          umumkan(teks("lemah"));
        } else if (!v.kamera && !v.dimatikan && !v.sudahLemah && v.kuat >= KUAT_BERTURUT) {
          nyalakanVideo(false);
        } else if (!v.kamera && !v.dimatikan && v.sudahLemah && v.coba < COBA_MAKS
                   && v.tenang >= v.kembali) {
          v.sudahLemah = false;
          v.coba++;
          v.masaCoba = MASA_COBA;
          nyalakanVideo(false);
        }
        // The other side's picture is shown while its frames arrive.
        if (m.frame !== null && m.frame > v.diterima) { v.diterima = m.frame; v.diam = 0; }
        else v.diam++;
        layar.hidden = !(m.frame && v.diam < 3);
      }).catch(function () {});
    }
    function mulaiPantau() {
      clearInterval(v.jam);
      v.jam = setInterval(pantau, 1000);
      if (VIDEO_DULU) nyalakanVideo(false);   // signing needs the picture: no waiting
    }
    if (kameraTombol) kameraTombol.addEventListener("click", function () {
      if (keadaanTelepon !== "tersambung") return;
      if (v.kamera) { v.dimatikan = true; matikanVideo("orang"); }
      else {
        // Asked for: judged on delay and loss at first too, as the estimate climbs.
        v.dimatikan = false; v.sudahLemah = false; v.lemah = 0; v.masaCoba = MASA_COBA;
        nyalakanVideo(true);
      }
    });

    function bersihkan() {
      clearTimeout(jamBatas);
      clearInterval(v.jam);
      if (v.kamera) v.kamera.getTracks().forEach(function (tr) { tr.stop(); });
      if (pc) pc.close();
      if (aliran) aliran.getTracks().forEach(function (tr) { tr.stop(); });
      pc = null; aliran = null; tawaran = null;
      videoAwal();
      suara.srcObject = null;
      layar.srcObject = null;
      layar.hidden = true;
      layarSaya.srcObject = null;
      layarSaya.hidden = true;
      keadaanTelepon = "diam";
      tombol();
    }
    function gagal() {
      if (keadaanTelepon === "diam") return;
      kirim("tutup").catch(function () {});
      bersihkan();
      umumkan(teks("gagal"));
    }
    function tidakBisa() { bersihkan(); umumkan(teks("mikrofon")); }
    mulai.addEventListener("click", function () {
      keadaanTelepon = "memanggil";
      tombol();
      umumkan(teks("memanggil"));
      siapkan(true).then(function () {
        return pc.createOffer();
      }).then(function (o) { return pc.setLocalDescription(o); })
        .then(function () { return lengkap(pc); })
        .then(function () { return kirim("tawar", JSON.stringify(pc.localDescription)); })
        .catch(function (e) { if (e && e.name === "NotAllowedError") tidakBisa(); else gagal(); });
      jadwalkan(0);
    });
    angkat.addEventListener("click", function () {
      if (!tawaran) return;
      keadaanTelepon = "menyambung";
      tombol();
      umumkan(teks("menyambung"));
      var desc = tawaran;
      siapkan(false).then(function () { return pc.setRemoteDescription(desc); })
        .then(function () {
          // The caller's video line: this side sends on it too, once the link allows.
          pc.getTransceivers().forEach(function (tx) {
            if (!v.tx && tx.receiver && tx.receiver.track && tx.receiver.track.kind === "video") {
              tx.direction = "sendrecv";
              v.tx = tx;
            }
          });
          return pc.createAnswer();
        })
        .then(function (a) { return pc.setLocalDescription(a); })
        .then(function () { return lengkap(pc); })
        .then(function () { return kirim("jawab", JSON.stringify(pc.localDescription)); })
        .catch(function (e) { if (e && e.name === "NotAllowedError") tidakBisa(); else gagal(); });
    });
    tutup.addEventListener("click", function () {
      kirim("tutup").catch(function () {});
      bersihkan();
      umumkan(teks("selesai"));
    });
    t.sibuk = function () { return keadaanTelepon !== "diam" && keadaanTelepon !== "tersambung"; };
    t.terima = function (daftar) {
      daftar.forEach(function (s) {
        t.terakhir = Math.max(t.terakhir, s.id);
        var isi = null;
        try { isi = s.data ? JSON.parse(s.data) : null; } catch (e) { isi = null; }
        if (s.jenis === "tawar" && keadaanTelepon === "diam" && isi) {
          tawaran = isi;
          keadaanTelepon = "masuk";
          tombol();
          umumkan(teks("masuk"));
        } else if (s.jenis === "jawab" && keadaanTelepon === "memanggil" && pc && isi) {
          keadaanTelepon = "menyambung";
          umumkan(teks("menyambung"));
          pc.setRemoteDescription(isi).catch(gagal);
        } else if (s.jenis === "tutup" && keadaanTelepon !== "diam") {
          bersihkan();
          umumkan(teks("selesai"));
        }
      });
    };
    bagian.hidden = false;
    tombol();
    return t;
  })();

  /* Voice notes play at the listener's chosen speech rate (/tampilan "Kecepatan suara"),
     as the app's own voice does; "play" does not bubble, so it is caught on the way down. */
  var laju = parseFloat(daftar.getAttribute("data-laju")) || 1;
  daftar.addEventListener("play", function (e) {
    if (e.target.tagName === "AUDIO") e.target.playbackRate = laju;
  }, true);

  /* ---- receiving ---- */
  function jadwalkan(ms) {
    clearTimeout(jam);
    jam = setTimeout(tanya, ms);
  }

  function tanya() {
    var siapa = daftar.getAttribute("data-siapa");
    var tanyaSinyal = telepon ? "&sinyal=" + telepon.terakhir : "";
    fetch(url + "?since=" + terakhir + tanyaSinyal, {credentials: "same-origin",
                                       headers: {"Accept": "application/json"}})
      .then(function (r) {
        if (!r.ok) { var e = new Error(r.status); e.jawaban = r.status; throw e; }
        return r.json();
      })
      .then(function (data) {
        var baru = [];
        data.pesan.forEach(function (m) {
          m.pengirim_saya = m.oleh === siapa;
          if (tambah(m) && !m.pengirim_saya) {
            // A voice note is said with its text, once the text is there.
            if (m.jenis === "suara" && m.transkrip === "menunggu") menungguTeks[m.id] = m;
            else baru.push(m);
          }
          terakhir = Math.max(terakhir, m.id);
        });
        (data.transkrip || []).forEach(function (t) {
          var p = daftar.querySelector('[data-transkrip="' + t.id + '"]');
          if (!p || p.getAttribute("data-status") !== "menunggu") return;
          p.setAttribute("data-status", t.transkrip);
          p.textContent = transkripTeks(t);
          if (menungguTeks[t.id]) {
            baru.push({pengirim: menungguTeks[t.id].pengirim,
                       isi: teksForm("suara") + ": " + transkripTeks(t)});
            delete menungguTeks[t.id];
          }
        });
        if (baru.length) {
          var awal = form ? form.getAttribute("data-teks-baru") : "";
          var kalimat = baru.map(function (m) {
            return (awal ? awal + " " : "") + m.pengirim + ": " + m.isi;
          }).join(" ");
          if (window.MentariUmumkan) window.MentariUmumkan(kalimat);
          // Voice mode: read aloud too (a blind citizen may have no screen reader).
          if (window.mentariSuara && window.mentariSuara.say) window.mentariSuara.say(kalimat);
        }
        if (telepon && data.sinyal) telepon.terima(data.sinyal);
        if (data.keadaan !== keadaanAwal) return gantiKeadaan();
        var tungguTeks = daftar.querySelector('[data-status="menunggu"]');
        jeda = data.pesan.length || tungguTeks ? SEGERA : Math.min(batasJeda(), jeda * 1.5);
        if (telepon && telepon.sibuk()) jeda = 1000;   // a call being set up: signals first
        kirimAntrean();
        if (typeof kirimSuara === "function") kirimSuara();
        jadwalkan(jeda);
      })
      .catch(function (e) {
        if (e && e.jawaban) {
          // The server answered no (busy, the room no longer this person's): back off.
          jeda = Math.min(PALING_LAMA, Math.max(SEGERA, jeda) * 2);
          jadwalkan(jeda);
          return;
        }
        // No signal: try again soon, spread over a second, so rooms that lost the same
        // cell do not all ask together.
        jeda = SEGERA;
        jadwalkan(ULANG + Math.random() * 1000);
      });
  }
  window.addEventListener("online", function () { jeda = SEGERA; jadwalkan(0); });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { jeda = SEGERA; jadwalkan(0); }
  });

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
  /* ---- voice notes: recorded here, sent as Opus at about 16 kbit/s ---- */
  var rekam = form.querySelector("[data-konsultasi-rekam]");
  var rekamStatus = form.querySelector("[data-konsultasi-rekam-status]");
  var suaraUrl = form.getAttribute("data-suara-url");
  var MIME = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm"].filter(
    function (m) { return window.MediaRecorder && MediaRecorder.isTypeSupported(m); })[0];
  var MAKS_MS = 120000, DIAM_MS = 2500, TANPA_SUARA_MS = 10000;
  var perekam = null, suaraAntrean = [];

  function statusRekam(teks) { if (rekamStatus) rekamStatus.textContent = teks || ""; }

  function kirimSuara() {
    if (!suaraAntrean.length || sedangMengirim) return;
    var item = suaraAntrean[0];
    var isian = new FormData();
    isian.append("audio", item.blob, "pesan." + (item.blob.type.indexOf("ogg") >= 0 ? "ogg" : "webm"));
    isian.append("kunci", item.kunci);
    isian.append("csrf_token", token);
    statusRekam(teksForm("mengirim-suara"));
    fetch(suaraUrl, {method: "POST", body: isian, credentials: "same-origin",
                     headers: {"X-Mentari-Luring": "1", "Accept": "application/json"}})
      .then(function (r) {
        if (r.ok) {
          suaraAntrean.shift();
          statusRekam("");
          ucap(teksForm("suara-terkirim"));
          jeda = SEGERA;
          jadwalkan(0);
          kirimSuara();
          return;
        }
        if (r.status === 429 || r.status >= 500) { statusRekam(teksForm("menunggu")); return; }
        return r.json().then(function (data) {
          suaraAntrean.shift();
          statusRekam(data.kesalahan);
          ucap(teksForm("gagal") + " " + data.kesalahan);
          if (window.MentariUmumkan) window.MentariUmumkan(teksForm("gagal") + " " + data.kesalahan);
        });
      }, function () { statusRekam(teksForm("menunggu")); });
  }

  function mulaiRekam() {
    navigator.mediaDevices.getUserMedia({audio: {channelCount: 1, autoGainControl: true}})
      .then(function (stream) {
        var rec = new MediaRecorder(stream, MIME ? {mimeType: MIME, audioBitsPerSecond: 16000} : {});
        var potongan = [], Ctx = window.AudioContext || window.webkitAudioContext;
        var ctx = Ctx ? new Ctx() : null, analyser = null, buf = null;
        if (ctx) {
          analyser = ctx.createAnalyser();
          analyser.fftSize = 1024;
          ctx.createMediaStreamSource(stream).connect(analyser);
          buf = new Float32Array(analyser.fftSize);
        }
        var mulai = performance.now(), keras = 0, diamSejak = 0, bising = 0.01;
        var jamDeteksi = setInterval(function () {
          var kini = performance.now();
          if (analyser) {
            analyser.getFloatTimeDomainData(buf);
            var jumlah = 0;
            for (var i = 0; i < buf.length; i++) jumlah += buf[i] * buf[i];
            var rms = Math.sqrt(jumlah / buf.length);
            bising = Math.min(bising * 1.03 + 1e-5, Math.max(rms, 0.001));
            if (rms > Math.max(0.012, bising * 3)) { keras++; diamSejak = 0; }
            else if (!diamSejak) diamSejak = kini;
          }
          var terdengar = keras >= 3;
          if ((terdengar && diamSejak && kini - diamSejak > DIAM_MS) || kini - mulai > MAKS_MS
              || (!terdengar && analyser && kini - mulai > TANPA_SUARA_MS)) henti();
        }, 50);
        function henti() {
          clearInterval(jamDeteksi);
          if (rec.state !== "inactive") rec.stop();
        }
        rec.ondataavailable = function (e) { if (e.data.size) potongan.push(e.data); };
        rec.onstop = function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          if (ctx) ctx.close().catch(function () {});
          perekam = null;
          rekam.textContent = rekam.getAttribute("data-teks-mulai");
          statusRekam("");
          if (!potongan.length) return;
          suaraAntrean.push({blob: new Blob(potongan, {type: rec.mimeType || MIME || "audio/webm"}),
                             kunci: kunciBaru()});
          kirimSuara();
        };
        rec.start(1000);
        perekam = {henti: henti};
        rekam.textContent = rekam.getAttribute("data-teks-henti");
        statusRekam(teksForm("merekam"));
      }, function () { statusRekam(teksForm("mikrofon")); ucap(teksForm("mikrofon")); });
  }

  if (rekam && MIME && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    rekam.hidden = false;
    rekam.addEventListener("click", function () {
      if (perekam) perekam.henti(); else mulaiRekam();
    });
  }
  /* ---- voice mode (templates/konsultasi/ruang.html [data-konsultasi-perintah]) ----
     A blind citizen may have no screen reader: what the room does is said by the voice panel
     (voice-*.js) too. */
  var perintah = document.querySelector("[data-konsultasi-perintah]");
  function ucap(kalimat) {
    if (!perintah || !window.mentariSuara || !window.mentariSuara.say) return Promise.resolve();
    return window.mentariSuara.say(kalimat);
  }
  // The last message of the conversation, either side: who wrote it and what it says (a voice
  // note's text once written), as the page shows it now.
  function pesanTerakhir() {
    var semua = daftar.querySelectorAll(".konsultasi__pesan");
    var li = semua[semua.length - 1];
    if (!li) return teksForm("kosong");
    var bagian = Array.prototype.map.call(
      li.querySelectorAll(".konsultasi__suara, .konsultasi__isi"),
      function (p) { return p.textContent.replace(/\s+/g, " ").trim(); });
    var siapa = li.querySelector(".timeline__meta strong");
    return teksForm("terakhir") + " " + (siapa ? siapa.textContent : "") + ": "
      + bagian.filter(Boolean).join(": ");
  }
  if (perintah) {
    // "ulangi" said to the room's spoken menu (voice-dialogue.js asks the page what to repeat).
    document.addEventListener("mentari:ulangi", function (e) { e.detail.teks = pesanTerakhir(); });
    perintah.addEventListener("click", function (e) {
      var b = e.target.closest("[data-perintah]");
      if (!b) return;
      var apa = b.getAttribute("data-perintah");
      if (apa === "rekam") {
        if (perekam) return;
        if (!rekam || rekam.hidden) { ucap(teksForm("mikrofon")); return; }
        // Said before the microphone opens, so the note does not begin with it.
        ucap(teksForm("bicara-suara")).then(function () { if (!perekam) mulaiRekam(); });
      } else if (apa === "telepon") {
        var mulaiTelepon = document.querySelector("[data-telepon-mulai]");
        if (mulaiTelepon && !mulaiTelepon.hidden) mulaiTelepon.click();
      } else if (apa === "ulangi") {
        ucap(pesanTerakhir());
      }
    });
  }

  window.addEventListener("online", function () {
    jeda = SEGERA; kirimAntrean(); kirimSuara(); jadwalkan(0);
  });
  kunciInput.value = kunciBaru();
  tampilkanAntrean();
  kirimAntrean();
  jadwalkan(jeda);
})();
