"""The forms of a family's members: a member's name and PIN, and the PIN typed to open."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, StringField

from ..domain import keluarga as rules
from ..web.forms import Form, strip

# What a refused change says, by the domain's reason (domain/keluarga.py REASONS).
REFUSALS = {
    "nama_kosong": ("nama", _l("Tulis nama anggota, misalnya Nenek atau Putu.")),
    "nama_panjang": ("nama", _l("Nama paling banyak %(n)d huruf.", n=rules.NAMA_MAX)),
    "nama_sama": ("nama", _l("Nama ini sudah dipakai anggota lain di HP ini. Pilih nama lain.")),
    "pin_salah_bentuk": ("pin", _l("PIN harus tepat 4 angka, misalnya 1234.")),
    "penuh": ("nama", _l("HP ini sudah punya %(n)d anggota, jumlah paling banyak. Hapus satu "
                         "anggota dulu untuk menambah yang baru.", n=rules.MAKS_ANGGOTA)),
}


class MemberForm(Form):
    nama = StringField(_l("Nama"), filters=[strip])
    pin = PasswordField(_l("PIN (boleh dikosongkan)"))
    hapus_pin = BooleanField(_l("Hapus PIN: siapa saja bisa membuka permohonan anggota ini"))

    def refuse(self, reason: str) -> None:
        field, message = REFUSALS[reason]
        getattr(self, field).errors = [message]


class PinForm(Form):
    pin = PasswordField(_l("PIN"))
