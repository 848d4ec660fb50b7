/* First visit: speak the voice-mode offer (templates/suara/offer.html) once, after the first
 * tap on the page: browsers play sound only after a gesture, and a blind visitor cannot see
 * the offer. Loaded only while voice mode is neither chosen nor refused; the words spoken are
 * the [data-suara-ucap] text on screen. A tap on the offer's own buttons is an answer, not a
 * request to hear it.
 */
(() => {
  'use strict';
  const offer = document.querySelector('[data-suara-tawaran]');
  const KEY = 'mentari-suara-ditawarkan';
  try { if (!offer || localStorage.getItem(KEY)) return; } catch (e) { return; }

  function speak() {
    const text = Array.from(offer.querySelectorAll('[data-suara-ucap]'), (el) => el.textContent.trim()).join(' ');
    const body = new FormData();
    body.append('teks', text);
    body.append('lang', offer.dataset.lang || 'id');
    body.append('laju', '1');
    const token = offer.querySelector('[name=csrf_token]').value;
    // An element made during the tap may play later: the tap unlocks it.
    const audio = new Audio();
    audio.play().catch(() => {});
    fetch(offer.dataset.ucap, { method: 'POST', body, headers: { 'X-CSRFToken': token } })
      .then((r) => (r.ok ? r.blob() : Promise.reject(r.status)))
      .then((blob) => { audio.src = URL.createObjectURL(blob); return audio.play(); })
      .catch(() => {}); // no sound: the offer is on screen all the same
  }
  function first(e) {
    document.removeEventListener('pointerdown', first, true);
    try { localStorage.setItem(KEY, '1'); } catch (err) { /* private mode: offer once per page */ }
    if (!e.target.closest('[data-suara-tawaran] button')) speak();
  }
  document.addEventListener('pointerdown', first, true);
})();
