"""Issue 17 point 11: `mentari backup` takes everything the office keeps, while the app runs,
and `mentari restore` puts it into a fresh instance where everything is found again."""
import io
import os
import tarfile

from pwa import create_app, demo, store
from pwa.demo import kantor


def _app(folder, **extra):
    folder.mkdir(parents=True, exist_ok=True)
    return create_app({
        "TESTING": True, "SECRET_KEY": "t", "DATABASE": str(folder / "m.db"),
        "UPLOAD_FOLDER": str(folder / "up"), "ISYARAT_FOLDER": str(folder / "isy"),
        "SPEECH_REKAMAN_FOLDER": str(folder / "rek"), "NOTIFY_OUTBOX_FILE": str(folder / "o"),
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "WTF_CSRF_ENABLED": False, **extra})


def test_a_backup_restores_into_a_fresh_instance_with_everything(tmp_path):
    office = _app(tmp_path / "kantor")
    with office.app_context():
        db = store.connect(office.config["DATABASE"])
        demo.load(db, office.config)
        built = kantor.build(office, db)
        db.conn.close()
    (tmp_path / "kantor" / "rek" / "ban").mkdir(parents=True)
    (tmp_path / "kantor" / "rek" / "ban" / "bantuan.ogg").write_bytes(b"OggS recorded")
    archive = tmp_path / "cadangan.tar.gz"
    made = office.test_cli_runner().invoke(args=["backup", "--ke", str(archive)])
    assert made.exit_code == 0, made.output
    assert "13 requests" in made.output and archive.exists()

    fresh = _app(tmp_path / "baru")
    done = fresh.test_cli_runner().invoke(args=["restore", str(archive)])
    assert done.exit_code == 0, done.output
    client = fresh.test_client()
    request = built.permohonan["dikembalikan"]
    r = client.post("/status", data={"nomor": request["nomor"],
                                     "telepon4": request["telepon"][-4:]})
    assert r.status_code == 302
    page = client.get(r.location)
    assert page.status_code == 200
    document = client.get(f"/permohonan/{request['permohonan_id']}/dokumen/"
                          f"{request['dokumen_id']}")
    assert document.status_code == 200 and document.data.startswith(b"%PDF")
    assert (tmp_path / "baru" / "rek" / "ban" / "bantuan.ogg").read_bytes() == b"OggS recorded"
    assert client.post("/staf/masuk", data={"username": "admin",
                                           "password": demo.DEMO_PASSWORD}).status_code == 302


def test_restore_refuses_to_overwrite_an_office_and_a_tampered_archive(tmp_path):
    office = _app(tmp_path / "kantor")
    with office.app_context():
        db = store.connect(office.config["DATABASE"])
        demo.load(db, office.config)
        db.conn.close()
    archive = tmp_path / "c.tar.gz"
    office.test_cli_runner().invoke(args=["backup", "--ke", str(archive)])
    refused = office.test_cli_runner().invoke(args=["restore", str(archive)])
    assert refused.exit_code != 0 and "already holds data" in refused.output
    # A damaged archive is refused before anything is written.
    broken = tmp_path / "rusak.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(broken, "w:gz") as out:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == "mentari.db":
                data = data[:4096] + bytes(b ^ 0xFF for b in data[4096:4196]) + data[4196:]
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    fresh = _app(tmp_path / "baru")
    r = fresh.test_cli_runner().invoke(args=["restore", str(broken)])
    assert r.exit_code != 0 and "does not match" in r.output
    assert not os.path.exists(tmp_path / "baru" / "up")
