#!/usr/bin/env python3
"""Measure the search index on synthetic archives: its size on disk, its files, and the bytes queries load.

The synthetic seeds are bench/build.py's (the real seeds' texts, paragraphs shuffled, dates
moved). For each query the Python engine runs over the index in memory and records the files it
loads, which are the files the browser engine would load; the first page of results adds the
metadata chunks and the texts of its ten results, and every query in the browser also loads
engine.js and lunr's two files once. Prints figures only; nothing is asserted.
Usage: bench/search_index.py [--n 1000 5000] [--large]
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.pipeline import build_archive  # noqa: E402  (the repository is not installed as a package)
from archive.registry import load_registry  # noqa: E402
from archive.search import open_index, resolve_filters, search  # noqa: E402
from archive.search_index import parse_script, render_search_index  # noqa: E402
from archive.seeds import read_seeds  # noqa: E402
from bench.build import OUT, make_corpus  # noqa: E402

TODAY = datetime.date(2026, 11, 29)
PAGE = 10  # results on the first page
QUERIES = [
    ("a common word", "lavrov", {}),
    ("a rare name", "Sinirlioglu", {}),
    ("a phrase", '"New START"', {}),
    ("a long phrase", '"the security of the entire Eurasian continent"', {}),
    ("a prefix", "negotiat*", {}),
    ("two words", "nuclear weapons", {}),
    ("with facets", "osce", {"speaker": ["Zakharova"], "year": ["2026"]}),
]
ASSETS = ["docs/assets/search/engine.js", "docs/assets/vendor/lunr/stemmer.js", "docs/assets/vendor/lunr/stop_word_filter.js"]


def measure(n: int) -> None:
    work = OUT / f"search-n{n}"
    seeds, annotations = work / "seeds", work / "annotations"
    make_corpus(n, seeds)
    shutil.rmtree(annotations, ignore_errors=True)
    annotations.mkdir(parents=True)
    for registry in ("people.yml", "topics.yml", "sources.yml"):
        shutil.copy(ROOT / "annotations" / registry, annotations)
    registry, _ = load_registry(annotations)
    raw, _ = read_seeds(seeds)
    start = time.perf_counter()
    archive, _ = build_archive(raw, registry, TODAY, jobs=os.cpu_count() or 1)
    parsed = time.perf_counter() - start
    start = time.perf_counter()
    files = render_search_index(archive)
    indexed = time.perf_counter() - start
    sizes = {path.removesuffix(".js"): len(text.encode("utf-8")) for path, text in files.items()}
    data = {name: parse_script(text)[1] for name, text in ((p.removesuffix(".js"), t) for p, t in files.items())}
    families: dict[str, list[int]] = {}
    for name, size in sizes.items():
        families.setdefault(name.split("/")[0], []).append(size)
    assets = sum((ROOT / a).stat().st_size for a in ASSETS)
    print(f"N={n}: {len(archive.articles)} articles, {len(archive.statements)} statements; pipeline {parsed:.1f} s, "
          f"index {indexed:.1f} s; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(f"  index: {sum(sizes.values()) / 1e6:.1f} MB in {len(sizes)} files")
    for family, found in sorted(families.items()):
        print(f"    {family + '/' if len(found) > 1 else family + '.js':<12} {len(found):6d} files  {sum(found) / 1e3:9.0f} KB  "
              f"largest {max(found) / 1e3:6.1f} KB")
    print(f"  engine.js + lunr: {assets / 1e3:.1f} KB, loaded once with the first query")
    print(f"  {'query':<50} {'results':>7} {'search':>14} {'+ first page':>14} {'+ snippets':>14}")
    for label, query, asked in QUERIES:
        loaded: list[str] = []

        def load(name: str) -> object:
            if name not in loaded:
                loaded.append(name)
            return data[name]

        index = open_index(load)
        filters, _ = resolve_filters(index, asked) if asked else ({}, [])
        results = search(index, query, filters, counts=True)
        searched = list(loaded)
        for hit in results.hits[:PAGE]:
            index.document(hit.doc)
        shown = list(loaded)
        for hit in results.hits[:PAGE]:
            index.text(hit.doc)

        def cost(names: list[str]) -> str:
            return f"{sum(sizes[x] for x in names) / 1e3:6.0f} KB {len(names):3d} f"

        described = f"{label}: {query}" + "".join(f" {facet}={','.join(v)}" for facet, v in asked.items())
        print(f"  {described[:50]:<50} {len(results.hits):7d} {cost(searched):>14} {cost(shown):>14} {cost(loaded):>14}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 5000], help="numbers of synthetic seeds (default 1000 5000)")
    parser.add_argument("--large", action="store_true", help="also 10,000")
    args = parser.parse_args()
    for n in args.n + ([10_000] if args.large else []):
        measure(n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
