#!/usr/bin/env python3
"""Benchmark: the security review's hostile inputs, built in memory at 1 MB and 5 MB, through the real stages.

Seeds go through archive.pipeline.parse_article, quotes through archive.anchor.locate_quote and
archive.validate.validate_annotations. Prints seconds per case and the ratio of the largest size to
the smallest: near 5 for 1 and 5 MB is linear, near 25 quadratic. Usage: bench/hostile_parse.py [--sizes 1,5]
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.anchor import locate_quote  # noqa: E402
from archive.registry import load_registry  # noqa: E402
from archive.model import Annotations, Article, Block, Location, RawSeed, Registry, Statement  # noqa: E402
from archive.pipeline import parse_article  # noqa: E402
from archive.seeds import read_seeds  # noqa: E402
from archive.validate import validate_annotations  # noqa: E402

TODAY = datetime.date(2026, 11, 29)
MB = 1_000_000
NEAR_MISSES = 200  # statements whose quote is one word off a sentence of the article
NEAR_MISS = "We do not want NATO to take responsibility for the security of the entire Eurasian continent"


def repeated(unit: str, size: int) -> str:
    """`unit` repeated to about `size` bytes."""
    return unit * max(1, size // len(unit.encode()))


def seed_case(body: Callable[[int], str], registry: Registry) -> Callable[[int], float]:
    """Seconds parse_article takes for a seed with a headline and the body `body(size)`."""

    def run(size: int) -> float:
        raw = RawSeed("seeds/hostile.txt", "hostile.txt", f"Hostile Seed\n\n{body(size)}\n".encode())
        start = time.perf_counter()
        parse_article(raw, registry, TODAY)
        return time.perf_counter() - start

    return run


def prefix_case(size: int) -> float:
    """Seconds locate_quote takes for a short quote in every sentence of a block, and a prefix that picks one."""
    half = repeated("the talks went on ", size // 2)
    blocks = (Block("paragraph", f"{half}at last the talks went on {half}".strip(), 3),)
    start = time.perf_counter()
    found = locate_quote(blocks, "talks", "at last the", None)
    elapsed = time.perf_counter() - start
    assert len(found) == 1
    return elapsed


def near_miss_case(registry: Registry) -> Callable[[int], float]:
    """Seconds validate_annotations takes for near-miss quotes in an article of real paragraphs repeated."""
    articles = {}
    for raw in read_seeds(ROOT / "seeds")[0]:
        article, _ = parse_article(raw, registry, TODAY)
        if article is not None:
            articles[article.id] = article
    real = articles["002_3a7575835685a05e"]

    def run(size: int) -> float:
        blocks: list[Block] = []
        chars = 0
        while chars < size:
            block = real.document.blocks[len(blocks) % len(real.document.blocks)]
            blocks.append(replace(block, line=len(blocks) + 1))
            chars += len(block.text)
        article = replace(real, document=replace(real.document, blocks=tuple(blocks)))
        statements = tuple(
            Statement(f"near-{i}", article.id, f"{NEAR_MISS} {i}", None, None, "sergey-lavrov", None, (), None, (), Location("s.yml", 4 * i + 1), 4 * i + 3)
            for i in range(NEAR_MISSES)
        )
        others: tuple[Article, ...] = tuple(a for a in articles.values() if a.id != article.id)
        start = time.perf_counter()
        problems = validate_annotations(Annotations(statements=statements), (article, *others), registry)
        elapsed = time.perf_counter() - start
        assert len(problems) == NEAR_MISSES
        return elapsed

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,5", help="input sizes in MB, comma-separated (default 1,5)")
    args = parser.parse_args()
    sizes = [int(float(mb) * MB) for mb in args.sizes.split(",")]
    registry, _ = load_registry(ROOT / "annotations")
    cases: list[tuple[str, Callable[[int], float]]] = [
        ("word.Word on one line", seed_case(lambda size: repeated("word.Word", size), registry)),
        ("A: on one line", seed_case(lambda size: repeated("A:", size), registry)),
        ("hard-wrapped lines", seed_case(lambda size: repeated("and the talks went\n", size), registry)),
        ("a run of full stops", seed_case(lambda size: "So" + "." * size + "And so on.", registry)),
        ("photo credit every other line", seed_case(lambda size: repeated("Photo: MFA\nThe minister at the talks\n", size), registry)),
        ("attributions on one line", seed_case(lambda size: repeated("said Sergey Lavrov ", size), registry)),
        ("written dates on one line", seed_case(lambda size: repeated("February 6, 2026 ", size), registry)),
        ("numeric dates on one line", seed_case(lambda size: repeated("12/10/2019 ", size), registry)),
        ("date lines and dates in prose", seed_case(lambda size: repeated("2026-02-06\nOn February 6, 2026 he said.\n", size), registry)),
        ("a run of place words", seed_case(lambda size: repeated("Moscow ", size), registry)),
        ("a run of titles", seed_case(lambda size: repeated("Minister ", size), registry)),
        ("names after text folding longer", seed_case(lambda size: repeated("Straße Lavrov said ", size), registry)),
        ("quote + prefix, locate_quote", prefix_case),
        (f"{NEAR_MISSES} near misses, validate*", near_miss_case(registry)),
    ]
    print(f"{'case':34}" + "".join(f"{size / MB:>8g} MB" for size in sizes) + f"   {sizes[-1] / MB:g} MB / {sizes[0] / MB:g} MB")
    for name, run in cases:
        seconds = [run(size) for size in sizes]
        print(f"{name:34}" + "".join(f"{s:9.2f} s" for s in seconds) + f"   {seconds[-1] / seconds[0]:8.1f}", flush=True)
    print("* the closest-text search has a fixed budget a run, so only finding the quotes grows with the article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
