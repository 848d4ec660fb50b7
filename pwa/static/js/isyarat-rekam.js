/* Record a sign-language clip with the camera on the admin page (issue 6). Progressive
   enhancement: without MediaRecorder the file field (which on phones also offers the camera)
   is the way in. The recording is put into that same file field, so the ordinary form post,
   with its server-side checks, does the rest. */
(function () {
  "use strict";
  var box = document.querySelector("[data-rekam]");
  var input = document.getElementById("video");
  if (!box || !input || !window.MediaRecorder || !navigator.mediaDevices ||
      !navigator.mediaDevices.getUserMedia || typeof DataTransfer === "undefined") return;
  var T = JSON.parse(document.getElementById("rekam-teks").textContent);
  var screen = box.querySelector("[data-layar]");
  var camera = box.querySelector("[data-kamera]");
  var start = box.querySelector("[data-mulai]");
  var stop = box.querySelector("[data-berhenti]");
  var status = box.querySelector("[data-status-rekam]");
  var stream = null, recorder = null, parts = [], began = 0;
  box.hidden = false;

  // What this browser records: WebM (Chrome, Firefox) or MP4 (Safari); the server converts.
  function format() {
    var kinds = ["video/webm;codecs=vp8", "video/webm", "video/mp4"];
    for (var i = 0; i < kinds.length; i++) {
      if (MediaRecorder.isTypeSupported(kinds[i])) return kinds[i];
    }
    return "";
  }

  camera.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15 } },
      audio: false,  // the clip carries no sound: signing and captions carry the message
    }).then(function (s) {
      stream = s;
      screen.srcObject = s;
      screen.controls = false;
      screen.play();
      camera.hidden = true;
      start.hidden = false;
      status.textContent = T.siap;
      start.focus();
    }).catch(function () {
      status.textContent = T.ditolak;
    });
  });

  start.addEventListener("click", function () {
    parts = [];
    var type = format();
    recorder = new MediaRecorder(stream, type ? { mimeType: type, videoBitsPerSecond: 1500000 } : {});
    recorder.ondataavailable = function (e) { if (e.data.size) parts.push(e.data); };
    recorder.onstop = finished;
    recorder.start(1000);
    began = Date.now();
    start.hidden = true;
    stop.hidden = false;
    status.textContent = T.merekam;
    stop.focus();
  });

  stop.addEventListener("click", function () { recorder.stop(); });

  function finished() {
    var type = (recorder.mimeType || "video/webm").split(";")[0];
    var blob = new Blob(parts, { type: type });
    var file = new File([blob], "rekaman." + (type === "video/mp4" ? "mp4" : "webm"), { type: type });
    var files = new DataTransfer();
    files.items.add(file);
    input.files = files.files;
    stream.getTracks().forEach(function (t) { t.stop(); });
    screen.srcObject = null;
    screen.src = URL.createObjectURL(blob);
    screen.controls = true;
    stop.hidden = true;
    camera.hidden = false;
    var seconds = Math.round((Date.now() - began) / 1000);
    status.textContent = T.selesai.replace("%(detik)s", seconds);
  }
})();
