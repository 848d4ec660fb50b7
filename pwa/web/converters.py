"""URL converters. An id in a URL that SQLite cannot hold (above 2^63 − 1) is not found, not a
crash: werkzeug's `int` would let it through to the database, which raises OverflowError."""
from werkzeug.routing import IntegerConverter

SQLITE_MAX = 2 ** 63 - 1


class StoreId(IntegerConverter):
    """`<int:…>`, bounded to what the store can hold; larger is no match, so 404."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", SQLITE_MAX)
        super().__init__(map, *args, **kwargs)


def init_app(app):
    app.url_map.converters["int"] = StoreId
