#!/usr/bin/env python3
"""Benchmark: N synthetic seeds made from the five real ones; time the build against the I/O floor.

Prints wall time, peak memory and output size for `build_archive.py build`, for the I/O floor
(read every seed, write as many bytes as the build wrote, in as many files) and for
`mkdocs build`, and their ratios. Usage: bench/build.py [--n 1000] [--large] [--skip-mkdocs]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
ISO = re.compile(r"\b20\d\d-\d\d-\d\d")
WRITTEN = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (20\d\d)")
MONTHS = "January February March April May June July August September October November December".split()


def synthetic_seed(text: str, rng: random.Random) -> str:
    """The same article with its body paragraphs shuffled and its dates moved to a random day."""
    year, month, day = rng.randint(2021, 2026), rng.randint(1, 12), rng.randint(1, 28)
    text = ISO.sub(f"{year}-{month:02d}-{day:02d}", text)
    text = WRITTEN.sub(f"{MONTHS[month - 1]} {day}, {year}", text)
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    head, body = paragraphs[:2], paragraphs[2:]
    rng.shuffle(body)
    return "\n\n".join(head + body) + "\n"


def make_corpus(n: int, folder: Path) -> int:
    """Write n synthetic seeds into folder; returns their total size in bytes."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(n)
    bases = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    total = 0
    for i in range(n):
        data = synthetic_seed(bases[i % len(bases)], rng).encode("utf-8")
        (folder / f"{i:06d}_synthetic.txt").write_bytes(data)
        total += len(data)
    return total


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and the child's peak resident memory in MiB."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - start
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def io_floor(seeds: Path, out_bytes: int, out_files: int, scratch: Path) -> float:
    """Read every seed and write out_bytes spread over out_files files: what any build must pay."""
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    start = time.perf_counter()
    for path in sorted(seeds.iterdir()):
        path.read_bytes()
    chunk = b"x" * max(1, out_bytes // max(1, out_files))
    for i in range(out_files):
        (scratch / f"{i}.md").write_bytes(chunk)
    elapsed = time.perf_counter() - start
    shutil.rmtree(scratch)
    return elapsed


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def bench(n: int, run_mkdocs: bool) -> None:
    work = OUT / f"n{n}"
    seeds, site = work / "seeds", work / "site"
    seed_bytes = make_corpus(n, seeds)
    # The registry only: the curated files name the five real articles, which synthetic seeds are not.
    annotations = work / "annotations"
    shutil.rmtree(annotations, ignore_errors=True)
    annotations.mkdir()
    for registry in ("people.yml", "topics.yml", "sources.yml"):
        shutil.copy(ROOT / "annotations" / registry, annotations)
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(ROOT / "docs", site / "docs", ignore=shutil.ignore_patterns("archive", ".archive-*"))
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    for folder in ("tools", "overrides"):  # the hooks and the theme overrides mkdocs.yml names
        shutil.copytree(ROOT / folder, site / folder)
    build_s, build_mb = timed([sys.executable, str(ROOT / "build_archive.py"), "build", "--seeds", str(seeds), "--annotations", str(annotations), "--docs", str(site / "docs"), "--today", "2026-11-29"], ROOT)
    out_bytes, out_files = folder_size(site / "docs" / "archive")
    floor_s = io_floor(seeds, out_bytes, out_files, work / "floor")
    print(f"N={n}: {seed_bytes / 1e6:.1f} MB of seeds -> {out_files} files, {out_bytes / 1e6:.1f} MB in docs/archive/")
    print(f"  build_archive.py build  {build_s:8.2f} s   peak RSS {build_mb:7.0f} MiB   {n / build_s:8.0f} seeds/s")
    print(f"  I/O floor               {floor_s:8.2f} s   build / floor = {build_s / floor_s:.0f}x")
    if run_mkdocs:
        mk_s, mk_mb = timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(site / "mkdocs.yml"), "-d", str(site / "site")], site)
        site_bytes, site_files = folder_size(site / "site")
        index_mb = folder_size(site / "site" / "archive" / "search")[0] / 1e6
        print(f"  mkdocs build            {mk_s:8.2f} s   peak RSS {mk_mb:7.0f} MiB   mkdocs / build = {mk_s / build_s:.1f}x")
        print(f"  site: {site_files} files, {site_bytes / 1e6:.1f} MB; search index {index_mb:.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="number of synthetic seeds (default 1000)")
    parser.add_argument("--large", action="store_true", help="also run N=10,000")
    parser.add_argument("--skip-mkdocs", action="store_true", help="time only build_archive.py")
    args = parser.parse_args()
    for n in [args.n] + ([10_000] if args.large else []):
        bench(n, not args.skip_mkdocs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
