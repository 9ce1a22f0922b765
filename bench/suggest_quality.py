#!/usr/bin/env python3
"""Benchmark: how many of the links a curator would make `suggest` finds, and how many of its suggestions are right.

Two measurements, each for duplicate stories and for quote alignment, at the default threshold:
  - the seeds: `suggest` runs on seeds/ with the registry only, and is judged against the
    curation in annotations/ (its events' article pairs, its same-statement links);
  - the labelled cases of tests/fixtures/suggest/ (see its README): every case's articles
    in one corpus, so a case can be mistaken for another; judged against each case's labels,
    separately for the cases used while tuning and those held out. A duplicate pair is right
    when both articles are in one case with same_event: true; a quote pair when its report
    passage and record passage overlap a labelled pair's (half the words of the shorter).
Prints precision and recall, and lists the misses and wrong suggestions of the seeds and the
tuning cases; the held-out cases are measured only with --held-out (once tuning is done) and their
misses listed only with --show-held-out. Each measurement is printed twice: with nothing curated
(duplicates found, then quotes aligned in them) and with each case's event curated (quote
alignment alone, the target's measure).
Usage: bench/suggest_quality.py [--held-out] [--show-held-out] [--min-score S]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "suggest"
REGISTRY = ("people.yml", "sources.yml", "topics.yml")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def overlaps(a: str, b: str) -> bool:
    """Whether two passages share half the words of the shorter."""
    first, second = words(a), words(b)
    return bool(first and second) and len(first & second) >= 0.5 * min(len(first), len(second))


def run_suggest(seeds: Path, annotations: Path, min_score: float | None) -> list[dict]:
    command = [sys.executable, str(ROOT / "build_archive.py"), "suggest", "--format", "json", "--seeds", str(seeds),
               "--annotations", str(annotations), "--today", "2026-12-01"]
    if min_score is not None:
        command += ["--min-score", str(min_score)]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise SystemExit(f"suggest failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def registry_only(folder: Path) -> Path:
    annotations = folder / "annotations"
    annotations.mkdir()
    for name in REGISTRY:
        shutil.copy(ROOT / "annotations" / name, annotations / name)
    return annotations


def seeds_truth() -> tuple[set[frozenset[str]], list[tuple[str, str, str, str]]]:
    """The curation's duplicate pairs and its same-statement pairs (report article, passage, record article, passage)."""
    events = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "annotations" / "events").glob("*.yml"))]
    pairs = {frozenset((a["article"], b["article"])) for e in events for a in e["articles"] for b in e["articles"] if a["article"] < b["article"]}
    statements = {s["id"]: s for p in sorted((ROOT / "annotations" / "statements").glob("*.yml"))
                  for s in yaml.safe_load(p.read_text(encoding="utf-8"))["statements"]}
    quotes = []
    for s in statements.values():
        for link in s.get("links", []):
            other = statements.get(link["to"])
            if link["type"] == "same-statement" and other and other["article"] != s["article"]:
                quotes.append((s["article"], s["quote"], other["article"], other["quote"]))
    return pairs, quotes


def read_cases() -> list[dict]:
    cases = []
    for path in sorted(CASES.glob("*/case.yml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        case["name"] = path.parent.name
        case["folder"] = path.parent
        cases.append(case)
    return cases


def case_corpus(cases: list[dict], seeds: Path) -> dict[tuple[str, str], str]:
    """Every case article written as a seed; (case, file) -> article id."""
    ids = {}
    for number, (case, article) in enumerate((c, a) for c in cases for a in c["articles"]):
        data = (case["folder"] / article["file"]).read_bytes()
        ident = f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}"
        (seeds / f"{ident}.txt").write_bytes(data)
        ids[(case["name"], article["file"])] = ident
    return ids


def case_event(case: dict, ids: dict[tuple[str, str], str]) -> str:
    """A case's event as a curator would file it: its articles with their labelled roles."""
    dates = sorted(str(a["date"]) for a in case["articles"] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(a.get("date"))))
    entries = [{"article": ids[(case["name"], a["file"])], "role": a["role"]} for a in case["articles"] if a["role"] != "unrelated"]
    return yaml.safe_dump({"title": case["name"], "date": dates[0] if dates else "unknown", "articles": entries}, sort_keys=False)


def judge(found: list[dict], duplicates: set[frozenset[str]], quotes: list[tuple[str, str, str, str]],
          scope: set[str] | None = None) -> dict:
    """Precision and recall of both kinds; scope limits the suggestions judged to those touching these articles."""
    out = {}
    dup = [s for s in found if s["kind"] == "duplicate" and (scope is None or {s["a"]["article"], s["b"]["article"]} & scope)]
    proposed = {frozenset((s["a"]["article"], s["b"]["article"])) for s in dup}
    out["duplicate"] = (len(proposed & duplicates), len(proposed), len(duplicates),
                        sorted(map(sorted, duplicates - proposed)), sorted(map(sorted, proposed - duplicates)))
    quote = [s for s in found if s["kind"] == "quote" and (scope is None or s["a"]["article"] in scope)]

    def matches(s: dict, q: tuple[str, str, str, str]) -> bool:
        return (s["a"]["article"], s["b"]["article"]) == (q[0], q[2]) and overlaps(s["a"]["text"], q[1]) and overlaps(s["b"]["text"], q[3])

    right = [s for s in quote if any(matches(s, q) for q in quotes)]
    hit = [q for q in quotes if any(matches(s, q) for s in quote)]
    out["quote"] = (len(right), len(quote), len(quotes), [q for q in quotes if q not in hit], [s for s in quote if s not in right])
    return out


def report(title: str, judged: dict, show: bool) -> None:
    print(title)
    for kind in judged:
        right, proposed, truth, misses, wrong = judged[kind]
        precision = right / proposed if proposed else float("nan")
        recall = (truth - len(misses)) / truth if truth else float("nan")
        print(f"  {kind:<9} precision {precision:6.3f} ({right}/{proposed})   recall {recall:6.3f} ({truth - len(misses)}/{truth})")
        if not show:
            continue
        for miss in misses:
            print(f"    missed  {miss if kind == 'duplicate' else (miss[0], miss[1][:70], '=>', miss[3][:70])}")
        for bad in wrong:
            print(f"    wrong   {bad if kind == 'duplicate' else (bad['a']['article'], bad['a']['text'][:70], '=>', bad['b']['text'][:70], bad['score'])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="also measure the held-out cases (do this once tuning is done)")
    parser.add_argument("--show-held-out", action="store_true", help="also list the held-out cases' misses (makes them tuning cases)")
    parser.add_argument("--min-score", type=float, default=None, help="suggest's threshold (default: its own)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        seed_pairs, seed_quotes = seeds_truth()
        found = run_suggest(ROOT / "seeds", registry_only(work), args.min_score)
        report("seeds (judged against annotations/)", judge(found, seed_pairs, seed_quotes), True)
        cases = read_cases()
        if not cases:
            print("no labelled cases in tests/fixtures/suggest/")
            return 0
        corpus = work / "cases"
        corpus.mkdir()
        ids = case_corpus(cases, corpus)
        annotations = work / "cases-annotations"
        annotations.mkdir()
        for name in REGISTRY:
            shutil.copy(ROOT / "annotations" / name, annotations / name)
        found = run_suggest(corpus, annotations, args.min_score)
        (annotations / "events").mkdir()
        for case in cases:
            if case.get("same_event"):
                (annotations / "events" / f"{case['name']}.yml").write_text(case_event(case, ids), encoding="utf-8")
        case_of = {ident: case for (case, _), ident in ids.items()}
        given = [s for s in run_suggest(corpus, annotations, args.min_score)  # the quotes of the curated events alone
                 if s["kind"] == "quote" and case_of[s["a"]["article"]] == case_of[s["b"]["article"]]]
        for held_out in (False, True) if args.held_out or args.show_held_out else (False,):
            part = [c for c in cases if bool(c.get("held_out")) == held_out]
            scope = {ids[(c["name"], a["file"])] for c in part for a in c["articles"]}
            duplicates = {frozenset((ids[(c["name"], a["file"])], ids[(c["name"], b["file"])]))
                          for c in part if c.get("same_event") for a in c["articles"] for b in c["articles"] if a["file"] < b["file"]}
            quotes = [(ids[(c["name"], q["a"]["file"])], q["a"]["text"], ids[(c["name"], q["b"]["file"])], q["b"]["text"])
                      for c in part for q in c.get("quotes") or []]
            outlets = {a["outlet"] for c in part for a in c["articles"]}
            label = "held-out" if held_out else "tuning"
            show = args.show_held_out or not held_out
            report(f"{label} cases: {len(part)} cases, {len(scope)} articles, {len(outlets)} outlets; nothing curated",
                   judge(found, duplicates, quotes, scope), show)
            judged = judge(given, duplicates, quotes, scope)
            report(f"{label} cases, quotes alone: each case's event curated (its roles as labelled)", {"quote": judged["quote"]}, show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
