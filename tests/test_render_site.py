"""Rendering every page from an archive: one file per path."""

from __future__ import annotations

import pytest

from archive.model import Archive, Event, Location, Registry
from archive.render import render_site


def test_a_page_is_never_written_over_another() -> None:
    # Validation refuses the id `index`; should one get through, rendering stops rather than replace the list.
    event = Event("index", "Talks", "2026-02-06", None, None, (), Location("annotations/events/index.yml"))
    with pytest.raises(ValueError, match="events/index.md"):
        render_site(Archive(articles=(), registry=Registry(), events=(event,)))
