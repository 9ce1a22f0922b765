"""Duplicate stories: which articles cover the same event, found across outlets without comparing every pair (pure).

Two channels propose pairs from the texts alone (archive/fingerprints.py): MinHash LSH finds pairs
whose shingle sets resemble each other (copies, rewrites, republications with other furniture),
and an index of sampled fingerprints finds pairs where one text keeps a share of the other's
shingles that unrelated texts never do (a report written from a transcript). The index skips a
fingerprint found in more than MAX_SHARED texts: a phrase that common says nothing of an event,
and skipping it keeps the pairs a fingerprint proposes bounded, so the cost grows with the texts,
not with their pairs. A proposed pair is then judged on its exact similarity, how far apart its
articles' dates can be, and the people both name (`judge`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from archive.edtf import edtf_bounds
from archive.fingerprints import NUM_PERM, Fingerprint, overlap

RESEMBLANCE = 0.5  # LSH's Jaccard threshold: copies and light rewrites (heavier ones keep enough of the sample for the index)
REWRITE = 0.3  # Jaccard from which a later text is a rewrite of an earlier one: one that changed half its sentences keeps about 0.3
MIN_SHARED = 3  # sampled fingerprints two texts must share to be compared by containment
MIN_SAMPLED_SHARE = 0.05  # ... and the share of the smaller text's sample they must be
MAX_SHARED = 24  # a fingerprint found in more texts is too common to propose pairs
LARGE_BUCKET = 64  # texts in one LSH bucket from which it pairs each with the first only
COPY = 0.8  # Jaccard from which the later text is a republication of the earlier


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two articles may be one story: their text, their dates and their people."""

    jaccard: float
    containment: float
    date_gap: int | None  # days between the nearest days their dates allow; 0 if they can be the same; None if unknown
    shared_people: tuple[str, ...]


def resembling_pairs(fingerprints: Sequence[Fingerprint], threshold: float = RESEMBLANCE) -> set[tuple[int, int]]:
    """Index pairs (i < j) whose MinHash signatures LSH puts in one bucket at the Jaccard threshold.

    A bucket of more than LARGE_BUCKET texts (a page copied that often) pairs each with its first
    text only: enough to group them, without a number of pairs that grows with its square.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for i, fp in enumerate(fingerprints):
            if fp.size:
                session.insert(i, fp.signature, check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:  # the storage API: each band's buckets
        for key in table.keys():
            members = sorted(table.get(key))
            if len(members) > LARGE_BUCKET:
                pairs.update((members[0], j) for j in members[1:])
            elif len(members) > 1:
                pairs.update(itertools.combinations(members, 2))
    return pairs


def containing_pairs(fingerprints: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    """Index pairs (i < j) sharing at least MIN_SHARED sampled fingerprints, MIN_SAMPLED_SHARE of the smaller sample."""
    sizes = np.fromiter((len(fp.sample) for fp in fingerprints), dtype=np.int64, count=len(fingerprints))
    if sizes.sum() == 0:
        return set()
    hashes = np.concatenate([fp.sample for fp in fingerprints])
    owners = np.repeat(np.arange(len(fingerprints), dtype=np.int64), sizes)
    order = np.argsort(hashes, kind="stable")
    hashes, owners = hashes[order], owners[order]
    _, starts, counts = np.unique(hashes, return_index=True, return_counts=True)
    groups = [owners[s:s + c] for s, c in zip(starts, counts) if 2 <= c <= MAX_SHARED]
    if not groups:
        return set()
    n = np.int64(len(fingerprints))
    codes = np.concatenate([np.fromiter((i * n + j for i, j in itertools.combinations(g.tolist(), 2)), dtype=np.int64)
                            for g in groups])
    pairs, shared = np.unique(codes, return_counts=True)
    first, second = pairs // n, pairs % n
    smaller = np.minimum(sizes[first], sizes[second])
    keep = (shared >= MIN_SHARED) & (shared >= MIN_SAMPLED_SHARE * smaller)
    return {(int(i), int(j)) for i, j in zip(first[keep], second[keep])}


def candidate_pairs(fingerprints: Sequence[Fingerprint]) -> list[tuple[int, int]]:
    """Every pair either channel proposes, sorted."""
    return sorted(resembling_pairs(fingerprints) | containing_pairs(fingerprints))


def date_gap(a: str, b: str) -> int | None:
    """Days between the nearest days two EDTF dates allow (0 if they overlap), None if either is unknown."""
    first, second = edtf_bounds(a), edtf_bounds(b)
    if first is None or second is None:
        return None
    if first[1] < second[0]:
        return (second[0] - first[1]).days
    if second[1] < first[0]:
        return (first[0] - second[1]).days
    return 0


def text_figures(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Exact Jaccard similarity and containment of two texts' shingles, rounded as evidence shows them."""
    similarity, contained = overlap(a, b)
    return round(similarity, 3), round(contained, 3)


def text_score(figures: tuple[float, float]) -> float:
    """What the texts alone say, from 0 to 1: the most `judge` can give, with the nearest dates and most people."""
    similarity, contained = figures
    return min(1.0, max(similarity / 0.5, contained / 0.2))


def evidence(figures: tuple[float, float], date_a: str, date_b: str, people_a: frozenset[str], people_b: frozenset[str]) -> Evidence:
    """The figures a pair is judged on."""
    return Evidence(figures[0], figures[1], date_gap(date_a, date_b), tuple(sorted(people_a & people_b)))


def judge(found: Evidence) -> float:
    """A score from 0 to 1 that two articles are one story.

    A copy (Jaccard 0.5 and more) needs nothing but its text, and a date that can be near. A
    report keeps far fewer of its record's shingles, and a spokesperson repeats whole sentences
    at one event after another, so containment counts as much as the dates and people corroborate
    it: fully with a date gap of a day or less and two people both name, less with one person,
    and much less when a date is unknown.
    """
    if found.date_gap is None:
        when = 0.6
    else:
        when = 1.0 if found.date_gap <= 1 else 0.85 if found.date_gap <= 3 else 0.5 if found.date_gap <= 14 else 0.2
    if found.jaccard >= 0.5:
        return round(min(1.0, found.jaccard / 0.5) * (1.0 if found.date_gap is None else when), 3)
    who = 1.0 if len(found.shared_people) >= 2 else 0.8 if found.shared_people else 0.6
    return round(text_score((found.jaccard, found.containment)) * when * who, 3)
