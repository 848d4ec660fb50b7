/* MENTARI voice mode, 4 of 5: one question of a form. The questions are the [data-suara-tanya]
 * wrappers around the real form fields (templates/suara/tanya.html); each is asked with the
 * words shown on the page, its answer read back, and on "ya" the real control is filled, so
 * the server validates a spoken answer exactly like a typed one.
 */
(() => {
  'use strict';
  const V = window.mentariSuara;
  if (!V || !V.main) return;
  const { T, panel, main, fmt, squash, sentence, spaced, words, digitsIn, isYes, isNo, says,
    spelled, chosen, Henti, tell, ask, confirm, yesNo, abandon, asking, understood } = V;

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
  /* Whether a question applies: one shown only for some answer (data-suara-jika="cara=x"). */
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
  function fill(q, value) {
    understood();
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
        if (isYes(r)) { fill(q, true); return; }
        if (kind === 'centang' && isNo(r)) { fill(q, false); return; }
        intro = [kind === 'setuju' && isNo(r) ? T.setuju_perlu : T.tidak_paham].concat(questionText(q));
        continue;
      }
      if (kind === 'ringkasan') {
        const r = await ask(konteks);
        if (isYes(r)) return;
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
      if (parts.length && (says('done', r.text) || r.intent === 'ya')) break;
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

  Object.assign(V, { question, applies });
})();
