#!/usr/bin/env python3
"""Benchmark: `build_archive.py check` on the real seeds with hostile annotation files, each at its size cap.

Each case copies annotations/ to bench/out/hostile/<case>/, replaces one file, runs `check` in a
child process and prints its wall time and exit code; a run that outlives --timeout is killed and
shown as such. Usage: bench/hostile_annotations.py [--timeout 60] [--case NAME ...]
"""

from __future__ import annotations

import argparse
import random
import shutil
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.registry import REGISTRY_MAX_BYTES  # noqa: E402  (the repository is not installed as a package)
from archive.yamlio import MAX_BYTES, MAX_TOTAL_BYTES  # noqa: E402

OUT = ROOT / "bench" / "out" / "hostile"
REAL_BYTES = sum(p.stat().st_size for p in (ROOT / "annotations").rglob("*.yml"))  # the real files stay in every case


def words(rng: random.Random, count: int, length: int = 9) -> list[str]:
    """Distinct made-up words, capitalised, that occur in no seed."""
    found: set[str] = set()
    while len(found) < count:
        found.add("Q" + "".join(rng.choice(string.ascii_lowercase) for _ in range(length - 1)))
    return sorted(found)


def filled(head: str, entries: Callable[[int], str], limit: int = REGISTRY_MAX_BYTES) -> str:
    """`head` and then as many entries as fit under the size cap `limit`."""
    parts, size, index = [head], len(head), 0
    while True:
        entry = entries(index)
        if size + len(entry.encode()) > limit - 100:
            return "".join(parts)
        parts.append(entry)
        size += len(entry.encode())
        index += 1


def real(name: str) -> str:
    """A real registry file, which hostile entries are appended to so that the rest of the check stays clean."""
    return (ROOT / "annotations" / name).read_text(encoding="utf-8")


def people(rng: random.Random) -> dict[str, str]:
    names = iter(words(rng, 120_000))
    entry = lambda i: f"  - id: p{i}\n    name: {next(names)} {next(names)}\n    aliases: [{', '.join(next(names) for _ in range(20))}]\n"
    return {"people.yml": filled(real("people.yml"), entry)}


def topics(rng: random.Random) -> dict[str, str]:
    names = iter(words(rng, 120_000))
    # Half the keywords are capitalised (matched case-sensitively), half lower case.
    keyword = lambda j: next(names) if j % 2 else next(names).lower()
    entry = lambda i: f"  - id: t{i}\n    name: T{i}\n    keywords: [{', '.join(keyword(j) for j in range(20))}]\n"
    return {"topics.yml": filled(real("topics.yml"), entry)}


def sources(rng: random.Random, marker: Callable[[str], str]) -> dict[str, str]:
    names = iter(words(rng, 120_000))
    entry = lambda i: f"  - id: s{i}\n    name: S{i}\n    kind: other\n    markers:\n" + "".join(
        f"      - {marker(next(names))}\n" for _ in range(20)
    )
    return {"sources.yml": filled(real("sources.yml"), entry)}


def statements(values: list[str], name: str = "hostile") -> dict[str, str]:
    """A statements file at the 1 MB cap whose statements quote a real article, each dated with the next of `values`."""
    quote = "We do not want NATO to be concerned with the security of the entire Eurasian continent"
    dates = iter(values)
    entry = lambda i: (
        f"  - id: {name}-{i}\n    article: 000_958310810f9c2547\n    quote: \"{quote}\"\n"
        f"    speaker: sergey-lavrov\n    date: '{next(dates)}'\n"
    )
    return {f"statements/{name}.yml": filled("statements:\n", entry, MAX_BYTES)}


def edtf_values(rng: random.Random) -> list[str]:
    """Distinct dates in forms that are not a plain YYYY-MM-DD: unspecified digits, open ends, qualifiers, sets."""
    forms = [
        lambda y, m, d: f"{y}-XX-{d:02d}",
        lambda y, m, d: f"{y}-{m:02d}-0X",
        lambda y, m, d: f"../{y}-{m:02d}-{d:02d}",
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}/..",
        lambda y, m, d: f"{y}-{m:02d}~",
        lambda y, m, d: f"{y}?-{m:02d}",
        lambda y, m, d: f"[..{y}-{m:02d}-{d:02d},{y + 1}]",
        lambda y, m, d: f"{str(y)[:3]}X-{m:02d}-{d:02d}",
    ]
    values = [form(y, m, d) for y in range(1900, 2100) for m in range(1, 13) for d in (1, 9) for form in forms]
    rng.shuffle(values)
    return values


def cases(rng: random.Random) -> dict[str, dict[str, str]]:
    plain = [f"{y}-{m:02d}-{d:02d}" for y in range(1900, 2100) for m in range(1, 13) for d in range(1, 29)]
    retrieved = lambda value: {"articles/001_21e0508c1e5625e4.yml": real("articles/001_21e0508c1e5625e4.yml") + f"retrieved: {value}\n"}
    return {
        "baseline": {},
        "backtracking-pattern": {"sources.yml": real("sources.yml") + "  - id: evil\n    name: Evil\n    kind: other\n    markers:\n      - pattern: '^(\\w+\\s?)+:$'\n"},
        "edtf-exponent-Y1E9999999": retrieved("Y1E9999999"),
        "edtf-exponent-Y1E999999999": retrieved("Y1E999999999"),
        "people-cap-aliases": people(rng),
        "topics-cap-keywords": topics(rng),
        "sources-cap-text-markers": sources(rng, lambda word: f"text: '{word} News'"),
        "sources-cap-re2-patterns": sources(rng, lambda word: f"pattern: '\\({word}\\s+[A-Z]{{2}}\\d*\\)'"),
        "statements-1MB-plain-dates": statements(plain),
        "statements-1MB-non-plain-dates": statements(edtf_values(rng)),
        # Everything at once: each registry at its cap, statements files up to the cap on all files together.
        "all-at-their-caps": {
            **people(rng), **topics(rng), **sources(rng, lambda word: f"text: '{word} News'"),
            **{name: text[: (MAX_TOTAL_BYTES - 3 * REGISTRY_MAX_BYTES - REAL_BYTES) // 2].rsplit("\n  - id:", 1)[0] + "\n"
               for i in range(2) for name, text in statements(plain, f"hostile-{i}").items()},
        },
    }


def run(case: str, files: dict[str, str], timeout: float) -> str:
    folder = OUT / case
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "annotations", folder)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    size = sum(len(text.encode()) for text in files.values())
    command = [sys.executable, str(ROOT / "build_archive.py"), "check", "--seeds", str(ROOT / "seeds"),
               "--annotations", str(folder), "--today", "2026-11-29", "--jobs", "1"]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"{case:34} {size / 1e6:5.2f} MB  > {timeout:.0f} s (killed)"
    elapsed = time.perf_counter() - start
    last = (done.stderr.strip().splitlines() or [""])[-1][:60]
    return f"{case:34} {size / 1e6:5.2f} MB  {elapsed:7.2f} s  exit {done.returncode}  {last}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a run is killed (default 60)")
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    args = parser.parse_args()
    for case, files in cases(random.Random(0)).items():
        if not args.case or case in args.case:
            print(run(case, files, args.timeout), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
