#!/usr/bin/env python3
"""Benchmark: `build_archive.py suggest --kind duplicate` on synthetic archives with planted duplicates.

Each archive has N articles of made-up prose (a word-bigram chain trained on the real pages of
tests/fixtures/real/, so no two articles share more than chance phrases), each with a headline,
a dateline and a registry person who speaks. A share of them (--planted, default 10%) are
planted duplicates of another article, a third of each kind:
  - copy: the same text, byte for byte but the headline's site tag;
  - rewrite: a third of its sentences replaced, a word changed in others, a day later or not;
  - republication: the same body under another site's furniture (menus, share lines, footer).
Prints, per size, wall time and peak memory of the whole process tree (proportional set size), how many pairs it
proposed, recall and precision of the planted pairs (a pair is right when both articles are
copies of one original), and the growth exponents between sizes.
Usage: bench/suggest_scale.py [--sizes 1000 10000] [--large (adds 100000)] [--planted 0.1] [--jobs 2] [--reuse]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
TRAINING = ROOT / "tests" / "fixtures" / "real"
SPEAKERS = ("Sergey Lavrov", "Maria Zakharova", "Sergey Ryabkov", "Antony Blinken", "Jens Stoltenberg", "Rose Gottemoeller",
            "Dmitry Peskov", "Ned Price", "Antonio Guterres", "Rafael Grossi")
CITIES = ("MOSCOW", "WASHINGTON", "GENEVA", "VIENNA", "BRUSSELS", "NEW YORK")
MONTHS = "January February March April May June July August September October November December".split()
FURNITURE = (["Skip to main content", "Home | World | Politics | Opinion | Subscribe", "Advertisement"],
             ["Share this article: Facebook Twitter Telegram WhatsApp", "Republished with permission. All rights reserved.",
              "Related stories", "Sign up for our newsletter"])


def chain() -> dict[str, list[str]]:
    """Each word of the real pages mapped to the words that follow it there."""
    follows: dict[str, list[str]] = defaultdict(list)
    for page in sorted(TRAINING.glob("*.txt")):
        words = re.findall(r"[A-Za-z][A-Za-z'-]*|[.,]", page.read_text(encoding="utf-8"))
        for a, b in zip(words, words[1:]):
            follows[a].append(b)
    return dict(follows)


def sentence(follows: dict[str, list[str]], rng: random.Random) -> str:
    starts = _starts(follows)
    word, out = rng.choice(starts), []
    while len(out) < rng.randint(14, 30):
        out.append(word)
        options = follows.get(word)
        word = rng.choice(options) if options else rng.choice(starts)
    text = " ".join(out).replace(" ,", ",").replace(" .", ".").strip(" ,.")
    return text[:1].upper() + text[1:] + "."


_STARTS: dict[int, list[str]] = {}


def _starts(follows: dict[str, list[str]]) -> list[str]:
    """The capitalised words a sentence may open with, listed once per chain."""
    if id(follows) not in _STARTS:
        _STARTS[id(follows)] = sorted(w for w in follows if w[:1].isupper())
    return _STARTS[id(follows)]


def article(follows: dict[str, list[str]], rng: random.Random) -> dict:
    year, month, day = rng.randint(2012, 2026), rng.randint(1, 12), rng.randint(1, 27)
    speaker = rng.choice(SPEAKERS)
    body = [sentence(follows, rng) for _ in range(rng.randint(10, 22))]
    body[1] = f"{body[1][:-1]}, {speaker} said."
    return {"title": " ".join(sentence(follows, rng).split()[:9]).rstrip(",.") , "city": rng.choice(CITIES), "date": (year, month, day),
            "body": body}


def render(story: dict, furniture: tuple[list[str], list[str]] = ([], [])) -> str:
    year, month, day = story["date"]
    paragraphs = [" ".join(story["body"][i:i + 3]) for i in range(0, len(story["body"]), 3)]
    lead = f"{story['city']}, {MONTHS[month - 1]} {day}, {year}. {paragraphs[0]}"
    return "\n\n".join([*furniture[0], story["title"], lead, *paragraphs[1:], *furniture[1]]) + "\n"


def rewrite(story: dict, follows: dict[str, list[str]], rng: random.Random) -> dict:
    body = list(story["body"])
    for i in rng.sample(range(2, len(body)), k=max(1, len(body) // 3)):
        body[i] = sentence(follows, rng)
    for i in rng.sample(range(len(body)), k=len(body) // 4):
        words = body[i].split()
        words[rng.randrange(len(words))] = rng.choice(("reportedly", "also", "again", "once more"))
        body[i] = " ".join(words)
    year, month, day = story["date"]
    return story | {"body": body, "date": (year, month, day + rng.randint(0, 1)), "title": story["title"] + " (updated)"}


def make_archive(n: int, planted: float, folder: Path) -> list[set[str]]:
    """Write n seeds and the registry into folder; returns the planted clusters of article ids."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "seeds").mkdir(parents=True)
    (folder / "annotations").mkdir()
    for name in ("people.yml", "sources.yml", "topics.yml"):
        shutil.copy(ROOT / "annotations" / name, folder / "annotations" / name)
    rng, follows = random.Random(n), chain()
    copies = int(n * planted)
    stories = [article(follows, rng) for _ in range(n - copies)]
    texts = [render(s) for s in stories]
    clusters: dict[int, set[int]] = {}
    for k in range(copies):
        base = rng.randrange(len(stories))
        kind = k % 3
        if kind == 0:
            text = texts[base].replace(stories[base]["title"], stories[base]["title"] + " | Daily Wire", 1)
        elif kind == 1:
            text = render(rewrite(stories[base], follows, rng))
        else:
            text = render(stories[base], FURNITURE)
        clusters.setdefault(base, {base}).add(len(texts))
        texts.append(text)
    order = list(range(len(texts)))
    rng.shuffle(order)  # planted copies are not next to their originals
    names = {}
    for position, i in enumerate(order):
        names[i] = f"{position:06d}_{i:016x}"
        (folder / "seeds" / f"{names[i]}.txt").write_text(texts[i], encoding="utf-8")
    return [{names[i] for i in members} for members in clusters.values()]


def tree_pss(pid: int) -> int:
    """Proportional resident bytes of a process and all its descendants, now: a page that a forked worker
    shares with its parent counts once in all, not once a process as resident sizes would."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1)) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


def run(folder: Path, jobs: int) -> tuple[float, int, list[dict]]:
    """Wall seconds, peak tree memory in bytes and the suggestions of one suggest run."""
    command = [sys.executable, str(ROOT / "build_archive.py"), "suggest", "--kind", "duplicate", "--format", "json",
               "--seeds", str(folder / "seeds"), "--annotations", str(folder / "annotations"), "--jobs", str(jobs),
               "--today", "2026-12-01"]
    out = folder / "suggestions.json"
    peak = [0]
    start = time.perf_counter()
    with out.open("w") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE, text=True)

        def watch() -> None:
            while process.poll() is None:
                peak[0] = max(peak[0], tree_pss(process.pid))
                time.sleep(0.5)  # reading smaps_rollup walks the page tables: often, it slows the process measured

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        _, err = process.communicate()
        watcher.join()
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"suggest failed ({process.returncode}): {err[-2000:]}")
    return elapsed, peak[0], json.loads(out.read_text())


def score(found: list[dict], clusters: list[set[str]]) -> tuple[float, float, int, int]:
    """Recall of planted pairs, precision of proposed pairs, and the two counts."""
    cluster_of = {a: i for i, members in enumerate(clusters) for a in members}
    truth = {frozenset((a, b)) for members in clusters for a in members for b in members if a < b}
    proposed = {frozenset((s["a"]["article"], s["b"]["article"])) for s in found}
    right = {p for p in proposed if len({cluster_of.get(a, a) for a in p}) == 1 and all(a in cluster_of for a in p)}
    return (len(right & truth) / len(truth) if truth else 1.0, len(right) / len(proposed) if proposed else 1.0, len(truth), len(proposed))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="also 100,000 articles")
    parser.add_argument("--planted", type=float, default=0.1, help="share of articles that are planted duplicates")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--reuse", action="store_true", help="reuse an archive of the same size already generated")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + ([100000] if args.large else [])))
    rows = []
    for n in sizes:
        folder = OUT / f"suggest-n{n}-p{args.planted}"
        truth_file = folder / "planted.json"
        if args.reuse and truth_file.exists():
            clusters = [set(c) for c in json.loads(truth_file.read_text())]
        else:
            made = time.perf_counter()
            clusters = make_archive(n, args.planted, folder)
            truth_file.write_text(json.dumps(sorted(sorted(c) for c in clusters)))
            print(f"n={n}: generated in {time.perf_counter() - made:.1f} s", flush=True)
        elapsed, peak, found = run(folder, args.jobs)
        recall, precision, truth, proposed = score(found, clusters)
        rows.append((n, elapsed, peak))
        print(f"n={n:>7}: {elapsed:7.1f} s, peak {peak / 2**20:7.0f} MiB (process tree, PSS), planted pairs {truth}, "
              f"proposed {proposed}, recall {recall:.3f}, precision {precision:.3f}", flush=True)
    for (n1, t1, m1), (n2, t2, m2) in zip(rows, rows[1:]):
        print(f"growth {n1} -> {n2}: time exponent {math.log(t2 / t1) / math.log(n2 / n1):.2f}, "
              f"memory exponent {math.log(m2 / m1) / math.log(n2 / n1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
