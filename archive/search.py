"""The query engine over the built index files: parse a query, match, rank, count facets.

docs/assets/search/engine.js is the same engine in the browser; tests/test_search_browser.py
runs one list of queries through both and compares ids and order. The specification:

**Query.** The query is folded (archive/search_text.py) and read left to right, skipping white
space. A piece is a quoted phrase, from `"` to the next `"` or the query's end, or a bare
word, up to white space or `"`. `+` before a piece makes it required, `-` excluded. A piece
gives a clause by its words:

- none (only symbols): no clause; one stop word: no clause, listed as ignored;
- a bare piece ending in `*`, with one word of at least `limits.prefix` letters: a prefix,
  matching every indexed word that starts with it;
- one word: a term, matching the word's stem;
- more words (`"New START"`, or a bare `U.S.-Russia`): a phrase, matching documents where the
  stems stand in that order at consecutive positions, stop words included; words past
  `limits.phrase_words` are left out.

Clauses past `limits.clauses` are left out and listed as ignored.

A phrase of more than two words is checked on the positions of a set of its pairs that holds
each word once at least, chosen by `_cover`; any such set gives the same matches.

**Matching.** With required clauses, a document must match all of them; without, at least one
optional clause. It must match no excluded clause. A blank query, or one of excluded clauses
only, starts from every document; a query that is not blank but gives no clause ("the",
"!!!") matches nothing. Filters keep documents that have, in every filtered facet, one of the
values asked for.

**Score.** The sum, over the required and optional clauses a document matches, of the clause's
weight: a term's `idf * tf`; a prefix's largest weight among its stems; a phrase's sum of the
weights of its pairs (two words next to each other are a key of the index, weighted as a stem
is). All integers. Results are ordered by score,
highest first, then by document number (newest first).

**Facet counts.** For each facet, each value's number of documents among those matching the
query and the filters of the other facets; values with none are left out; ordered by count,
highest first, then as the index lists the values.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from archive.search_index import decode_documents, front_decode, key_order, parse_script
from archive.search_text import fold, is_stop_word, stem, words

WHITESPACE = frozenset("\t\n\v\f\r \x85\u1680\u2028\u2029")  # Unicode's white space left after NFKD


@dataclass(frozen=True, slots=True)
class Clause:
    """One piece of a query: a term, prefix or phrase, required (+), excluded (-) or optional ("")."""

    sign: str
    kind: str  # "term" | "prefix" | "phrase"
    terms: tuple[str, ...]  # a term's stem, a prefix as folded, a phrase's stems (stop words too)


@dataclass(frozen=True, slots=True)
class Query:
    clauses: tuple[Clause, ...]
    ignored: tuple[str, ...]  # stop words and clauses past the limit, as folded
    blank: bool


@dataclass(frozen=True, slots=True)
class Hit:
    doc: int
    score: int


@dataclass(frozen=True, slots=True)
class Results:
    query: Query
    hits: tuple[Hit, ...]  # every match, best first
    facets: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # facet -> (value id, count); () unless asked


def parse_query(text: str, limits: Mapping[str, int]) -> Query:
    """A query's clauses; any text gives a Query, never an exception."""
    q = fold(text)
    clauses: list[Clause] = []
    ignored: list[str] = []
    i, n = 0, len(q)
    while i < n:
        if q[i] in WHITESPACE:
            i += 1
            continue
        sign = ""
        if q[i] in "+-":
            sign, i = q[i], i + 1
        if i < n and q[i] == '"':
            end = q.find('"', i + 1)
            end = n if end < 0 else end
            piece, quoted, i = q[i + 1:end], True, end + 1
        else:
            end = i
            while end < n and q[end] not in WHITESPACE and q[end] != '"':
                end += 1
            piece, quoted, i = q[i:end], False, end
        clause = _clause(sign, piece, quoted, limits, ignored)
        if clause is None:
            continue
        if len(clauses) < limits["clauses"]:
            clauses.append(clause)
        else:
            ignored.append(piece)
    return Query(tuple(clauses), tuple(ignored), all(c in WHITESPACE for c in q))


def _clause(sign: str, piece: str, quoted: bool, limits: Mapping[str, int], ignored: list[str]) -> Clause | None:
    found = words(piece)
    if not found:
        return None
    if not quoted and piece.endswith("*") and len(found) == 1 and len(found[0]) >= limits["prefix"]:
        return Clause(sign, "prefix", (found[0],))
    found = found[:limits["phrase_words"]]
    if len(found) == 1:
        if is_stop_word(found[0]):
            ignored.append(found[0])
            return None
        return Clause(sign, "term", (stem(found[0]),))
    return Clause(sign, "phrase", tuple(stem(w) for w in found))


@dataclass(frozen=True, slots=True)
class Index:
    """Built index files, each loaded when first needed: `load("terms/3")` is that file's data."""

    load: Callable[[str], object]
    manifest: dict
    bounds: tuple[bytes, ...]  # each terms chunk's bound (archive/search_index.py), as key_order sorts it

    @property
    def limits(self) -> Mapping[str, int]:
        return self.manifest["limits"]

    def _chunk_number(self, key: str) -> int:
        """The terms chunk that holds `key`, if the index has it: the last whose bound is not after it."""
        return max(0, bisect_right(self.bounds, key_order(key)) - 1)

    def _starts_with(self, number: int, prefix: str) -> bool:
        """Whether terms chunk `number` exists and its bound starts with `prefix`."""
        return number < len(self.bounds) and self.bounds[number].startswith(key_order(prefix))

    def _chunk(self, number: int) -> dict:
        return self.load(f"terms/{number}") if number < self.manifest["chunks"] else {"s": {}, "w": {}}

    def postings(self, term: str) -> dict[int, int]:
        """A stem's or pair's documents and weights (idf * tf), in document order; {} when no document has it."""
        encoded = self._chunk(self._chunk_number(term))["s"].get(term)
        if not encoded:
            return {}
        idf, out, doc = encoded[0], {}, -1
        for i in range(1, len(encoded), 2):
            doc += encoded[i]
            out[doc] = idf * encoded[i + 1]
        return out

    def placed(self, first: str, second: str) -> dict[int, frozenset[int]]:
        """Where the two stems stand next to each other: the first one's positions in each document."""
        key = f"{first} {second}"
        number = self._chunk_number(key)
        chunk = self._chunk(number)
        if key not in chunk["s"]:
            return {}
        places = self.load(f"positions/{number}-{_last_at_or_before(chunk['p'], key)}")[key]
        return {doc: frozenset(at) for doc, at in zip(self.postings(key), places)}

    def prefixed(self, prefix: str) -> list[str]:
        """Stems of the indexed words that start with `prefix`, and stems that do, in key order."""
        found: set[str] = set()
        number = self._chunk_number(prefix)
        while True:
            chunk = self._chunk(number)
            found.update(k for k in chunk["s"] if k.startswith(prefix) and " " not in k)
            found.update(s for w, s in chunk["w"].items() if w.startswith(prefix))
            number += 1
            # A chunk whose bound is past the prefix's words without sharing the prefix holds none of them.
            if not self._starts_with(number, prefix):
                return sorted(found, key=key_order)

    def facets(self) -> list[dict]:
        return self.load("facets")

    def document(self, doc: int) -> dict:
        """What a result shows: kind, id, statement, title, date, url, source, speaker."""
        size = self.manifest["docs_per_chunk"]
        return self.load(f"docs/{doc // size}")[doc % size]

    def text(self, doc: int) -> list[str]:
        return self.load(f"text/{doc}")


def _last_at_or_before(firsts: list[str], key: str) -> int:
    """The index of the last of the sorted `firsts` that is not after `key` (as JavaScript compares strings), or 0."""
    return max(0, bisect_right([key_order(k) for k in firsts], key_order(key)) - 1)


def open_index(load: Callable[[str], object]) -> Index:
    """An Index over a loader of its files by name."""
    manifest = load("index")
    return Index(load, manifest, tuple(map(key_order, front_decode(manifest["bounds"]))))


def read_index(folder: Path) -> Index:
    """The index built into `folder` (docs/archive/search/ or site/archive/search/); files are read when needed."""

    @functools.cache
    def load(name: str) -> object:
        found, data = parse_script((folder / f"{name}.js").read_text(encoding="utf-8"))
        if found != name:
            raise ValueError(f"{folder / name}.js registers {found!r}")
        return data

    return open_index(load)


def resolve_filters(index: Index, asked: Mapping[str, Iterable[str]]) -> tuple[dict[str, tuple[str, ...]], list[tuple[str, str]]]:
    """Filter values as value ids: a value may be given by its id, label or an alias, in any case and accents.

    Returns the filters and the (facet, value) pairs that name nothing.
    """
    facets = {f["name"]: f["values"] for f in index.facets()}
    resolved: dict[str, tuple[str, ...]] = {}
    unknown: list[tuple[str, str]] = []
    for facet, values in asked.items():
        ids: list[str] = []
        for value in values:
            spelled = words(fold(value))
            matching = [v["id"] for v in facets.get(facet, []) if spelled and spelled in _spellings(v)]
            if not matching:
                unknown.append((facet, value))
            ids += [m for m in matching if m not in ids]
        resolved[facet] = tuple(ids)
    return resolved, unknown


def _spellings(value: dict) -> list[list[str]]:
    return [words(fold(name)) for name in (value["id"], value["label"], *value["aliases"])]


def search(index: Index, text: str, filters: Mapping[str, Iterable[str]] = {}, counts: bool = False) -> Results:
    """Every document matching the query and the filters (value ids), best first; facet counts when `counts`."""
    query = parse_query(text, index.limits)
    positive = [c for c in query.clauses if c.sign != "-"]
    scores: dict[int, int] = {}
    if not positive:
        if query.blank or query.clauses:
            scores = dict.fromkeys(range(index.manifest["documents"]), 0)
    else:
        matched = [(c, _match(index, c)) for c in positive]
        required = [m for c, m in matched if c.sign == "+"]
        if required:
            candidates = set(min(required, key=len)).intersection(*required)
        else:
            candidates = set().union(*(m for _, m in matched))
        scores = {doc: sum(m.get(doc, 0) for _, m in matched) for doc in candidates}
    for clause in query.clauses:
        if clause.sign == "-":
            for doc in _match(index, clause):
                scores.pop(doc, None)
    filters = {f: tuple(v) for f, v in filters.items() if tuple(v)}
    facet_counts: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()
    if filters or counts:
        members = {f["name"]: {v["id"]: set(decode_documents(d)) for v, d in zip(f["values"], f["docs"])} for f in index.facets()}

        def kept(docs: Iterable[int], skip: str | None) -> set[int]:
            out = set(docs)
            for facet, values in filters.items():
                if facet != skip:
                    out &= set().union(*(members.get(facet, {}).get(v, set()) for v in values))
            return out

        if counts:
            facet_counts = tuple(_counts(facet, values, kept(scores, facet)) for facet, values in members.items())
        scores = {doc: scores[doc] for doc in kept(scores, None)}
    hits = tuple(Hit(doc, score) for doc, score in sorted(scores.items(), key=lambda item: (-item[1], item[0])))
    return Results(query, hits, facet_counts)


def _counts(facet: str, values: dict[str, set[int]], docs: set[int]) -> tuple[str, tuple[tuple[str, int], ...]]:
    found = [(value, len(members & docs), order) for order, (value, members) in enumerate(values.items())]
    return facet, tuple((value, n) for value, n, _ in sorted(found, key=lambda f: (-f[1], f[2])) if n)


def _match(index: Index, clause: Clause) -> dict[int, int]:
    """The documents a clause matches and the weight it gives each."""
    if clause.kind == "term":
        return index.postings(clause.terms[0])
    if clause.kind == "prefix":
        best: dict[int, int] = {}
        for term in index.prefixed(clause.terms[0]):
            for doc, weight in index.postings(term).items():
                best[doc] = max(best.get(doc, 0), weight)
        return best
    pairs = list(zip(clause.terms, clause.terms[1:]))
    found = [index.postings(" ".join(pair)) for pair in pairs]
    docs = set(min(found, key=len)).intersection(*found)
    if len(pairs) > 1 and docs:
        cover = _cover([len(f) for f in found])
        placed = {j: index.placed(*pairs[j]) for j in cover}
        docs = {d for d in docs if any(all(x + j in placed[j][d] for j in cover) for x in placed[0][d])}
    return {doc: sum(f[doc] for f in found) for doc in docs}


def _cover(costs: list[int]) -> list[int]:
    """Pairs of a phrase whose positions are enough to check it: each word in one, fewest documents in all.

    A cover that ends with pair j follows one that ends with pair j - 2 or j - 1 (fewer pairs first on a tie).
    """
    best: list[tuple[int, list[int]]] = []
    for j, cost in enumerate(costs):
        before = min((best[j - d] for d in (2, 1) if j >= d), key=lambda b: b[0], default=(0, []))
        best.append((before[0] + cost, before[1] + [j]))
    return best[-1][1]
