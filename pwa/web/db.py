"""The store's connection for each web request, closed when the request ends."""
from flask import current_app, g

from .. import store


def get_db():
    if "db" not in g:
        g.db = store.connect(current_app.config["DATABASE"])
    return g.db


def close_db(_exc=None):
    db = g.pop("db", None)
    if db is not None:
        db.conn.close()


def init_app(app):
    app.teardown_appcontext(close_db)
    # Migrate on start-up so a deployment never serves with an old schema.
    db = store.connect(app.config["DATABASE"])
    try:
        store.migrate(db)
    finally:
        db.conn.close()
