"""What check says each article still needs: warnings with YAML to paste, and the summary at the end."""

from __future__ import annotations

import yaml

from archive.registry import load_registry
from archive.model import RawSeed
from archive.needs import curation_needs, needs_summary, needs_warnings
from archive.pipeline import parse_article

from conftest import ANNOTATIONS, TODAY

REGISTRY, _ = load_registry(ANNOTATIONS)


def article(text: str, name: str = "005_new.txt"):
    parsed, _ = parse_article(RawSeed(f"seeds/{name}", name, text.encode()), REGISTRY, TODAY)
    return parsed


UNPLACED = "A headline about the weather\n\nIt rained. Quimbleworth Zanzibarian said it would stop.\n"
PLACED = "Lavrov: talks on New START may resume\n\nMOSCOW, February 6, 2026. /TASS/. Sergey Lavrov said that talks on New START may resume.\n"


def test_an_article_the_text_cannot_place_needs_everything() -> None:
    assert curation_needs(article(UNPLACED)) == ("date", "source", "speakers", "topics")


def test_an_article_the_text_places_needs_nothing() -> None:
    assert curation_needs(article(PLACED)) == ()
    assert needs_warnings(article(PLACED)) == ()


def test_each_need_is_a_warning_at_the_seed_with_yaml_that_parses() -> None:
    warnings = needs_warnings(article(UNPLACED))
    assert [(w.location.path, w.severity) for w in warnings] == [("seeds/005_new.txt", "warning")] * 3
    for problem in warnings:
        _, _, snippet = problem.message.partition(":\n")
        first = snippet.split("\n  or, ")[0]  # the source warning offers two places
        assert isinstance(yaml.safe_load(first), (dict, list)), problem.message
    assert "annotations/articles/005_new.yml" in warnings[0].message


def test_the_summary_lists_what_each_article_needs() -> None:
    summary = needs_summary((article(PLACED, "006_placed.txt"), article(UNPLACED)))
    assert summary == "1 article(s) still need curating:\n  005_new: date, source, speakers, topics"
    assert needs_summary((article(PLACED),)) == ""


def test_a_correction_snippet_starts_a_new_file_with_the_schema_line_the_tests_require() -> None:
    date, source, topics = needs_warnings(article(UNPLACED))
    for problem in (date, source, topics):
        line = next(line.strip() for line in problem.message.splitlines() if "yaml-language-server" in line)
        schema = (ANNOTATIONS / "articles" / line.split("=", 1)[1]).resolve()
        assert schema == (ANNOTATIONS.parent / "schemas" / "article.schema.json").resolve() and schema.exists()
