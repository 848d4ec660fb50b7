"""Everything voice mode says or shows of its own (the rest it reads from the page): one list,
used by the page (templates/suara/_data.html gives it to the voice scripts), by the speech
endpoints and by `mentari speech prerender`. A sentence with no %(...)s left after the server's
own values are filled in is a fixed prompt: it is rendered once per language and rate, served
from a versioned URL and kept by the service worker, so the menu speaks offline.
"""
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..bahasa.locales import locale_for

TEKS = {
    "sambutan": _l("Mode suara aktif. Kapan saja, tekan tombol Bicara di bagian atas halaman, atau %(tombol)s, lalu bicara. Katakan “bantuan” untuk mendengar apa yang bisa Anda katakan.", tombol=_l("Control, Shift, Spasi")),
    "siap": _l("Tekan Bicara untuk menjawab atau memberi perintah."),
    "berbicara": _l("MENTARI sedang berbicara. Tekan Bicara untuk langsung menjawab."),
    "mendengarkan": _l("Mendengarkan. Silakan bicara."),
    "memproses": _l("Memproses ucapan Anda…"),
    "bicara": _l("Bicara"),
    "selesai_bicara": _l("Selesai bicara"),
    "dengarkan": _l("Dengarkan"),
    "hentikan": _l("Hentikan suara"),
    "ketuk_mulai": _l("Ketuk di mana saja, atau tekan Bicara, agar MENTARI mulai berbicara."),
    "tidak_dengar": _l("Maaf, saya tidak mendengar suara. Tekan Bicara, lalu bicara sedikit lebih keras."),
    "bicara_sekarang": _l("Maaf, saya tidak mendengar suara. Silakan bicara sekarang."),
    "tidak_paham": _l("Maaf, saya belum mengerti jawaban itu."),
    "benar": _l("Benar? Katakan ya atau tidak."),
    "ya_tidak": _l("Katakan ya atau tidak."),
    "anda_mengatakan": _l("Anda mengatakan: %(teks)s.", teks="%(teks)s"),
    "anda_memilih": _l("Anda memilih: %(teks)s.", teks="%(teks)s"),
    "angka_anda": _l("Angka yang Anda sebutkan: %(angka)s.", angka="%(angka)s"),
    "apakah_maksud": _l("Apakah maksud Anda: %(teks)s?", teks="%(teks)s"),
    "koreksi": _l("Silakan katakan lagi. Anda juga bisa mengatakan “eja” lalu menyebut hurufnya satu per satu, atau mengetik di kolom isian."),
    "eja": _l("Sebutkan hurufnya satu per satu, lalu diam."),
    "pilihan": _l("Nomor %(nomor)s: %(teks)s.", nomor="%(nomor)s", teks="%(teks)s"),
    "pilih_nomor": _l("Katakan nomor atau nama pilihan Anda."),
    "ada_lagi": _l("Ada lagi yang sesuai? Katakan ya atau tidak."),
    "isi_opsional": _l("Ingin mengisinya? Katakan ya atau tidak."),
    "sebutkan": _l("Silakan sebutkan."),
    "tidak_wajib": _l("Tidak wajib."),
    "tersimpan": _l("Jawaban yang tersimpan: %(teks)s. Katakan ya untuk memakainya, atau tidak untuk mengubahnya.", teks="%(teks)s"),
    "jumlah_angka": _l("Saya mendengar %(jumlah)s angka, padahal perlu %(perlu)s angka. Silakan sebutkan lagi.", jumlah="%(jumlah)s", perlu="%(perlu)s"),
    "per_bagian": _l("Baik, kita isi sedikit demi sedikit. Sebutkan empat angka pertama."),
    "bagian_lagi": _l("Sebutkan angka berikutnya, atau katakan selesai jika sudah semua."),
    "bagian_ulang": _l("Silakan sebutkan bagian itu lagi."),
    "lanjut": _l("Jawaban di halaman ini lengkap. Saya lanjutkan."),
    "kesalahan": _l("Ada yang perlu diperbaiki."),
    "ringkasan": _l("Jika semua benar, katakan ya. Untuk mengubah, sebutkan nomor bagiannya."),
    "setuju_perlu": _l("Permohonan hanya bisa dikirim jika Anda setuju."),
    "menu": _l("Katakan nomor menu yang Anda pilih."),
    "selesai_baca": _l("Katakan “ulangi” untuk mendengar lagi, atau tekan Bicara untuk perintah lain."),
    "batal_tanya": _l("Hentikan pengisian dan kembali ke beranda? Jawaban Anda tetap tersimpan."),
    "dibatalkan": _l("Baik, dihentikan."),
    "mengetik": _l("Silakan mengetik. Tekan Bicara untuk melanjutkan dengan suara."),
    "bantuan": _l("Anda bisa mengatakan: ulangi, kembali, batal, bantuan, lebih pelan, lebih cepat, atau cek status. Untuk pilihan, sebutkan nomor atau namanya. Anda juga bisa mengetik jawaban di layar."),
    "lebih_pelan": _l("Baik, saya bicara lebih pelan."),
    "lebih_cepat": _l("Baik, saya bicara lebih cepat."),
    "laju_batas": _l("Itu sudah kecepatan paling ujung."),
    "sibuk": _l("Pengenal suara sedang sibuk. Ketik jawaban Anda di kotak di bawah ini, atau tekan Bicara untuk mencoba lagi sebentar lagi."),
    "gagal_kenali": _l("Ucapan itu tidak bisa diproses. Tekan Bicara untuk mencoba lagi, atau ketik jawaban Anda."),
    "mikrofon_ditolak": _l("Mikrofon tidak bisa dipakai. Izinkan mikrofon di pengaturan browser, atau ketik jawaban Anda di kotak di bawah ini."),
    "suara_gagal": _l("Suara tidak bisa diputar sekarang. Teksnya tetap tampil di layar."),
    "koneksi": _l("Tidak ada koneksi ke server suara. Ketik jawaban Anda di kotak di bawah ini."),}

# Shown in the panel while something happens, never spoken: not worth a file each.
SHOWN_ONLY = frozenset({"bicara", "selesai_bicara", "dengarkan", "hentikan", "berbicara",
                        "mendengarkan", "memproses", "ketuk_mulai", "suara_gagal", "dibatalkan",
                        "mengetik"})


def texts() -> dict[str, str]:
    """Every sentence in the current language."""
    return {key: str(text) for key, text in TEKS.items()}


def prompts() -> dict[str, str]:
    """The fixed prompts in the current language: key → sentence."""
    return {key: text for key, text in texts().items()
            if key not in SHOWN_ONLY and "%(" not in text}


def prompts_in(lang: str) -> dict[str, str]:
    with force_locale(locale_for(lang)):
        return prompts()


def prompt_text(key: str, lang: str) -> str | None:
    return prompts_in(lang).get(key)
