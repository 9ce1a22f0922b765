"""Rendering pages from an archive: front matter that reads back, one file per path."""

from __future__ import annotations

import pytest
import yaml

from archive.model import Archive, Event, Location, Registry
from archive.render import render_front_matter, render_site


def test_front_matter_reads_back():
    data = {"id": "x", "title": "Lavrov: \"quotes\" & colons: --- yes", "date": "2026-02-06", "n": None, "list": ["a: b", "#c"]}
    text = render_front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n")
    assert yaml.safe_load(text.strip("-\n")) == data


def test_a_page_is_never_written_over_another() -> None:
    # Validation refuses the id `index`; should one get through, rendering stops rather than replace the list.
    event = Event("index", "Talks", "2026-02-06", None, None, (), Location("annotations/events/index.yml"))
    with pytest.raises(ValueError, match="events/index.md"):
        render_site(Archive(articles=(), registry=Registry(), events=(event,)))
