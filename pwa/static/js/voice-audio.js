/* MENTARI voice mode, 2 of 5: sound and the panel. Speaking (a fixed prompt from its own URL,
 * kept offline; any other text read by /suara/ucap, at the chosen rate), listening
 * (MediaRecorder, stopped by an energy-based end-of-speech detector, sent to /suara/kenali),
 * and the keypad for when listening is not possible. Every sentence it says is shown in the
 * panel first: no sound without its text on screen.
 */
(() => {
  'use strict';
  const V = window.mentariSuara;
  const panel = document.querySelector('[data-suara-panel]');
  if (!V || !panel) return;
  const { cfg, squash, says } = V;
  const T = cfg.teks;
  const q1 = (sel, root = panel) => root.querySelector(sel);
  const ui = {
    controls: q1('[data-suara-kontrol]'), mic: q1('[data-suara-mic]'),
    micText: q1('[data-suara-mic-teks]'), listen: q1('[data-suara-dengarkan]'),
    status: q1('[data-suara-status]'), said: q1('[data-suara-ucapan]'),
    heard: q1('[data-suara-didengar]'), confirm: q1('[data-suara-konfirmasi]'),
    keypad: q1('[data-suara-ketik]'), keyInput: q1('#suara-ketik'),
  };
  const RATES = ['075', '100', '125'];
  // End of speech: this long below the speech threshold after speech was heard.
  const END_SILENCE_MS = 900, NO_SPEECH_MS = 7000, MAX_UTTERANCE_MS = 12000;
  // Characters per /suara/ucap request: the first words play sooner, and the panel shows what
  // is being said like a caption instead of a page-long block.
  const MAX_CHUNK = 200;

  // --- the panel ---------------------------------------------------------------------------
  function show(state, message) {
    panel.dataset.keadaan = state;
    if (message !== undefined) ui.status.textContent = message;
    const listening = state === 'dengar';
    ui.micText.textContent = listening ? T.selesai_bicara : T.bicara;
    if (state === 'galat') ui.keypad.hidden = false;
    else if (state === 'dengar') ui.keypad.hidden = true;
  }
  function line(which, text) {
    const el = which === 'mentari' ? ui.said : ui.heard;
    el.textContent = text;
    el.closest('[data-suara-baris]').hidden = !text;
  }
  function confirming(on) {
    ui.confirm.hidden = !on;
    panel.toggleAttribute('data-konfirmasi', on);
  }

  // --- speaking ----------------------------------------------------------------------------
  const player = new Audio();
  const audioCache = new Map(); // rate|text → Promise of an object URL (for "ulangi")
  let speech = 0;               // increases when speech is stopped or replaced
  let playDone = null;
  let audioWarned = false;

  /* The sound of `text` as an object URL: a fixed prompt from its own URL (kept offline by the
     service worker), anything else read by /suara/ucap. Fetched, not streamed, so a failure
     (no signal, server error) is known before playing, and the text is shown instead. */
  function audioFor(text) {
    const prompt = promptUrl(text);
    const key = cfg.laju + '|' + text;
    if (!audioCache.has(key)) {
      let request;
      if (prompt) {
        request = fetch(prompt);
      } else {
        const body = new FormData();
        body.append('teks', text);
        body.append('lang', cfg.lang);
        body.append('laju', String(cfg.laju));
        request = fetch(cfg.ucap, { method: 'POST', body, headers: { 'X-CSRFToken': cfg.csrf } });
      }
      const p = request
        .then((r) => { if (!r.ok) throw new Error('suara ' + r.status); return r.blob(); })
        .then((blob) => URL.createObjectURL(blob));
      p.catch(() => audioCache.delete(key));
      audioCache.set(key, p);
    }
    return audioCache.get(key);
  }
  /* A fixed sentence the server has pre-rendered (speech.prompts) plays from its own URL: one
     cached file, which the service worker keeps for offline use. */
  function promptUrl(text) {
    const url = (cfg.prompts || {})[text];
    return url ? `${url}&laju=${cfg.laju}` : null;
  }
  /* Keep this language's fixed prompts at this rate on the phone (the service worker serves
     them from the cache), so the menu speaks without a signal. One at a time, after the page
     has started talking: the first words must not wait behind them on 2G. Prompts of another
     language or rate are dropped, so the cache stays at one set (about 300 KB). */
  async function keepPrompts() {
    if (!window.caches || !navigator.serviceWorker || !navigator.serviceWorker.controller) return;
    try {
      const want = new Set(Object.values(cfg.prompts || {})
        .map((u) => new URL(`${u}&laju=${cfg.laju}`, location.href).href));
      const cache = await caches.open('mentari-suara');
      const kept = new Set((await cache.keys()).map((r) => r.url));
      await Promise.all([...kept].filter((u) => !want.has(u)).map((u) => cache.delete(u)));
      for (const u of want) {
        // One that fails (no signal, no space) is fetched again when it is needed.
        if (!kept.has(u)) await cache.add(u).catch(() => {});
      }
    } catch (e) { /* no Cache Storage here: the prompts come from the server as before */ }
  }
  function chunks(text) {
    const out = [];
    for (const s of text.match(/[^.!?…]+[.!?…]*\s*/g) || [text]) {
      if (out.length && (out[out.length - 1] + s).length <= MAX_CHUNK) out[out.length - 1] += s;
      else out.push(s);
    }
    return out.map((s) => s.trim().slice(0, 1900)).filter(Boolean);
  }
  const gesture = () => new Promise((resolve) => {
    const go = () => { document.removeEventListener('pointerdown', go, true); document.removeEventListener('keydown', go, true); resolve(); };
    document.addEventListener('pointerdown', go, true);
    document.addEventListener('keydown', go, true);
  });
  function play(url, id) {
    return new Promise((resolve) => {
      playDone = resolve;
      player.onended = player.onerror = () => resolve();
      player.src = url;
      player.play().catch(async (err) => {
        // Autoplay refused until the person touches the page: ask for a tap, then go on.
        if (err.name !== 'NotAllowedError') return resolve();
        const before = ui.status.textContent;
        show(panel.dataset.keadaan, T.ketuk_mulai);
        await gesture();
        if (id !== speech) return resolve();
        show(panel.dataset.keadaan, before);
        player.play().catch(() => resolve());
      });
    });
  }
  /* Say `text` (a sentence, or a list of them): each part shown, then spoken; resolves when
     done or stopped. */
  async function say(text, state = 'bicara') {
    const segments = [].concat(text).map(squash).filter(Boolean);
    if (!segments.length) return;
    text = segments.join(' ');
    const id = ++speech;
    show(state, state === 'bicara' ? T.berbicara : undefined);
    ui.listen.textContent = T.hentikan;
    const parts = segments.flatMap((seg) => (promptUrl(seg) ? [seg] : chunks(seg)));
    let next = audioFor(parts[0]);
    let mute = false;
    try {
      for (let i = 0; i < parts.length && id === speech; i++) {
        const url = await next;
        if (i + 1 < parts.length) { next = audioFor(parts[i + 1]); next.catch(() => {}); }
        if (id !== speech) break;
        line('mentari', parts[i]);
        await play(url, id);
      }
    } catch (e) {
      // No audio (offline, server error): show all of it, and say so once.
      line('mentari', text);
      mute = !audioWarned;
      audioWarned = true;
    }
    if (id !== speech) return;
    ui.listen.textContent = T.dengarkan;
    if (panel.dataset.keadaan === 'bicara') show('siap', mute ? T.suara_gagal : T.siap);
    else if (mute) ui.status.textContent += ' ' + T.suara_gagal;
  }
  function stopSpeaking() {
    speech++;
    player.pause();
    if (playDone) playDone();
    ui.listen.textContent = T.dengarkan;
  }
  const speaking = () => !player.paused && !player.ended;

  // --- the rate ----------------------------------------------------------------------------
  const rateCode = () => RATES[[0.75, 1, 1.25].indexOf(Number(cfg.laju))] || '100';
  async function saveRate(code) {
    cfg.laju = { '075': 0.75, 100: 1, 125: 1.25 }[code];
    panel.querySelectorAll('[data-suara-laju]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.suaraLaju === code)));
    // Remembered like the display settings (the same cookie, set by the server).
    const body = new FormData();
    body.append('csrf_token', cfg.csrf);
    body.append('laju', code);
    await fetch(cfg.tampilan, { method: 'POST', body }).catch(() => {});
    keepPrompts();
  }
  /* The next rate slower or faster ('lebih_pelan', 'lebih_cepat'), or null at the end. */
  function nextRate(intent) {
    const i = RATES.indexOf(rateCode()) + (intent === 'lebih_pelan' ? -1 : 1);
    return i < 0 || i >= RATES.length ? null : RATES[i];
  }

  // --- listening ---------------------------------------------------------------------------
  const MIME = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm']
    .find((m) => window.MediaRecorder && MediaRecorder.isTypeSupported(m));
  let recording = null; // {stop(keep)} while the microphone is open

  /* Record one utterance. Resolves with a Blob, or null when nothing was said or the
     recording was cancelled. The microphone is released after every utterance; `opened` is
     called once it really listens, so "listening" is never shown before it is true. */
  async function record(opened) {
    let cancelled = false;
    const opening = { stop: () => { cancelled = true; } }; // stopped before the microphone opened
    recording = opening;
    let stream;
    try {
      // No browser noise suppression: it is tuned for people listening, and its artefacts cost
      // the recogniser (trained on ordinary noisy speech) words. Nothing plays while listening,
      // so there is no echo to cancel; gain control helps a quiet or distant voice.
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: true } });
    } finally {
      if (recording === opening) recording = null;
    }
    if (cancelled) { stream.getTracks().forEach((t) => t.stop()); return null; }
    const rec = new MediaRecorder(stream, MIME ? { mimeType: MIME, audioBitsPerSecond: 24000 } : {});
    const parts = [];
    rec.ondataavailable = (e) => { if (e.data.size) parts.push(e.data); };
    const ctx = new (window.AudioContext || window.webkitAudioContext)();
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    return new Promise((resolve) => {
      const started = performance.now();
      let loudFrames = 0, quietSince = 0, noise = 0.01, keep = true, timer = 0;
      const finish = (keepIt) => {
        keep = keepIt;
        clearInterval(timer);
        if (rec.state !== 'inactive') rec.stop();
      };
      rec.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        ctx.close().catch(() => {});
        if (recording === mine) recording = null;
        resolve(keep && parts.length ? new Blob(parts, { type: rec.mimeType || MIME || 'audio/webm' }) : null);
      };
      // Energy-based end of speech: the threshold follows the quietest recent level (the
      // room's noise, rising 3% a frame so a noisy room is learnt in a few seconds); speech
      // is at least three loud frames (150 ms).
      timer = setInterval(() => {
        analyser.getFloatTimeDomainData(buf);
        let sum = 0;
        for (let i = 0; i < buf.length; i++) sum += buf[i] * buf[i];
        const rms = Math.sqrt(sum / buf.length), now = performance.now();
        noise = Math.min(noise * 1.03 + 1e-5, Math.max(rms, 0.001));
        const loud = rms > Math.max(0.012, noise * 3);
        if (loud) { loudFrames++; quietSince = 0; } else if (!quietSince) quietSince = now;
        const heard = loudFrames >= 3;
        if (heard && quietSince && now - quietSince > END_SILENCE_MS) finish(true);
        else if (now - started > MAX_UTTERANCE_MS) finish(heard);
        else if (!heard && now - started > NO_SPEECH_MS) finish(false);
      }, 50);
      rec.start();
      opened();
      // stop(true): the person pressed "Selesai bicara", keep what was said; stop(false): drop it.
      const mine = { stop: finish };
      recording = mine;
    });
  }
  function dropRecording() {
    const r = recording;
    recording = null;
    if (r) r.stop(false);
  }

  async function recognise(blob, konteks) {
    const body = new FormData();
    body.append('audio', blob, 'ucapan.' + (blob.type.includes('ogg') ? 'ogg' : 'webm'));
    body.append('lang', cfg.lang);
    body.append('konteks', konteks);
    let r;
    try {
      r = await fetch(cfg.kenali, { method: 'POST', body, headers: { 'X-CSRFToken': cfg.csrf } });
    } catch (e) {
      throw { pesan: T.koneksi };
    }
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw { status: r.status, pesan: data.error || (r.status === 503 ? T.sibuk : T.gagal_kenali) };
    return data;
  }

  // --- typing or keying in an answer -------------------------------------------------------
  function keypadFor(konteks) {
    ui.keyInput.setAttribute('inputmode', konteks === 'angka' || konteks === 'menu' ? 'numeric' : 'text');
    ui.keyInput.dataset.konteks = konteks;
  }
  /* A typed answer as the recogniser would give it. */
  function typed(value, konteks) {
    const digits = /^[\d\s.+()-]+$/.test(value) ? value.replace(/\D/g, '') : '';
    const yes = says('yes', value), no = says('no', value);
    let r = { text: value, intent: null, slots: {}, confidence: 1, yakin: true };
    if (konteks === 'yatidak' && (yes || no)) r.intent = yes ? 'ya' : 'tidak';
    else if (digits && konteks === 'angka') r = { ...r, intent: 'angka', slots: { angka: digits } };
    else if (digits && konteks !== 'bebas') r = { ...r, intent: 'pilih_menu', slots: { nomor: Number(digits) } };
    else if (yes) r.intent = 'ya';
    else if (no) r.intent = 'tidak';
    return r;
  }

  Object.assign(V, {
    T, panel, ui, show, line, confirming, say, stopSpeaking, speaking, keepPrompts, saveRate,
    nextRate, record, recording: () => recording, dropRecording, recognise, keypadFor, typed,
  });
})();
