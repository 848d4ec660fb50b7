"""The `mentari` command: Flask's CLI bound to this app (run, init-db, notify ...)."""
from flask.cli import FlaskGroup

from . import create_app


def main():
    FlaskGroup(create_app=lambda: create_app(), help="MENTARI command line.")()
