"""A request's requirements as staff check them: each with the citizen's documents and the
verifikator's saved check (the request page and the printed check sheet)."""
from ..store import layanan, permohonan as store


def of_request(db, p: dict) -> list[dict]:
    docs: dict[int, list] = {}
    for d in store.documents(db, p["id"]):
        docs.setdefault(d["persyaratan_id"], []).append(d)
    saved = store.checks(db, p["id"])
    out = []
    for r in layanan.requirements(db, p["layanan_id"]):
        given = docs.pop(r["id"], [])
        out.append(dict(r, dokumen=given, cek=saved.get(r["id"]),
                        perlu_diperiksa=bool(r["wajib"] or given)))
    # Documents of a requirement retired after submission are still the citizen's: show them.
    for pid, given in docs.items():
        out.append({"id": pid, "nama": given[0]["persyaratan_nama"], "wajib": 0,
                    "dokumen": given, "cek": saved.get(pid), "perlu_diperiksa": True})
    return out
