"""Issue 16 point 4: nobody can fill the office's disk anonymously. Uploads of unsubmitted
requests have a budget per draft and for all drafts, replaced files are deleted at once, and
drafts nobody finished expire with their files (the worker's hourly sweep, `mentari
bersihkan`)."""
import io
import os
from datetime import datetime, timedelta, timezone

from pwa import store
from pwa.services import draf

from tests.pages import text_of
from tests.flows import PNG, answers, requirement_ids, service_id


def _to_documents(client, db, slug="legalisir-ijazah"):
    a = answers("langsung")
    for url, data in [("/ajukan", {"mulai": "baru"}),
                      ("/ajukan/layanan", {"layanan": str(service_id(db, slug))}),
                      ("/ajukan/cara", {"mode": "langsung"}),
                      ("/ajukan/data-diri", {k: a[k] for k in ("nama", "telepon", "nik")}),
                      ("/ajukan/alamat", {k: a[k] for k in ("alamat", "desa", "kecamatan")}),
                      ("/ajukan/kebutuhan", {k: a[k] for k in ("kategori", "bantuan")}),
                      ("/ajukan/jadwal", {"tanggal": a["tanggal"]})]:
        assert client.post(url, data=data).status_code == 302, url
    return requirement_ids(db, service_id(db, slug))


def _png(size: int = 0) -> bytes:
    return PNG + b"\0" * size  # still a PNG by its first bytes


def _files(app) -> set[str]:
    folder = app.config["UPLOAD_FOLDER"]
    return set(os.listdir(folder)) if os.path.isdir(folder) else set()


def test_a_replaced_draft_document_is_deleted_from_disk(app, client, db):
    first, _second = _to_documents(client, db)
    client.post("/ajukan/dokumen", data={f"dok_{first}": (io.BytesIO(_png()), "a.png")})
    before = _files(app)
    client.post("/ajukan/dokumen", data={f"dok_{first}": (io.BytesIO(_png()), "b.png")})
    after = _files(app)
    assert len(before) == len(after) == 1 and before != after


def test_one_draft_cannot_hold_more_than_its_budget(app, client, db):
    app.config["UPLOAD_DRAFT_MAX_BYTES"] = 50_000
    first, second = _to_documents(client, db)
    client.post("/ajukan/dokumen", data={f"dok_{first}": (io.BytesIO(_png(40_000)), "a.png")})
    r = client.post("/ajukan/dokumen", data={f"dok_{second}": (io.BytesIO(_png(40_000)), "b.png")})
    assert r.status_code == 200
    assert "Berkas yang diunggah untuk permohonan ini sudah terlalu banyak" in text_of(r)
    assert len(_files(app)) == 1


def test_all_drafts_together_have_a_budget(app, db):
    app.config["UPLOAD_ALL_DRAFTS_MAX_BYTES"] = 60_000
    pages = []
    for _ in range(2):  # two strangers
        client = app.test_client()
        first, _second = _to_documents(client, db)
        pages.append(client.post("/ajukan/dokumen", data={
            f"dok_{first}": (io.BytesIO(_png(40_000)), "a.png")}))
    assert "Unggahan sedang tidak bisa diterima" in text_of(pages[1])
    assert len(_files(app)) == 1


def test_drafts_nobody_finished_expire_with_their_files(app, client, db):
    first, _second = _to_documents(client, db)
    client.post("/ajukan/dokumen", data={f"dok_{first}": (io.BytesIO(_png()), "a.png")})
    assert _files(app)
    old = (datetime.now(timezone.utc) - timedelta(days=app.config["DRAFT_DAYS"] + 1))
    with db.conn:
        db.execute("UPDATE draf SET diubah_at = ?", (old.isoformat(timespec="seconds"),))
    # Expired is gone for the phone at once: the form starts again from the first step.
    assert client.get("/ajukan/alamat").location.endswith("/ajukan")
    result = app.test_cli_runner().invoke(args=["bersihkan"])
    assert "1 expired drafts and 1 files deleted" in result.output
    assert _files(app) == set()
    assert db.execute("SELECT COUNT(*) FROM draf").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM dokumen").fetchone()[0] == 0


def test_the_worker_sweeps_expired_drafts(app, db):
    with db.conn:
        db.execute("INSERT INTO draf (id, data, dibuat_at, diubah_at) VALUES "
                   "('lama', '{}', '2020-01-01T00:00:00+00:00', '2020-01-01T00:00:00+00:00')")
    with app.app_context():
        conn = store.connect(app.config["DATABASE"])
        assert draf.sweep(app, conn) == (1, 0)
        conn.conn.close()


def test_one_client_cannot_start_drafts_without_end(app, client):
    app.config.update(RATELIMIT_ENABLED=True, DRAFT_RATE_LIMIT="3 per hour")
    codes = [client.post("/ajukan", data={"mulai": "baru"},
                         environ_base={"REMOTE_ADDR": "10.5.0.1"}).status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]
