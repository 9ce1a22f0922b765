""""Cite this": the house style, BibTeX that escapes its specials, CSL-JSON valid against the CSL schema, shown exactly as written."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from jsonschema import Draft7Validator
from selectolax.lexbor import LexborHTMLParser

from archive.markup import one_line
from archive.render.cite import Citation, bibtex_citation, csl_item, csl_json, plain_citation, render_cite_block

CSL_SCHEMA = json.loads((Path(__file__).resolve().parent / "vendor" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
ARTICLE = Citation(
    key="002_3a7575835685a05e",
    kind="report",
    title="Foreign Minister Sergey Lavrov’s statement",
    outlet="Ministry of Foreign Affairs of the Russian Federation",
    date="2026-02-06",
    language="en",
    page="https://example.org/archive/archive/articles/002_3a7575835685a05e.html",
)
STATEMENT = replace(
    ARTICLE,
    key="lavrov-2026-02-06-nato",
    kind="statement",
    title="We do not want NATO to assume responsibility",
    page=ARTICLE.page + "#quote-lavrov-2026-02-06-nato",
    speaker="Sergey Lavrov",
    container=ARTICLE.title,
)
DATES = ["2026-02-06", "2026-02", "2026", "2026-02-05/2026-02-06", "2026-02-06?", "2021-02~", "2021-XX", "[2026-02-05,2026-02-06]", "../2021", "unknown"]
HOSTILE = "50% of {a} & $x_1 #2 ~ ^ \\ \\} } { end</code> <!-- <script>\n--8<-- \"/etc/passwd\" {: onclick=x }"


def test_plain_text_names_the_work_the_outlet_the_date_and_the_archive_page() -> None:
    assert plain_citation(ARTICLE) == (
        "“Foreign Minister Sergey Lavrov’s statement”, Ministry of Foreign Affairs of the Russian Federation, 6 February 2026. "
        f"Statement Archive, article 002_3a7575835685a05e: {ARTICLE.page}"
    )
    assert plain_citation(STATEMENT) == (
        "“We do not want NATO to assume responsibility” — Sergey Lavrov, 6 February 2026. "
        "In “Foreign Minister Sergey Lavrov’s statement”, Ministry of Foreign Affairs of the Russian Federation. "
        f"Statement Archive, statement lavrov-2026-02-06-nato: {STATEMENT.page}"
    )


def test_plain_text_says_an_uncertain_date_as_it_is_and_names_an_unknown_outlet() -> None:
    text = plain_citation(replace(ARTICLE, date="2026-02-05/2026-02-07", outlet="", original="https://mid.ru/x"))
    assert ", outlet unknown, between 5 February 2026 and 7 February 2026. https://mid.ru/x. Statement Archive" in text
    assert ", 6 February 2026 (uncertain)." in plain_citation(replace(ARTICLE, date="2026-02-06?"))
    assert ", n.d. Statement Archive, article " in plain_citation(replace(ARTICLE, date="unknown"))
    said_earlier = plain_citation(replace(STATEMENT, date="2026-02-05", container_date="2026-02-06"))
    assert "— Sergey Lavrov, 5 February 2026. In “Foreign Minister Sergey Lavrov’s statement”, Ministry of Foreign Affairs of the Russian Federation, 6 February 2026." in said_earlier


def test_bibtex_is_article_for_news_misc_otherwise_with_a_date_only_when_known() -> None:
    assert bibtex_citation(ARTICLE).splitlines() == [
        "@misc{002_3a7575835685a05e,",
        "  title = {Foreign Minister Sergey Lavrov’s statement},",
        "  howpublished = {Ministry of Foreign Affairs of the Russian Federation},",
        "  date = {2026-02-06},",
        "  year = {2026},",
        "  language = {en},",
        f"  url = {{{ARTICLE.page}}},",
        "  note = {Statement Archive, article 002\\_3a7575835685a05e},",
        "}",
    ]
    news = bibtex_citation(replace(ARTICLE, kind="news", outlet="TASS", date="2021-02/2021-03"))
    assert news.startswith("@article{") and "  journal = {TASS}," in news and "  date = {2021-02/2021-03}," in news
    uncertain = bibtex_citation(replace(ARTICLE, date="2026-02-06?"))
    assert "date = " not in uncertain and "year = " not in uncertain
    assert "note = {Statement Archive, article 002\\_3a7575835685a05e; date: 6 February 2026 (uncertain)}" in uncertain
    statement = bibtex_citation(STATEMENT)
    assert "  author = {Sergey Lavrov}," in statement and "  howpublished = {quoted in “Foreign Minister" in statement


def unescape_bibtex(value: str) -> str:
    """What TeX prints for a field value written with the specials' escapes (the inverse of the escaping, for the test)."""
    names = {"textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textless": "<", "textgreater": ">"}
    return re.sub(r"\\(textbackslash|textasciitilde|textasciicircum|textless|textgreater)\{\}|\\([{}&%$#_])", lambda m: names.get(m[1]) or m[2], value)


def test_bibtex_writes_every_special_character_as_tex_does_and_keeps_braces_balanced() -> None:
    entry = bibtex_citation(replace(STATEMENT, title=HOSTILE, speaker="Smith, and Jones", outlet="A & B"))
    depth = 0
    for char, before in zip(entry, " " + entry):
        if char in "{}" and before != "\\":
            depth += 1 if char == "{" else -1
            assert depth >= 0, entry
    assert depth == 0, entry
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},$", entry, re.MULTILINE))
    assert unescape_bibtex(fields["title"]) == " ".join(HOSTILE.split())
    assert fields["author"] == "{Smith, and Jones}"  # one author, not two
    assert len(entry.splitlines()) == len(fields) + 2


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize("citation", [ARTICLE, replace(ARTICLE, kind="news", outlet=""), replace(ARTICLE, kind="other", language=""), STATEMENT],
                         ids=["report", "news", "other", "statement"])
def test_csl_json_is_valid_against_the_csl_schema(citation: Citation, date: str) -> None:
    item = csl_item(replace(citation, date=date, original="https://example.org/a?b=1"))
    assert list(Draft7Validator(CSL_SCHEMA).iter_errors([item])) == []
    assert json.loads(csl_json(item)) == [item]


def test_csl_issued_has_date_parts_only_for_a_known_date_or_interval() -> None:
    issued = {date: csl_item(replace(ARTICLE, date=date)).get("issued") for date in DATES}
    assert issued["2026-02-06"] == {"date-parts": [[2026, 2, 6]]}
    assert issued["2026"] == {"date-parts": [[2026]]}
    assert issued["2026-02-05/2026-02-06"] == {"date-parts": [[2026, 2, 5], [2026, 2, 6]]}
    assert issued["2026-02-06?"] == {"literal": "6 February 2026 (uncertain)"}
    assert issued["[2026-02-05,2026-02-06]"] == {"literal": "between 5 February 2026 and 6 February 2026"}
    assert issued["unknown"] is None
    assert csl_item(STATEMENT)["author"] == [{"literal": "Sergey Lavrov"}]
    assert csl_item(replace(ARTICLE, kind="news"))["container-title"] == ARTICLE.outlet


def test_the_block_shows_each_format_exactly_as_written(markdown_converter: markdown.Markdown) -> None:
    citation = replace(STATEMENT, title=HOSTILE, speaker=f"Evil {HOSTILE}", outlet="<script>")
    source = "\n".join(render_cite_block(citation, "statement"))
    assert "<" not in source  # MkDocs reads the whole source as HTML when it checks anchors
    tree = LexborHTMLParser(markdown_converter.reset().convert(source))
    details = tree.css_first("details.quote.archive-cite")
    assert details is not None and "open" not in details.attributes
    assert details.css_first("summary").text() == "Cite this statement"
    assert [n.tag for n in details.traverse(include_text=False)] == ["details", "summary", "p", "strong", "p", "p", "strong", "pre", "code", "p", "strong", "pre", "code"]
    assert details.css("p")[1].text() == one_line(plain_citation(citation))
    bibtex, csl = (code.text() for code in details.css("pre > code"))
    assert unescape_bibtex(bibtex) == unescape_bibtex(bibtex_citation(citation)) + "\n"
    assert "\\textless{}script\\textgreater{}" in bibtex
    assert json.loads(csl) == [csl_item(citation)]
