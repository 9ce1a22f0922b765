"""The search index: which documents it holds, how it encodes them, and that its files are safe, loadable scripts."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from archive.search_index import (
    REGISTER,
    chunk_bounds,
    chunk_keys,
    decode_documents,
    encode_documents,
    front_code,
    front_decode,
    index_terms,
    key_order,
    parse_script,
    render_search_index,
    SearchDocument,
    script,
    search_documents,
)
from conftest import ROOT, SEARCH_FIXTURE, TODAY


def by_key(documents):
    return {(d.article, d.statement): d for d in documents}


def test_articles_and_anchored_statements_are_documents_newest_first(search_archive):
    documents = search_documents(search_archive)
    assert [(d.article, d.statement) for d in documents] == [
        ("a_phrase", None), ("a_phrase", "lavrov-new-start-ready"),
        ("c_briefing", None), ("c_briefing", "zakharova-osce-principles"),
        ("b_apart", None), ("e_umlaut", None), ("d_riabkov", None), ("f_markup", None),
    ]


def test_a_statement_links_to_its_highlighted_quote_and_has_its_own_facets(search_archive):
    documents = by_key(search_documents(search_archive))
    quote = documents["a_phrase", "lavrov-new-start-ready"]
    assert quote.kind == "statement"
    assert quote.url == "archive/articles/a_phrase.html#quote-lavrov-new-start-ready"
    assert quote.metadata()["speaker"] == "Sergey Lavrov"
    assert dict(quote.facets)["topic"] == ("new-start",)  # curated on the statement
    assert dict(quote.facets)["event"] == ("2026-02-06-talks",)  # its article's
    briefing = documents["c_briefing", "zakharova-osce-principles"]
    assert dict(briefing.facets)["topic"] == ("osce",)  # none curated: its article's
    assert dict(briefing.facets)["year"] == ("2025",)


def test_names_hold_every_spelling_of_the_people_a_document_speaks_or_names(search_archive):
    documents = by_key(search_documents(search_archive))
    assert documents["d_riabkov", None].segments("names") == (
        "Sergey Ryabkov", "Sergei Ryabkov", "Sergey Riabkov", "Sergei Riabkov", "Ryabkov", "Riabkov")
    assert "Feridun Sinirlioğlu" in documents["b_apart", None].segments("names")  # mentioned, not speaking
    assert dict(documents["b_apart", None].facets)["speaker"] == ()


def test_phrases_are_pairs_of_neighbours_within_a_segment(search_archive):
    documents = by_key(search_documents(search_archive))
    terms = index_terms((documents["a_phrase", None],))
    assert "new start" in terms.postings and "start treati" in terms.postings
    # The title ends "... New START" and the text starts "MOSCOW": no pair across them.
    assert "start moscow" not in terms.postings
    assert "the treati" in terms.postings  # stop words stand in pairs, so phrases keep them
    assert "the" not in terms.postings and "of" not in terms.postings
    assert terms.stems["talks"] == "talk"
    assert "discuss" not in terms.stems  # a word that is its own stem


def document(title: str, text: str) -> SearchDocument:
    return SearchDocument("article", "x", None, "2026", title, "", "", "", (("title", (title,)), ("names", ()), ("text", (text,))), ())


def test_weights_are_integers_that_favour_the_title():
    terms = index_terms((document("Treaty talks", "words and more words"), document("Other talks", "treaty and more words"),
                         document("Other news", "words and more words")))
    idf, gap_a, in_title, gap_b, in_text = terms.postings["treati"]
    assert (gap_a, gap_b) == (1, 1)
    assert in_title > in_text > 0
    assert idf > terms.postings["more"][0]  # in two documents of three, and in all three


@given(st.sets(st.integers(0, 300)))
def test_document_lists_read_back(docs):
    ordered = sorted(docs)
    encoded = encode_documents(ordered)
    assert decode_documents(encoded) == ordered
    assert len(encoded) <= len(ordered)


def test_runs_of_documents_take_two_numbers():
    assert encode_documents(range(1000)) == [1, -999]
    assert encode_documents([3, 4, 5, 9]) == [4, -2, 4]


def test_chunks_cover_the_keys_in_javascript_order(search_archive):
    terms = index_terms(search_documents(search_archive))
    chunks = chunk_keys(terms, 400)
    keys = [k for chunk in chunks for k in chunk]
    assert keys == sorted(terms.postings.keys() | terms.stems.keys(), key=key_order)
    assert len(chunks) > 5
    # UTF-16 order puts a character beyond the BMP before U+FF21, as JavaScript's `<` does.
    assert key_order("\U00020000") < key_order("\uff21")


def test_every_file_is_a_script_that_registers_its_own_name(search_archive):
    files = render_search_index(search_archive, chunk_bytes=400, docs_per_chunk=3)
    assert {"index.js", "facets.js", "docs/0.js", "terms/0.js", "positions/0-0.js", "text/0.js"} <= files.keys()
    for path, text in files.items():
        name, _ = parse_script(text)
        assert name + ".js" == path
    manifest = parse_script(files["index.js"])[1]
    assert manifest["documents"] == 8
    assert sum(path.startswith("terms/") for path in files) == manifest["chunks"] == len(front_decode(manifest["bounds"]))
    assert not [path for path in files if path.startswith("keys/")]  # the bounds are in the manifest: no directory to load


def test_each_key_is_in_the_last_chunk_whose_bound_is_not_after_it(search_archive):
    chunks = chunk_keys(index_terms(search_documents(search_archive)), 400)
    bounds = chunk_bounds(chunks)
    assert len(bounds) == len(chunks) > 5 and bounds[0] == ""
    for number, chunk in enumerate(chunks):
        for key in chunk:
            assert max(i for i, b in enumerate(bounds) if key_order(b) <= key_order(key)) == number, key
        # A bound is the first key's shortest start that still sorts after the previous chunk.
        if number:
            assert chunk[0].startswith(bounds[number]) and key_order(chunks[number - 1][-1]) < key_order(bounds[number])
            assert key_order(bounds[number][:-1]) <= key_order(chunks[number - 1][-1])


def test_bounds_are_the_shortest_separators():
    assert chunk_bounds([["arms", "new"], ["new start", "treati"], ["treatment"], ["\U00020000"], ["\uff21"]]) == \
        ["", "new ", "treatm", "\U00020000", "\uff21"]


@given(st.lists(st.text(alphabet=st.sampled_from("ab 1\u00e9\U00020000"), max_size=6), max_size=12))
def test_front_coding_gives_back_the_strings(strings):
    strings = sorted(set(strings), key=key_order)
    coded = front_code(strings)
    assert front_decode(coded) == strings
    assert len(coded) <= sum(len(s) + 3 for s in strings) + len(strings)


def test_text_from_articles_cannot_end_the_script():
    text = script("text/0", ["</script><script>alert(1)</script>", "a\u2028b\u2029c", "<!--", "\ud800"])
    assert "<" not in text and "\u2028" not in text and "\u2029" not in text and "\ud800" not in text
    assert text.startswith(REGISTER) and text.endswith(");\n")
    assert parse_script(text) == ("text/0", ["</script><script>alert(1)</script>", "a\u2028b\u2029c", "<!--", "\ud800"])


def test_the_markup_fixture_reaches_the_index_as_text(search_archive):
    files = render_search_index(search_archive)
    assert not [path for path, text in files.items() if "<" in text]
    assert any("onerror" in parse_script(text)[1]["s"] for path, text in files.items() if path.startswith("terms/"))


def test_same_archive_same_bytes(search_archive):
    assert render_search_index(search_archive) == render_search_index(search_archive)


def tree(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_the_index_with_the_pages_and_twice_the_same(tmp_path):
    built = []
    for seed in ("1", "2"):  # sets and dicts of strings iterate in another order in each process
        docs = tmp_path / seed / "docs"
        run = subprocess.run([sys.executable, str(ROOT / "build_archive.py"), "build", "--seeds", str(SEARCH_FIXTURE / "seeds"),
                              "--annotations", str(SEARCH_FIXTURE / "annotations"), "--docs", str(docs), "--today", TODAY.isoformat()],
                             env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        built.append(tree(docs / "archive" / "search"))
    assert built[0] == built[1]
    assert "index.js" in built[0] and "text/7.js" in built[0]
