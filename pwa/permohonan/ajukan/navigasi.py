"""Moving between the steps of the form (navigasi): which step opens, where "Kembali" and "Lanjut" lead,
and the "Ubah" links of the check-answers page (?ubah=1 returns there after saving)."""
from flask import redirect, request, url_for

from ...domain import langkah
from ...store import layanan
from ...web.db import get_db
from .. import draf


def service_of(data: dict) -> dict | None:
    return layanan.get_service(get_db(), data["layanan_id"]) if data.get("layanan_id") else None


def steps_for(service: dict | None) -> list[str]:
    return langkah.steps_for(None if service is None else bool(service["persyaratan"]))


def guard(step: str):
    """(draft, service, None), or (None, None, redirect) to the first unanswered step."""
    data = draf.load()
    if data is None:
        return None, None, redirect(url_for("permohonan.ajukan"))
    service = service_of(data)
    earlier = langkah.first_unanswered(step, data, steps_for(service))
    if earlier is not None:
        return None, None, redirect(url_for("permohonan.langkah", step=earlier))
    return data, service, None


def after(step: str, service: dict | None):
    if request.args.get("ubah"):
        return redirect(url_for("permohonan.langkah", step="periksa"))
    steps = steps_for(service)
    return redirect(url_for("permohonan.langkah", step=steps[steps.index(step) + 1]))


def back(step: str, service: dict | None) -> str:
    if request.args.get("ubah"):
        return url_for("permohonan.langkah", step="periksa")
    steps = steps_for(service)
    i = steps.index(step)
    return url_for("permohonan.langkah", step=steps[i - 1]) if i else url_for("permohonan.ajukan")


def change_link(step: str) -> str:
    return url_for("permohonan.langkah", step=step, ubah=1)
