"""`/healthz` for uptime checks: the app answers and the database is reachable and current."""
from flask import jsonify

from .. import store
from ..store.migrations import MIGRATIONS
from ..web.db import get_db
from .blueprint import bp


@bp.get("/healthz")
def healthz():
    try:
        version = store.schema_version(get_db())
    except Exception:  # the point of a health check is to report, not to crash
        return jsonify({"status": "error", "database": "unreachable"}), 503
    current = version == len(MIGRATIONS)
    body = {"status": "ok" if current else "error",
            "database": "ok" if current else "outdated", "schema": version}
    return jsonify(body), 200 if current else 503
