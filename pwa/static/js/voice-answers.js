/* MENTARI voice mode, 3 of 5: answers. Waiting for the answer to what the dialogue asks (spoken,
 * from the yes/no buttons or typed on the keypad), the commands that work at every step
 * ("ulangi", "kembali", "batal", "bantuan", faster, slower, "cek status", a language), and the
 * read-back: "Benar? Katakan ya atau tidak."
 */
(() => {
  'use strict';
  const V = window.mentariSuara;
  if (!V || !V.panel) return;
  const { cfg, T, panel, ui, squash, isYes, says, show, line, confirming, say, stopSpeaking } = V;
  const main = document.getElementById('isi') || document.querySelector('main');

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

  /* Run a page's dialogue (and abandon any other); it ends quietly when it is stopped. */
  async function run(dialogue) {
    abandon();
    const id = dialog;
    running = true;
    try {
      await dialogue();
    } catch (e) {
      if (!(e instanceof Henti || e instanceof Ulang || e instanceof Kembali)) throw e;
    } finally {
      if (id === dialog) running = false;
    }
  }
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
      V.keypadFor(konteks);
      if (strikes < 3) listen(); else show('siap', `${T.tidak_paham} ${T.siap}`);
    });
  }
  function answer(result) {
    const w = waiter;
    if (!w) return false;
    waiter = null;
    V.dropRecording();
    w.resolve(result);
    return true;
  }
  /* An answer from a button or the keypad: to the question being listened for, or to the one
     being asked right now (the person need not wait for MENTARI to finish), or a command. */
  function given(r) {
    if (answer(r)) return;
    if (running) {
      early = r;
      skipSpeech();
      return;
    }
    V.command(r); // voice-dialogue.js
  }
  /* The person cut the dialogue short: stop speaking, and skip its speech until it listens. */
  function skipSpeech() {
    hurry = true;
    stopSpeaking();
  }
  function abandon() {
    dialog++;
    running = false;
    early = null;
    const w = waiter;
    waiter = null;
    if (w) w.reject(new Henti());
    V.dropRecording();
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
    if (V.recording()) return;
    stopSpeaking();
    const w = waiter;
    const konteks = w ? w.konteks : 'menu';
    if (!navigator.mediaDevices || !window.MediaRecorder) return fail(T.mikrofon_ditolak, true);
    let blob;
    try {
      blob = await V.record(() => show('dengar', T.mendengarkan));
    } catch (e) {
      return fail(T.mikrofon_ditolak, true);
    }
    if (w !== waiter) return; // answered meanwhile (a button, the keypad) or abandoned
    let result = null;
    if (blob) {
      show('proses', T.memproses);
      try {
        result = await V.recognise(blob, konteks);
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
    if (!answer(result)) V.command(result);
  }

  /* Mark the question being asked on screen too (and on the panel, for what the page says). */
  function asking(q, name) {
    main.querySelectorAll('.suara-tanya--aktif').forEach((el) => el.classList.remove('suara-tanya--aktif'));
    if (q) q.classList.add('suara-tanya--aktif');
    panel.dataset.isian = name || (q ? q.dataset.suaraTanya : '');
  }
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
      case 'ganti_pengguna': go(cfg.anggota); throw new Henti();
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
        if (isYes(r)) return true;
        if (r.intent === 'tidak' || says('no', r.text)) return false;
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
    const code = V.nextRate(intent);
    if (!code) return tell(T.laju_batas);
    await V.saveRate(code);
    return tell(intent === 'lebih_pelan' ? T.lebih_pelan : T.lebih_cepat);
  }

  Object.assign(V, {
    main, Henti, Ulang, Kembali, run, given, skipSpeech, abandon, listen, asking, tell, ask,
    confirm, yesNo, go, withLang, goBack, changeRate,
    running: () => running,
    pending: () => waiter !== null,              // a question is waiting for its answer
    konteks: () => (waiter ? waiter.konteks : 'menu'), // what it expects (without one: a command)
    understood: () => { strikes = 0; },         // an answer was taken: listen again after misses
  });
})();
