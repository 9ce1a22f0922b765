"""Tests for archive/validate.py: cross-file checks against real articles built from seeds/ and the real registry."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.annotations import LINK_TYPES, load_annotations, parse_annotations
from archive.model import ERROR, Annotations, Link, Location, Problem, Statement
from archive.pipeline import build_archive
from archive.registry import load_registry
from archive.seeds import read_seeds
from archive.validate import validate_annotations
from archive.yamlio import read_yaml_files

from conftest import PINNED, TODAY, expected

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "curation"
CASES = sorted(path.name for path in (FIXTURES / "validate").iterdir() if path.is_dir())
# A registry of its own, so that suggestions ("did you mean ...") do not change as the real one grows.
REGISTRY, _ = load_registry(FIXTURES / "registry")
ARTICLES = build_archive(read_seeds(ROOT / "seeds")[0], REGISTRY, TODAY)[0].articles


def formatted(problems: tuple[Problem, ...]) -> list[str]:
    return [problem.format() for problem in problems]


def test_cases_are_present_and_articles_are_the_real_ones() -> None:
    assert CASES == ["event-dates", "link-dates", "links", "prefix-suffix", "quotes-ambiguous", "quotes-not-found", "references", "statement-dates", "turns"]
    assert set(PINNED.values()) <= {article.id for article in ARTICLES}


@pytest.mark.parametrize("case", CASES)
def test_case_gives_exactly_the_expected_problems(case: str) -> None:
    files = {path: data.decode() for path, data in read_yaml_files(FIXTURES / "validate" / case, "annotations")[0].items()}
    annotations, problems = parse_annotations(files)
    assert problems == ()
    problems = validate_annotations(annotations, ARTICLES, REGISTRY)
    assert list(problems) == sorted(problems, key=Problem.sort_key)
    assert sorted(formatted(problems)) == sorted(line for text in files.values() for line in expected(text))


def test_good_fixtures_validate_cleanly() -> None:
    annotations, problems = load_annotations(FIXTURES / "good")
    assert problems == () and validate_annotations(annotations, ARTICLES, REGISTRY) == ()


def test_the_real_annotations_have_no_errors() -> None:
    # The real annotations name the real registry's people and outlets, which the fixture registry need not hold.
    registry, _ = load_registry(ROOT / "annotations")
    annotations, _ = load_annotations(ROOT / "annotations")
    articles = build_archive(read_seeds(ROOT / "seeds")[0], registry, TODAY)[0].articles
    problems = validate_annotations(annotations, articles, registry)
    assert [p.format() for p in problems if p.severity == ERROR] == []


def test_a_quote_in_an_article_without_text() -> None:
    empty = dataclasses.replace(ARTICLES[0], document=dataclasses.replace(ARTICLES[0].document, blocks=()))
    statement = Statement("s", empty.id, "anything", None, None, "sergey-lavrov", None, (), None, (), Location("a.yml", 2), 4)
    assert formatted(validate_annotations(Annotations(statements=(statement,)), (empty,), REGISTRY)) == [
        f"a.yml:4: error: quote not found in article '{empty.id}': the article has no text"
    ]


def test_directed_links_both_ways_other_than_repeats_are_allowed() -> None:
    """The contract forbids only a repeats pair; responds-to both ways is a real exchange."""
    def link(source: str, target: str, kind: str, line: int) -> Link:
        return Link(source, target, kind, None, Location("a.yml", line))

    def statement(ident: str, links: tuple[Link, ...]) -> Statement:
        return Statement(ident, "", "", None, None, "", None, (), None, links, Location("a.yml", 1), 1)

    for kind in ("updates", "responds-to"):
        annotations = Annotations(statements=(
            statement("a", (link("a", "b", kind, 3),)),
            statement("b", (link("b", "a", kind, 7),)),
        ))
        assert validate_annotations(annotations, ARTICLES, REGISTRY) == ()


def test_blank_values_already_reported_by_the_loader_are_not_checked_again() -> None:
    statement = Statement("s", "", "", None, None, "", "", (), None, (Link("s", "t", "", None, Location("a.yml", 5)),), Location("a.yml", 1), 3)
    other = Statement("t", "", "", None, None, "", None, (), None, (Link("t", "s", "repeats", None, Location("a.yml", 9)),), Location("a.yml", 7), 8)
    assert validate_annotations(Annotations(statements=(statement, other)), ARTICLES, REGISTRY) == ()


IDS = st.sampled_from(["a", "b", "c", "002_3a7575835685a05e", "000_958310810f9c2547", "004_3c915cf34bc33e91", "x"])
STATEMENT = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b", "c"]), "quote": st.sampled_from(["We do not want NATO", "dominate", "nothing like it", "of"])},
    optional={
        "article": IDS,
        "speaker": st.sampled_from(["sergey-lavrov", "nobody"]),
        "prefix": st.sampled_from(["It strives to", "x", "of"]),
        "suffix": st.sampled_from([", and", "x"]),
        "date": st.sampled_from(["2026-02-06", "2030", "1999/2000", "2026-02-30"]),
        "topics": st.sampled_from([["nato"], ["natoo"]]),
        "links": st.lists(st.fixed_dictionaries({"to": st.sampled_from(["a", "b", "c", "d"]), "type": st.sampled_from(LINK_TYPES)}), max_size=3),
    },
)
EVENT = st.fixed_dictionaries(
    {"title": st.just("Talks"), "date": st.sampled_from(["2026-02-06", "2010", "2030", "../2020"])},
    optional={"articles": st.lists(st.fixed_dictionaries({"article": IDS, "role": st.just("report")}), max_size=3)},
)
CORRECTION = st.fixed_dictionaries(
    {},
    optional={
        "date": st.sampled_from(["2027", "2019-01-01", "2026-02-XX"]),
        "source": st.sampled_from(["tass", "tas"]),
        "topics": st.fixed_dictionaries({}, optional={"add": st.sampled_from([["nato"], ["x"]]), "remove": st.just(["osce"])}),
    },
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(STATEMENT, max_size=4), EVENT, st.sampled_from(["002_3a7575835685a05e", "004_3c915cf34bc33e91", "x"]), CORRECTION)
def test_any_annotations_give_problems_not_an_exception(statements: list[dict], event: dict, article: str, correction: dict) -> None:
    def dump(data: object) -> str:
        return yaml.safe_dump(json.loads(json.dumps(data)))

    files = {
        "annotations/statements/s.yml": dump({"statements": statements}),
        "annotations/events/e.yml": dump(event),
        f"annotations/articles/{article}.yml": dump(correction),
    }
    annotations, _ = parse_annotations(files)
    problems = validate_annotations(annotations, ARTICLES, REGISTRY)
    assert list(problems) == sorted(problems, key=Problem.sort_key)
