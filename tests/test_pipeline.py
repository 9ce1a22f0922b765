"""The joined stages: parallel parsing gives the serial result; any seed bytes parse and render."""

from __future__ import annotations

import functools
import os

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archive import pipeline
from archive.annotations import load_annotations
from archive.model import RawSeed
from archive.registry import load_registry
from archive.render import render_site
from archive.seeds import read_seeds

from conftest import ANNOTATIONS, SEEDS, TODAY


def test_parsing_in_worker_processes_renders_the_same_site(monkeypatch):
    registry, _ = load_registry(ANNOTATIONS)
    annotations, _ = load_annotations(ANNOTATIONS)
    seeds, _ = read_seeds(SEEDS)
    serial, serial_problems = pipeline.build_archive(seeds, registry, TODAY, annotations, jobs=1)
    monkeypatch.setattr(pipeline, "PARSE_CHUNK", 1)  # so five seeds are enough to use the pool
    parallel, parallel_problems = pipeline.build_archive(seeds, registry, TODAY, annotations, jobs=2)
    assert render_site(parallel) == render_site(serial)
    assert parallel_problems == serial_problems


REAL_LINES = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
PIECES = st.sampled_from(REAL_LINES) | st.text(max_size=60) | st.sampled_from(
    ["", "Question:", "SECRETARY KERRY:", "MOSCOW, February 19. /TASS/.", "12/10/2019", "<script>", "--8<--", "# x", "1.", "\t", "\r\n"]
)


@functools.cache
def shipped_registry():
    """The registry, loaded once for every example: it is frozen, and loading it was most of an example's time."""
    return load_registry(ANNOTATIONS)[0]


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), st.lists(PIECES, max_size=25).map(lambda parts: "\n".join(parts).encode("utf-8", "surrogatepass"))))
@example(b"Question:\nQuestion:")  # found by this test: turns with no text left no lead to derive a title from
def test_any_seed_parses_and_renders_without_an_exception(data):
    registry = shipped_registry()
    archive, problems = pipeline.build_archive((RawSeed("seeds/x.txt", "x.txt", data),), registry, TODAY)
    for path, text in render_site(archive).items():
        if path.startswith("articles/"):
            header = text.split("---\n", 2)[1]
            assert yaml.safe_load(header)["id"] == "x"
    assert all(p.severity in ("error", "warning") for p in problems)


def test_a_part_parse_reads_every_field_but_topics_language_and_words_as_the_whole_does():
    registry, _ = load_registry(ANNOTATIONS)
    text = ("Lavrov says talks on strategic stability may resume\n\nMOSCOW, March 3. /TASS/. Russian Foreign Minister "
            "Sergey Lavrov said on Tuesday that talks on New START may resume.\n")
    raw = RawSeed("seeds/900_a.txt", "900_a.txt", text.encode())
    whole, _ = pipeline.parse_article(raw, registry, TODAY)
    part, _ = pipeline.parse_article(raw, registry, TODAY, whole=False)
    assert whole.topics and whole.words and part.topics == () and part.words == 0
    assert (part.title, part.date, part.source, part.speakers, part.mentioned) == (whole.title, whole.date, whole.source, whole.speakers, whole.mentioned)
