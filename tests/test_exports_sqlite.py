"""The SQLite file: it opens, holds the same rows as the JSON, finds phrases in its full-text table, and is the same bytes every time."""

from __future__ import annotations

import json
import sqlite3

import pytest

from archive.data_schema import SCHEMA_VERSION, TABLES
from archive.exports import export_rows
from archive.exports_sqlite import PAGE_SIZE, render_sqlite


@pytest.fixture()
def database(hostile_archive, tmp_path):
    path = tmp_path / "archive.sqlite"
    path.write_bytes(render_sqlite(export_rows(hostile_archive)))
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    yield db
    db.close()


def test_same_rows_same_bytes(hostile_archive):
    assert render_sqlite(export_rows(hostile_archive)) == render_sqlite(export_rows(hostile_archive))


def test_it_opens_whole_with_its_meta(database):
    assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert database.execute("PRAGMA page_size").fetchone() == (PAGE_SIZE,)
    assert database.execute("PRAGMA freelist_count").fetchone() == (0,)  # vacuumed
    assert dict(database.execute("SELECT key, value FROM meta"))["schema_version"] == str(SCHEMA_VERSION)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_tables_hold_the_rows_of_the_json(hostile_archive, database, table):
    cursor = database.execute(f'SELECT * FROM "{table.name}"')
    assert tuple(d[0] for d in cursor.description) == table.column_names
    stored = cursor.fetchall()

    def as_stored(value):
        return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else int(value) if isinstance(value, bool) else value

    assert stored == [tuple(as_stored(row[c]) for c in table.column_names) for row in export_rows(hostile_archive)[table.name]]


def test_full_text_finds_phrases_in_articles_and_quotes(search_archive, tmp_path):
    path = tmp_path / "archive.sqlite"
    path.write_bytes(render_sqlite(export_rows(search_archive)))
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def find(query):
        return set(db.execute("SELECT kind, article, statement FROM fulltext WHERE fulltext MATCH ?", (query,)))

    assert find('"talk about New START"') == {("article", "a_phrase", None), ("statement", "a_phrase", "lavrov-new-start-ready")}
    assert ("article", "b_apart", None) not in find('"New START"')  # the two words apart are no phrase
    assert ("article", "e_umlaut", None) in find("Muller")  # accents folded, as the site's search does
    assert find('"indivisible security"') == {("article", "c_briefing", None), ("statement", "c_briefing", "zakharova-osce-principles")}
    db.close()
