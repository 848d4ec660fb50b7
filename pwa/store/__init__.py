"""The store: the only package that talks SQL. One module per noun of the GLOSSARY (permohonan,
layanan, keberatan, pengaduan, tiket, skm, staf, draf, notifikasi, maklumat), plus `rekap` (the
office's figures), `files` (uploaded files on disk), `hari_tutup` (the admin's closure days) and
`db` (connection, transaction, migrations).

Every function takes the sqlite-utils Database first. Writes that belong together run inside
`transaction(db)`, so a request, its documents, its history and its notification are saved
all at once or not at all.
"""
from .db import connect, migrate, transaction, schema_version  # noqa: F401
