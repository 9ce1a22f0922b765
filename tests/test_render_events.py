"""Event pages: the golden pages of the real events, and each same-statement pair shown record against report."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from archive.annotations import load_annotations
from archive.pipeline import build_archive
from archive.registry import load_registry
from archive.render import render_site
from archive.seeds import read_seeds

from conftest import ANNOTATIONS, GOLDEN, SEEDS, TODAY

EVENT_GOLDEN = GOLDEN / "events"
EVENT_IDS = sorted(p.stem for p in (ANNOTATIONS / "events").glob("*.yml"))
BODY = "Lavrov said the talks on strategic stability went on. The minister added that the talks would resume soon.\n"


def event_pages(seeds: Path, annotations: Path) -> dict[str, str]:
    """The event pages an archive renders, by event id, with every error of the build refused."""
    registry, _ = load_registry(annotations)
    curated, _ = load_annotations(annotations)
    raw, _ = read_seeds(seeds)
    archive, problems = build_archive(raw, registry, TODAY, curated)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return {e.id: render_site(archive)[f"events/{e.id}.md"] for e in archive.events}


@pytest.fixture(scope="module")
def real_event_pages() -> dict[str, str]:
    return event_pages(SEEDS, ANNOTATIONS)


@pytest.mark.parametrize("event_id", EVENT_IDS)
def test_event_page_matches_golden(real_event_pages: dict[str, str], event_id: str, update_golden: bool) -> None:
    golden = EVENT_GOLDEN / f"{event_id}.md"
    if update_golden:
        EVENT_GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(real_event_pages[event_id], encoding="utf-8", newline="\n")
    assert golden.exists(), "no golden file yet: run pytest --update-golden and review the diff"
    assert real_event_pages[event_id] == golden.read_text(encoding="utf-8")


def small_event(root: Path, members: list[tuple[str, str, str]], statements: list[dict[str, object]]) -> str:
    """The page of one event over seeds `members` (id, role, publication date) with `statements`, built in `root`."""
    seeds, annotations = root / "seeds", root / "annotations"
    for folder in (seeds, annotations / "articles", annotations / "events", annotations / "statements"):
        folder.mkdir(parents=True)
    for registry in ("people.yml", "topics.yml", "sources.yml"):
        shutil.copy(ANNOTATIONS / registry, annotations / registry)
    for article, _, date in members:
        (seeds / f"{article}.txt").write_text(f"Headline of {article}\n\n{BODY}", encoding="utf-8")
        dump(annotations / "articles" / f"{article}.yml", {"date": date, "date_evidence": "the test says so"})
    dump(annotations / "events" / "talks.yml", {
        "title": "Talks", "date": "2026-02-01",
        "articles": [{"article": article, "role": role} for article, role, _ in members],
    })
    dump(annotations / "statements" / "talks.yml", {"statements": [{"speaker": "sergey-lavrov", **s} for s in statements]})
    return event_pages(seeds, annotations)["talks"]


def dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def sides(page: str) -> list[str]:
    """The statement ids of the pairs' sides in page order: record, report, record, report…"""
    return re.findall(r"^.*\]\(\.\./articles/[^#)]+#statement-([\w-]+)\), .*$\n\{: \.wording__who \}", page, re.MULTILINE)


RECORD_QUOTE = {"quote": "the talks on strategic stability went on"}
REPORT_QUOTE = {"quote": "the talks would resume soon"}


def test_the_primary_record_is_the_record_side_wherever_the_link_is_written(tmp_path: Path) -> None:
    page = small_event(tmp_path, [("a_wire", "report", "2026-02-05"), ("b_transcript", "primary-record", "2026-02-07")], [
        {"id": "wire", "article": "a_wire", **REPORT_QUOTE},
        {"id": "record", "article": "b_transcript", **RECORD_QUOTE, "links": [{"to": "wire", "type": "same-statement"}]},
    ])
    assert sides(page) == ["record", "wire"]


def test_without_a_primary_record_the_earlier_article_is_the_record_side(tmp_path: Path) -> None:
    page = small_event(tmp_path, [("a_later", "report", "2026-02-07"), ("b_earlier", "rewrite", "2026-02-06")], [
        {"id": "later", "article": "a_later", **REPORT_QUOTE, "links": [{"to": "earlier", "type": "same-statement"}]},
        {"id": "earlier", "article": "b_earlier", **RECORD_QUOTE},
    ])
    assert sides(page) == ["earlier", "later"]


def test_on_the_same_date_the_article_id_decides(tmp_path: Path) -> None:
    page = small_event(tmp_path, [("b_second", "report", "2026-02-06"), ("a_first", "report", "2026-02-06")], [
        {"id": "second", "article": "b_second", **REPORT_QUOTE, "links": [{"to": "first", "type": "same-statement"}]},
        {"id": "first", "article": "a_first", **RECORD_QUOTE},
    ])
    assert sides(page) == ["first", "second"]


def test_differing_words_are_del_in_the_record_and_ins_in_the_report(tmp_path: Path) -> None:
    # The link written on both statements (validation warns) is still one pair.
    page = small_event(tmp_path, [("a_record", "primary-record", "2026-02-06"), ("b_wire", "report", "2026-02-06")], [
        {"id": "record", "article": "a_record", "quote": "the talks on strategic stability went on",
         "links": [{"to": "wire", "type": "same-statement"}]},
        {"id": "wire", "article": "b_wire", "quote": "the talks would resume soon",
         "links": [{"to": "record", "type": "same-statement", "note": "Wire *resume* / record `went on`"}]},
    ])
    assert sides(page) == ["record", "wire"]
    assert page.count('<div class="wording" markdown>') == 1
    assert ('the talks <del><span class="wording__sr">record: </span>on strategic stability went on</del>\n'
            "{: .wording__text .wording__text--record }") in page
    assert ('the talks <ins><span class="wording__sr">report: </span>would resume soon</ins>\n'
            "{: .wording__text .wording__text--report }") in page
    assert "33% of words in common; words that differ are marked." in page
    assert "Primary record, [unknown](../articles/a_record.md#statement-record), 2026-02-06\n{: .wording__who }" in page


def test_an_event_without_same_statement_pairs_has_no_wording_section(tmp_path: Path) -> None:
    page = small_event(tmp_path, [("a_record", "primary-record", "2026-02-06"), ("b_wire", "report", "2026-02-06")], [
        {"id": "record", "article": "a_record", **RECORD_QUOTE, "links": [{"to": "wire", "type": "context"}]},
        {"id": "wire", "article": "b_wire", **REPORT_QUOTE},
    ])
    assert "The record and its renderings" not in page and "wording" not in page
