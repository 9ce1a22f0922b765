"""Marker patterns on RE2 mean what they mean in Python."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from archive import outlets
from archive.outlets import extract_source
from archive.markers import check_marker_pattern, marker_regexp, marker_screen, marker_text_regexp
from archive.model import RawSeed
from archive.registry import load_registry
from archive.seeds import decode_seed

from conftest import ANNOTATIONS, FIXTURES, SEEDS

# Every character but surrogates and those Python's Unicode tables leave unassigned (RE2's may be newer).
EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) not in ("Cs", "Cn"))


@pytest.mark.parametrize("pattern", [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"[^\W\d_]", r"[\w-]", r"[\d\s]", r"[^\d\s]"])
def test_marker_classes_mean_what_they_mean_in_python_for_every_character(pattern):
    """RE2 reads \\w, \\d and \\s as ASCII only; markers keep Python's Unicode meaning."""
    runs = pattern + "+"  # the same runs mean the same characters, with far fewer strings to compare
    assert marker_regexp(runs).findall(EVERY_CHARACTER) == re.findall(runs, EVERY_CHARACTER)


MARKER_PIECES = st.sampled_from(["^", "$", r"\b", r"\B", r"\s", r"\S", ".", "a", "b", " ", "(?i)", "(?:a|b)", "x*", r"\n", "[^a]", r"\A", r"\Z"])
TEXT_PIECES = st.sampled_from(["a", "b", "A", " ", "\n", "x", "-", "é"])


@settings(max_examples=1000)
@given(st.lists(MARKER_PIECES, min_size=1, max_size=6).map("".join), st.lists(TEXT_PIECES, max_size=20).map("".join))
def test_a_whole_text_search_finds_a_match_whenever_a_line_has_one(pattern, text):
    """extract_source skips a marker's lines when the whole text has no match: that must never hide a line's."""
    assume(check_marker_pattern(pattern) == "")
    whole_text = marker_text_regexp(pattern)
    if whole_text is not None and any(marker_regexp(pattern).search(line) for line in text.split("\n")):
        assert whole_text.search(text) is not None


def test_a_pattern_tied_to_a_texts_ends_is_read_line_by_line():
    assert marker_text_regexp(r"\AMOSCOW") is None and marker_text_regexp(r"TASS\Z") is None and marker_text_regexp(r"(?-m)^x") is None
    assert marker_text_regexp(r"^Office of the Spokesperson$").search("Remarks\nOffice of the Spokesperson\nMay 19")


def test_sources_found_with_the_whole_text_search_are_those_found_line_by_line(monkeypatch):
    """On the seeds and the real pages, with the shipped registry: the same outlets, evidence and warnings."""
    registry, _ = load_registry(ANNOTATIONS)
    documents = []
    for path in [*sorted(SEEDS.glob("*.txt")), *sorted((FIXTURES / "real").glob("*.txt"))]:
        text, _ = decode_seed(RawSeed(str(path), path.name, path.read_bytes()))
        documents.append(text)
    searched = [extract_source(text, registry) for text in documents]
    monkeypatch.setattr(outlets, "marker_text_regexp", lambda pattern: None)  # every marker read line by line
    assert searched == [extract_source(text, registry) for text in documents]
    assert {origin.value for origin, _, _ in searched} - {"unknown"}  # markers were found at all


def test_one_screen_says_which_markers_a_whole_text_may_hold() -> None:
    screen = marker_screen((r"^Reuters$", r"\(AFP\)", r"^By [A-Z][a-z]+ [A-Z][a-z]+$"))
    assert sorted(screen.Match("Menu\nReuters\nBy Jane Smith\nText")) == [0, 2]  # line anchors hold at every line
    assert screen.Match("Nothing here (A F P)") is None
