"""Archive -> the open data (pure): every table of archive/data_schema.py as JSON and CSV, the SQLite file, schema.json and a page.

Keyed by path under docs/data/. Rows are in a fixed order (articles newest first as on the
pages, everything else by id), so the same archive gives the same bytes. Text that UTF-8 cannot
carry (a lone surrogate, which only a YAML escape can make) is written as U+FFFD.

CSV is RFC 4180 (comma, CRLF, double quotes where needed), UTF-8 without a byte order mark,
with a header row. Null is an empty cell, a boolean `true` or `false`, and a list its items
one a line (LF) in one cell, a line break inside an item written as a space. Seed text is
untrusted: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which a
spreadsheet would run as a formula, gets a leading `'`. Only in CSV: JSON and SQLite keep
values exactly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from archive.data_schema import SCHEMA_VERSION, TABLES, TYPES, Table
from archive.edtf import edtf_bounds
from archive.exports_sqlite import render_sqlite
from archive.model import Archive, Article
from archive.site_paths import article_page, event_page, statement_page

DATA_DIR = "data"
Row = dict[str, object]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def export_rows(archive: Archive) -> dict[str, list[Row]]:
    """Every table's rows, columns in schema order."""
    registry = archive.registry
    articles = {a.id for a in archive.articles}
    statements = sorted((s for s in archive.statements if s.statement.article in articles), key=lambda s: s.statement.id)
    tables: dict[str, list[Row]] = {
        "articles": [_article_row(a) for a in archive.articles],
        "paragraphs": [
            {"article": a.id, "number": n, "kind": b.kind, "speaker_label": b.label or None, "line": b.line, "text": b.text}
            for a in archive.articles for n, b in enumerate(a.document.blocks, start=1)
        ],
        "people": [{"id": p.id, "name": p.name, "aliases": list(p.aliases)} for p in sorted(registry.people, key=lambda p: p.id)],
        "roles": [
            {"person": p.id, "number": n, "title": r.title, "start_date": r.start, "end_date": r.end}
            for p in sorted(registry.people, key=lambda p: p.id) for n, r in enumerate(p.roles, start=1)
        ],
        "topics": [{"id": t.id, "name": t.name, "keywords": list(t.keywords)} for t in sorted(registry.topics, key=lambda t: t.id)],
        "sources": [
            {"id": s.id, "name": s.name, "kind": s.kind, "country": s.country or None, "home": s.home or None, "offices": list(s.offices)}
            for s in sorted(registry.sources, key=lambda s: s.id)
        ],
        "events": [
            {"id": e.id, "title": e.title, "date": e.date, "place": e.place, "description": e.description, "page": event_page(e.id)}
            for e in sorted(archive.events, key=lambda e: e.id)
        ],
        "event_articles": [
            {"event": e.id, "article": m.article, "role": m.role, "note": m.note}
            for e in sorted(archive.events, key=lambda e: e.id) for m in e.articles
        ],
        "statements": [
            {
                "id": s.statement.id, "article": s.statement.article, "speaker": s.statement.speaker, "date": s.statement.date,
                "topics": list(s.statement.topics), "quote": s.statement.quote, "prefix": s.statement.prefix,
                "suffix": s.statement.suffix, "note": s.statement.note, "paragraph": s.block + 1,
                "page": statement_page(s.statement.article, s.statement.id),
            }
            for s in statements
        ],
        "links": [
            {"source": link.source, "target": link.target, "type": link.type, "note": link.note}
            for s in statements for link in sorted(s.statement.links, key=lambda k: (k.target, k.type))
        ],
    }
    return {name: [{key: _storable(value) for key, value in row.items()} for row in rows] for name, rows in tables.items()}


def _article_row(article: Article) -> Row:
    bounds = edtf_bounds(article.date.published)
    correction = article.correction
    return {
        "id": article.id,
        "title": article.title.value,
        "title_method": article.title.method,
        "date": article.date.published,
        "date_earliest": bounds[0].isoformat() if bounds else None,
        "date_latest": bounds[1].isoformat() if bounds else None,
        "date_method": article.date.method,
        "event_date": article.date.event,
        "republished": article.date.republished,
        "source": article.source.value,
        "source_method": article.source.method,
        "republisher": article.republisher.value if article.republisher else None,
        "language": article.language.value,
        "words": article.words,
        "truncated": article.document.truncated,
        "speakers": list(dict.fromkeys(s.person for s in article.speakers if s.person)),
        "unregistered_speakers": list(dict.fromkeys(s.name for s in article.speakers if s.person is None)),
        "mentioned": list(article.mentioned),
        "topics": [t.topic for t in article.topics],
        "seed": article.document.text.raw.name,
        "sha256": article.document.text.sha256,
        "url": correction.url if correction else None,
        "archived_url": correction.archived_url if correction else None,
        "retrieved": correction.retrieved if correction else None,
        "correction": correction.location.path if correction else None,
        "page": article_page(article.id),
    }


def _storable(value: object) -> object:
    """A value UTF-8 can encode: lone surrogates become U+FFFD, in lists too."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_storable(item) for item in value]
    return value


def render_json(table: Table, rows: list[Row]) -> str:
    """A table as JSON: `schema_version`, the table's name and its rows as objects, one row a line."""
    head = f'{{"schema_version": {SCHEMA_VERSION}, "table": {json.dumps(table.name)}, "rows": ['
    body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return head + (f"\n{body}\n" if rows else "") + "]}\n"


def csv_cell(value: object) -> str:
    """A value as a CSV cell, by the rules above."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = "\n".join(_LINE_BREAK.sub(" ", item) for item in value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def render_csv(table: Table, rows: Iterable[Row]) -> str:
    """A table as CSV with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.column_names)
    writer.writerows([csv_cell(row[c]) for c in table.column_names] for row in rows)
    return out.getvalue()


def render_schema() -> str:
    """schema.json: every table, its key and its columns with type and meaning."""
    return json.dumps({
        "schema_version": SCHEMA_VERSION,
        "types": TYPES,
        "tables": [
            {"name": t.name, "description": t.description, "key": list(t.key),
             "columns": [{"name": c.name, "type": c.type, "nullable": c.nullable, "description": c.description} for c in t.columns]}
            for t in TABLES
        ],
    }, ensure_ascii=False, indent=2) + "\n"


def render_data_page() -> str:
    """data/index.md: the files, how to open them and every column, for readers."""
    lines = [
        "---", "title: Open data", "---", "# Open data", "",
        "Everything the archive's pages show, as data: the articles with their metadata and text, the "
        "registries of people, topics and outlets, the events, and the statements with their links. "
        f"Schema version **{SCHEMA_VERSION}**: it is in every JSON file (`schema_version`), in the SQLite "
        "file's `meta` table and in [`schema.json`](schema.json), which also lists every column.",
        "",
        "- **SQLite**: [`archive.sqlite`](archive.sqlite), every table below plus `fulltext`, an FTS5 index of "
        "article titles and texts and of statement quotes (`SELECT article, statement FROM fulltext WHERE fulltext "
        "MATCH '\"New START\"'`). It opens in Datasette, `sqlite3` and pandas (`read_sql`).",
        "- **JSON**: one file a table, `{\"schema_version\": …, \"table\": …, \"rows\": [{column: value}]}`.",
        "- **CSV**: one file a table, UTF-8, comma-separated with a header row. A list is one item a line "
        "within its cell. A cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage return gets a "
        "leading `'` so that a spreadsheet shows it instead of running it as a formula (only in CSV).",
        "- **Feeds**: the newest [articles](../feeds/articles.xml) and [statements](../feeds/statements.xml) "
        "as Atom feeds; an article or statement of unknown date is only here and on the pages.",
        "",
        "Dates are [EDTF](../about.md#dates); `date_earliest` and `date_latest` give the days a date allows, "
        "for sorting and filtering. Types: " + "; ".join(f"*{name}*: {meaning}" for name, meaning in TYPES.items()) + ".",
    ]
    for table in TABLES:
        lines += ["", f"## {table.name}", "", table.description, "",
                  f"[JSON]({table.name}.json) · [CSV]({table.name}.csv) · key: " + ", ".join(f"`{k}`" for k in table.key), "",
                  "| Column | Type | Meaning |", "| --- | --- | --- |"]
        lines += [f"| `{c.name}` | {c.type}{' or null' if c.nullable else ''} | {c.description} |" for c in table.columns]
    return "\n".join(lines) + "\n"


def render_exports(archive: Archive) -> dict[str, str | bytes]:
    """Every file of data/, keyed by its path under it."""
    rows = export_rows(archive)
    files: dict[str, str | bytes] = {"index.md": render_data_page(), "schema.json": render_schema()}
    for table in TABLES:
        files[f"{table.name}.json"] = render_json(table, rows[table.name])
        files[f"{table.name}.csv"] = render_csv(table, rows[table.name])
    files["archive.sqlite"] = render_sqlite(rows)
    return files
