"""The joined stages: parallel parsing gives exactly the serial result."""

from __future__ import annotations

from archive import pipeline
from archive.annotations import load_registry
from archive.curation import load_annotations
from archive.render import render_site
from archive.seeds import read_seeds

from conftest import ANNOTATIONS, SEEDS, TODAY


def test_parsing_in_worker_processes_renders_the_same_site(monkeypatch):
    registry, _ = load_registry(ANNOTATIONS)
    annotations, _ = load_annotations(ANNOTATIONS)
    seeds = read_seeds(SEEDS)
    serial, serial_problems = pipeline.build_archive(seeds, registry, TODAY, annotations, jobs=1)
    monkeypatch.setattr(pipeline, "PARSE_CHUNK", 1)  # so five seeds are enough to use the pool
    parallel, parallel_problems = pipeline.build_archive(seeds, registry, TODAY, annotations, jobs=2)
    assert render_site(parallel) == render_site(serial)
    assert parallel_problems == serial_problems
