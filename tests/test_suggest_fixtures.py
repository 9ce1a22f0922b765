"""The labelled cases of tests/fixtures/suggest/ (duplicate stories and quote alignment): well formed.

This checks the labels only; it never runs a suggestion method. See tests/fixtures/suggest/README.md.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from archive.edtf import is_valid_edtf

from conftest import ANNOTATIONS, FIXTURES

SUGGEST = FIXTURES / "suggest"
ROLES = {"primary-record", "report", "republication", "rewrite", "unrelated"}
KINDS = {"quote", "paraphrase"}
CASE_KEYS = {"held_out", "notes", "articles", "same_event", "quotes"}
ARTICLE_KEYS = {"file", "url", "licence", "outlet", "date", "role"}
OPTIONAL_ARTICLE_KEYS = {"published", "language", "note"}
CASE_ID = re.compile(r"^(\d{4}-\d{2}-\d{2}|hard-negatives)-[a-z0-9]+(-[a-z0-9]+)*$")


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_case(folder: Path) -> dict:
    with open(folder / "case.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


CASES = sorted(p for p in SUGGEST.iterdir() if p.is_dir())


def registry_ids() -> set[str]:
    with open(ANNOTATIONS / "sources.yml", encoding="utf-8") as fh:
        return {str(source["id"]) for source in yaml.safe_load(fh)["sources"]}


def is_date(value: object) -> bool:
    if isinstance(value, datetime.date):
        return True
    return isinstance(value, str) and (value == "unknown" or is_valid_edtf(value))


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_every_case_is_well_formed(folder: Path) -> None:
    assert CASE_ID.match(folder.name), folder.name
    case = load_case(folder)
    assert set(case) == CASE_KEYS
    assert isinstance(case["held_out"], bool) and isinstance(case["same_event"], bool)
    assert isinstance(case["notes"], str) and case["notes"].strip()
    assert isinstance(case["articles"], list) and case["articles"]
    assert isinstance(case["quotes"], list)

    ids = registry_ids()
    texts: dict[str, str] = {}
    for article in case["articles"]:
        assert ARTICLE_KEYS <= set(article) <= ARTICLE_KEYS | OPTIONAL_ARTICLE_KEYS, article
        name = article["file"]
        assert name.endswith(".txt") and "/" not in name and name not in texts, name
        path = folder / name
        assert path.is_file(), path
        texts[name] = collapse(path.read_text(encoding="utf-8"))
        assert texts[name], name
        assert str(article["url"]).startswith(("http://", "https://"))
        assert str(article["licence"]).strip()
        outlet = str(article["outlet"])
        assert outlet in ids or outlet.startswith("new: "), outlet
        assert is_date(article["date"]), article["date"]
        if "published" in article:
            assert is_date(article["published"]) and article["published"] != "unknown"
        assert article["role"] in ROLES, article["role"]
        if not case["same_event"]:
            assert article["role"] == "unrelated"
        else:
            assert article["role"] != "unrelated"

    # every text file in the folder is an article of the case
    assert {p.name for p in folder.glob("*.txt")} == set(texts)
    urls = [str(a["url"]) for a in case["articles"]]
    assert len(urls) == len(set(urls))

    if not case["same_event"]:
        assert case["quotes"] == []
    roles = {a["file"]: a["role"] for a in case["articles"]}
    for pair in case["quotes"]:
        assert set(pair) == {"a", "b", "kind"} and pair["kind"] in KINDS, pair
        for side in ("a", "b"):
            assert set(pair[side]) == {"file", "text"}, pair
            name, text = pair[side]["file"], collapse(str(pair[side]["text"]))
            assert name in texts, name
            assert text and text in texts[name], (side, name, text[:80])
        assert roles[pair["b"]["file"]] == "primary-record", pair["b"]["file"]
        assert roles[pair["a"]["file"]] != "primary-record", pair["a"]["file"]
    labelled = [(p["a"]["file"], collapse(p["a"]["text"]), p["b"]["file"], collapse(p["b"]["text"])) for p in case["quotes"]]
    assert len(labelled) == len(set(labelled)), "a pair is listed twice"


def test_the_set_is_as_large_and_as_varied_as_the_brief_asks() -> None:
    cases = [load_case(folder) for folder in CASES]
    positive = [c for c in cases if c["same_event"]]
    quote_cases = [c for c in positive if c["quotes"]]
    pairs = [p for c in cases for p in c["quotes"]]
    outlets = {str(a["outlet"]) for c in cases for a in c["articles"]}
    held_out = [c for c in cases if c["held_out"]]
    assert len(positive) >= 12
    assert len(quote_cases) >= 6
    assert len(pairs) >= 60
    assert {p["kind"] for p in pairs} == KINDS
    assert len(outlets) >= 6
    assert sum(len(c["articles"]) for c in cases if not c["same_event"]) >= 3
    assert 2 * len(held_out) >= len(cases)
    # both parts have quote cases and duplicate-only cases
    for part in (True, False):
        side = [c for c in cases if c["held_out"] is part]
        assert any(c["quotes"] for c in side) and any(c["same_event"] and not c["quotes"] for c in side)
