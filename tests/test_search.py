"""The query engine over built index files: the query language, folding, names, facets, hostile queries."""

from __future__ import annotations

import pytest

from archive.search import Clause, _cover, parse_query, read_index, resolve_filters, search
from archive.search_index import LIMITS


@pytest.fixture(scope="module")
def index(search_site):
    return read_index(search_site / "archive" / "search")


def found(index, query, counts=False, **filters):
    """(article, statement) of every hit, best first."""
    resolved, unknown = resolve_filters(index, filters)
    assert unknown == []
    results = search(index, query, resolved, counts)
    return [(index.document(h.doc)["id"], index.document(h.doc).get("statement")) for h in results.hits]


def articles(index, query, **filters):
    return {article for article, statement in found(index, query, **filters) if statement is None}


def test_a_phrase_needs_its_words_side_by_side(index):
    assert articles(index, '"New START"') == {"a_phrase"}
    assert articles(index, "new start") >= {"a_phrase", "b_apart"}  # b_apart has "a new report" and "start again"
    assert ("a_phrase", "lavrov-new-start-ready") in found(index, '"new start"')


def test_a_phrase_keeps_its_stop_words_and_order(index):
    assert articles(index, '"equal and indivisible security"') == {"c_briefing"}
    assert articles(index, '"indivisible and equal security"') == set()
    assert articles(index, '"equal or indivisible security"') == set()  # "or" is a stop word, but not "and"


def test_a_phrase_stays_within_a_paragraph_and_a_field(index):
    assert articles(index, '"Washington we"') == set()  # the end of one paragraph, the start of the next
    assert articles(index, '"START Moscow"') == set()  # the end of the title, the start of the text
    assert articles(index, '"Washington"') == {"a_phrase"}


@pytest.mark.parametrize(("one", "other"), [("Sinirlioglu", "Sinirlioğlu"), ("Muller", "Müller"), ("strasse", "Straße"), ("LAVROV’S", "lavrov's")])
def test_folding_finds_either_spelling(index, one, other):
    assert found(index, one) == found(index, other) != []


def test_sinirlioglu_is_found_however_the_page_spells_him(index):
    assert articles(index, "Sinirlioglu") == {"a_phrase", "b_apart"}  # one page writes ğ, the other g


def test_an_alias_finds_the_registry_person(index):
    assert articles(index, "Ryabkov") == articles(index, "Riabkov") == {"d_riabkov"}  # the page says Riabkov only
    assert articles(index, '"Sergei Lavrov"') == {"a_phrase"}  # the page says Sergey Lavrov
    assert articles(index, "Mariya") == {"c_briefing"}


def test_a_prefix_matches_words_as_written(index):
    assert articles(index, "negotiat*") == {"d_riabkov"}  # negotiations, negotiating: stem "negoti"
    assert articles(index, "negot*") == {"d_riabkov"}
    assert articles(index, "sinirl*") == {"a_phrase", "b_apart"}
    assert articles(index, "n*") == set()  # one letter is a word, not a prefix


def test_required_and_excluded_terms(index):
    assert articles(index, "+osce -zakharova") == {"a_phrase", "b_apart"}
    assert articles(index, "osce +start") == {"a_phrase", "b_apart"}
    assert articles(index, '-"new start"') == {"b_apart", "c_briefing", "d_riabkov", "e_umlaut", "f_markup"}
    assert articles(index, "+osce +riabkov") == set()


def test_results_are_ordered_by_score_then_newest_first(index):
    results = search(index, "arms")
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)
    for a, b in zip(results.hits, results.hits[1:]):
        assert a.score > b.score or a.doc < b.doc
    browse = search(index, "")
    assert [h.doc for h in browse.hits] == list(range(8)) and {h.score for h in browse.hits} == {0}


def test_filters_accept_ids_names_and_aliases(index):
    assert found(index, "osce", speaker=["Zakharova"]) == found(index, "osce", speaker=["maria-zakharova"])
    assert found(index, "osce", speaker=["maria zakharova"]) == [("c_briefing", None), ("c_briefing", "zakharova-osce-principles")]
    assert articles(index, "", topic=["New START"]) == {"a_phrase"}
    assert articles(index, "", source=["TASS"], year=["2024"]) == {"d_riabkov", "e_umlaut"}
    assert found(index, "", kind=["statement"], speaker=["Sergei Lavrov"]) == [("a_phrase", "lavrov-new-start-ready")]
    assert found(index, "", event=["2026-02-06-talks"]) == [("a_phrase", None), ("a_phrase", "lavrov-new-start-ready")]
    assert articles(index, "", year=["2024", "2023"]) == {"d_riabkov", "e_umlaut", "f_markup"}  # either year
    assert resolve_filters(index, {"speaker": ["Zakharov", "!!!"], "kind": ["article"]}) == (
        {"speaker": (), "kind": ("article",)}, [("speaker", "Zakharov"), ("speaker", "!!!")])


def test_facet_counts_leave_out_their_own_filter(index):
    results = search(index, "osce", {"year": ("2025",)}, counts=True)
    counts = dict(results.facets)
    assert dict(counts["year"]) == {"2025": 3, "2026": 1}  # what another year would add
    assert dict(counts["kind"]) == {"article": 2, "statement": 1}  # within 2025
    assert dict(counts["speaker"]) == {"maria-zakharova": 2}
    assert len(results.hits) == 3


def test_stop_words_and_symbols_alone_search_nothing(index):
    for query in ("the", "!!!", "***", '""', "+", "-"):
        results = search(index, query)
        assert results.hits == () and results.query.clauses == () and not results.query.blank
    assert search(index, "the").query.ignored == ("the",)
    assert len(search(index, " \t\u2028").hits) == 8  # blank: every document


def test_the_query_language(index):
    query = parse_query('+"New START" -nato negotiat* U.S.-Russia the “curly” n*', LIMITS)
    assert query.clauses == (
        Clause("+", "phrase", ("new", "start")),
        Clause("-", "term", ("nato",)),
        Clause("", "prefix", ("negotiat",)),
        Clause("", "phrase", ("u", "s", "russia")),
        Clause("", "term", ("curli",)),
        Clause("", "term", ("n",)),
    )
    assert query.ignored == ("the",)
    assert parse_query('"unbalanced quote', LIMITS).clauses == (Clause("", "phrase", ("unbalanc", "quot")),)
    assert parse_query('a"b"c', LIMITS).clauses == (Clause("", "term", ("b",)), Clause("", "term", ("c",)))


def test_limits_cut_long_queries_the_same_way_each_time(index):
    many = parse_query(" ".join(f"word{i}" for i in range(30)), LIMITS)
    assert len(many.clauses) == LIMITS["clauses"] and many.ignored[0] == "word16"
    long = parse_query('"' + " ".join(["lavrov"] * 100) + '"', LIMITS)
    assert len(long.clauses[0].terms) == LIMITS["phrase_words"]


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "x" * 5000,
    "lavrov " * 700,
    '"' * 5001,
    "+-+-*-*\"\"'''\\",
    "*",
    "\u0000\u202e\ufeff\ud800",
    "🙂🙂 🙂*",
    "constructor __proto__ toString hasOwnProperty",
    '"the of and" -"',
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_results_not_exceptions(index, query):
    results = search(index, query, counts=True)
    assert all(isinstance(h.score, int) for h in results.hits)


def test_markup_in_a_page_is_searchable_text(index):
    assert articles(index, "onerror") == articles(index, "<img src=x onerror=alert(1)>") == {"f_markup"}
    assert articles(index, "constructor") == {"f_markup"}


def test_a_long_phrase_is_checked_on_pairs_that_cover_its_words():
    assert _cover([5]) == [0]
    assert _cover([5, 5]) == [0, 1]
    assert _cover([1, 100, 1]) == [0, 2]  # skips the common pair in the middle
    assert _cover([1, 1, 100, 1, 1]) == [0, 1, 3, 4]
    assert _cover([3, 3, 3, 3, 3, 3]) == [0, 1, 3, 5]
