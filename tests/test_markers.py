"""Marker patterns on RE2 mean what they mean in Python."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from archive.markers import marker_regexp

# Every character but surrogates and those Python's Unicode tables leave unassigned (RE2's may be newer).
EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) not in ("Cs", "Cn"))


@pytest.mark.parametrize("pattern", [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"[^\W\d_]", r"[\w-]", r"[\d\s]", r"[^\d\s]"])
def test_marker_classes_mean_what_they_mean_in_python_for_every_character(pattern):
    """RE2 reads \\w, \\d and \\s as ASCII only; markers keep Python's Unicode meaning."""
    runs = pattern + "+"  # the same runs mean the same characters, with far fewer strings to compare
    assert marker_regexp(runs).findall(EVERY_CHARACTER) == re.findall(runs, EVERY_CHARACTER)
