"""Tests for archive/annotations.py and its schemas: corrections, events and statements, their messages, loader-schema agreement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from archive.annotations import (
    CHANGE_KEYS,
    CORRECTION_KEYS,
    EDTF_SHAPE,
    EVENT_ARTICLE_KEYS,
    EVENT_KEYS,
    LANGUAGE,
    LINK_KEYS,
    LINK_TYPES,
    ROLES,
    STATEMENT_KEYS,
    load_annotations,
    parse_annotations,
)
from archive.edtf import is_valid_edtf
from archive.model import Correction, Event, EventArticle, Link, Location, Problem, Statement
from archive.registry import URL
from archive.yamlio import SLUG, parse_yaml, read_yaml_files

from conftest import expected

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "curation"
GOOD = {path: data.decode() for path, data in read_yaml_files(FIXTURES / "good", "annotations")[0].items()}
BAD = {path: data.decode() for path, data in read_yaml_files(FIXTURES / "bad", "annotations")[0].items()}
MULTI = sorted(path.name for path in (FIXTURES / "multi").iterdir() if path.is_dir())
SCHEMA_FOR = {"articles": "article", "events": "event", "statements": "statements"}
SCHEMAS = {stem: json.loads((ROOT / "schemas" / f"{stem}.schema.json").read_text()) for stem in SCHEMA_FOR.values()}


def validator(stem: str) -> Draft202012Validator:
    return Draft202012Validator(SCHEMAS[stem], format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_of(path: str) -> str:
    """The schema for a display path like annotations/events/x.yml."""
    return SCHEMA_FOR[path.split("/")[1]]


def formatted(problems: tuple[Problem, ...]) -> list[str]:
    return [problem.format() for problem in problems]


def header(text: str, prefix: str) -> list[str]:
    return [line[len(prefix):] for line in text.splitlines() if line.startswith(prefix)]


def test_fixtures_are_present() -> None:
    assert sorted(GOOD) == [
        "annotations/articles/002_3a7575835685a05e.yml",
        "annotations/articles/003_8ee5cbf78979a153.yml",
        "annotations/events/2026-02-06-osce-talks.yml",
        "annotations/statements/2026-02-06.yml",
        "annotations/statements/new-start.yml",
    ]
    assert len(BAD) >= 30 and MULTI == ["both-extensions", "duplicate-ids"]


def test_good_tree_loads_cleanly_into_sorted_objects() -> None:
    annotations, problems = load_annotations(FIXTURES / "good")
    assert problems == ()
    assert [c.article for c in annotations.corrections] == ["002_3a7575835685a05e", "003_8ee5cbf78979a153"]
    path = "annotations/articles/003_8ee5cbf78979a153.yml"
    assert annotations.corrections[1] == Correction(
        article="003_8ee5cbf78979a153",
        location=Location(path, 2),
        title="Russia invites US to discuss all strategic stability issues",
        date="2021-02-19",
        date_evidence=(
            'The dateline "MOSCOW, February 19. /TASS/." (line 5) gives no year; the text calls Antony '
            'Blinken "newly-appointed" (line 15), and he was sworn in on 2021-01-26.'
        ),
        event_date="2021-02-19",
        source="tass",
        source_evidence="The dateline names TASS (line 5).",
        republisher=None,
        url="https://tass.com/politics/1258789",
        archived_url=None,
        retrieved="2026-02-07",
        language="en",
        speakers_add=("sergey-lavrov",),
        speakers_remove=("donald-trump",),
        topics_add=("new-start",),
        topics_remove=(),
        notes="TASS report of Lavrov's interview with RBC.",
        field_lines=(
            ("title", 2), ("date", 3), ("date_evidence", 4), ("event_date", 7), ("source", 8), ("source_evidence", 9),
            ("url", 10), ("retrieved", 11), ("language", 12), ("speakers", 13), ("speakers.add", 14),
            ("speakers.remove", 15), ("topics", 16), ("topics.add", 17), ("notes", 18),
        ),
    )
    path = "annotations/events/2026-02-06-osce-talks.yml"
    assert annotations.events == (
        Event(
            id="2026-02-06-osce-talks",
            title="Lavrov's news conference after talks with the OSCE Chairperson-in-Office",
            date="2026-02-06",
            place="Moscow",
            description="Statement and answers to media questions after two days of talks.",
            articles=(
                EventArticle("002_3a7575835685a05e", "primary-record", None, Location(path, 7)),
                EventArticle("000_958310810f9c2547", "report", "Same-day wire report, in its own translation.", Location(path, 9)),
            ),
            location=Location(path, 2),
        ),
    )
    ids = [s.id for s in annotations.statements]
    assert ids == sorted(ids) and len(ids) == 5
    path = "annotations/statements/new-start.yml"
    counterparts = {s.id: s for s in annotations.statements}["lavrov-2026-02-06-american-counterparts"]
    assert counterparts == Statement(
        id="lavrov-2026-02-06-american-counterparts",
        article="002_3a7575835685a05e",
        quote="We remain prepared to discuss this matter with our American counterparts",
        prefix=None,
        suffix=None,
        speaker="sergey-lavrov",
        date="2026-02-06",
        topics=(),
        note=None,
        links=(
            Link("lavrov-2026-02-06-american-counterparts", "lavrov-2021-02-19-all-topics", "repeats", None, Location(path, 18)),
            Link(
                "lavrov-2026-02-06-american-counterparts",
                "lavrov-2026-02-06-equal-security",
                "context",
                '"This matter" is indivisible security.',
                Location(path, 20),
            ),
        ),
        location=Location(path, 10),
        quote_line=12,
        field_lines=(("article", 11), ("speaker", 15), ("date", 16)),
    )


@pytest.mark.parametrize("path", sorted(BAD))
def test_bad_fixture_gives_exactly_the_expected_problems(path: str) -> None:
    want = expected(BAD[path])
    assert want, f"{path} declares no `# expect:` lines"
    _, problems = parse_annotations({path: BAD[path]})
    assert formatted(problems) == want


@pytest.mark.parametrize("case", MULTI)
def test_problems_across_files_name_both_places(case: str) -> None:
    files = {path: data.decode() for path, data in read_yaml_files(FIXTURES / "multi" / case, "annotations")[0].items()}
    _, problems = parse_annotations(files)
    assert formatted(problems) == [line for path in sorted(files) for line in expected(files[path])]


def test_the_first_of_two_files_for_one_id_is_kept() -> None:
    annotations, _ = load_annotations(FIXTURES / "multi" / "both-extensions")
    assert [(event.id, event.title) for event in annotations.events] == [("talks", "Talks")]
    annotations, _ = load_annotations(FIXTURES / "multi" / "duplicate-ids")
    assert [(s.id, s.article) for s in annotations.statements] == [
        ("lavrov-eurasia", "002_3a7575835685a05e"),
        ("lavrov-security", "002_3a7575835685a05e"),
    ]


def test_objects_with_a_known_id_are_kept_for_cross_file_checks() -> None:
    """A broken required value becomes "" (already reported); a broken optional one None; bad items are dropped."""
    annotations, problems = parse_annotations({"annotations/statements/bad-values.yml": BAD["annotations/statements/bad-values.yml"]})
    assert problems
    (statement,) = annotations.statements
    assert (statement.id, statement.article, statement.quote, statement.speaker) == ("lavrov-eurasia", "", "", "")
    assert (statement.prefix, statement.date, statement.topics, statement.note) == (None, None, (), None)
    annotations, _ = parse_annotations({"annotations/events/bad-articles.yml": BAD["annotations/events/bad-articles.yml"]})
    (event,) = annotations.events
    assert (event.title, event.date, event.place) == ("", "2026-02-06", None)
    assert [(entry.article, entry.role) for entry in event.articles] == [("000_958310810f9c2547", "")]
    annotations, _ = parse_annotations({"annotations/statements/bad-links.yml": BAD["annotations/statements/bad-links.yml"]})
    assert [link.type for s in annotations.statements for link in s.links] == []
    annotations, _ = parse_annotations({"annotations/events/2026_02_06 Talks.yml": BAD["annotations/events/2026_02_06 Talks.yml"]})
    assert annotations.events == ()


def test_registry_files_are_left_to_the_registry_loader(tmp_path: Path) -> None:
    (tmp_path / "people.yml").write_text("not: [a registry\n")
    (tmp_path / "topics.yaml").write_bytes(b"\xff")
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "x.yml").write_text(GOOD["annotations/statements/2026-02-06.yml"])
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "broken.yml").write_bytes(b"title: caf\xe9\n")
    annotations, problems = load_annotations(tmp_path, "data/notes")
    assert formatted(problems) == ["data/notes/events/broken.yml:1: error: file is not valid UTF-8: byte 0xe9 in column 11; save it as UTF-8"]
    assert len(annotations.statements) == 3
    assert parse_annotations({"annotations/people.yml": "[", "annotations/sources.yaml": "{"}) == (parse_annotations({})[0], ())


def test_prefix_names_the_folders_in_messages() -> None:
    _, problems = parse_annotations({"notes/articles/x/y.yml": "title: x\n", "notes/x.yml": "a: 1\n"}, "notes")
    assert formatted(problems) == [
        "notes/articles/x/y.yml: error: unexpected subfolder `x`; put the file directly in notes/articles/",
        "notes/x.yml: error: unexpected file `x.yml`. Annotation files go in notes/articles/, notes/events/ or notes/statements/",
    ]


def test_missing_folder_loads_nothing(tmp_path: Path) -> None:
    assert load_annotations(tmp_path / "nowhere") == (parse_annotations({})[0], ())


def test_the_real_annotations_load_cleanly() -> None:
    annotations, problems = load_annotations(ROOT / "annotations")
    assert formatted(problems) == []
    assert annotations.statements and annotations.events and annotations.corrections


def test_good_fixtures_and_real_files_pass_the_schemas() -> None:
    real = {path: data.decode() for path, data in read_yaml_files(ROOT / "annotations", "annotations")[0].items()}
    for path, text in {**GOOD, **{p: t for p, t in real.items() if p.count("/") == 2}}.items():
        data, problems = parse_yaml(text, path)
        assert problems == ()
        assert [error.message for error in validator(schema_of(path)).iter_errors(data)] == [], path


@pytest.mark.parametrize("path", sorted(BAD))
def test_bad_fixture_and_schema_agree(path: str) -> None:
    """Field-level mistakes fail the schema too; rules about file names, calendars and uniqueness are the loader's alone."""
    (verdict,) = header(BAD[path], "# schema: ")
    if verdict.startswith("none ("):
        return
    data, problems = parse_yaml(BAD[path], path)
    assert problems == ()
    schema_errors = list(validator(schema_of(path)).iter_errors(data))
    if verdict == "fails":
        assert schema_errors
    else:
        assert verdict.startswith("passes (") and schema_errors == []


def test_schemas_are_valid_draft_2020_12_and_agree_with_the_loader_constants() -> None:
    for schema in SCHEMAS.values():
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$defs"]["edtf"]["pattern"] == f"^{EDTF_SHAPE.pattern}$"
        assert schema["$defs"]["text"]["pattern"] == "\\S"
    article, event, statements = SCHEMAS["article"], SCHEMAS["event"], SCHEMAS["statements"]
    assert article["$defs"]["slug"]["pattern"] == statements["$defs"]["slug"]["pattern"] == f"^{SLUG.pattern}$"
    assert tuple(article["properties"]) == CORRECTION_KEYS
    assert tuple(article["$defs"]["changes"]["properties"]) == CHANGE_KEYS
    assert article["$defs"]["url"]["pattern"] == f"^{URL.pattern}$"
    assert article["properties"]["language"]["pattern"] == f"^{LANGUAGE.pattern}$"
    assert (tuple(event["required"]), set(event["properties"])) == (EVENT_KEYS[0], set(sum(EVENT_KEYS, ())))
    entry = event["$defs"]["article"]
    assert (tuple(entry["required"]), set(entry["properties"])) == (EVENT_ARTICLE_KEYS[0], set(sum(EVENT_ARTICLE_KEYS, ())))
    assert entry["properties"]["role"]["enum"] == list(ROLES)
    statement = statements["$defs"]["statement"]
    assert (tuple(statement["required"]), set(statement["properties"])) == (STATEMENT_KEYS[0], set(sum(STATEMENT_KEYS, ())))
    link = statements["$defs"]["link"]
    assert (tuple(link["required"]), set(link["properties"])) == (LINK_KEYS[0], set(sum(LINK_KEYS, ())))
    assert link["properties"]["type"]["enum"] == list(LINK_TYPES)


def test_every_object_forbids_unknown_keys() -> None:
    def objects(node: object) -> list[dict]:
        if isinstance(node, dict):
            own = [node] if node.get("type") == "object" else []
            return own + [found for value in node.values() for found in objects(value)]
        return [found for value in node for found in objects(value)] if isinstance(node, list) else []

    for schema in SCHEMAS.values():
        assert objects(schema) and all(obj.get("additionalProperties") is False for obj in objects(schema))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "invalid EDTF date '2026-02-30': February 2026 has 28 days"),
        ("2024-02-30", "invalid EDTF date '2024-02-30': February 2024 has 29 days"),
        ("2026-00-01", "invalid EDTF date '2026-00-01': there is no month 00"),
        ("2026-02-06/2026-02-01", "invalid EDTF date '2026-02-06/2026-02-01': the interval ends before it starts"),
        ("unknown", "invalid EDTF date 'unknown': write YYYY-MM-DD, YYYY-MM or YYYY; EDTF adds ? (uncertain), "
         "~ (approximate), X (unspecified digit), [a,b] (one of) and a/b (from a to b)"),
    ],
)
def test_invalid_dates_say_why(value: str, message: str) -> None:
    _, problems = parse_annotations({"annotations/articles/a.yml": f"event_date: '{value}'\n"})
    assert formatted(problems) == [f"annotations/articles/a.yml:1: error: {message}"]


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("Y1E999999999", "years after 9999 (written with Y or an exponent) are beyond what the archive can date"),
        ("-0044-03-15", "years before 0001 are beyond what the archive can date"),
        ("1950S2", "significant digits (S) are not read here; write the unknown digits as X, e.g. 19XX"),
        ("2021-21", "seasons and other groupings of months (21 to 41) are not read here; write the months as an interval, e.g. 2021-03/2021-05"),
    ],
)
def test_dates_beyond_the_archive_say_why_wherever_they_are(value: str, why: str) -> None:
    message = f"invalid EDTF date '{value}': {why}"
    files = {
        "annotations/articles/a.yml": f"date: '{value}'\ndate_evidence: x\nevent_date: '{value}'\nretrieved: '{value}'\n",
        "annotations/events/e.yml": f"title: E\ndate: '{value}'\narticles: [{{article: a, role: report}}]\n",
        "annotations/statements/s.yml": f"statements:\n  - {{id: s, article: a, quote: q, speaker: p, date: '{value}'}}\n",
    }
    _, problems = parse_annotations(files)
    assert formatted(problems) == [
        f"annotations/articles/a.yml:1: error: {message}",
        f"annotations/articles/a.yml:3: error: {message}",
        f"annotations/articles/a.yml:4: error: {message}",
        f"annotations/events/e.yml:2: error: {message}",
        f"annotations/statements/s.yml:2: error: {message}",
    ]


@pytest.mark.parametrize("value", ["../", "/..", "../Y-"])
def test_dates_the_edtf_library_crashes_on_are_invalid_and_print_nothing(value: str, capsys) -> None:
    _, problems = parse_annotations({"annotations/articles/a.yml": f"retrieved: '{value}'\n"})
    assert [p.message.split(":")[0] for p in problems] == [f"invalid EDTF date '{value}'"]
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("value", ["2026", "2026-02", "2026-02-06?", "2026-02-XX", "20XX-02-29", "[2016-02-19, 2021-02-19]", "2022-12-05/2022-12-11", "2026/.."])
def test_edtf_forms_people_write_are_accepted(value: str) -> None:
    annotations, problems = parse_annotations({"annotations/articles/a.yml": f"event_date: '{value}'\n"})
    assert problems == () and annotations.corrections[0].event_date == value


ANY_PATH = st.sampled_from([
    "annotations/articles/002_3a7575835685a05e.yml",
    "annotations/events/talks.yml",
    "annotations/statements/a.yml",
    "annotations/other/a.yml",
])
KEYS = sorted(set(CORRECTION_KEYS + CHANGE_KEYS + sum(EVENT_KEYS + EVENT_ARTICLE_KEYS + STATEMENT_KEYS + LINK_KEYS, ())) | {"statements"})
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12) | st.sampled_from(
    ["2026-02-06", "2026-02-30", "sergey-lavrov", "Sergey Lavrov", "https://x.y", "en", "report", "repeats", "", " "]
)
YAMLISH = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_PATH, st.text())
def test_any_text_gives_problems_not_an_exception(path: str, text: str) -> None:
    _, problems = parse_annotations({path: text})
    assert list(problems) == sorted(problems, key=Problem.sort_key)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_PATH, YAMLISH, st.booleans())
def test_any_yaml_data_gives_problems_not_an_exception(path: str, data: object, wrapped: bool) -> None:
    text = yaml.safe_dump(json.loads(json.dumps({"statements": [data]} if wrapped else data)), allow_unicode=True)
    annotations, problems = parse_annotations({path: text})
    assert list(problems) == sorted(problems, key=Problem.sort_key)
    if not problems:
        assert isinstance(annotations.corrections + annotations.events + annotations.statements, tuple)


ID = st.sampled_from(["lavrov-eurasia", "Lavrov_Eurasia", "", 5])
TEXT = st.sampled_from(["We do not want NATO", "", " ", 7, None, ["x"]])
DATE = st.sampled_from(["2026-02-06", "2026-02", "2026", 2026, "2026-02-06?", "[2016-02-19,2021-02-19]", "Feb 2026", "", " 2026", ["2026"]])
IDS = st.sampled_from([[], ["nato"], ["nato", "nato"], ["NATO"], [""], [3], "nato", None])
CHANGES = st.fixed_dictionaries({}, optional={"add": IDS, "remove": st.sampled_from([[], ["osce"]]), "ad": st.just(["x"])})
ONE_CORRECTION = st.fixed_dictionaries(
    {},
    optional={
        "title": TEXT,
        "date": DATE,
        "date_evidence": TEXT,
        "source": ID,
        "source_evidence": TEXT,
        "url": st.sampled_from(["https://tass.com/x", "tass.com", "ftp://x.y"]),
        "language": st.sampled_from(["en", "pt-BR", "EN", "english"]),
        "speakers": st.one_of(CHANGES, st.just(None)),
        "topics": CHANGES,
        "titel": st.just("x"),
    },
)
ONE_EVENT = st.fixed_dictionaries(
    {"title": TEXT},
    optional={
        "date": DATE,
        "place": TEXT,
        "articles": st.lists(
            st.fixed_dictionaries(
                {"article": st.sampled_from(["002_3a7575835685a05e", "", 2])},
                optional={"role": st.sampled_from(ROLES + ("wire", "")), "note": TEXT},
            ),
            max_size=1,
        ),
    },
)
ONE_STATEMENT = st.fixed_dictionaries(
    {"id": ID, "quote": TEXT},
    optional={
        "article": st.sampled_from(["002_3a7575835685a05e", "", 2]),
        "speaker": ID,
        "prefix": TEXT,
        "date": DATE,
        "topics": IDS,
        "links": st.one_of(
            st.lists(
                st.fixed_dictionaries({"to": ID}, optional={"type": st.sampled_from(LINK_TYPES + ("repeat",)), "note": TEXT}),
                max_size=1,
            ),
            st.just("x"),
        ),
        "speeker": st.just("x"),
    },
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([
    ("annotations/articles/002_3a7575835685a05e.yml", ONE_CORRECTION),
    ("annotations/events/talks.yml", ONE_EVENT),
    ("annotations/statements/a.yml", ONE_STATEMENT.map(lambda statement: {"statements": [statement]})),
]).flatmap(lambda pair: st.tuples(st.just(pair[0]), pair[1])))
def test_loader_and_schema_agree_on_any_single_entry(case: tuple[str, dict]) -> None:
    """With one entry of well-formed EDTF shape there is nothing loader-only to trip on, so schema-valid means loader-clean."""
    path, data = case
    text = yaml.safe_dump(json.loads(json.dumps(data)), sort_keys=False, allow_unicode=True)  # fresh copies: no YAML aliases
    parsed, parse_problems = parse_yaml(text, path)
    assert parse_problems == ()
    schema_ok = not list(validator(schema_of(path)).iter_errors(parsed))
    _, problems = parse_annotations({path: text})
    assert schema_ok == (problems == ()), (text, formatted(problems))


def test_every_date_the_schema_shape_allows_is_judged_by_the_edtf_library() -> None:
    """The shape is only a filter: a string it lets through still has to be a valid EDTF date to load."""
    for value in ["2026-02-06", "2026-02-30", "2026-13", "..", "X", "[2016-02-19,2021-02-19]"]:
        assert EDTF_SHAPE.fullmatch(value)
        _, problems = parse_annotations({"annotations/articles/a.yml": f"event_date: '{value}'\n"})
        assert (problems == ()) == is_valid_edtf(value), value


def test_every_real_file_names_its_schema_on_the_first_line_and_passes_it() -> None:
    """Editors validate while typing only if the first line points at the right schema."""
    for path in sorted((ROOT / "annotations").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema_path = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema_path.parent == ROOT / "schemas" and schema_path.exists(), (path, schema_path)
        data, problems = parse_yaml(text, str(path))
        assert problems == ()
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        errors = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(data)
        assert [e.message for e in errors] == [], path
