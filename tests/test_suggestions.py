"""archive/suggestions.py through `build_archive.py suggest`: on a fixture corpus of a press conference's transcript,
a wire report of it, an unrelated story and a republication of that story."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import build_archive
from archive.duplicates import Evidence
from archive.suggestions import Digest, Judged, _event
from conftest import ANNOTATIONS, FIXTURES

CORPUS = FIXTURES / "suggestions" / "seeds"
RECORD, REPORT = "002_3a7575835685a05e", "000_958310810f9c2547"  # the fixture corpus's transcript and wire report
STORY, COPY = "003_8ee5cbf78979a153", "005_97a146e18a0340e2"  # a TASS story and the same under other furniture
FRAGMENT = re.compile(r"^--- # annotations/(\S+) \(score [0-9.]+\)\n(.*?)(?=^--- |\Z)", re.S | re.M)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """build_archive.py run in this process (an interpreter and scipy's import a run saved), its output captured."""
    out, err = io.StringIO(), io.StringIO()
    argv = [*args, "--today", "2026-11-29", "--jobs", "1"]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = build_archive.main(argv)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def registry_copy(folder: Path) -> Path:
    """Annotations that hold the shipped registry and nothing curated."""
    folder.mkdir()
    for name in ("people.yml", "sources.yml", "topics.yml"):
        shutil.copy(ANNOTATIONS / name, folder / name)
    return folder


@pytest.fixture()
def registry_only(tmp_path: Path) -> Path:
    return registry_copy(tmp_path / "annotations")


@pytest.fixture(scope="module")
def shared_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same, for tests that only read it: their runs are made once (see `suggest_once`)."""
    return registry_copy(tmp_path_factory.mktemp("suggest") / "annotations")


def suggest(annotations: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli("suggest", "--seeds", str(CORPUS), "--annotations", str(annotations), *args)


@functools.cache
def suggest_once(annotations: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """One run per set of arguments, for annotations no test changes."""
    return suggest(annotations, *args)


def paste(output: str, annotations: Path) -> list[str]:
    """Write each proposed file where its header says, as a curator would; the paths written."""
    written = []
    for m in FRAGMENT.finditer(output):
        path = annotations / m.group(1)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(m.group(2), encoding="utf-8")
        written.append(m.group(1))
    return written


def test_it_proposes_the_press_conference_with_its_transcript_as_primary_record(shared_registry: Path) -> None:
    done = suggest_once(shared_registry, "--kind", "duplicate")
    assert done.returncode == 0, done.stderr
    events = {path: yaml.safe_load(text) for path, text in FRAGMENT.findall(done.stdout)}
    roles = [{e["article"]: e["role"] for e in event["articles"]} for event in events.values()]
    assert {RECORD: "primary-record", REPORT: "report"} in roles
    assert {STORY: "report", COPY: "republication"} in roles  # and never the story with the press conference
    press = next(e for e in events.values() if any(a["article"] == RECORD for a in e["articles"]))
    assert str(press["date"]) == "2026-02-06"


def test_pasted_suggestions_pass_check_and_are_not_proposed_again(registry_only: Path) -> None:
    first = suggest(registry_only)
    written = paste(first.stdout, registry_only)
    assert any(p.startswith("events/") for p in written) and any(p.startswith("statements/") for p in written)
    checked = cli("check", "--seeds", str(CORPUS), "--annotations", str(registry_only))
    assert checked.returncode == 0, checked.stderr
    assert not [p for p in written if p in checked.stderr]  # neither an error nor a warning about them
    statements = [s for p in written if p.startswith("statements/") for s in yaml.safe_load((registry_only / p).read_text())["statements"]]
    links = [link for s in statements for link in s.get("links", [])]
    assert len(links) >= 8 and {link["type"] for link in links} == {"same-statement"}
    again = suggest(registry_only, "--format", "json")
    assert again.returncode == 0 and json.loads(again.stdout) == []
    listed = json.loads(suggest(registry_only, "--format", "json", "--all").stdout)
    assert listed and all(s["curated"] for s in listed)
    assert len([s for s in listed if s["kind"] == "quote"]) >= len(links)


def test_json_lists_each_pair_with_its_score_and_evidence(shared_registry: Path) -> None:
    done = suggest_once(shared_registry, "--format", "json")
    found = json.loads(done.stdout)
    assert {s["kind"] for s in found} == {"duplicate", "quote"}
    for s in found:
        assert set(s) == {"kind", "score", "curated", "evidence", "a", "b"} and 0.5 <= s["score"] <= 1 and s["curated"] is False
        assert set(s["a"]) == set(s["b"]) == {"article", "text"} and s["a"]["text"] and s["b"]["text"]
    quote = next(s for s in found if s["kind"] == "quote" and s["a"]["text"].startswith("This terrorist act"))
    assert quote["a"]["article"] == REPORT and quote["b"]["article"] == RECORD
    assert quote["b"]["text"].startswith("This terrorist attack once again confirmed")
    assert {"similarity", "in_order", "shared_words"} <= set(quote["evidence"])
    press = next(s for s in found if s["kind"] == "duplicate" and {s["a"]["article"], s["b"]["article"]} == {RECORD, REPORT})
    assert press["evidence"]["date_gap_days"] == 0 and "sergey-lavrov" in press["evidence"]["shared_people"]


def test_the_output_is_the_same_every_run_and_nothing_is_written(shared_registry: Path) -> None:
    before = sorted((p.relative_to(shared_registry.parent), p.stat().st_mtime_ns) for p in shared_registry.parent.rglob("*"))
    seeds = sorted((p.name, p.stat().st_mtime_ns) for p in CORPUS.iterdir())
    assert suggest_once(shared_registry).stdout == suggest(shared_registry).stdout
    assert sorted((p.relative_to(shared_registry.parent), p.stat().st_mtime_ns) for p in shared_registry.parent.rglob("*")) == before
    assert sorted((p.name, p.stat().st_mtime_ns) for p in CORPUS.iterdir()) == seeds


def test_a_higher_threshold_shows_fewer_and_a_bad_one_is_a_usage_error(shared_registry: Path) -> None:
    every = json.loads(suggest_once(shared_registry, "--format", "json", "--min-score", "0").stdout)
    strict = json.loads(suggest_once(shared_registry, "--format", "json", "--min-score", "0.99").stdout)
    assert len(strict) < len(every) and all(s["score"] >= 0.99 for s in strict)
    assert suggest_once(shared_registry, "--min-score", "1.5").returncode == 2


def test_annotations_that_do_not_load_give_errors_not_suggestions(registry_only: Path) -> None:
    (registry_only / "events").mkdir()
    (registry_only / "events" / "broken.yml").write_text("title: [unclosed\n", encoding="utf-8")
    done = suggest(registry_only)
    assert done.returncode == 1 and "broken.yml" in done.stderr and done.stdout == ""


def test_two_proposed_events_of_one_day_and_headline_get_two_ids() -> None:
    def group(n: int) -> tuple[list[Digest], dict]:
        a = Digest(f"{n}00_a", "Lavrov on talks", "2026-02-06", "tass", frozenset({"sergey-lavrov"}), 0)
        b = Digest(f"{n}01_b", "Lavrov on talks", "2026-02-06", "ria", frozenset({"sergey-lavrov"}), 0)
        return [a, b], {frozenset((a.id, b.id)): Judged(a, b, Evidence(0.9, 0.95, 0, ("sergey-lavrov",)), 1.0, False)}

    taken = {"2026-02-06-lavrov-on-talks"}  # one curated already
    paths = [_event(members, pairs, frozenset(), taken)[0].path for members, pairs in (group(1), group(2))]
    assert paths == ["events/2026-02-06-lavrov-on-talks-2.yml", "events/2026-02-06-lavrov-on-talks-3.yml"]
