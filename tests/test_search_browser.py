"""The browser engine (docs/assets/search/engine.js) from file://, against the Python engine on the same index files."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from archive.search import open_index, read_index, resolve_filters, search
from archive.search_text import STOP_WORDS, fold, stem, words

from conftest import FIXTURES
from test_search import HOSTILE

pytestmark = pytest.mark.browser

PAGE = '<!doctype html><meta charset="utf-8"><title>search</title><script src="assets/search/engine.js"></script>\n'

QUERIES = [
    ('"New START"', {}),
    ("new start", {}),
    ("Sinirlioglu", {}),
    ("Sinirlioğlu", {}),
    ("Müller", {}),
    ("STRASSE", {}),
    ("Riabkov", {}),
    ('"Sergei Lavrov"', {}),
    ("negotiat*", {}),
    ("sinirl*", {}),
    ("s*", {}),
    ("+osce -zakharova", {}),
    ('-"new start"', {}),
    ('"equal and indivisible security"', {}),
    ('"indivisible and equal security"', {}),
    ("U.S.-Russia talks", {}),
    ("lavrov’s “treaty”", {}),
    ("osce", {"year": ["2025"]}),
    ("", {"speaker": ["Zakharova"]}),
    ("", {"kind": ["statement"]}),
    ("arms", {"source": ["TASS"], "year": ["2024", "2023"]}),
    ("", {"topic": ["New START"], "speaker": ["sergei lavrov"]}),
    ("", {"event": ["2026-02-06-talks"]}),
    ("talks", {"speaker": ["nobody at all"]}),
    ("the", {}),
    ("", {}),
    *((query, {}) for query in HOSTILE),
]

ROOTS = ["negoti", "relat", "condit", "hop", "cri", "agre", "fe", "disabl", "mat", "meet", "mill", "mess", "general", "oscill",
         "sensit", "formal", "electr", "hope", "da", "serge", "valer", "alexe", "tr", "yell", "yield", "ye", "sy", "b", "plan"]
ENDINGS = ["", "s", "es", "ed", "ing", "ation", "ational", "tional", "ness", "ful", "ly", "ies", "y", "ize", "izer", "ization",
           "ism", "ity", "iveness", "ment", "ement", "ence", "ance", "able", "ible", "al", "ous", "ive", "ate", "iti", "ic", "ical",
           "er", "e", "ll", "eed", "bli", "logi", "alli", "entli", "eli", "ousli", "aliti", "biliti", "icate", "ative", "alize"]


@pytest.fixture(scope="module")
def page(browser, search_site):
    (search_site / "search.html").write_text(PAGE, encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto((search_site / "search.html").as_uri())
    page.wait_for_function("window.ArchiveSearch !== undefined")
    page.evaluate("window.engine = ArchiveSearch.open('archive/search/')")
    page.requests = requests
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def python(index, query, asked):
    filters, unknown = resolve_filters(index, asked)
    results = search(index, query, filters, counts=True)
    return {
        "filters": {f: list(v) for f, v in filters.items()},
        "unknown": [list(u) for u in unknown],
        "query": {"clauses": [asdict(c) | {"terms": list(c.terms)} for c in results.query.clauses],
                  "ignored": list(results.query.ignored), "blank": results.query.blank},
        "hits": [[h.doc, h.score] for h in results.hits],
        "facets": [[f, [list(c) for c in counts]] for f, counts in results.facets],
        "ids": [[index.document(h.doc)["id"], index.document(h.doc).get("statement")] for h in results.hits],
    }


BROWSER = """async ([query, asked]) => {
  const {filters, unknown} = await engine.resolveFilters(asked);
  const results = await engine.search(query, filters, {counts: true});
  const docs = await Promise.all(results.hits.map(h => engine.document(h.doc)));
  return {
    filters, unknown,
    query: {clauses: results.query.clauses, ignored: results.query.ignored, blank: results.query.blank},
    hits: results.hits.map(h => [h.doc, h.score]),
    facets: results.facets,
    ids: docs.map(d => [d.id, d.statement === undefined ? null : d.statement]),
  };
}"""


def test_nothing_is_loaded_before_the_first_query(page):
    assert [u for u in page.requests if "/archive/search/" in u or "/vendor/" in u] == []
    assert page.evaluate("engine.loaded") == []


@pytest.mark.parametrize(("query", "asked"), QUERIES)
def test_the_browser_finds_what_python_finds_in_the_same_order(page, search_site, query, asked):
    expected = python(read_index(search_site / "archive" / "search"), query, asked)
    assert page.evaluate(BROWSER, [query, asked]) == expected


def test_the_queries_cover_phrases_prefixes_facets_and_empty_results(search_site):
    index = read_index(search_site / "archive" / "search")
    outcomes = [python(index, q, f) for q, f in QUERIES]
    assert len(QUERIES) >= 20
    assert sum(bool(o["hits"]) for o in outcomes) >= 20 and sum(not o["hits"] for o in outcomes) >= 3
    assert {c["kind"] for o in outcomes for c in o["query"]["clauses"]} == {"term", "prefix", "phrase"}


def test_a_statement_result_links_to_its_quote(page):
    found = page.evaluate("""async () => {
      const results = await engine.search('"american counterparts"', {}, {});
      return Promise.all(results.hits.map(h => engine.document(h.doc)));
    }""")
    assert {(d["kind"], d["url"]) for d in found} == {
        ("article", "archive/articles/a_phrase.html"),
        ("statement", "archive/articles/a_phrase.html#quote-lavrov-new-start-ready")}


@pytest.mark.parametrize("query", ["riabkov", '"equal and indivisible security"', "sinirl*", '"new start" -osce', "the"])
def test_the_browser_loads_the_files_python_loads(page, search_site, query):
    loaded: list[str] = []
    index = read_index(search_site / "archive" / "search")
    search(open_index(lambda name: loaded.append(name) or index.load(name)), query)
    fresh = page.context.new_page()  # a page's engine keeps what it loaded: a new tab starts with nothing
    try:
        fresh.goto((search_site / "search.html").as_uri())
        fresh.wait_for_function("window.ArchiveSearch !== undefined")
        got = fresh.evaluate("async q => { const e = ArchiveSearch.open('archive/search/'); await e.search(q, {}, {}); return e.loaded; }", query)
    finally:
        fresh.close()
    assert sorted(got) == sorted(set(loaded))
    assert "facets" not in got and not [n for n in got if n.startswith(("docs/", "text/"))]


def test_a_second_copy_of_the_engine_keeps_the_first(page):
    # The Explore page loads engine.js early and the header search may ask for it again.
    kept = page.evaluate("""async () => {
      const first = window.ArchiveSearch, engine = first.open('archive/search/');
      await new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = 'assets/search/engine.js'; s.onload = resolve; s.onerror = reject;
        document.head.appendChild(s);
      });
      const again = ArchiveSearch.open('archive/search/');
      return [ArchiveSearch === first, again === engine, (await again.search('"new start"', {}, {})).hits.length > 0];
    }""")
    assert kept == [True, True, True]


def test_highlight_marks_the_words_in_the_original_text(page):
    ranges = page.evaluate("""async () => {
      const query = ArchiveSearch.parseQuery('"new start" Sinirlioglu negot*', {clauses: 16, phrase_words: 32, prefix: 2}, (await engine.ready()).fold);
      return engine.highlight('The NEW START treaty; Feridun Sinirlioğlu’s negotiations.', query);
    }""")
    text = "The NEW START treaty; Feridun Sinirlioğlu’s negotiations."
    assert [text[a:b] for a, b in ranges] == ["NEW", "START", "Sinirlioğlu’s", "negotiations"]


def word_list() -> list[str]:
    real = {w for path in sorted((FIXTURES / "real").glob("*.txt")) for w in words(fold(path.read_text(encoding="utf-8")))}
    made = {root + ending for root in ROOTS for ending in ENDINGS}
    return sorted(real | made | STOP_WORDS | {"\U00020000s", "ha\U00020000ing"})


def test_lunr_js_stems_and_stop_words_are_the_indexs(page):
    listed = word_list()
    assert len(listed) > 3000
    got = page.evaluate("""async (list) => {
      await ArchiveSearch.loadLunr();
      return list.map(w => [ArchiveSearch.stem(w), ArchiveSearch.isStopWord(w)]);
    }""", listed)
    assert [w for w, (s, stop) in zip(listed, got) if s != stem(w) or stop != (w in STOP_WORDS)] == []


SAMPLES = "".join(chr(c) for c in [*range(0x20, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x2070), *range(0x2C60, 0x2C80),
                                   0x1680, 0xFEFF, 0xFB01, 0xFF21, 0x1D400, 0x20000, 0x1F642, 0x2028, 0x2029, 0x85])


def test_fold_and_words_agree_with_python_on_latin_greek_and_cyrillic(page):
    table = page.evaluate("async () => (await engine.ready()).fold")
    got = page.evaluate("([text, table]) => [...text].map(c => ArchiveSearch.fold(c, table))", [SAMPLES, table])
    assert [(c, g) for c, g in zip(SAMPLES, got) if g != fold(c)] == []
    split = page.evaluate("([text, table]) => ArchiveSearch.words(ArchiveSearch.fold(text, table))", [SAMPLES, table])
    assert split == words(fold(SAMPLES))
