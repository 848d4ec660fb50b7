"""The store: the only package that talks SQL. One module per aggregate of the domain.

Every function takes the sqlite-utils Database first. Writes that belong together run inside
`transaction(db)`, so a request, its documents, its audit entry and its notification are saved
all at once or not at all.
"""
from .db import connect, migrate, transaction, schema_version  # noqa: F401
