"""The development gallery: its confirmation example can be tried without changing anything."""
import re

from tests.pages import text_of


def test_the_confirmation_example_posts_and_comes_back_to_its_page(client):
    page = client.get("/dev/komponen/tombol")
    html = page.get_data(as_text=True)
    forms = re.findall(r'<form method="post"[^>]*>(.*?)</form>', html, re.S)
    confirm = [f for f in forms if "Ya, hapus persyaratan" in f]
    assert confirm and ">Batal</a>" in confirm[0], "the tombol page shows the confirmation"
    back = client.post("/dev/komponen/tombol")
    assert back.status_code == 303 and back.location.endswith("/dev/komponen/tombol")
    assert "Sebelum menghapus" in text_of(client.get(back.location))


def test_only_gallery_components_take_a_post(client):
    assert client.post("/dev/komponen/tidak-ada").status_code == 404
