"""The staff header menu: each role sees the places it may open, and every link works."""
import re

import pytest

# Everyone has "Ganti kata sandi" (issue 17.1) besides their role's places.
OWN = {"/staf/sandi"}
EXPECTED = {role: links | OWN for role, links in {
    "admin": {"/staf/antrean", "/staf/satpam", "/staf/loket", "/staf/admin/", "/staf/admin/laporan"},
    "verifikator": {"/staf/antrean", "/staf/loket"},
    "kasubag_tu": {"/staf/antrean", "/staf/admin/laporan"},
    "kepala_kantor": {"/staf/antrean", "/staf/integritas", "/staf/admin/laporan"},
    "petugas": {"/staf/antrean", "/staf/loket"},
    "satpam": {"/staf/satpam"},
    "tim_integritas": {"/staf/integritas"},
}.items()}


def menu_links(html: str) -> set[str]:
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return set(re.findall(r'<a href="([^"]+)"', nav))


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_sees_its_own_menu_and_every_link_opens(client, login, role):
    login(role)
    links = menu_links(client.get("/staf/", follow_redirects=True).get_data(as_text=True))
    assert links == EXPECTED[role]
    for link in links:
        assert client.get(link).status_code == 200, link


def test_citizens_see_the_citizen_menu(client):
    links = menu_links(client.get("/").get_data(as_text=True))
    assert "/status" in links and not any(link.startswith("/staf/") for link in links)
