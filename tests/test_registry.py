"""Tests for archive/registry.py and schemas/: the registries, their messages, and loader-schema agreement."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from archive.registry import (
    COUNTRIES,
    MARKER_ROLES,
    MAX_PATTERNS,
    REGISTRY_ADVICE,
    REGISTRY_MAX_BYTES,
    SOURCE_KINDS,
    URL,
    WIKIDATA,
    load_registry,
    parse_registry,
)
from archive.model import Location, Person, Problem, Role, Source, SourceMarker, Topic
from archive.yamlio import SLUG, parse_yaml, read_yaml_files

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "yaml" / "registry"
GOOD = {path: data.decode() for path, data in read_yaml_files(FIXTURES / "good", "annotations")[0].items()}
# `<stem>-<case>.yml` replaces annotations/<stem>.yml in the good registry; its `# expect: ` lines are the exact
# problems, and `# schema: fails` or `# schema: passes (why)` says whether the JSON Schema catches it too.
BAD = {path.name: path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "bad").glob("*.yml"))}
SCHEMAS = {stem: json.loads((ROOT / "schemas" / f"{stem}.schema.json").read_text()) for stem in ("people", "topics", "sources")}


def validator(stem: str) -> Draft202012Validator:
    return Draft202012Validator(SCHEMAS[stem], format_checker=Draft202012Validator.FORMAT_CHECKER)


def with_file(stem: str, text: str) -> dict[str, str | None]:
    """The good registry with `annotations/<stem>.yml` replaced by `text`."""
    files: dict[str, str | None] = {path: data for path, data in GOOD.items() if not path.startswith(f"annotations/{stem}.")}
    files[f"annotations/{stem}.yml"] = text
    return files


def formatted(problems: tuple[Problem, ...]) -> list[str]:
    return [problem.format() for problem in problems]


def header(text: str, prefix: str) -> list[str]:
    return [line[len(prefix):] for line in text.splitlines() if line.startswith(prefix)]


def test_fixtures_are_present() -> None:
    assert sorted(GOOD) == ["annotations/people.yml", "annotations/sources.yaml", "annotations/topics.yml"]
    assert len(BAD) >= 15


def test_good_registry_loads_cleanly_into_sorted_objects() -> None:
    registry, problems = load_registry(FIXTURES / "good")
    assert problems == ()
    assert [person.id for person in registry.people] == ["maria-zakharova", "osce-chair", "sergey-lavrov"]
    assert registry.people[2] == Person(
        "sergey-lavrov",
        "Sergey Lavrov",
        ("Sergei Lavrov", "Lavrov"),
        (
            Role("Minister of Foreign Affairs of Russia", "2004-03-09", None, Location("annotations/people.yml", 7)),
            Role("Permanent Representative of Russia to the United Nations", "1994", "2004-03", Location("annotations/people.yml", 9)),
        ),
        Location("annotations/people.yml", 3),
    )
    assert registry.people[2].titles_on("2021-02-19") == ("Minister of Foreign Affairs of Russia",)
    assert registry.people[1].aliases == registry.people[1].roles == () and registry.people[1].titles_on("2021") == ()
    assert [topic.id for topic in registry.topics] == ["new-start", "osce"]
    assert registry.topics[1] == Topic(
        "osce", "OSCE", ("OSCE", "Organization for Security and Co-operation in Europe"), Location("annotations/topics.yml", 7)
    )
    assert [source.id for source in registry.sources] == ["mid", "reposter", "tass"]
    assert registry.sources[2] == Source(
        "tass",
        "TASS",
        "wire",
        "RU",
        "https://tass.com",
        (SourceMarker("/TASS/", "origin"), SourceMarker(r"\(Source: TASS\)", "origin")),
        Location("annotations/sources.yaml", 4),
    )
    assert registry.sources[1].country == "NO" and registry.sources[1].home == ""


def test_a_persons_titles_on_a_date_are_those_surely_held_on_all_its_days() -> None:
    def person(*terms: tuple[str, str | None, str | None]) -> Person:
        return Person("p", "P", (), tuple(Role(title, start, end, Location("x", 1)) for title, start, end in terms), Location("x", 1))

    ryabkov = person(("Deputy", "2008-08", None), ("Ambassador", "2004", "2008"))
    assert ryabkov.titles_on("2021-02-19") == ("Deputy",)
    assert ryabkov.titles_on("2006") == ("Ambassador",)
    # 2008 holds days before and after the change, and 2008-08 may start on any of its days.
    assert ryabkov.titles_on("2008") == ryabkov.titles_on("2008-08-15") == ()
    assert ryabkov.titles_on("2008-09-01") == ("Deputy",)
    assert ryabkov.titles_on("2020-01-01/2021-12-31") == ("Deputy",)
    assert ryabkov.titles_on("unknown") == ryabkov.titles_on("") == ()
    # A term with no known start is never surely held; one held on both sides of a date is.
    assert person(("Envoy", None, None), ("President", "2025-01-20", None)).titles_on("2025-03") == ("President",)
    assert person(("Envoy", None, "2020")).titles_on("2019") == ()
    assert person().titles_on("2021") == ()


def test_markers_match_the_text_they_describe() -> None:
    registry, _ = load_registry(FIXTURES / "good")
    reposter = {source.id: source for source in registry.sources}["reposter"]
    assert reposter.markers == (SourceMarker(re.escape("Reposted by Reposter"), "republisher"),)
    assert re.search(reposter.markers[0].pattern, "... Reposted by Reposter on Monday")
    assert not re.search(reposter.markers[0].pattern, "Reposted-by-Reposter")


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_fixture_gives_exactly_the_expected_problems(name: str) -> None:
    expected = header(BAD[name], "# expect: ")
    assert expected, f"{name} declares no `# expect:` lines"
    registry, problems = parse_registry(with_file(name.split("-")[0], BAD[name]))
    assert formatted(problems) == expected


def test_bad_entries_are_left_out_and_good_ones_kept() -> None:
    registry, _ = parse_registry(with_file("people", BAD["people-bad-types.yml"]))
    assert registry.people == ()
    registry, _ = parse_registry(with_file("people", BAD["people-duplicate-id.yml"]))
    assert [(person.id, person.name) for person in registry.people] == [
        ("maria-zakharova", "Maria Zakharova"),
        ("sergey-lavrov", "Sergey Lavrov"),
    ]
    assert [topic.id for topic in registry.topics] == ["new-start", "osce"]


def test_good_fixtures_pass_the_schemas() -> None:
    for path, text in GOOD.items():
        stem = Path(path).stem
        data, problems = parse_yaml(text, path)
        assert problems == ()
        assert [error.message for error in validator(stem).iter_errors(data)] == [], path


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_fixture_and_schema_agree(name: str) -> None:
    """Field-level mistakes fail the schema too; rules across entries are the loader's alone."""
    (verdict,) = header(BAD[name], "# schema: ")
    data, problems = parse_yaml(BAD[name], name)
    assert problems == ()
    schema_errors = list(validator(name.split("-")[0]).iter_errors(data))
    if verdict == "fails":
        assert schema_errors
    else:
        assert verdict.startswith("passes (") and schema_errors == []


def test_schemas_are_valid_draft_2020_12_and_agree_with_the_loader_constants() -> None:
    for schema in SCHEMAS.values():
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$defs"]["slug"]["pattern"] == f"^{SLUG.pattern}$"
    person = SCHEMAS["people"]["$defs"]["person"]["properties"]
    assert person["wikidata"]["pattern"] == f"^{WIKIDATA.pattern}$"
    source = SCHEMAS["sources"]["$defs"]["source"]["properties"]
    assert source["kind"]["enum"] == list(SOURCE_KINDS)
    assert source["country"]["enum"] == sorted(COUNTRIES) and len(COUNTRIES) == 249
    assert source["home"]["pattern"] == f"^{URL.pattern}$"
    assert SCHEMAS["sources"]["$defs"]["marker"]["properties"]["role"]["enum"] == list(MARKER_ROLES)


def test_every_object_forbids_unknown_keys() -> None:
    def objects(node: object) -> list[dict]:
        if isinstance(node, dict):
            own = [node] if node.get("type") == "object" else []
            return own + [found for value in node.values() for found in objects(value)]
        return [found for value in node for found in objects(value)] if isinstance(node, list) else []

    for schema in SCHEMAS.values():
        assert all(obj.get("additionalProperties") is False for obj in objects(schema))


def test_missing_files_are_named_by_their_expected_path() -> None:
    registry, problems = parse_registry({})
    assert formatted(problems) == [
        "annotations/people.yml: error: file not found; the archive needs its list of people here",
        "annotations/sources.yml: error: file not found; the archive needs its list of sources here",
        "annotations/topics.yml: error: file not found; the archive needs its list of topics here",
    ]
    assert registry.people == registry.topics == registry.sources == ()


def test_prefix_names_the_folder_in_messages() -> None:
    files = {path.replace("annotations/", "data/notes/"): text for path, text in GOOD.items() if "people" not in path}
    assert formatted(parse_registry(files, "data/notes")[1]) == [
        "data/notes/people.yml: error: file not found; the archive needs its list of people here"
    ]


def test_both_extensions_for_one_registry_is_an_error() -> None:
    files = dict(GOOD)
    files["annotations/people.yaml"] = "people: []\n"
    registry, problems = parse_registry(files)
    assert formatted(problems) == ["annotations/people.yaml: error: both annotations/people.yml and annotations/people.yaml exist; keep one"]
    assert len(registry.people) == 3  # the .yml file is the one read


def test_unreadable_file_is_not_also_reported_missing() -> None:
    files = with_file("topics", "")
    files["annotations/topics.yml"] = None
    registry, problems = parse_registry(files)
    assert problems == () and registry.topics == () and len(registry.people) == 3


def test_load_registry_reports_undecodable_files_once(tmp_path: Path) -> None:
    for path, text in GOOD.items():
        (tmp_path / Path(path).name).write_text(text, encoding="utf-8")
    (tmp_path / "topics.yml").write_bytes("topics:\n  - id: «café» ".encode() + b"\xe9\n")  # column in characters
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "broken.yml").write_bytes(b"\xff not read by the registry\n")
    registry, problems = load_registry(tmp_path, "annotations")
    assert formatted(problems) == ["annotations/topics.yml:2: error: file is not valid UTF-8: byte 0xe9 in column 16; save it as UTF-8"]
    assert len(registry.people) == 3 and registry.topics == ()


def test_load_registry_on_a_missing_folder_names_every_file(tmp_path: Path) -> None:
    registry, problems = load_registry(tmp_path / "nowhere", "annotations")
    assert len(problems) == 3 and all("file not found" in problem.message for problem in problems)


def test_yaml_errors_come_through_with_their_lines() -> None:
    problems = parse_registry(with_file("people", "people:\n  - id: a\n    name: A\n    name: B\n"))[1]
    assert formatted(problems) == ["annotations/people.yml:4: error: duplicate key `name`, first defined on line 3"]


def test_top_level_list_is_refused() -> None:
    problems = parse_registry(with_file("topics", "- id: a\n  name: A\n"))[1]
    assert formatted(problems) == ["annotations/topics.yml:1: error: the file must be a mapping with the key `topics`, found a list"]


def one_source(*markers: str) -> dict[str, str | None]:
    """The good registry with a sources.yml of one source 's', whose markers (from line 6) are YAML like `text: x`."""
    return with_file("sources", "sources:\n  - id: s\n    name: S\n    kind: other\n    markers:\n" + "".join(f"      - {m}\n" for m in markers))


def marker_problems(*patterns: str) -> list[str]:
    return formatted(parse_registry(one_source(*(f"pattern: {json.dumps(pattern)}" for pattern in patterns)))[1])


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("a{99999999999}", "is not a valid regular expression: the repetition number is too large"),
        ("(?P<1>x)", "is not a valid regular expression: bad character in group name '1' at position 4"),
        ("x|", "matches empty text, so it would match every seed"),
        ("^", "matches empty text, so it would match every seed"),
    ],
)
def test_marker_patterns_must_compile_and_must_not_match_empty_text(pattern: str, message: str) -> None:
    assert marker_problems(pattern) == [f"annotations/sources.yml:6: error: key `pattern` in marker 1 of source 's' {message}"]


ENGINE = "which the marker engine (RE2, linear-time) does not support"


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("TASS(?= said)", f"uses lookahead `(?=...)` and `(?!...)`, {ENGINE}; match the text itself, or drop the condition"),
        ("(?<!Not )TASS", f"uses lookbehind `(?<=...)` and `(?<!...)`, {ENGINE}; make the text before part of the match, or drop the condition"),
        (r"(\w+) \1", f"uses backreferences like `\\1` and `(?P=name)`, {ENGINE}; write out the repeated text"),
        ("(?P<w>TASS)(?P=w)", f"uses backreferences like `\\1` and `(?P=name)`, {ENGINE}; write out the repeated text"),
        ("TASS.*+", f"uses possessive quantifiers like `*+`, {ENGINE}; write `*`, `+`, `?` or `{{m,n}}` alone: RE2 never backtracks, so nothing is lost"),
        ("(?>TASS)", f"uses atomic groups `(?>...)`, {ENGINE}; write `(?:...)`: RE2 never backtracks, so nothing is lost"),
        ("(?x) T A S S", f"uses flags other than i, m and s, {ENGINE}; remove the flag"),
        ("x{2000}", f"uses repetition counts over 1000, {ENGINE}; use a smaller count, or `*` or `+`"),
        (r"\bТАСС\b", "uses `\\b` next to a letter outside ASCII: RE2 counts only ASCII letters and digits as word characters; "
         "write `(?:^|\\W)` before and `(?:\\W|$)` after the word instead"),
        (r"[\W\d]", "uses `\\W` inside `[...]`; write `[^...]` with what to leave out instead"),
        ("x" * 1001, "is 1001 characters long, over the limit of 1000; split it into several markers"),
    ],
)
def test_marker_patterns_re2_cannot_run_are_refused_with_a_rewrite(pattern: str, message: str) -> None:
    assert marker_problems(pattern) == [f"annotations/sources.yml:6: error: key `pattern` in marker 1 of source 's' {message}"]


def test_marker_patterns_that_backtrack_in_python_are_accepted() -> None:
    assert marker_problems(r"^(\w+\s?)+:$", r"(a|aa)*b", r"(?i)^\(Source:\s*TASS\)") == []


def test_pattern_markers_beyond_the_limit_are_left_out_with_one_error() -> None:
    problems = marker_problems(*[f"TASS{i}[0-9]" for i in range(MAX_PATTERNS + 2)])
    line = 6 + MAX_PATTERNS
    assert problems == [
        f"annotations/sources.yml:{line}: error: the sources have {MAX_PATTERNS + 2} pattern markers, over the limit of {MAX_PATTERNS}, "
        "and this is the first left out: each is tried on every line of every seed; write literal markers as `text`"
    ]
    (source,) = parse_registry(one_source(*[f"pattern: TASS{i}[0-9]" for i in range(MAX_PATTERNS + 2)], "text: /TASS/"))[0].sources
    assert len(source.markers) == MAX_PATTERNS + 1 and source.markers[-1].pattern == re.escape("/TASS/")


# Term dates that are valid or invalid by their form alone; ends in order, so the schema can judge them.
ONE_ROLE = st.fixed_dictionaries(
    {},
    optional={
        "title": st.sampled_from(["Minister", "", None, 1.5]),
        "from": st.sampled_from(["2004-03-09", "2004-03", "2004", "2004?", "2004-3-9", "04-03-09", "2004/2005", 2004, ""]),
        "to": st.sampled_from(["2026", "2026-02-06~", "2026-02-06T10:00:00", "..", None]),
        "note": st.sampled_from(["acting", ""]),
        "since": st.just("2004"),
    },
)
ONE_PERSON = st.fixed_dictionaries(
    {"id": st.sampled_from(["sergey-lavrov", "Sergey_Lavrov", "-a", "a--b", "", "x1", 5, None, ["a"]])},
    optional={
        "name": st.sampled_from(["Sergey Lavrov", "", " ", 7, None, True, ["x"]]),
        "aliases": st.sampled_from([[], ["Lavrov"], ["Lavrov", "Lavrov"], [""], [3], "Lavrov", None]),
        # Two terms of one title may overlap, which only the loader sees: titles differ here.
        "roles": st.lists(ONE_ROLE, max_size=2, unique_by=lambda role: str(role.get("title"))) | st.sampled_from(["Minister", None]),
        "role": st.just("Minister"),
        "wikidata": st.sampled_from(["Q156182", "Q0", "q1", "Q", 156182, "Q1 "]),
        "note": st.sampled_from(["x", ""]),
        "rol": st.just("typo"),
    },
)
ONE_TOPIC = st.fixed_dictionaries(
    {"id": st.sampled_from(["new-start", "New START"]), "name": st.sampled_from(["New START", ""])},
    optional={
        "keywords": st.sampled_from([["START"], [], ["START", "START"], [None], "START", ["a", "b"]]),
        "description": st.sampled_from(["x", " ", 3]),
    },
)
ONE_MARKER = st.fixed_dictionaries(
    {},
    optional={
        "text": st.sampled_from(["/TASS/", "", 5]),
        "pattern": st.sampled_from([r"\(TASS\)", "(TASS", "[", "TASS"]),
        "role": st.sampled_from(["origin", "republisher", "orign", ""]),
        "txt": st.just("x"),
    },
)
ONE_SOURCE = st.fixed_dictionaries(
    {"id": st.sampled_from(["tass", "TASS"]), "name": st.just("TASS")},
    optional={
        "kind": st.sampled_from(SOURCE_KINDS + ("wires", "", 3)),
        "country": st.sampled_from(["RU", "NO", "GB", "UK", "ru", "RUS", 7]),
        "home": st.sampled_from(["https://tass.com", "http://a.b/c?d#e", "tass.com", "https://", "ftp://x.y", "https://a b"]),
        "markers": st.one_of(st.lists(ONE_MARKER, max_size=1), st.just("TASS")),
        "extra": st.just(1),
    },
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([("people", ONE_PERSON), ("topics", ONE_TOPIC), ("sources", ONE_SOURCE)]).flatmap(
    lambda pair: st.tuples(st.just(pair[0]), pair[1])
))
def test_loader_and_schema_agree_on_any_single_entry(case: tuple[str, dict]) -> None:
    """With one entry there is nothing to compare across entries, so schema-valid must mean loader-clean."""
    stem, entry = case
    text = yaml.safe_dump({stem: [entry]}, sort_keys=False)
    data, parse_problems = parse_yaml(text, "x.yml")
    assert parse_problems == ()
    schema_ok = not list(validator(stem).iter_errors(data))
    _, problems = parse_registry(with_file(stem, text))
    loader_ok = not [problem for problem in problems if problem.severity == "error"]
    assert schema_ok == loader_ok, (text, formatted(problems))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["people", "topics", "sources"]), st.text())
def test_any_registry_text_gives_problems_not_an_exception(stem: str, text: str) -> None:
    registry, problems = parse_registry(with_file(stem, text))
    assert isinstance(problems, tuple) and list(problems) == sorted(problems, key=Problem.sort_key)


def test_spellings_differing_only_in_diacritics_are_welcome_variants() -> None:
    text = (
        "people:\n"
        "  - id: feridun-sinirlioglu\n"
        "    name: Feridun Sinirlioğlu\n"
        "    aliases: [Feridun Sinirlioglu, Sinirlioğlu, Sinirlioglu]\n"
    )
    registry, problems = parse_registry(with_file("people", text))
    assert formatted(problems) == []
    assert [p.aliases for p in registry.people if p.id == "feridun-sinirlioglu"] == [
        ("Feridun Sinirlioglu", "Sinirlioğlu", "Sinirlioglu")
    ]


def test_names_aliases_and_keywords_without_a_letter_or_digit_are_refused_at_their_line() -> None:
    people = 'people:\n  - id: ghost\n    name: "\\u0301"\n    aliases: ["-", "Ghost"]\n'
    topics = 'topics:\n  - id: ghost\n    name: Ghost\n    keywords: ["\\u0301", " · ", ghost]\n'
    problems = formatted(parse_registry({**with_file("people", people), "annotations/topics.yml": topics})[1])
    tail = "has no letter or digit once case and accents are set aside, so it would match in every article; remove it or write"
    assert problems == [
        f"annotations/people.yml:3: error: name '\u0301' (U+0301) of person 'ghost' {tail} the name out",
        f"annotations/people.yml:4: error: alias '-' (U+002D) of person 'ghost' {tail} the name out",
        f"annotations/topics.yml:4: error: keyword ' · ' (U+0020 U+00B7 U+0020) of topic 'ghost' {tail} the phrase out",
        f"annotations/topics.yml:4: error: keyword '\u0301' (U+0301) of topic 'ghost' {tail} the phrase out",
    ]


def test_a_registry_file_over_its_cap_is_refused_unread(tmp_path: Path) -> None:
    for name in ("topics.yml", "sources.yml"):
        (tmp_path / name).write_text(f"{name[:-4]}: []\n")
    big = "people:\n" + "".join(f"  - id: p{i}\n    name: Person Number {i}\n" for i in range(REGISTRY_MAX_BYTES // 30))
    (tmp_path / "people.yml").write_text(big)
    registry, problems = load_registry(tmp_path)
    assert registry.people == ()
    assert [p.format() for p in problems] == [
        f"annotations/people.yml: error: file is {len(big)} bytes, over the limit of {REGISTRY_MAX_BYTES} bytes; {REGISTRY_ADVICE}"
    ]


def test_the_shipped_registry_names_the_field() -> None:
    """A property of the data in annotations/: the people and outlets a reader of the field meets, each usable."""
    registry, problems = load_registry(ROOT / "annotations")
    assert formatted(problems) == []
    assert len(registry.people) >= 80 and len(registry.sources) >= 40
    assert [p.id for p in registry.people if not any(role.start for role in p.roles)] == []
    # An outlet only a curated correction names needs no marker: its pages carry nothing of their own to find.
    corrected = {yaml.safe_load(path.read_text(encoding="utf-8")).get("source") for path in (ROOT / "annotations" / "articles").glob("*.yml")}
    assert [s.id for s in registry.sources if not (s.kind and s.home and (s.markers or s.id in corrected))] == []
