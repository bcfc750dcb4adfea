"""The store: tables, migrations and queries over SQLite or PostgreSQL.

    from sitroom.store import EventQuery, Store

    with Store.open("sqlite:////tmp/sitroom.db") as store:
        store.add_article(article)
        store.save_extraction(article, extraction)
        events = store.query_events(EventQuery(oblast="UA-63", weapon="drone"))

Importing this package opens no database; `Store.open` does, and migrates it.
"""

from sitroom.store.database import Store
from sitroom.store.queries import EventQuery

__all__ = ["EventQuery", "Store"]
