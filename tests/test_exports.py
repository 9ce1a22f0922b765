"""The open data: JSON and CSV read back to the rows, the same bytes every build, and the same values as the pages."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import subprocess
import sys

import pytest
import yaml

from archive.data_schema import SCHEMA_VERSION, TABLES
from archive.exports import csv_cell, export_rows, render_exports
from archive.model import Archive, Registry
from conftest import ROOT, SEARCH_FIXTURE, TODAY


def build(docs):
    """build_archive.py build of the search fixture, in a process of its own."""
    done = subprocess.run(
        [sys.executable, ROOT / "build_archive.py", "build", "--seeds", SEARCH_FIXTURE / "seeds",
         "--annotations", SEARCH_FIXTURE / "annotations", "--docs", docs, "--today", TODAY.isoformat()],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return docs


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("exports") / "docs")


def digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def front_matter(path):
    _, header, _ = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(header)


def read_json(docs, table):
    data = json.loads((docs / "data" / f"{table}.json").read_text(encoding="utf-8"))
    assert (data["schema_version"], data["table"]) == (SCHEMA_VERSION, table)
    return data["rows"]


def test_two_builds_write_the_same_bytes(built, tmp_path):
    again = build(tmp_path / "docs")
    for folder in ("data", "feeds"):
        assert digest(again / folder) == digest(built / folder)
    assert {"archive.sqlite", "schema.json", "index.md", "articles.json", "links.csv"} <= set(digest(built / "data"))


def test_every_article_has_the_values_its_page_shows(built):
    rows = read_json(built, "articles")
    pages = sorted((built / "archive" / "articles").glob("*.md"))
    assert sorted(r["id"] for r in rows) == [p.stem for p in pages]
    events = read_json(built, "event_articles")
    for row in rows:
        page = front_matter(built / "archive" / "articles" / f"{row['id']}.md")
        assert html.unescape(page["title"]) == " ".join(row["title"].split())
        for key in ("date", "event_date", "republished", "source", "republisher", "speakers", "unregistered_speakers",
                    "mentioned", "topics", "language", "words", "truncated", "seed", "sha256", "url", "archived_url", "retrieved"):
            assert row[key] == page[key], (row["id"], key)
        assert row["correction"] == page["correction"]
        assert row["page"] == f"archive/articles/{row['id']}.html"
        assert [{"id": e["event"], "role": e["role"]} for e in events if e["article"] == row["id"]] == page["events"]


def test_every_statement_has_the_quote_its_page_shows(built):
    rows = read_json(built, "statements")
    assert rows
    shown = {}
    for page in (built / "archive" / "articles").glob("*.md"):
        for statement in front_matter(page)["statements"]:
            shown[statement["id"]] = (page.stem, statement["speaker"], statement["date"], statement["quote"])
    assert {r["id"]: (r["article"], r["speaker"], r["date"], r["quote"]) for r in rows} == shown
    for row in rows:
        text = (built / "archive" / "articles" / f"{row['article']}.md").read_text(encoding="utf-8")
        assert f'id="{row["page"].split("#")[1]}"' in text


def test_the_registries_and_events_are_those_of_the_pages(built):
    assert {r["id"] for r in read_json(built, "events")} == {p.stem for p in (built / "archive" / "events").glob("*.md")} - {"index"}
    statements = {r["id"] for r in read_json(built, "statements")}
    assert all(link["source"] in statements for link in read_json(built, "links"))
    paragraphs = read_json(built, "paragraphs")
    for row in read_json(built, "statements"):
        assert row["quote"] in next(p["text"] for p in paragraphs if (p["article"], p["number"]) == (row["article"], row["paragraph"]))


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_json_and_csv_read_back_to_the_rows(hostile_archive, table):
    files = render_exports(hostile_archive)
    rows = export_rows(hostile_archive)[table.name]
    text = files[f"{table.name}.json"]
    text.encode("utf-8")  # no lone surrogate left
    assert json.loads(text) == {"schema_version": SCHEMA_VERSION, "table": table.name, "rows": rows}
    written = files[f"{table.name}.csv"]
    assert written.endswith("\r\n") and "\r\n".join(written.split("\r\n")) == written
    read = list(csv.reader(io.StringIO(written, newline="")))
    assert read[0] == list(table.column_names)
    assert read[1:] == [[csv_cell(row[c]) for c in table.column_names] for row in rows]


def test_hostile_text_is_kept_in_json_and_defused_in_csv(hostile_archive):
    files = render_exports(hostile_archive)
    article = json.loads(files["articles.json"])["rows"][0]
    assert article["title"] == '=HYPERLINK("x") <script>alert(1)</script> ]]> & \x00\x07\x1b\ufffd\ufffd\ufffe end'
    cells = next(csv.DictReader(io.StringIO(files["articles.csv"], newline="")))
    assert cells["title"].startswith("'=HYPERLINK(")
    person = next(csv.DictReader(io.StringIO(files["people.csv"], newline="")))
    assert person["aliases"].split("\n")[:2] == ["'@SUM(1)", "two lines"]


@pytest.mark.parametrize("value, cell", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("plain", "plain"), ("a=b", "a=b"), (-5, "-5"), (0, "0"), (True, "true"), (False, "false"), (None, ""),
    ([], ""), (["a", "b\nc", "d\r\ne"], "a\nb c\nd e"), (["=x", "y"], "'=x\ny"),
])
def test_csv_cells(value, cell):
    assert csv_cell(value) == cell


def test_schema_and_page_document_every_column():
    files = render_exports(Archive(articles=(), registry=Registry()))
    schema = json.loads(files["schema.json"])
    assert schema["schema_version"] == SCHEMA_VERSION
    assert [(t["name"], [c["name"] for c in t["columns"]]) for t in schema["tables"]] == [(t.name, list(t.column_names)) for t in TABLES]
    page = files["index.md"]
    for table in TABLES:
        assert f"## {table.name}" in page and f"]({table.name}.csv)" in page
        assert all(f"| `{c.name}` |" in page for c in table.columns)

