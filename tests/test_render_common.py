"""What every page family shares: front matter that reads back."""

from __future__ import annotations

import yaml

from archive.render.common import render_front_matter


def test_front_matter_reads_back():
    data = {"id": "x", "title": "Lavrov: \"quotes\" & colons: --- yes", "date": "2026-02-06", "n": None, "list": ["a: b", "#c"]}
    text = render_front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n")
    assert yaml.safe_load(text.strip("-\n")) == data
