"""Values a contributor writes into annotations/, at their worst: each is refused with a reason or runs, quickly.

The inputs are those a security review used to hang or crash `build_archive.py check` on the real
seeds. No test here measures time, but each would hang if its fix regressed
(bench/hostile_annotations.py prints the figures).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.registry import parse_registry
from archive.extract import extract_topics, fold, matchable, name_index
from archive.speakers import extract_speakers
from archive.outlets import extract_source
from archive.model import Block, Document, Line, Person, RawSeed, Registry, SeedText, Topic
from build_archive import main

from conftest import ANNOTATIONS, SEEDS, TODAY

EMPTY_REGISTRY = {"annotations/people.yml": "people: []\n", "annotations/topics.yml": "topics: []\n"}


def annotations_with(tmp_path: Path, name: str, change) -> Path:
    """A copy of the real annotations/ whose file `name` is `change(its text)`."""
    folder = tmp_path / "annotations"
    shutil.copytree(ANNOTATIONS, folder)
    path = folder / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def check(annotations: Path, capsys) -> tuple[int, str, str]:
    """`build_archive.py check` on the real seeds: exit code, stdout and stderr."""
    code = main(["check", "--seeds", str(SEEDS), "--annotations", str(annotations), "--today", TODAY.isoformat(), "--jobs", "1"])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(text: str, blocks: tuple[Block, ...] = ()) -> Document:
    lines = (Line(1, text),)
    raw = RawSeed("seeds/x.txt", "x.txt", text.encode())
    return Document(SeedText(raw, "utf-8", hashlib.sha256(raw.data).hexdigest(), lines), None, blocks, ())


def one_paragraph(text: str) -> Document:
    return one_line(text, (Block("paragraph", text, 1),))


def sources_with_pattern(pattern: str) -> dict[str, str | None]:
    return {**EMPTY_REGISTRY, "annotations/sources.yml": f"sources:\n  - id: s\n    name: S\n    kind: other\n    markers:\n      - pattern: {json.dumps(pattern)}\n"}


def test_a_pattern_that_backtracks_in_python_checks_at_once(tmp_path, capsys):
    marker = "      - text: /TASS/\n      - pattern: '^(\\w+\\s?)+:$'\n"
    annotations = annotations_with(tmp_path, "sources.yml", lambda text: text.replace("      - text: /TASS/\n", marker, 1))
    code, out, err = check(annotations, capsys)
    assert (code, err) == (0, "") and re.match(r"checked \d+ seed\(s\)", out)


def test_a_pattern_that_backtracks_in_python_still_finds_its_line():
    registry, problems = parse_registry(sources_with_pattern(r"^(\w+\s?)+:$"))
    assert problems == ()
    assert extract_source(one_line("Лавров said" * 20 + ":").text, registry)[0].value == "s"
    assert extract_source(one_line("Лавров said " * 20 + "!:").text, registry)[0].value == "unknown"


@pytest.mark.parametrize("value", ["Y1E999999999", "Y1E9999999", "../", "/..", "../Y-"])
def test_a_retrieved_date_the_edtf_library_hangs_or_crashes_on_is_an_error_at_its_line(value, tmp_path, capsys):
    name = "articles/001_21e0508c1e5625e4.yml"
    annotations = annotations_with(tmp_path, name, lambda text: text + f"retrieved: {value}\n")
    line = (ANNOTATIONS / name).read_text(encoding="utf-8").count("\n") + 1
    code, out, err = check(annotations, capsys)
    assert (code, out) == (1, "")
    assert f"{annotations}/{name}:{line}: error: invalid EDTF date '{value}': " in err and "internal error" not in err


TOKENS = st.sampled_from([
    "a", "b", "é", "Ж", "1", "٣", " ", ":", "-", ".", "\\w", "\\W", "\\d", "\\D", "\\s", "\\S", "\\b", "\\B", "\\A", "\\Z",
    "[", "]", "[^", "^", "$", "(", ")", "(?:", "(?=", "(?!", "(?<=", "(?P<n>", "(?P=n)", "|", "*", "+", "?", "*?", "+?",
    "*+", "{2}", "{,2}", "{1,3}", "\\1", "(?i)", "(?s)", "(?x)", "[^\\W\\d_]", "\\u00e9", "\\x41", "\\\\", "\\.",
])
TEXT = st.text(alphabet="abAB1é ÉЖж٣\u00a0_-:.()[]\\", max_size=24)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, min_size=1, max_size=8).map("".join), TEXT)
def test_any_marker_pattern_is_refused_at_its_line_or_matches_as_python_would(pattern, text):
    registry, problems = parse_registry(sources_with_pattern(pattern))
    if problems:
        assert [(p.location.path, p.location.line, p.severity) for p in problems] == [("annotations/sources.yml", 6, "error")]
        assert registry.sources == ()
        return
    if re.search(r"\\[bB]", pattern.replace("\\\\", "")):
        text = text.encode("ascii", "ignore").decode()  # RE2's \b knows ASCII word characters only, as documented
    expected = re.search(pattern, text)
    source, _, _ = extract_source(one_line(text).text, registry)
    assert source.value == ("s" if expected else "unknown")
    if expected:
        assert source.evidence == f"outlet marker {expected.group(0)!r} on line 1"


def test_a_lone_accent_as_alias_or_keyword_is_an_error_and_no_ghost(tmp_path, capsys):
    person = '  - id: ghost\n    name: Ghost Writer\n    aliases: ["\\u0301"]\n'
    annotations = annotations_with(tmp_path, "people.yml", lambda text: text + person)
    (annotations / "topics.yml").write_text(
        (ANNOTATIONS / "topics.yml").read_text(encoding="utf-8") + '  - id: ghost\n    name: Ghost\n    keywords: ["\\u0301"]\n', encoding="utf-8"
    )
    code, _, err = check(annotations, capsys)
    assert code == 1
    errors = [line.split(": error: ")[1] for line in err.splitlines() if ": error: " in line]
    assert [message.split(" has no letter or digit")[0] for message in errors] == [
        "alias '\u0301' (U+0301) of person 'ghost'",
        "keyword '\u0301' (U+0301) of topic 'ghost'",
    ]
    registry, _ = parse_registry({**EMPTY_REGISTRY, "annotations/sources.yml": "sources: []\n", "annotations/people.yml": "people:\n" + person})
    assert extract_speakers(one_paragraph("Lavrov said that talks matter."), registry)[1] == ()


NAMES = st.text(alphabet="aé\u0301\u0308 -·'’.X", max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NAMES, min_size=1, max_size=4), st.text(alphabet="aéX \u0301-·.'", max_size=30))
def test_no_alias_or_keyword_matches_an_empty_span(names, text):
    people = (Person("p", "Person P", tuple(names), "", None),)
    topics = (Topic("t", "T", tuple(names), None),)
    assert all(start < end for start, end, _ in name_index(people).find(fold(text)))
    for topic in extract_topics(one_paragraph(text), Registry(topics=topics)):
        assert all(count > 0 and matchable(keyword) for keyword, count in topic.matches)
