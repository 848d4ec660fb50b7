/* MENTARI uploads over a slow link (issue 3): photos are made smaller on the phone before they
   are sent, the form is sent with a progress bar, and a send that fails can be tried again
   with one tap, without choosing the files again. Without this script the form posts as usual;
   the server checks every file by its content either way. */
(function () {
  "use strict";
  var teksEl = document.querySelector("[data-unggah-teks]");
  if (!teksEl || !window.FormData || !window.XMLHttpRequest) return;
  var teks = function (nama) { return teksEl.getAttribute("data-" + nama) || ""; };
  var SISI_MAKS = 1600;            // px: an ID card or a certificate stays readable
  var TARGET = 300 * 1024;         // bytes per photo after shrinking
  var FOTO = /^image\/(jpeg|png|webp)$/;

  function ukuran(b) {
    return b >= 1048576 ? (b / 1048576).toFixed(1).replace(".", ",") + " MB"
      : Math.max(1, Math.round(b / 1024)) + " KB";
  }

  function keBlob(kanvas, mutu) {
    return new Promise(function (ok) { kanvas.toBlob(ok, "image/jpeg", mutu); });
  }

  /* Draw the photo at most SISI_MAKS wide or high and encode it as JPEG, lowering the quality
     and then the size until it is under TARGET. */
  function perkecil(berkas) {
    return createImageBitmap(berkas).then(function (gambar) {
      var coba = [[SISI_MAKS, 0.8], [SISI_MAKS, 0.65], [1280, 0.65], [1024, 0.6]];
      function langkah(i) {
        var sisi = coba[i][0], skala = Math.min(1, sisi / Math.max(gambar.width, gambar.height));
        var kanvas = document.createElement("canvas");
        kanvas.width = Math.round(gambar.width * skala);
        kanvas.height = Math.round(gambar.height * skala);
        var ctx = kanvas.getContext("2d");
        ctx.fillStyle = "#fff";   // a transparent PNG would turn black in JPEG
        ctx.fillRect(0, 0, kanvas.width, kanvas.height);
        ctx.drawImage(gambar, 0, 0, kanvas.width, kanvas.height);
        return keBlob(kanvas, coba[i][1]).then(function (blob) {
          if (blob && blob.size > TARGET && i + 1 < coba.length) return langkah(i + 1);
          return blob;
        });
      }
      return langkah(0);
    });
  }

  function catatan(input) {
    var id = input.id + "-perkecil", p = document.getElementById(id);
    if (!p) {
      p = document.createElement("p");
      p.id = id;
      p.className = "hint";
      p.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", p);
    }
    return p;
  }

  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!input.files || input.type !== "file" || !input.files.length) return;
    var asli = input.files[0];
    if (!FOTO.test(asli.type) || asli.size <= TARGET || !window.createImageBitmap
        || !window.DataTransfer) return;
    var info = catatan(input);
    info.textContent = teks("memperkecil");
    perkecil(asli).then(function (blob) {
      if (!blob || blob.size >= asli.size) { info.textContent = ""; return; }
      var nama = asli.name.replace(/\.[^.]+$/, "") + ".jpg";
      var dt = new DataTransfer();
      dt.items.add(new File([blob], nama, {type: "image/jpeg", lastModified: Date.now()}));
      input.files = dt.files;
      info.textContent = teks("diperkecil").replace("{asli}", ukuran(asli.size))
        .replace("{baru}", ukuran(blob.size));
    }).catch(function () { info.textContent = ""; });   // not a picture the phone can read
  });

  function panel(form) {
    var p = form.querySelector("[data-unggah-status]");
    if (!p) {
      p = document.createElement("div");
      p.className = "unggah-status";
      p.setAttribute("data-unggah-status", "");
      p.innerHTML = '<label class="label" for="unggah-progres"></label>'
        + '<progress id="unggah-progres" max="100" value="0"></progress>'
        + '<p class="unggah-status__teks" role="status"></p>';
      form.appendChild(p);
    }
    p.hidden = false;
    return p;
  }

  function kirim(form, isi) {
    var p = panel(form), bar = p.querySelector("progress"), kata = p.querySelector("p");
    var tombolLagi = p.querySelector("button");
    if (tombolLagi) tombolLagi.remove();
    p.querySelector("label").textContent = teks("progres");
    bar.value = 0;
    kata.textContent = teks("mulai");
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.disabled = true; });
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action || location.href);
    xhr.timeout = 10 * 60 * 1000;
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.value = Math.round(100 * e.loaded / e.total);
      bar.textContent = bar.value + "%";
      kata.textContent = teks("berjalan").replace("{persen}", bar.value)
        .replace("{terkirim}", ukuran(e.loaded)).replace("{total}", ukuran(e.total));
    };
    xhr.onload = function () {
      var sama = xhr.responseURL.split("#")[0] === (form.action || location.href).split("#")[0];
      if (xhr.status < 400 && !sama) {
        kata.textContent = teks("selesai");
        location.assign(xhr.responseURL);          // the next step
        return;
      }
      // The page came back with messages (a refused file, a missing one): show it as a
      // normal post would; the files that passed are already kept by the office.
      document.open();
      document.write(xhr.responseText);
      document.close();
    };
    xhr.onerror = xhr.ontimeout = function () {
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.disabled = false; });
      kata.textContent = teks("gagal");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button button--secondary";
      b.textContent = teks("ulang");
      b.addEventListener("click", function () { kirim(form, isi); });
      p.appendChild(b);
      b.focus();
    };
    xhr.send(isi);
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.enctype !== "multipart/form-data" || !form.querySelector("input[type=file]")) return;
    e.preventDefault();
    // The answers are taken once: a retry sends exactly these, nothing is chosen again.
    var isi = new FormData(form);
    if (e.submitter && e.submitter.name) isi.append(e.submitter.name, e.submitter.value);
    kirim(form, isi);
  });
})();
