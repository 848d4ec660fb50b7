/* MENTARI voice mode, 5 of 5: the page's dialogue, and the panel's controls.
 *
 * The page drives the dialogue, so voice and screen never disagree: questions are the
 * [data-suara-tanya] wrappers around the real form fields, menus are the links and buttons
 * inside [data-suara-menu], and [data-suara-baca] marks what to read on arrival. When a page's
 * questions are answered it submits the real form. Speech with no question pending is a
 * command.
 */
(() => {
  'use strict';
  const V = window.mentariSuara;
  if (!V || !V.question) return;
  const { cfg, T, panel, ui, main, fmt, squash, speakable, chosen, show, line, say,
    stopSpeaking, speaking, keepPrompts, saveRate, typed, Ulang, Kembali, Henti, run, given,
    skipSpeech, abandon, listen, asking, tell, ask, go, withLang, goBack, changeRate, question,
    applies, understood } = V;

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
  /* What "ulangi" repeats, where the page says (the consultation room: its last message, from
     static/js/konsultasi.js): a listener of "mentari:ulangi" puts it in detail.teks. Empty: the
     page's dialogue is said again. */
  function repeatable() {
    const e = new CustomEvent('mentari:ulangi', { detail: { teks: '' } });
    document.dispatchEvent(e);
    return squash(e.detail.teks || '');
  }
  async function menu(items, before) {
    asking(null, 'menu');
    let intro = before, again = '';
    for (;;) {
      const list = items.map((el, i) => fmt(T.pilihan, { nomor: i + 1, teks: squash(el.textContent) })).join(' ');
      try {
        // After "ulangi" on such a page: what it repeats, then the question, not the whole menu.
        await tell(again ? [again, T.menu] : [].concat(intro, list, T.menu));
        again = '';
        const r = await ask('menu');
        const opts = items.map((el, i) => ({ value: i, text: squash(el.textContent) }));
        const o = (items.length === 1 && r.intent === 'ya') ? opts[0] : chosen(main, r, opts);
        if (o) { abandon(); items[o.value].click(); return; }
        intro = T.tidak_paham;
      } catch (e) {
        if (e instanceof Kembali) { goBack(); return; }
        if (!(e instanceof Ulang)) throw e;
        intro = before;
        again = repeatable();
      }
    }
  }
  /* What happens on arrival: answer the form, choose from the menu, or hear the page. */
  const page = () => run(async () => {
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
  });
  /* Speech with no question pending: a command. */
  async function command(r) {
    switch (r.intent) {
      case 'ulangi': { const again = repeatable(); return again ? say(again) : page(); }
      case 'kembali': return goBack();
      case 'batal': abandon(); return show('siap', T.dibatalkan);
      case 'bantuan': return say(T.bantuan);
      case 'lebih_pelan': case 'lebih_cepat': return changeRate(r.intent).catch(() => {});
      case 'cek_status': return go(cfg.status);
      case 'ganti_pengguna': return go(cfg.anggota);
      case 'pilih_bahasa': return r.slots && r.slots.bahasa ? go(withLang(r.slots.bahasa)) : undefined;
      default: {
        const items = menuItems();
        const o = items.length && chosen(main, r, items.map((el, i) => ({ value: i, text: squash(el.textContent) })));
        if (o) return items[o.value].click();
        return say([T.tidak_paham, T.bantuan]);
      }
    }
  }
  V.command = command;

  // --- wiring ------------------------------------------------------------------------------
  const hasDialogue = () => !!main.querySelector('[data-suara-tanya]') || menuItems().length > 0;
  function micPressed() {
    understood();
    const recording = V.recording();
    if (recording) return recording.stop(true);
    if (panel.dataset.keadaan === 'proses') return undefined;
    // The dialogue is speaking and listens next: skip to listening.
    if (V.running() && !V.pending()) return skipSpeech();
    if (V.pending() || !hasDialogue()) return listen();
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
    const r = typed(value, V.konteks());
    line('anda', value);
    given(r);
  });
  panel.querySelector('.voice-panel__rate').addEventListener('submit', (e) => {
    e.preventDefault();
    const code = e.submitter && e.submitter.value;
    if (code) saveRate(code);
  });
  // Someone who starts typing or tapping in the form takes over: the voice steps aside until
  // Bicara is pressed again, and then offers back what was typed.
  main.addEventListener('focusin', (e) => {
    if (e.isTrusted && e.target.matches('input, select, textarea') && (V.running() || V.pending() || V.recording())) {
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
