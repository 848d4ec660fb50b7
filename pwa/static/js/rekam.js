/* Record on an admin page, straight into the page's file field: a sign-language clip with the
   camera (issue 6) or a voice-mode prompt with the microphone (issue 5). Progressive
   enhancement: without MediaRecorder the file field (which on phones also offers the camera
   or recorder) is the way in. The recording is put into that same file field, so the ordinary
   form post, with its server-side checks, does the rest.

   <div data-rekam="video|audio" data-input="FIELD-ID" [data-paling-lama="SECONDS"] hidden>
     <video|audio data-layar>, buttons data-nyalakan, data-mulai, data-berhenti,
     <p role="status" data-status-rekam>, and the texts as JSON in <script data-rekam-teks>. */
(function () {
  "use strict";
  var box = document.querySelector("[data-rekam]");
  var input = box && document.getElementById(box.dataset.input);
  if (!box || !input || !window.MediaRecorder || !navigator.mediaDevices ||
      !navigator.mediaDevices.getUserMedia || typeof DataTransfer === "undefined") return;
  var video = box.dataset.rekam === "video";
  var T = JSON.parse(box.querySelector("[data-rekam-teks]").textContent);
  var screen = box.querySelector("[data-layar]");
  var turnOn = box.querySelector("[data-nyalakan]");
  var start = box.querySelector("[data-mulai]");
  var stop = box.querySelector("[data-berhenti]");
  var status = box.querySelector("[data-status-rekam]");
  var longest = Number(box.dataset.palingLama) || 0;
  var stream = null, recorder = null, parts = [], began = 0, timer = null;
  box.hidden = false;

  // What this browser records: WebM (Chrome, Firefox), Ogg, or MP4 (Safari); the server
  // converts whatever it gets.
  function format() {
    var kinds = video ? ["video/webm;codecs=vp8", "video/webm", "video/mp4"]
                      : ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4"];
    for (var i = 0; i < kinds.length; i++) {
      if (MediaRecorder.isTypeSupported(kinds[i])) return kinds[i];
    }
    return "";
  }

  var wanted = video ? {
    video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15 } },
    audio: false,  // a sign-language clip carries no sound: signing and captions carry it
  } : {
    // A prompt is levelled on the server; the browser's own gain would pump between words.
    audio: { channelCount: 1, autoGainControl: false, echoCancellation: false },
    video: false,
  };

  turnOn.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia(wanted).then(function (s) {
      stream = s;
      if (video) {
        screen.srcObject = s;
        screen.controls = false;
        screen.play();
      }
      turnOn.hidden = true;
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
    var options = type ? { mimeType: type } : {};
    if (type && video) options.videoBitsPerSecond = 1500000;
    recorder = new MediaRecorder(stream, options);
    recorder.ondataavailable = function (e) { if (e.data.size) parts.push(e.data); };
    recorder.onstop = finished;
    recorder.start(1000);
    began = Date.now();
    // Stop at the server's limit, so what was said is kept rather than refused.
    if (longest) timer = setTimeout(function () { recorder.stop(); }, longest * 1000);
    start.hidden = true;
    stop.hidden = false;
    status.textContent = T.merekam;
    stop.focus();
  });

  stop.addEventListener("click", function () { recorder.stop(); });

  function finished() {
    clearTimeout(timer);
    var type = (recorder.mimeType || (video ? "video/webm" : "audio/webm")).split(";")[0];
    var blob = new Blob(parts, { type: type });
    var extension = { "video/mp4": "mp4", "audio/mp4": "m4a", "audio/ogg": "ogg" }[type] || "webm";
    var file = new File([blob], "rekaman." + extension, { type: type });
    var files = new DataTransfer();
    files.items.add(file);
    input.files = files.files;
    stream.getTracks().forEach(function (t) { t.stop(); });
    screen.srcObject = null;
    screen.src = URL.createObjectURL(blob);
    screen.controls = true;
    screen.hidden = false;
    stop.hidden = true;
    turnOn.hidden = false;
    var seconds = Math.round((Date.now() - began) / 1000);
    status.textContent = T.selesai.replace("%(detik)s", seconds);
    // The stop button is gone: focus goes to the player, to check what was recorded; the
    // first button records again, replacing it.
    screen.focus();
  }
})();
