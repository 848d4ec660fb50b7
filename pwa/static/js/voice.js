/* MENTARI voice mode (issue 5). Loaded only while voice mode is on (2G budget).
 *
 * The page drives the dialogue, so voice and screen never disagree: questions are the
 * [data-suara-tanya] wrappers around the real form fields (templates/suara/tanya.html), menus
 * are the links and buttons inside [data-suara-menu], and [data-suara-baca] marks what to read
 * on arrival. The script asks with the words shown on the page, listens (MediaRecorder, stopped
 * by an energy-based end-of-speech detector), sends the audio to /suara/kenali, reads the answer
 * back, and on "ya" fills the real control. When a page's questions are answered it submits
 * the real form, so the server validates a spoken answer exactly like a typed one.
 * Every sentence it says is shown in the panel first: no sound without its text on screen.
 */
(() => {
  'use strict';
  const dataEl = document.getElementById('suara-data');
  const panel = document.querySelector('[data-suara-panel]');
  if (!dataEl || !panel) return;
  const cfg = JSON.parse(dataEl.textContent);
  const T = cfg.teks;
  const main = document.getElementById('isi') || document.querySelector('main');
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

  // --- words -------------------------------------------------------------------------------
  const fmt = (s, values) => s.replace(/%\((\w+)\)s/g, (m, k) => (k in values ? values[k] : m));
  const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const sentence = (s) => { s = squash(s); return !s || /[.!?:…]$/.test(s) ? s : s + '.'; };
  /* The text a sighted user sees in `el`, one sentence per line, so the voice pauses where
     the eye does; registration numbers and other [data-suara-digit] read digit by digit. */
  function speakable(el) {
    if (!el) return '';
    if (el.matches('[data-suara-digit]')) return sentence(spaced(el.textContent.replace(/\D/g, '')));
    if (el.querySelector('[data-suara-digit]')) {
      return Array.from(el.children, speakable).filter(Boolean).join(' ');
    }
    return (el.innerText || el.textContent || '').split('\n').map(sentence).filter(Boolean).join(' ');
  }
  const spaced = (digits) => (digits.match(/.{1,4}/g) || []).map((g) => g.split('').join(' ')).join(', ');
  const words = (s) => squash((s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')).split(' ').filter(Boolean);
  // Indonesian (with everyday short forms) and Balinese digit words.
  const NUMBER_WORDS = { nol: 0, kosong: 0, satu: 1, besik: 1, siki: 1, dua: 2, tiga: 3, telu: 3,
    empat: 4, mpat: 4, papat: 4, lima: 5, enam: 6, nem: 6, tujuh: 7, tuju: 7, pitu: 7,
    delapan: 8, lapan: 8, kutus: 8, sembilan: 9, sia: 9 };
  const LONG_NUMBER_WORDS = Object.keys(NUMBER_WORDS).filter((w) => w.length >= 4);
  function digitWord(w) {
    if (/^\d+$/.test(w)) return w;
    if (w in NUMBER_WORDS) return String(NUMBER_WORDS[w]);
    // One letter off a longer number word ("enum", "sebilan") is still that number, and so is
    // anything ending in "lapan" (delapan is often heard as "galapan", "terlapan").
    const near1 = w.length >= 4 && LONG_NUMBER_WORDS.find((n) => editsWithin(n, w, 1));
    if (near1) return String(NUMBER_WORDS[near1]);
    return w.endsWith('lapan') ? '8' : '';
  }
  const digitsIn = (text) => words(text).map(digitWord).join('');
  const YES = /^(ya+|y|iya+|ok|oke|benar|betul|nggih|inggih|patut|1)$/;
  const NO = /^(tidak|t|tdk|bukan|salah|ten|nenten|tusing|2)$/;
  const SKIP = /^(tidak|tidak ada|tak ada|lewati|kosong|ten|nenten|tusing|tidak tahu)$/;
  const isNo = (r) => r.intent === 'tidak' || SKIP.test(words(r.text).join(' '));
  // Indonesian letter names, for spelling a name the recogniser got wrong.
  const LETTERS = { be: 'b', ce: 'c', de: 'd', ef: 'f', ge: 'g', ha: 'h', je: 'j', ka: 'k', el: 'l',
    em: 'm', en: 'n', pe: 'p', ki: 'q', qi: 'q', er: 'r', es: 's', te: 't', ve: 'v', fe: 'v',
    we: 'w', eks: 'x', ex: 'x', ye: 'y', zet: 'z', spasi: ' ' };
  function spelled(text) {
    const out = words(text).map((w) => (w.length === 1 ? w : LETTERS[w] || w)).join('');
    return out.split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ').trim();
  }

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

  // The dialogue's pending question: what /suara/kenali is asked, and who gets the answer.
  let waiter = null;
  let dialog = 0;       // increases when a dialogue is abandoned
  let running = false;  // a page dialogue is under way
  let hurry = false;    // the person cut the dialogue short: skip its speech until it listens
  let strikes = 0;      // answers not understood in a row: after three, wait for the Bicara button
  let early = null;     // an answer given (button, keypad) while MENTARI was still asking
  class Henti extends Error {}   // the dialogue stops (navigation, "batal", Dengarkan)
  class Ulang extends Error {}   // ask the current question again
  class Kembali extends Error {} // back to the previous question

  function hear(konteks) {
    const id = dialog;
    hurry = false;
    if (early) {
      const r = early;
      early = null;
      return Promise.resolve(r);
    }
    return new Promise((resolve, reject) => {
      waiter = { konteks, resolve, reject, misses: 0, id };
      keypadFor(konteks);
      if (strikes < 3) listen(); else show('siap', `${T.tidak_paham} ${T.siap}`);
    });
  }
  function dropRecording() {
    const r = recording;
    recording = null;
    if (r) r.stop(false);
  }
  function answer(result) {
    const w = waiter;
    if (!w) return false;
    waiter = null;
    dropRecording();
    w.resolve(result);
    return true;
  }
  /* An answer from a button or the keypad: to the question being listened for, or to the one
     being asked right now (the person need not wait for MENTARI to finish), or a command. */
  function given(r) {
    if (answer(r)) return;
    if (running) {
      early = r;
      hurry = true;
      stopSpeaking();
      return;
    }
    command(r);
  }
  function abandon() {
    dialog++;
    running = false;
    early = null;
    const w = waiter;
    waiter = null;
    if (w) w.reject(new Henti());
    dropRecording();
    stopSpeaking();
    confirming(false);
    asking(null);
  }
  function fail(message, offerKeypad) {
    show('galat', message);
    const at = document.activeElement;
    // Move focus only from where the person was not doing anything else.
    if (offerKeypad && (!at || at === document.body || panel.contains(at))) {
      ui.keyInput.focus();
    }
    say(message, 'galat');
  }

  async function listen() {
    if (recording) return;
    stopSpeaking();
    const w = waiter;
    const konteks = w ? w.konteks : 'menu';
    if (!navigator.mediaDevices || !window.MediaRecorder) return fail(T.mikrofon_ditolak, true);
    let blob;
    try {
      blob = await record(() => show('dengar', T.mendengarkan));
    } catch (e) {
      return fail(T.mikrofon_ditolak, true);
    }
    if (w !== waiter) return; // answered meanwhile (a button, the keypad) or abandoned
    let result = null;
    if (blob) {
      show('proses', T.memproses);
      try {
        result = await recognise(blob, konteks);
      } catch (e) {
        return fail(e.pesan, true);
      }
      if (w !== waiter) return;
    }
    if (!result || !squash(result.text)) {
      // Nothing heard: once more at once, then wait for the Bicara button.
      if (w && ++w.misses === 1) { await say(T.bicara_sekarang); if (w === waiter) listen(); return; }
      show('siap', T.tidak_dengar);
      return say(T.tidak_dengar, 'siap');
    }
    line('anda', result.text);
    if (!answer(result)) command(result);
  }

  // --- typing or keying in an answer -------------------------------------------------------
  function keypadFor(konteks) {
    ui.keyInput.setAttribute('inputmode', konteks === 'angka' || konteks === 'menu' ? 'numeric' : 'text');
    ui.keyInput.dataset.konteks = konteks;
  }
  function typed(value) {
    const konteks = waiter ? waiter.konteks : 'menu';
    const v = words(value).join(' ');
    const digits = /^[\d\s.+()-]+$/.test(value) ? value.replace(/\D/g, '') : '';
    let r = { text: value, intent: null, slots: {}, confidence: 1, yakin: true };
    if (konteks === 'yatidak' && (YES.test(v) || NO.test(v))) r.intent = YES.test(v) ? 'ya' : 'tidak';
    else if (digits && konteks === 'angka') r = { ...r, intent: 'angka', slots: { angka: digits } };
    else if (digits && konteks !== 'bebas') r = { ...r, intent: 'pilih_menu', slots: { nomor: Number(digits) } };
    else if (YES.test(v)) r.intent = 'ya';
    else if (NO.test(v)) r.intent = 'tidak';
    line('anda', value);
    given(r);
  }

  // --- the dialogue: helpers ---------------------------------------------------------------
  async function tell(text, state) {
    const id = dialog;
    if ([].concat(text)[0] === T.tidak_paham) strikes++;
    if (hurry) line('mentari', [].concat(text).join(' ')); else await say(text, state);
    if (id !== dialog) throw new Henti();
  }
  /* Listen for an answer; the commands that work at every step are handled here. */
  async function ask(konteks) {
    const r = await hear(konteks);
    // Only a command heard for sure acts: a name or an address that sounds a little like
    // "ulangi" is an answer, not a request to repeat.
    switch (r.yakin === false ? null : r.intent) {
      case 'ulangi': throw new Ulang();
      case 'kembali': throw new Kembali();
      case 'batal': await cancel(); throw new Ulang();
      case 'bantuan': await tell(T.bantuan); throw new Ulang();
      case 'lebih_pelan': case 'lebih_cepat': await changeRate(r.intent); throw new Ulang();
      case 'cek_status': go(cfg.status); throw new Henti();
      case 'pilih_bahasa': if (r.slots && r.slots.bahasa) { go(withLang(r.slots.bahasa)); throw new Henti(); } break;
      default: break;
    }
    return r;
  }
  /* Read `text` back and ask "Benar?": true on yes. */
  const confirm = (text) => yesNo([text], T.benar);
  /* A yes-or-no question (the yes/no buttons show meanwhile); false after three unclear answers. */
  async function yesNo(segments, question) {
    const text = segments.join(' ');
    confirming(true);
    try {
      for (let tries = 0; tries < 3; tries++) {
        show('konfirmasi', `${text} ${question}`);
        await tell([tries ? T.tidak_paham : ''].concat(segments, question), 'konfirmasi');
        let r;
        try {
          r = await ask('yatidak');
        } catch (e) {
          if (e instanceof Ulang) continue;
          throw e;
        }
        // An answer the recogniser is not sure of is asked again, never taken: a "ya" it only
        // guessed would confirm a wrong read-back.
        if (r.yakin === false && r.intent) continue;
        if (r.intent === 'ya' || YES.test(words(r.text).join(' '))) return true;
        if (r.intent === 'tidak' || NO.test(words(r.text).join(' '))) return false;
      }
      return false;
    } finally {
      confirming(false);
    }
  }
  async function cancel() {
    const form = main.querySelector('form [data-suara-tanya]');
    if (!form) { abandon(); show('siap', T.dibatalkan); throw new Henti(); }
    if (await yesNo([T.batal_tanya], T.ya_tidak)) { go(cfg.beranda); throw new Henti(); }
  }
  function go(url) { abandon(); location.assign(url); }
  function withLang(lang) {
    const u = new URL(location.href);
    u.searchParams.set('lang', lang);
    return u.toString();
  }
  function goBack() {
    const back = document.querySelector('.before-main a, a.back-link');
    abandon();
    if (back) back.click(); else history.back();
  }
  async function changeRate(intent) {
    const i = RATES.indexOf(rateCode()) + (intent === 'lebih_pelan' ? -1 : 1);
    if (i < 0 || i >= RATES.length) return tell(T.laju_batas);
    await saveRate(RATES[i]);
    return tell(intent === 'lebih_pelan' ? T.lebih_pelan : T.lebih_cepat);
  }
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

  // --- the dialogue: questions -------------------------------------------------------------
  const field = (q) => q.querySelector('input:not([type=hidden]), textarea, select');
  const controls = (q) => Array.from(q.querySelectorAll('input[type=radio], input[type=checkbox]'));
  const labelOf = (input) => squash((input.labels && input.labels[0] || {}).textContent || input.value);
  const optional = (q) => q.hasAttribute('data-suara-opsional') || !!q.querySelector('.optional');
  function options(q) {
    const kind = q.dataset.suaraJenis;
    if (q.dataset.suaraPilihan) return JSON.parse(q.dataset.suaraPilihan).map(([value, text]) => ({ value, text }));
    const select = q.querySelector('select');
    if (select) return Array.from(select.options).filter((o) => o.value).map((o) => ({ value: o.value, text: squash(o.text) }));
    if (kind === 'pilihan' || kind === 'banyak') {
      return controls(q).filter((i) => !i.disabled).map((i) => ({ value: i.value, text: labelOf(i) }));
    }
    return [];
  }
  function applies(q) {
    const cond = q.dataset.suaraJika;
    if (!cond) return true;
    const [name, value] = cond.split('=');
    return Array.from(main.querySelectorAll(`[name="${name}"]`)).some((i) => i.checked && i.value === value);
  }
  function questionText(q) {
    const kind = q.dataset.suaraJenis;
    const parts = [];
    if (kind === 'setuju' || kind === 'centang' || kind === 'ringkasan') {
      if (kind !== 'ringkasan') q.querySelectorAll('label').forEach((l) => parts.push(sentence(l.innerText)));
    } else {
      parts.push(sentence((q.querySelector('legend') || q.querySelector('label') || {}).innerText || ''));
    }
    const hint = q.querySelector('.hint:not(.choice__hint)');
    if (hint) parts.push(sentence(hint.innerText));
    q.querySelectorAll('.error-message').forEach((e) => parts.push(sentence(e.innerText)));
    if (kind === 'ringkasan') {
      q.querySelectorAll('.summary-list__row').forEach((row, i) => {
        const key = squash(row.querySelector('dt').innerText);
        const value = row.querySelector('.summary-list__value').innerText.split('\n').map(squash).filter(Boolean).join(', ');
        parts.push(fmt(T.pilihan, { nomor: i + 1, teks: key + ': ' + value }));
      });
    }
    const opts = options(q);
    const max = Number(q.dataset.suaraBacaMaks) || opts.length;
    opts.slice(0, max).forEach((o, i) => parts.push(fmt(T.pilihan, { nomor: i + 1, teks: o.text })));
    // The page's own words as one text; the fixed instructions as separate sentences.
    const out = [parts.filter(Boolean).join(' ')];
    if (kind === 'ringkasan') out.push(T.ringkasan);
    if (opts.length) out.push(T.pilih_nomor);
    if (optional(q) && kind !== 'ringkasan') out.push(T.tidak_wajib);
    return out;
  }
  /* Which option an answer names: by number, by the recogniser's slot, or by its words. */
  function chosen(q, r, opts) {
    const slots = r.slots || {};
    let n = 0;
    if (r.intent === 'pilih_menu') n = Number(slots.nomor);
    else if (r.intent === 'angka') n = Number(slots.angka);
    else if (/^\d{1,2}$/.test(digitsIn(r.text)) && words(r.text).length <= 3) n = Number(digitsIn(r.text));
    if (n >= 1 && n <= opts.length) return opts[n - 1];
    if (r.intent === 'pilih_layanan' && q.dataset.suaraSlug) {
      const value = JSON.parse(q.dataset.suaraSlug)[slots.layanan];
      const o = opts.find((x) => x.value === value);
      if (o) return o;
    }
    if (r.intent === 'pilih_cara') {
      const o = opts.find((x) => x.value === slots.cara);
      if (o) return o;
    }
    return byWords(r.text, opts);
  }
  const FILLER = new Set(['saya', 'mau', 'ingin', 'yang', 'pilih', 'memilih', 'nomor', 'untuk', 'dan',
    'di', 'ke', 'itu', 'ini', 'tiang', 'titiang', 'minta', 'layanan']);
  function byWords(text, opts) {
    const said = words(text).filter((w) => !FILLER.has(w));
    if (!said.length) return null;
    let best = null, bestScore = 0, tie = false;
    for (const o of opts) {
      const have = new Set(words(o.text));
      const score = said.filter((w) => have.has(w) || Array.from(have).some((h) => h.length > 4 && sounds(h, w))).length / said.length;
      if (score > bestScore) { best = o; bestScore = score; tie = false; } else if (score === bestScore) tie = true;
    }
    // Half the words said is enough when no other option shares as many ("jalan langsung").
    return bestScore >= 0.5 && !tie ? best : null;
  }
  /* A word as the recogniser may write a longer name: one letter off, or two in a name of
     seven letters or more ("berbantem" for Bebandem). */
  const sounds = (name, heard) => editsWithin(name, heard, name.length >= 7 ? 2 : 1);
  /* Whether b is at most `most` insertions, deletions or substitutions from a (Levenshtein). */
  function editsWithin(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return false;
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length] <= most;
  }
  function fill(q, value) {
    strikes = 0;
    const kind = q.dataset.suaraJenis;
    const el = field(q);
    if (kind === 'pilihan' && !q.querySelector('select')) {
      controls(q).forEach((i) => { i.checked = i.value === value; });
    } else if (kind === 'banyak') {
      controls(q).forEach((i) => { if (i.value === value) i.checked = true; });
    } else if (kind === 'setuju' || kind === 'centang') {
      q.querySelector('input[type=checkbox]').checked = value;
    } else {
      el.value = value;
    }
    (kind === 'banyak' || kind === 'pilihan' ? controls(q).find((i) => i.value === value) || el : el)
      .dispatchEvent(new Event('change', { bubbles: true }));
  }
  const current = (q) => {
    const kind = q.dataset.suaraJenis;
    if (q.querySelector('.form-group--error')) return '';
    if (kind === 'teks' || kind === 'angka') return squash(field(q).value);
    if (kind === 'banyak') return controls(q).filter((i) => i.checked).map(labelOf).join(', ');
    const select = q.querySelector('select');
    if (select) return select.value ? squash(select.selectedOptions[0].text) : '';
    if (kind === 'pilihan') {
      const on = controls(q).find((i) => i.checked);
      return on ? labelOf(on) : '';
    }
    return '';
  };

  /* Mark the question being asked on screen too (and on the panel, for what the page says). */
  function asking(q, name) {
    main.querySelectorAll('.suara-tanya--aktif').forEach((el) => el.classList.remove('suara-tanya--aktif'));
    if (q) q.classList.add('suara-tanya--aktif');
    panel.dataset.isian = name || (q ? q.dataset.suaraTanya : '');
  }
  /* One question: ask it, take the answer, read it back, fill the real control on "ya". */
  async function question(q) {
    asking(q);
    try {
      await ask1(q);
    } finally {
      asking(null);
    }
  }
  async function ask1(q) {
    const kind = q.dataset.suaraJenis;
    const konteks = q.dataset.suaraKonteks;
    let intro = questionText(q);
    const saved = current(q);
    if (saved) {
      if (await confirm(intro.concat(fmt(T.tersimpan, { teks: saved })).join(' '))) return;
      if (kind === 'banyak') controls(q).forEach((i) => { i.checked = false; });
    } else if (optional(q) && ['teks', 'angka', 'banyak'].includes(kind)) {
      // An optional question starts with yes or no: "tidak" is recognised far more reliably
      // where only yes or no is expected than among names and numbers.
      if (!(await yesNo(intro, T.isi_opsional))) { if (kind !== 'banyak') fill(q, ''); return; }
      intro = [T.sebutkan];
    }
    for (;;) {
      await tell(intro);
      if (kind === 'setuju' || kind === 'centang') {
        const r = await ask('yatidak');
        if (r.intent === 'ya' || YES.test(words(r.text).join(' '))) { fill(q, true); return; }
        if (kind === 'centang' && isNo(r)) { fill(q, false); return; }
        intro = [kind === 'setuju' && isNo(r) ? T.setuju_perlu : T.tidak_paham].concat(questionText(q));
        continue;
      }
      if (kind === 'ringkasan') {
        const r = await ask(konteks);
        if (r.intent === 'ya' || YES.test(words(r.text).join(' '))) return;
        const rows = q.querySelectorAll('.summary-list__row');
        const n = Number((r.slots || {}).nomor || (r.slots || {}).angka || digitsIn(r.text));
        const link = n >= 1 && n <= rows.length && rows[n - 1].querySelector('a[href]');
        if (link) { abandon(); link.click(); throw new Henti(); }
        intro = [T.tidak_paham, T.ringkasan];
        continue;
      }
      if (kind === 'teks') return freeText(q, konteks);
      if (kind === 'angka') return number(q, konteks);
      return choice(q, konteks);
    }
  }
  async function freeText(q, konteks) {
    let spelling = false;
    for (;;) {
      const r = await ask(konteks);
      if (optional(q) && isNo(r)) { fill(q, ''); return; }
      if (!spelling && words(r.text).join(' ') === 'eja') { spelling = true; await tell(T.eja); continue; }
      const text = spelling ? spelled(r.text) : squash(r.text).replace(/[.。]+$/, '');
      if (!text) { await tell([T.tidak_paham, T.koreksi]); continue; }
      if (await confirm(fmt(T.anda_mengatakan, { teks: text }))) { fill(q, text); return; }
      spelling = false;
      await tell(T.koreksi);
    }
  }
  const heardDigits = (r) => String((r.slots || {}).angka || digitsIn(r.text)).replace(/\D/g, '');
  const DONE = /^(selesai|sudah|sudah semua|cukup|sampun|sampun puput|puput)$/;
  async function number(q, konteks) {
    const need = Number(q.dataset.suaraPanjang) || 0;
    for (;;) {
      const r = await ask(konteks);
      if (optional(q) && isNo(r)) { fill(q, ''); return; }
      const digits = heardDigits(r);
      if (!digits) { await tell([T.tidak_paham].concat(questionText(q))); continue; }
      // A long number heard wrong (a digit lost or added, or a read-back refused): take it a
      // few digits at a time. Short answers are heard better, a wrong part is said again
      // alone, and the same long answer is not asked for again and again.
      const long = need ? need > 6 : digits.length > 6;
      if (need && digits.length !== need) {
        await tell(fmt(T.jumlah_angka, { jumlah: digits.length, perlu: need }));
        if (long && await inParts(q, konteks)) return;
        continue;
      }
      if (await confirm(fmt(T.angka_anda, { angka: spaced(digits) }))) { fill(q, digits); return; }
      if (long) {
        if (await inParts(q, konteks)) return;
        continue;
      }
      await tell(T.koreksi);
    }
  }
  async function inParts(q, konteks) {
    const parts = [];
    try {
      panel.dataset.bagian = '1'; // which part is asked (shown while asking, and for tests)
      await tell(T.per_bagian);
      await collectParts(parts, konteks);
    } finally {
      delete panel.dataset.bagian;
    }
    const all = parts.join('');
    const need = Number(q.dataset.suaraPanjang) || 0;
    if (need && all.length !== need) { // a NIK pieced together one digit short: say so now
      await tell(fmt(T.jumlah_angka, { jumlah: all.length, perlu: need }));
      return false;
    }
    if (await confirm(fmt(T.angka_anda, { angka: spaced(all) }))) { fill(q, all); return true; }
    await tell(T.koreksi);
    return false;
  }
  async function collectParts(parts, konteks) {
    for (;;) {
      const r = await ask(konteks);
      if (parts.length && (DONE.test(words(r.text).join(' ')) || r.intent === 'ya')) break;
      const digits = heardDigits(r);
      if (!digits) { await tell([T.tidak_paham, parts.length ? T.bagian_lagi : T.per_bagian]); continue; }
      if (await confirm(fmt(T.angka_anda, { angka: spaced(digits) }))) {
        parts.push(digits);
        panel.dataset.bagian = String(parts.length + 1);
        await tell(T.bagian_lagi);
      } else {
        await tell(T.bagian_ulang);
      }
    }
  }
  async function choice(q, konteks) {
    const kind = q.dataset.suaraJenis;
    const opts = options(q);
    let picked = 0;
    for (;;) {
      const r = await ask(konteks);
      if (kind === 'banyak' && isNo(r) && (picked || optional(q))) return;
      const o = chosen(q, r, opts);
      if (!o) { await tell([T.tidak_paham, T.pilih_nomor]); continue; }
      const sure = r.yakin !== false;
      if (await confirm(fmt(sure ? T.anda_memilih : T.apakah_maksud, { teks: o.text }))) {
        fill(q, o.value);
        if (kind !== 'banyak') return;
        picked++;
        if (!(await yesNo([], T.ada_lagi))) return;
        await tell(T.pilih_nomor);
      } else {
        await tell(T.pilih_nomor);
      }
    }
  }

  // --- the dialogue: pages -----------------------------------------------------------------
  function introBefore(first) {
    const taken = [];
    for (const el of main.querySelectorAll('.caption, h1, p, .banner')) {
      if (!(el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      if (first.contains(el) || el.closest('.error-summary') || taken.some((t) => t.contains(el))) continue;
      taken.push(el);
    }
    return taken.map(speakable).join(' ');
  }
  async function form(questions) {
    const errors = main.querySelector('.error-summary');
    let todo = questions;
    if (errors) {
      const wrong = questions.filter((q) => q.querySelector('.form-group--error'));
      if (wrong.length) todo = wrong;
      await tell([T.kesalahan, speakable(errors.querySelector('ul') || errors)]);
    } else {
      const intro = introBefore(questions[0]);
      if (intro) await tell(intro);
    }
    for (let i = 0; i < todo.length;) {
      if (!applies(todo[i])) { i++; continue; }
      try {
        await question(todo[i]);
        i++;
      } catch (e) {
        if (e instanceof Ulang) continue;
        if (!(e instanceof Kembali)) throw e;
        do { i--; } while (i >= 0 && !applies(todo[i]));
        if (i < 0) { goBack(); throw new Henti(); }
      }
    }
    await tell(T.lanjut);
    const f = todo[0].closest('form');
    abandon();
    f.requestSubmit(f.querySelector('button[type=submit]'));
  }
  const menuItems = () => Array.from(main.querySelectorAll('[data-suara-menu] a[href], [data-suara-menu] button'));
  async function menu(items, before) {
    asking(null, 'menu');
    let intro = before;
    for (;;) {
      const list = items.map((el, i) => fmt(T.pilihan, { nomor: i + 1, teks: squash(el.textContent) })).join(' ');
      try {
        await tell([].concat(intro, list, T.menu));
        const r = await ask('menu');
        const opts = items.map((el, i) => ({ value: i, text: squash(el.textContent) }));
        const o = (items.length === 1 && r.intent === 'ya') ? opts[0] : chosen(main, r, opts);
        if (o) { abandon(); items[o.value].click(); return; }
        intro = T.tidak_paham;
      } catch (e) {
        if (e instanceof Kembali) { goBack(); return; }
        if (!(e instanceof Ulang)) throw e;
        intro = before;
      }
    }
  }
  /* What happens on arrival: answer the form, choose from the menu, or hear the page. */
  async function page() {
    abandon();
    const id = dialog;
    running = true;
    try {
      if (!sessionStorage.getItem('mentari-suara-sambutan')) {
        sessionStorage.setItem('mentari-suara-sambutan', '1');
        await tell(T.sambutan);
      }
      const questions = Array.from(main.querySelectorAll('[data-suara-tanya]'));
      if (questions.length) return await form(questions);
      const marked = Array.from(main.querySelectorAll('[data-suara-baca]'));
      const heading = speakable(main.querySelector('h1'));
      const items = menuItems();
      if (items.length) return await menu(items, heading);
      await tell(marked.length ? [marked.map(speakable).join(' '), T.selesai_baca] : [heading, T.siap]);
      show('siap', T.siap);
    } catch (e) {
      if (!(e instanceof Henti || e instanceof Ulang || e instanceof Kembali)) throw e;
    } finally {
      if (id === dialog) running = false;
    }
  }
  /* Speech with no question pending: a command. */
  async function command(r) {
    switch (r.intent) {
      case 'ulangi': return page();
      case 'kembali': return goBack();
      case 'batal': abandon(); return show('siap', T.dibatalkan);
      case 'bantuan': return say(T.bantuan);
      case 'lebih_pelan': case 'lebih_cepat': return changeRate(r.intent).catch(() => {});
      case 'cek_status': return go(cfg.status);
      case 'pilih_bahasa': return r.slots && r.slots.bahasa ? go(withLang(r.slots.bahasa)) : undefined;
      default: {
        const items = menuItems();
        const o = items.length && chosen(main, r, items.map((el, i) => ({ value: i, text: squash(el.textContent) })));
        if (o) return items[o.value].click();
        return say([T.tidak_paham, T.bantuan]);
      }
    }
  }

  // --- wiring ------------------------------------------------------------------------------
  const hasDialogue = () => !!main.querySelector('[data-suara-tanya]') || menuItems().length > 0;
  function micPressed() {
    strikes = 0;
    if (recording) return recording.stop(true);
    if (panel.dataset.keadaan === 'proses') return undefined;
    if (running && !waiter) {
      // The dialogue is speaking and listens next: skip to listening.
      hurry = true;
      return stopSpeaking();
    }
    if (waiter || !hasDialogue()) return listen();
    return page(); // picks the page's dialogue up again (saved answers are offered back)
  }
  ui.mic.addEventListener('click', micPressed);
  document.addEventListener('keydown', (e) => {
    // Ctrl+Shift+Space: unused by NVDA, JAWS, VoiceOver, TalkBack and the browsers.
    if (e.ctrlKey && e.shiftKey && !e.altKey && !e.metaKey && (e.code === 'Space' || e.key === ' ')) {
      e.preventDefault();
      micPressed();
    }
  });
  ui.listen.addEventListener('click', () => {
    if (speaking()) { stopSpeaking(); show('siap', T.siap); return; }
    abandon();
    say(speakable(main));
  });
  ui.confirm.addEventListener('click', (e) => {
    const b = e.target.closest('[data-suara-jawab]');
    if (!b) return;
    line('anda', b.textContent);
    given({ text: b.textContent, intent: b.dataset.suaraJawab, slots: {}, confidence: 1, yakin: true });
  });
  ui.keypad.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = ui.keyInput.value.trim();
    if (!value) return;
    ui.keyInput.value = '';
    stopSpeaking();
    typed(value);
  });
  panel.querySelector('.voice-panel__rate').addEventListener('submit', (e) => {
    e.preventDefault();
    const code = e.submitter && e.submitter.value;
    if (code) saveRate(code);
  });
  // Someone who starts typing or tapping in the form takes over: the voice steps aside until
  // Bicara is pressed again, and then offers back what was typed.
  main.addEventListener('focusin', (e) => {
    if (e.isTrusted && e.target.matches('input, select, textarea') && (running || waiter || recording)) {
      abandon();
      show('siap', T.mengetik);
    }
  });
  ui.controls.hidden = false;
  show('siap', T.siap);
  // A page restored from the back-forward cache must not go on listening where it left off.
  window.addEventListener('pagehide', abandon);
  window.addEventListener('pageshow', (e) => { if (e.persisted) page(); });
  page();
  setTimeout(keepPrompts, 3000);
})();
