"""Archive -> the search index, as script files under docs/archive/search/ (pure).

Every file is a classic script, `window.ArchiveSearch.register("<name>", <JSON>);`, so pages opened
from file:// can load it with a `<script>` element. Both engines (archive/search.py and
docs/assets/search/engine.js) load a file only when a query needs it:

| File | Holds | Loaded |
| --- | --- | --- |
| `index.js` | the number of documents, the `bounds` of the terms chunks, docs per metadata chunk, facet names, `fold` table, query `limits` | first query (the Explore page carries its data in itself: tools/mkdocs_hooks.py) |
| `terms/<n>.js` | `{"s": {key: postings}, "w": {word: stem}, "p": [first pair of each positions part]}` for the keys from the chunk's first key up to the next chunk's | a query's terms |
| `positions/<n>-<k>.js` | `{pair: [[positions] per document]}` for the pairs of terms chunk n from the k-th first pair in its `p` | phrases of three or more words |
| `docs/<k>.js` | metadata of documents k*S to k*S+S-1: kind, id, statement, title, date, url, source, speaker | results shown |
| `text/<d>.js` | document d's text, one string a paragraph | snippets shown |
| `facets.js` | for each facet its values (id, label, aliases) and each value's documents | filters and counts |

Documents are numbered newest first, then by article id, statement id after its article: sorting
results by date is sorting by number, and equal scores keep that order. Keys are compared as
UTF-16 code units, as JavaScript compares strings. A key is a stem, or a pair: the stems of two
words that stand next to each other (stop words included) within one title, name or paragraph,
joined by a space. Each key's postings are `[idf, gap, tf, gap, tf, ...]`: the document is the
previous one (at first -1) plus gap, and its weight for the key is `idf * tf`, computed in
integers by both engines (BM25F, k1 1.2, b 0.75; the title counts 3 times, the names twice
however often a name occurs). A phrase is scored by its pairs, so it needs neither word's
postings. Other lists of integers:

- each facet value's documents: gaps, a negative number -n meaning the next n documents follow
  one by one;
- positions: where the pair's first word stands in the document. Positions number every word,
  stop words included, across the document's fields, and skip one between two segments (title,
  names, paragraphs). A phrase is then a chain of pairs at consecutive positions, and pairs that
  cover each of its words are enough to check it: consecutive positions are never in two segments.

`w` maps a word to its stem where the two differ, so that a prefix matches the words as written
("negotiat*" finds "negotiations", whose stem is "negoti").

`bounds` says which terms chunk holds a key, so that a query's terms cost one file each and no
directory in between: chunk n's bound is the shortest start of its first key that sorts after
chunk n-1's last key ("" for chunk 0), and a key is in the last chunk whose bound is not after it.
The bounds are front-coded, one line each: how many characters (code points) it shares with the
previous bound, a space, and the rest of it. At 10,000 articles that is about 25 KB for 5,500
chunks, which is what made a second hop through a directory of chunks cost more than it saves.
"""

from __future__ import annotations

import json
import math
import os
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from archive.edtf import certain_year
from archive.model import Archive, Article, LinkedStatement
from archive.pipeline import newest_first
from archive.render.common import Context, shorten
from archive.search_text import FOLDS, STOP_WORDS, fold, is_stop_word, stem, words
from archive.site_paths import article_page, statement_page

FIELDS = ("title", "names", "text")
FIELD_BOOSTS = {"title": 3, "names": 2, "text": 1}
FACETS = ("kind", "speaker", "topic", "source", "year", "event")
K1, B = 1.2, 0.75
CHUNK_BYTES = 12_000  # a terms chunk closes past this size, so one term costs a query about this much
DOCS_PER_CHUNK = 16
# What either engine reads of a query: clauses past the first 16 and words of a phrase past the
# first 32 are left out, and a prefix needs two letters.
LIMITS = {"clauses": 16, "phrase_words": 32, "prefix": 2}
REGISTER = "window.ArchiveSearch.register("


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One result the search can give: an article, or a statement anchored in one."""

    kind: str  # "article" | "statement"
    article: str
    statement: str | None
    date: str
    title: str
    url: str  # relative to the site's root
    source: str  # the outlet's name; "" when unknown
    speaker: str  # a statement's speaker's name; "" for an article
    fields: tuple[tuple[str, tuple[str, ...]], ...]  # field -> segments; a phrase never spans two
    facets: tuple[tuple[str, tuple[str, ...]], ...]  # facet -> value ids

    def segments(self, field: str) -> tuple[str, ...]:
        return dict(self.fields).get(field, ())

    def metadata(self) -> dict[str, str]:
        """What a result shows, as written into docs/<k>.js."""
        shown = {"kind": self.kind, "id": self.article, "title": self.title, "date": self.date, "url": self.url, "source": self.source}
        if self.statement:
            shown |= {"statement": self.statement, "speaker": self.speaker}
        return shown


def search_documents(archive: Archive) -> tuple[SearchDocument, ...]:
    """Every article and anchored statement, in the index's order (newest first, then by ids)."""
    context = Context.of(archive)
    documents = [_article_document(a, context) for a in archive.articles]
    documents += [_statement_document(s, context) for s in archive.statements if s.statement.article in context.articles]
    return tuple(sorted(documents, key=lambda d: newest_first(d.date) + (d.article, d.statement or "")))


def _names(person_ids: Iterable[str], context: Context) -> tuple[str, ...]:
    """Each registry person's name and aliases, so a search for any spelling finds them."""
    return tuple(name for pid in dict.fromkeys(person_ids) if pid in context.people
                 for name in (context.people[pid].name, *context.people[pid].aliases))


def _facets(speakers: Iterable[str], topics: Iterable[str], article: Article, date: str, context: Context, kind: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    year = certain_year(date)
    source = article.source.value
    return (
        ("kind", (kind,)),
        ("speaker", tuple(dict.fromkeys(speakers))),
        ("topic", tuple(dict.fromkeys(topics))),
        ("source", (source,) if source in context.sources else ()),
        ("year", (str(year),) if year else ()),
        ("event", tuple(e.id for e, _ in context.events_of.get(article.id, []))),
    )


def _article_document(article: Article, context: Context) -> SearchDocument:
    speakers = [s.person for s in article.speakers if s.person]
    return SearchDocument(
        kind="article",
        article=article.id,
        statement=None,
        date=article.date.published,
        title=article.title.value,
        url=article_page(article.id),
        source=context.source_name(article, ""),
        speaker="",
        fields=(
            ("title", (article.title.value,)),
            ("names", _names([*speakers, *article.mentioned], context)),
            ("text", tuple(b.text for b in article.document.blocks)),
        ),
        facets=_facets(speakers, [t.topic for t in article.topics], article, article.date.published, context, "article"),
    )


def _statement_document(linked: LinkedStatement, context: Context) -> SearchDocument:
    statement = linked.statement
    article = context.articles[statement.article]
    date = context.statement_date(statement)
    # A statement without curated topics is about what its article is about.
    topics = statement.topics or [t.topic for t in article.topics]
    return SearchDocument(
        kind="statement",
        article=article.id,
        statement=statement.id,
        date=date,
        title=f"“{shorten(statement.quote, 12)}”",
        url=statement_page(article.id, statement.id),
        source=context.source_name(article, ""),
        speaker=context.person(statement.speaker),
        fields=(("names", _names([statement.speaker], context)), ("text", (statement.quote,))),
        facets=_facets([statement.speaker], topics, article, date, context, "statement"),
    )


@dataclass(frozen=True, slots=True)
class Terms:
    """What the index holds for every key: encoded postings, pair positions, word -> stem."""

    postings: dict[str, list[int]]
    positions: dict[str, array]  # pair -> doc, n, position * n, doc, ...: made into lists only as written
    stems: dict[str, str]

    def places(self, pair: str) -> list[list[int]]:
        """The positions of the pair's first word in each of its documents."""
        flat, out, i = self.positions[pair], [], 0
        while i < len(flat):
            out.append(flat[i + 2:i + 2 + flat[i + 1]].tolist())
            i += 2 + flat[i + 1]
        return out


def index_terms(documents: tuple[SearchDocument, ...]) -> Terms:
    """Weighted postings of every stem and word pair, positions of every pair, and stems of the words."""
    # Flat arrays, not lists of tuples, so that 10,000 articles fit in a few hundred megabytes.
    counts: dict[str, array] = {}  # key -> doc, title tf, names tf, text tf, doc, ...
    pairs: dict[str, array] = {}  # pair -> doc, n, position * n, doc, ...
    vocabulary: set[str] = set()
    lengths = {field: array("l") for field in FIELDS}
    for number, document in enumerate(documents):
        position = 0
        counted: list[Counter[str]] = []  # key -> tf, in each field
        neighbours: defaultdict[str, list[int]] = defaultdict(list)  # pair -> positions of its first word
        for field in FIELDS:
            tf: Counter[str] = Counter()
            length = 0
            for segment in document.segments(field):
                found = words(fold(segment))
                vocabulary.update(found)
                stemmed = list(map(stem, found))
                kept = [s for w, s in zip(found, stemmed) if w not in STOP_WORDS]
                placed = list(map(" ".join, zip(stemmed, stemmed[1:])))
                length += len(kept)
                tf.update(kept)
                tf.update(placed)
                for at, pair in enumerate(placed, position):
                    neighbours[pair].append(at)
                position += len(found) + 1  # a position left out between segments: no chain of pairs spans two
            counted.append(tf)
            lengths[field].append(length)
        title, names, text = counted
        for key in title.keys() | names.keys() | text.keys():
            counts.setdefault(key, array("l")).extend((number, title[key], names[key], text[key]))
        for pair, places in neighbours.items():
            pairs.setdefault(pair, array("l")).extend((number, len(places), *places))
    # BM25F: a field's frequency counts its boost times, divided by the field's length relative to its average.
    averages = {f: sum(lengths[f]) / len(documents) for f in FIELDS} if documents else {}
    norms = [[boost / (1 - B + B * n / averages[f]) if n else 0.0 for n in lengths[f]] for f, boost in FIELD_BOOSTS.items()]
    postings = {key: _weighted(flat, norms, len(documents)) for key, flat in counts.items()}
    stems = {w: s for w in vocabulary if not is_stop_word(w) and (s := stem(w)) != w}
    return Terms(postings, pairs, stems)


def _weighted(flat: array, norms: list[list[float]], total: int) -> list[int]:
    """A key's postings: its idf, then each document's gap and saturated, length-normalised frequency."""
    idf = math.log(1 + (total - len(flat) // 4 + 0.5) / (len(flat) // 4 + 0.5))
    out, previous = [_round(10 * idf)], -1
    title, _, text = norms
    for i in range(0, len(flat), 4):
        doc = flat[i]
        # Each name says once that the person is there: no frequency, no length.
        weighted = flat[i + 1] * title[doc] + (FIELD_BOOSTS["names"] if flat[i + 2] else 0) + flat[i + 3] * text[doc]
        out += [doc - previous, _round(100 * weighted / (weighted + K1))]
        previous = doc
    return out


def _round(value: float) -> int:
    return int(value + 0.5)


def encode_documents(docs: Iterable[int]) -> list[int]:
    """Ascending document numbers as gaps, with -n for a run of n more consecutive documents."""
    out: list[int] = []
    previous = -1
    for doc in docs:
        if doc == previous + 1 and out and out[-1] < 0:
            out[-1] -= 1
        elif doc == previous + 1 and out:
            out.append(-1)
        else:
            out.append(doc - previous)
        previous = doc
    return out


def decode_documents(encoded: Iterable[int]) -> list[int]:
    """encode_documents undone."""
    out: list[int] = []
    doc = -1
    for value in encoded:
        if value > 0:
            doc += value
            out.append(doc)
        else:
            out.extend(range(doc + 1, doc + 1 - value))
            doc -= value
    return out


def key_order(key: str) -> bytes:
    """Sort key that orders strings as JavaScript's `<` does: by UTF-16 code units."""
    return key.encode("utf-16-be", "surrogatepass")


def chunk_keys(terms: Terms, limit: int = CHUNK_BYTES) -> list[list[str]]:
    """All keys in order, cut into chunks of about `limit` bytes (a key larger than that has a chunk to itself)."""
    keys = sorted(terms.postings.keys() | terms.stems.keys(), key=key_order)
    return _cut(keys, lambda k: len(k) + _size(terms.postings.get(k, [])) + len(terms.stems.get(k, "")) + 8, limit)


def chunk_bounds(chunks: list[list[str]]) -> list[str]:
    """For each chunk, the shortest start of its first key that sorts after the previous chunk's last key."""
    bounds = [""] if chunks else []
    for previous, chunk in zip(chunks, chunks[1:]):
        # The first character where the two differ decides their order in code units too.
        bounds.append(chunk[0][:_shared(previous[-1], chunk[0]) + 1])
    return bounds


def _shared(a: str, b: str) -> int:
    """How many characters `a` and `b` start with in common."""
    return len(os.path.commonprefix((a, b)))


def front_code(strings: list[str]) -> str:
    """Sorted strings as lines of "<characters shared with the previous> <the rest>"."""
    lines, previous = [], ""
    for string in strings:
        shared = _shared(previous, string)
        lines.append(f"{shared} {string[shared:]}")
        previous = string
    return "\n".join(lines)


def front_decode(text: str) -> list[str]:
    """front_code undone."""
    out: list[str] = []
    previous = ""
    for line in text.split("\n") if text else []:
        shared, rest = line.split(" ", 1)
        previous = previous[:int(shared)] + rest
        out.append(previous)
    return out


def _cut(keys: list[str], cost: Callable[[str], int], limit: int) -> list[list[str]]:
    chunks: list[list[str]] = []
    size = limit
    for key in keys:
        if size + cost(key) > limit:
            chunks.append([])
            size = 0
        chunks[-1].append(key)
        size += cost(key)
    return chunks


def _size(numbers: list[int]) -> int:
    """The length of a list of integers in compact JSON, counted without encoding it."""
    text = repr(numbers)
    return len(text) - text.count(" ")


def _facet_values(archive: Archive, documents: tuple[SearchDocument, ...]) -> dict[str, list[dict[str, object]]]:
    """Every value a filter can name: all of the registry's, and the years and kinds documents have."""
    registry = archive.registry
    years = sorted({v for d in documents for f, values in d.facets if f == "year" for v in values}, reverse=True)
    return {
        "kind": [{"id": "article", "label": "Article", "aliases": []}, {"id": "statement", "label": "Statement", "aliases": []}],
        "speaker": [{"id": p.id, "label": p.name, "aliases": list(p.aliases)} for p in sorted(registry.people, key=lambda p: p.id)],
        "topic": [{"id": t.id, "label": t.name, "aliases": []} for t in sorted(registry.topics, key=lambda t: t.id)],
        "source": [{"id": s.id, "label": s.name, "aliases": []} for s in sorted(registry.sources, key=lambda s: s.id)],
        "year": [{"id": y, "label": y, "aliases": []} for y in years],
        "event": [{"id": e.id, "label": e.title, "aliases": []} for e in archive.events],
    }


def render_facets(archive: Archive, documents: tuple[SearchDocument, ...]) -> list[dict[str, object]]:
    """Each facet's values and, for each value, its documents (encoded)."""
    members: dict[tuple[str, str], list[int]] = {}
    for number, document in enumerate(documents):
        for facet, values in document.facets:
            for value in values:
                members.setdefault((facet, value), []).append(number)
    return [
        {"name": facet, "values": values, "docs": [encode_documents(members.get((facet, str(v["id"])), [])) for v in values]}
        for facet, values in _facet_values(archive, documents).items()
    ]


def render_search_index(
    archive: Archive, chunk_bytes: int = CHUNK_BYTES, docs_per_chunk: int = DOCS_PER_CHUNK
) -> dict[str, str]:
    """Every index file, keyed by its path under docs/archive/search/."""
    documents = search_documents(archive)
    terms = index_terms(documents)
    chunks = chunk_keys(terms, chunk_bytes)
    files = {
        "index.js": script("index", {
            "version": 2,
            "documents": len(documents),
            "chunks": len(chunks),
            "bounds": front_code(chunk_bounds(chunks)),
            "docs_per_chunk": docs_per_chunk,
            "facets": list(FACETS),
            "fold": FOLDS,
            "limits": LIMITS,
        }),
        "facets.js": script("facets", render_facets(archive, documents)),
    }

    def add(name: str, data: object) -> None:
        files[f"{name}.js"] = script(name, data)  # written at once, so that positions are lists only briefly

    for n, keys in enumerate(chunks):
        chunk = {"s": {k: terms.postings[k] for k in keys if k in terms.postings}, "w": {k: terms.stems[k] for k in keys if k in terms.stems}}
        # About the JSON size: a position and its comma take about four characters.
        parts = _cut([k for k in keys if k in terms.positions], lambda k: len(k) + 4 * len(terms.positions[k]), chunk_bytes)
        if parts:
            chunk["p"] = [part[0] for part in parts]
        for k, part in enumerate(parts):
            add(f"positions/{n}-{k}", {key: terms.places(key) for key in part})
        add(f"terms/{n}", chunk)
    for start in range(0, len(documents), docs_per_chunk):
        add(f"docs/{start // docs_per_chunk}", [d.metadata() for d in documents[start:start + docs_per_chunk]])
    for number, document in enumerate(documents):
        add(f"text/{number}", list(document.segments("text")))
    return files


_UNSAFE_IN_SCRIPT = re.compile("[<\u2028\u2029\ud800-\udfff]")


def _json(data: object) -> str:
    """Compact JSON with sorted keys; `<`, line and paragraph separators and lone surrogates as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Escaped, `<` cannot close the script element (`</script>`) or open a comment in it.
    return _UNSAFE_IN_SCRIPT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def script(name: str, data: object) -> str:
    """A file that hands `data` to the page's ArchiveSearch when loaded as a script."""
    return f"{REGISTER}{_json(name)},{_json(data)});\n"


def parse_script(text: str) -> tuple[str, object]:
    """The name and data of a file written by `script`; ValueError for anything else."""
    if not text.startswith(REGISTER) or not text.endswith(");\n"):
        raise ValueError("not a search index file")
    decoder = json.JSONDecoder()
    name, end = decoder.raw_decode(text, len(REGISTER))
    if text[end] != ",":
        raise ValueError("not a search index file")
    data, end = decoder.raw_decode(text, end + 1)
    if text[end:] != ");\n":
        raise ValueError("not a search index file")
    return name, data
