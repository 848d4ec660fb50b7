"""Never a 500 (issue 17): the new forms (sign-in, password change, first password, accounts,
role choice, the audit trail's filters) answered with anything a browser could send."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pwa import demo

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
# Anything typeable, control characters and long values included; sometimes a real role.
text = st.one_of(st.text(max_size=300), st.sampled_from(
    ["", " ", "admin", "verifikator", "kasubag_tu", "2026-13-45", "9" * 30, "\x00", "a" * 2000]))
fields = st.dictionaries(st.sampled_from(
    ["username", "password", "nama", "peran", "sandi_sekarang", "sandi_baru", "sandi_ulang",
     "next", "jenis", "staf", "dari", "sampai", "halaman", "ke"]), text, max_size=8)


def _signed_in(app, username="admin"):
    client = app.test_client()
    r = client.post("/staf/masuk", data={"username": username,
                                         "password": demo.DEMO_PASSWORD})
    assert r.status_code == 302
    return client


@SETTINGS
@given(data=fields)
def test_the_sign_in_form_never_fails(app, data):
    assert app.test_client().post("/staf/masuk", data=data).status_code < 500


@SETTINGS
@given(data=fields, path=st.sampled_from(
    ["/staf/sandi", "/staf/peran", "/staf/admin/akun/baru", "/staf/admin/akun/2",
     "/staf/admin/akun/2/reset-sandi", "/staf/admin/akun/2/nonaktifkan"]))
def test_the_account_forms_never_fail(app, data, path):
    client = _signed_in(app, "admin")
    assert client.post(path, data=data).status_code < 500
    assert client.get(path, query_string=data).status_code < 500


@SETTINGS
@given(data=fields)
def test_the_audit_filters_never_fail(app, data):
    client = _signed_in(app, "admin")
    assert client.get("/staf/admin/jejak", query_string=data).status_code < 500
    assert client.get("/staf/admin/jejak.csv", query_string=data).status_code < 500


@SETTINGS
@given(data=fields)
def test_the_first_password_form_never_fails(app, data):
    admin = _signed_in(app, "admin")
    r = admin.post("/staf/admin/akun/baru", data={"username": "fuzz", "nama": "Fuzz",
                                                   "peran": ["petugas"]})
    if r.status_code == 200 and "reg-number" in r.get_data(as_text=True):
        first = re.search(r'class="reg-number"[^>]*>\s*([^<\s]+)',
                          r.get_data(as_text=True)).group(1)
    else:  # made by an earlier example: give it a new first password
        fuzz_id = next(a for a in re.findall(r'/staf/admin/akun/(\d+)"[^>]*>Fuzz<',
                                             admin.get("/staf/admin/akun").get_data(
                                                 as_text=True)))
        r = admin.post(f"/staf/admin/akun/{fuzz_id}/reset-sandi")
        first = re.search(r'class="reg-number"[^>]*>\s*([^<\s]+)',
                          r.get_data(as_text=True)).group(1)
    newcomer = app.test_client()
    newcomer.post("/staf/masuk", data={"username": "fuzz", "password": first})
    assert newcomer.post("/staf/sandi-pertama", data=data).status_code < 500
