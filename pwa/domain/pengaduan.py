"""Pengaduan (seed 003): anyone files one; the admin answers with a follow-up. Pure Python."""

BARU, DITINDAKLANJUTI, SELESAI = "baru", "ditindaklanjuti", "selesai"
# The states the admin may answer with (a new complaint only ever leaves BARU).
TANGGAPAN = (DITINDAKLANJUTI, SELESAI)
