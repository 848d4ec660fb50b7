/* MENTARI voice mode (issue 5), 1 of 5: words. Loaded only while voice mode is on (2G budget),
 * before voice-audio.js, voice-answers.js, voice-questions.js and voice-dialogue.js; each adds
 * to window.mentariSuara, and the last starts the dialogue.
 *
 * The text the page says, and what an answer says: digits, yes and no, an option named by its
 * words, a name spelled letter by letter. The word lists come with the page (cfg.kata, generated
 * from speech/intents/*.yaml by speech/words.py), so the page hears the words the server does.
 */
(() => {
  'use strict';
  const dataEl = document.getElementById('suara-data');
  if (!dataEl) return;
  const cfg = JSON.parse(dataEl.textContent);
  const K = cfg.kata;

  const fmt = (s, values) => s.replace(/%\((\w+)\)s/g, (m, k) => (k in values ? values[k] : m));
  const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const sentence = (s) => { s = squash(s); return !s || /[.!?:…]$/.test(s) ? s : s + '.'; };
  const spaced = (digits) => (digits.match(/.{1,4}/g) || []).map((g) => g.split('').join(' ')).join(', ');
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
  // As speech/words.py `plain` writes the lists: lower case, no accents, letters and digits.
  const words = (s) => squash((s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')).split(' ').filter(Boolean);

  // --- digits ------------------------------------------------------------------------------
  const LONG_NUMBER_WORDS = Object.keys(K.digits).filter((w) => w.length >= 4);
  function digitWord(w) {
    if (/^\d+$/.test(w)) return w;
    if (w in K.digits) return K.digits[w];
    // One letter off a longer number word ("enum", "sebilan") is still that number, and so is
    // anything ending in "lapan" (delapan is often heard as "galapan", "terlapan").
    const near1 = w.length >= 4 && LONG_NUMBER_WORDS.find((n) => editsWithin(n, w, 1));
    if (near1) return K.digits[near1];
    return w.endsWith('lapan') ? '8' : '';
  }
  const digitsIn = (text) => words(text).map(digitWord).join('');

  // --- yes, no and the like ----------------------------------------------------------------
  const lists = {};
  for (const name of ['yes', 'no', 'skip', 'done']) lists[name] = new Set(K[name]);
  /* Whether all of `text` is one of the list's answers; a letter held long ("yaaa") is the
     same word. */
  function says(name, text) {
    const said = words(text).join(' ');
    return lists[name].has(said) || lists[name].has(said.replace(/([a-z])\1+$/, '$1'));
  }
  const isYes = (r) => r.intent === 'ya' || says('yes', r.text);
  const isNo = (r) => r.intent === 'tidak' || says('skip', r.text);

  /* A name spelled letter by letter ("be u de i": "Budi"). */
  function spelled(text) {
    const out = words(text).map((w) => (w.length === 1 ? w : K.letters[w] || w)).join('');
    return out.split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ').trim();
  }

  // --- which option --------------------------------------------------------------------------
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
  const FILLER = new Set(K.filler);
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

  window.mentariSuara = {
    cfg, fmt, squash, sentence, spaced, speakable, words, digitsIn, says, isYes, isNo, spelled, chosen,
  };
})();
