#!/usr/bin/env python3
"""Benchmark: what the archive extracts from real pages, compared with what a careful reader labelled.

Reads the pages of tests/fixtures/real/ (see its README), parses each as a seed with the
shipped registry, and prints per-field accuracy (title, date, source) and speaker precision
and recall, for the pages used while writing rules and for the held-aside ones, then lists
the misses of the first. Usage: bench/extract_quality.py [--show-held-out] [--folder DIR]
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.extract import fold, label_person, name_index  # noqa: E402
from archive.model import Article, RawSeed, Registry  # noqa: E402
from archive.pipeline import parse_article  # noqa: E402
from archive.registry import load_registry  # noqa: E402

REAL = ROOT / "tests" / "fixtures" / "real"
TODAY = datetime.date(2026, 12, 1)  # relative dates resolve the same every run
LABEL_KEYS = {"url", "licence", "outlet", "title", "date", "published", "speakers", "held_out", "notes"}
FIELDS = ("title", "date", "source")


@dataclass(frozen=True, slots=True)
class Page:
    """A real page and its label."""

    name: str
    text: bytes
    label: dict

    @property
    def held_out(self) -> bool:
        return bool(self.label.get("held_out"))


@dataclass(frozen=True, slots=True)
class Outcome:
    """One page's extraction judged against its label: a miss message per field, None where right."""

    page: Page
    misses: dict[str, str | None]
    speakers_expected: frozenset[str]
    speakers_found: frozenset[str]


def read_pages(folder: Path = REAL) -> list[Page]:
    """Every `<name>.txt` with its `<name>.yml`, sorted by name; a page without a label is an error."""
    pages = []
    for text in sorted(folder.glob("*.txt")):
        label_path = text.with_suffix(".yml")
        if not label_path.exists():
            raise SystemExit(f"{text}: no label file {label_path.name}")
        label = yaml.safe_load(label_path.read_text(encoding="utf-8"))
        unknown = set(label) - LABEL_KEYS
        if unknown:
            raise SystemExit(f"{label_path}: unknown keys {sorted(unknown)}; expected {sorted(LABEL_KEYS)}")
        pages.append(Page(text.stem, text.read_bytes(), label))
    return pages


def expected_source(outlet: str, registry: Registry) -> str:
    """The registry id a label's outlet should come out as: its id, or "unknown" for an outlet not registered.

    A label written before the outlet was registered says "new: Name (home)"; once the registry has
    an outlet of that whole name or home page, that outlet is expected.
    """
    if not outlet.startswith("new:"):
        return outlet
    described = re.fullmatch(r"new:\s*(?P<name>.*?)\s*(?:\((?P<home>https?://[^)]*)\))?\s*", outlet)
    assert described is not None  # the pattern matches any text after "new:"
    name, home = _bare_name(described["name"]), _bare_home(described["home"] or "")
    for source in registry.sources:
        if name == _bare_name(source.name) or (home and home == _bare_home(source.home)):
            return source.id
    return "unknown"


def _bare_name(name: str) -> str:
    return fold(name).removeprefix("the ")


def _bare_home(home: str) -> str:
    return fold(home).removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


def person_key(name: str, registry: Registry) -> str:
    """A speaker as compared: a registry id, or the folded name of someone not registered."""
    ids = {p.id for p in registry.people}
    if name in ids:
        return name
    return label_person(name, name_index(registry.people)) or fold(name)


def judge(page: Page, article: Article | None, registry: Registry) -> Outcome:
    """Compare one page's extraction with its label."""
    label = page.label
    misses: dict[str, str | None] = dict.fromkeys(FIELDS)
    if article is None:
        misses = {field: "no article: the page has no text" for field in FIELDS}
        return Outcome(page, misses, frozenset(), frozenset())
    want_title = label.get("title")
    if want_title is None:
        if article.title.method == "headline":
            misses["title"] = f"took {article.title.value!r} as headline; the page shows none"
    elif " ".join(str(want_title).split()) != article.title.value:
        misses["title"] = f"{article.title.value!r} ({article.title.method}), want {want_title!r}"
    want_date = str(label.get("date", "unknown"))
    if article.date.published != want_date:
        misses["date"] = f"{article.date.published!r} ({article.date.method}), want {want_date!r}"
    want_source = expected_source(str(label["outlet"]), registry)
    if article.source.value != want_source:
        misses["source"] = f"{article.source.value!r}, want {want_source!r}"
    expected = frozenset(person_key(str(s), registry) for s in label.get("speakers") or ())
    found = frozenset(s.person or fold(s.name) for s in article.speakers)
    return Outcome(page, misses, expected, found)


def outcomes(pages: Iterable[Page], registry: Registry) -> list[Outcome]:
    """Every page parsed as a seed and judged."""
    judged = []
    for page in pages:
        article, _ = parse_article(RawSeed(f"tests/fixtures/real/{page.name}.txt", page.name + ".txt", page.text), registry, TODAY)
        judged.append(judge(page, article, registry))
    return judged


def scores(judged: list[Outcome]) -> dict[str, float]:
    """Accuracy per field and speaker precision and recall over all speakers of all pages."""
    n = len(judged) or 1
    result = {field: sum(o.misses[field] is None for o in judged) / n for field in FIELDS}
    right = sum(len(o.speakers_found & o.speakers_expected) for o in judged)
    found = sum(len(o.speakers_found) for o in judged)
    expected = sum(len(o.speakers_expected) for o in judged)
    result["speakers precision"] = right / found if found else 1.0
    result["speakers recall"] = right / expected if expected else 1.0
    return result


def report(name: str, judged: list[Outcome], show_misses: bool) -> list[str]:
    """Lines of figures for one part of the set, and its misses when asked."""
    if not judged:
        return [f"{name}: no pages"]  # figures of nothing would read as 0% right
    outlets = {str(o.page.label["outlet"]) for o in judged}
    lines = [f"{name}: {len(judged)} pages from {len(outlets)} outlets"]
    lines += [f"  {field:<19} {value:6.1%}" for field, value in scores(judged).items()]
    if show_misses:
        for o in judged:
            for field, miss in o.misses.items():
                if miss:
                    lines.append(f"  miss {o.page.name} {field}: {miss}")
            for extra in sorted(o.speakers_found - o.speakers_expected):
                lines.append(f"  miss {o.page.name} speakers: {extra!r} is not a speaker")
            for missing in sorted(o.speakers_expected - o.speakers_found):
                lines.append(f"  miss {o.page.name} speakers: {missing!r} not found")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-held-out", action="store_true", help="list the held-aside pages' misses too")
    parser.add_argument("--folder", type=Path, default=REAL, help="labelled pages (default tests/fixtures/real)")
    args = parser.parse_args(argv)
    registry, problems = load_registry(ROOT / "annotations")
    if any(p.severity == "error" for p in problems):
        raise SystemExit("the registry has errors; run build_archive.py check")
    judged = outcomes(read_pages(args.folder), registry)
    tuning = [o for o in judged if not o.page.held_out]
    held_out = [o for o in judged if o.page.held_out]
    print("\n".join(report("rules written with", tuning, show_misses=True)))
    print("\n".join(report("held aside", held_out, show_misses=args.show_held_out)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
