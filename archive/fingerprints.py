"""Text as duplicate detection reads it: word shingles, their MinHash signatures and sampled fingerprints (pure).

A text's shingles are its runs of three folded words, hashed to 32 bits. Two texts resemble each
other by the Jaccard similarity of their shingle sets (copies, rewrites, republications), and one
renders the other by containment: the share of the smaller set found in the larger (a report
quoting a transcript in another translation keeps a fifth of its shingles; an unrelated article
on the same topic a fiftieth). MinHash signatures (datasketch) estimate the first for every pair
at once through LSH; the second is counted over a fixed sample of each text's shingles, those
whose hash is 0 modulo SAMPLE (Broder's mod-m sampling), so a shingle sampled in one text is
sampled in every other that has it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash

from archive.search_text import fold, words

SHINGLE = 3  # words a shingle
NUM_PERM = 32  # MinHash permutations: Jaccard estimates within about 0.09 at 0.5; LSH only proposes pairs, exact figures judge them
SAMPLE = 8  # one shingle in SAMPLE is a fingerprint
_MASK = np.uint64(0xFFFFFFFF)
_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))  # odd multipliers, one a word position
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """One text's shingle set (sorted unique hashes), its sample and its MinHash signature."""

    shingles: np.ndarray  # uint32, sorted, unique
    sample: np.ndarray  # uint32, sorted, unique: the shingles that are 0 modulo SAMPLE
    signature: LeanMinHash

    @property
    def size(self) -> int:
        return len(self.shingles)


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_HASHES: dict[str, int] = {}  # a text's words repeat across texts: each is hashed once a process


def text_words(text: str) -> list[str]:
    """The folded words of a text in order: case, accents and quote styles do not count."""
    if text.isascii():  # what fold and words do to ASCII, at a quarter of the cost
        return _ASCII_WORD.findall(text.lower().replace("'", ""))
    return words(fold(text))


def word_hash(word: str) -> int:
    """A word's 32-bit hash, the same in every process (CRC-32 of its UTF-8)."""
    found = _HASHES.get(word)
    if found is None:
        if len(_HASHES) > 1 << 20:
            _HASHES.clear()
        found = _HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return found


def shingle_hashes(tokens: list[str]) -> np.ndarray:
    """The sorted unique 32-bit hashes of every run of SHINGLE words; a text shorter than that hashes its words whole."""
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    hashed = np.fromiter((word_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    if len(tokens) < SHINGLE:
        return np.unique(hashed.astype(np.uint32))
    runs = len(tokens) - SHINGLE + 1
    combined = np.zeros(runs, dtype=np.uint64)
    for position in range(SHINGLE):
        combined = ((combined ^ hashed[position:position + runs]) * _MIX[position]) & _MASK
    return np.unique(combined.astype(np.uint32))


def fingerprint(text: str) -> Fingerprint:
    """A text's shingles, their sample and MinHash signature."""
    shingles = shingle_hashes(text_words(text))
    return _assembled(shingles, signature(shingles))


def signature(shingles: np.ndarray) -> np.ndarray:
    """The MinHash signature of a shingle set (datasketch's affine32 permutations), as NUM_PERM uint32."""
    sketch = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=_TEMPLATE.permutations, scheme="affine32")
    if len(shingles):
        sketch.update_batch(shingles.tolist())
    return sketch.hashvalues


def fingerprints_of(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Many texts' shingle sets end to end, their sizes and their signatures (a row each): three arrays
    that cross between processes at a fraction of the cost of a Fingerprint each."""
    sets = [shingle_hashes(text_words(text)) for text in texts]
    sizes = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    signatures = np.array([signature(s) for s in sets], dtype=np.uint32).reshape(len(sets), NUM_PERM)
    return sizes, np.concatenate(sets) if sets else np.zeros(0, dtype=np.uint32), signatures


def split_fingerprints(sizes: np.ndarray, shingles: np.ndarray, signatures: np.ndarray) -> list[Fingerprint]:
    """The Fingerprints that `fingerprints_of` packed."""
    return [_assembled(part, row) for part, row in zip(np.split(shingles, np.cumsum(sizes)[:-1]), signatures)]


def _assembled(shingles: np.ndarray, hashvalues: np.ndarray) -> Fingerprint:
    return Fingerprint(shingles, shingles[shingles % SAMPLE == 0], LeanMinHash(seed=1, hashvalues=hashvalues, scheme="affine32"))


def overlap(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """The exact Jaccard similarity of two shingle sets and their containment (the share of the smaller found
    in the larger), from one intersection."""
    shared = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
    union, smaller = a.size + b.size - shared, min(a.size, b.size)
    return (shared / union if union else 0.0), (shared / smaller if smaller else 0.0)


def jaccard(a: Fingerprint, b: Fingerprint) -> float:
    """The exact Jaccard similarity of two shingle sets."""
    return overlap(a, b)[0]


def containment(a: Fingerprint, b: Fingerprint) -> float:
    """The share of the smaller shingle set found in the larger."""
    return overlap(a, b)[1]
