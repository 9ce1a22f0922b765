"""The open data's tables -> one SQLite file, with a `meta` table and an FTS5 full-text table (pure: built in memory).

The same rows give the same bytes: a fixed page size, rows inserted in their given order, no
timestamps (SQLite writes none), `VACUUM` last so that no free page keeps what was deleted.
The file's header records the SQLite library's version, so byte-equality holds per version.
"""

from __future__ import annotations

import json
import sqlite3

from archive.data_schema import SCHEMA_VERSION, TABLES, Table

PAGE_SIZE = 4096
SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "boolean": "INTEGER", "list": "TEXT"}
# Words are folded to lower case and lose their accents, as the site's search does (Sinirlioglu finds Sinirlioğlu).
FULLTEXT = (
    "CREATE VIRTUAL TABLE fulltext USING fts5("
    "kind UNINDEXED, article UNINDEXED, statement UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')"
)
META = {
    "schema_version": str(SCHEMA_VERSION),
    "lists": "list columns hold a JSON array of strings",
    "fulltext": "fulltext(kind, article, statement, title, text): an article's title and paragraphs, or a statement's speaker and quote",
}


def _create(table: Table) -> str:
    columns = ", ".join(f'"{c.name}" {SQL_TYPES[c.type]}{"" if c.nullable else " NOT NULL"}' for c in table.columns)
    return f'CREATE TABLE "{table.name}" ({columns}, PRIMARY KEY ({", ".join(table.key)}))'


def _value(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def render_sqlite(rows: dict[str, list[dict[str, object]]]) -> bytes:
    """The SQLite file's bytes: every table of TABLES, `meta` (key, value) and `fulltext`."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        with db:
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(META.items()))
            for table in TABLES:
                db.execute(_create(table))
                marks = ", ".join("?" * len(table.columns))
                db.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})',
                               ([_value(row[c]) for c in table.column_names] for row in rows[table.name]))
            db.execute(FULLTEXT)
            db.executemany("INSERT INTO fulltext VALUES (?, ?, ?, ?, ?)", _fulltext_rows(rows))
        db.execute("VACUUM")
        return db.serialize()
    finally:
        db.close()


def _fulltext_rows(rows: dict[str, list[dict[str, object]]]) -> list[tuple[object, ...]]:
    """Each article's title and text (its paragraphs, a blank line apart), then each statement's speaker and quote."""
    texts: dict[object, list[str]] = {}
    for paragraph in rows["paragraphs"]:
        texts.setdefault(paragraph["article"], []).append(str(paragraph["text"]))
    names = {person["id"]: person["name"] for person in rows["people"]}
    found = [("article", a["id"], None, a["title"], "\n\n".join(texts.get(a["id"], []))) for a in rows["articles"]]
    found += [("statement", s["article"], s["id"], names.get(s["speaker"], s["speaker"]), s["quote"]) for s in rows["statements"]]
    return found
