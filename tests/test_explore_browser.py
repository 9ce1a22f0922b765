"""The Explore page and the header search in Chromium, over http and from file://, on a site built from tests/fixtures/search/."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from archive.search import read_index, resolve_filters, search
from conftest import serving, site_page
from test_search import HOSTILE

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -r requirements.txt")
expect = sync_api.expect
PAYLOAD = "window.__pwned"


@pytest.fixture(scope="module")
def http_base(explore_site):
    with serving(explore_site) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def base(request, explore_site) -> str:
    return request.getfixturevalue("http_base") if request.param == "http" else explore_site.as_uri() + "/"


@pytest.fixture
def page(browser, base):
    """A desktop-sized page that refuses requests leaving the site and fails the test on errors or dialogs."""
    requests: list[str] = []
    with site_page(browser, base, requests) as page:
        page.requests = requests
        yield page


def explore(page, base: str, query: str = "", **filters: str | list[str]) -> None:
    """The Explore page opened on a search, once its results (or its no-result message) are drawn."""
    params = [("q", query)] + [(f, v) for f, values in filters.items() for v in ([values] if isinstance(values, str) else values)]
    page.goto(base + "explore.html?" + "&".join(f"{k}={quote(v)}" for k, v in params))
    settled(page)


def settled(page) -> None:
    page.wait_for_function("() => { const r = document.querySelector('[data-archive-explore]');"
                           " return r && !r.hasAttribute('aria-busy') && r.querySelector('.archive-explore__status').textContent.trim() !== ''"
                           " && !r.querySelector('.archive-explore__status').textContent.startsWith('Searching'); }")


def shown(page) -> list[tuple[str, str | None]]:
    """The results as (article id, statement id), in order."""
    got = page.locator(".archive-result").evaluate_all("items => items.map(i => [i.dataset.id, i.dataset.statement || null])")
    return [tuple(item) for item in got]


def counts(page) -> dict[str, dict[str, int]]:
    """Each facet's values and counts as the page shows them."""
    got = page.locator(".archive-facet input[type=checkbox]").evaluate_all(
        "boxes => boxes.map(b => [b.dataset.facet, b.dataset.value, b.parentElement.querySelector('.archive-facet__count').textContent])")
    out: dict[str, dict[str, int]] = {}
    for facet, value, n in got:
        out.setdefault(facet, {})[value] = int(n.replace(",", ""))
    return out


def python(site: Path, query: str, asked: dict[str, list[str]]):
    """What build_archive.py search's engine gives: ids in order and the facet counts."""
    index = read_index(site / "archive" / "search")
    filters, _ = resolve_filters(index, asked)
    results = search(index, query, filters, counts=True)
    ids = [(index.document(h.doc)["id"], index.document(h.doc).get("statement")) for h in results.hits]
    return ids, {facet: dict(values) for facet, values in results.facets if values}


def test_a_phrase_finds_the_words_together_and_not_apart(page, base):
    explore(page, base, "new start")
    assert "b_apart" in {article for article, _ in shown(page)}  # the fixture has the two words apart
    explore(page, base, '"New START"')
    found = shown(page)
    assert {article for article, _ in found} == {"a_phrase"}
    assert ("a_phrase", "lavrov-new-start-ready") in found
    assert page.locator(".archive-result mark").first.text_content().lower() == "new"


def test_the_results_do_not_wait_for_the_themes_script(browser, http_base):
    # The search runs from the page's head: without Material's bundle (blocked here) it still draws.
    with site_page(browser, http_base, []) as page:
        page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        explore(page, http_base, '"New START"')
        assert {article for article, _ in shown(page)} == {"a_phrase"}
        assert page.evaluate("typeof window.component$") == "undefined"  # the bundle did not run


def test_the_page_reads_the_manifest_it_carries_instead_of_loading_it(page, base, explore_site):
    explore(page, base, "osce")
    index = [u.removeprefix(base) for u in page.requests if "/archive/search/" in u]
    assert "archive/search/index.js" not in index and any(u.startswith("archive/search/terms/") for u in index)
    assert shown(page) == python(explore_site, "osce", {})[0]


def test_a_facet_click_narrows_the_results_and_the_counts_are_the_terminals(page, base, explore_site):
    explore(page, base, "osce")
    ids, facets = python(explore_site, "osce", {})
    assert shown(page) == ids and counts(page) == facets
    page.locator(".archive-facet input[data-facet=kind][data-value=statement]").check()
    page.wait_for_url("**/explore.html?q=osce&kind=statement")
    settled(page)
    ids, facets = python(explore_site, "osce", {"kind": ["statement"]})
    assert 0 < len(ids) < len(python(explore_site, "osce", {})[0])
    assert shown(page) == ids and counts(page) == facets
    # A second facet combines with the first.
    page.locator(".archive-facet input[data-facet=year][data-value='2025']").check()
    page.wait_for_url("**/explore.html?q=osce&kind=statement&year=2025")
    settled(page)
    ids, facets = python(explore_site, "osce", {"kind": ["statement"], "year": ["2025"]})
    assert shown(page) == ids and counts(page) == facets
    expect(page.locator(".archive-facet input[data-facet=year][data-value='2025']")).to_be_focused()


@pytest.mark.parametrize("query", ["Sinirlioglu", "Sinirlioğlu"])
def test_diacritics_do_not_matter(page, base, query):
    explore(page, base, query)
    assert {article for article, _ in shown(page)} == {"a_phrase", "b_apart"}
    assert sorted(m.lower() for m in page.locator(".archive-result__snippet mark").all_text_contents()) == ["sinirlioglu", "sinirlioğlu"]


def test_a_statement_result_opens_its_article_at_the_highlighted_quote(page, base):
    explore(page, base, '"american counterparts"', kind="statement")
    assert shown(page) == [("a_phrase", "lavrov-new-start-ready")]
    page.locator(".archive-result--statement .archive-result__title a").click()
    page.wait_for_url("**/archive/articles/a_phrase.html#quote-lavrov-new-start-ready")
    quote = page.locator("mark.quote#quote-lavrov-new-start-ready")
    expect(quote).to_be_in_viewport()
    expect(quote).to_contain_text("ready to talk about New START")


def test_an_article_snippet_links_to_its_paragraph(page, base):
    explore(page, base, "Sinirlioglu", kind="article")
    result = page.locator(".archive-result[data-id=b_apart]")
    marked = result.locator(".archive-result__snippet mark").first.text_content()
    result.locator("a.archive-result__paragraph").click()
    page.wait_for_url("**/archive/articles/b_apart.html#p-*")
    paragraph = page.locator(":target")
    expect(paragraph).to_be_in_viewport()
    expect(paragraph).to_contain_text(marked)


def test_the_address_restores_the_search_on_reload_and_back(page, base):
    explore(page, base)
    box = page.get_by_label("Search articles and statements")
    box.fill('"equal and indivisible security"')
    box.press("Enter")
    page.wait_for_url("**/explore.html?q=%22equal+and+indivisible+security%22")
    settled(page)
    first = shown(page)
    assert first and {article for article, _ in first} == {"c_briefing"}
    page.locator(".archive-facet input[data-facet=kind][data-value=article]").check()
    page.wait_for_url("**&kind=article")
    settled(page)
    page.get_by_label("Sort by").select_option("date")
    page.wait_for_url("**&kind=article&sort=date")
    settled(page)
    narrowed = shown(page)
    assert narrowed == [("c_briefing", None)]
    page.reload()
    settled(page)
    assert shown(page) == narrowed
    expect(box).to_have_value('"equal and indivisible security"')
    expect(page.locator(".archive-facet input[data-facet=kind][data-value=article]")).to_be_checked()
    expect(page.get_by_label("Sort by")).to_have_value("date")
    page.go_back()
    page.go_back()
    settled(page)
    assert shown(page) == first
    expect(page.locator(".archive-facet input[data-facet=kind][data-value=article]")).not_to_be_checked()


def test_a_facet_shown_whole_stays_so_in_the_address(page, base, explore_site):
    # The same page with one value a facet shown before "Show all", so that the fixture's few values overflow.
    page_text = (explore_site / "explore.html").read_text(encoding="utf-8")
    assert 'data-facet-values="10"' in page_text
    (explore_site / "explore-short.html").write_text(page_text.replace('data-facet-values="10"', 'data-facet-values="1"'), encoding="utf-8")
    page.goto(base + "explore-short.html?q=")
    settled(page)
    speakers = page.locator("fieldset[data-facet=speaker]")
    expect(speakers.locator("input[type=checkbox]")).to_have_count(1)
    more = speakers.locator(".archive-facet__more")
    total = int(more.text_content().split()[-1])
    assert total > 1
    more.click()
    page.wait_for_url("**/explore-short.html?all=speaker")
    expect(speakers.locator("input[type=checkbox]")).to_have_count(total)
    page.reload()
    settled(page)
    expect(page.locator("fieldset[data-facet=speaker] input[type=checkbox]")).to_have_count(total)
    expect(page.locator("fieldset[data-facet=speaker] .archive-facet__more")).to_have_text("Show fewer")
    page.locator("fieldset[data-facet=speaker] .archive-facet__more").click()
    page.wait_for_url("**/explore-short.html")
    expect(page.locator("fieldset[data-facet=speaker] input[type=checkbox]")).to_have_count(1)


def test_no_result_says_so_and_offers_to_drop_each_filter(page, base):
    explore(page, base, "riabkov", speaker="maria-zakharova", year="2024")
    assert shown(page) == []
    expect(page.locator(".archive-explore__status")).to_contain_text("No result for “riabkov” with these filters")
    drop = page.get_by_role("button", name="Remove Speaker: Maria Zakharova")
    drop.click()
    page.wait_for_url("**/explore.html?q=riabkov&year=2024")
    settled(page)
    assert {article for article, _ in shown(page)} == {"d_riabkov"}


# True once the address holds the query box's text (as the address carries it: a lone surrogate becomes U+FFFD).
WRITTEN = """() => {
  const typed = new URLSearchParams({q: document.querySelector('.archive-explore__query').value}).toString();
  return new URLSearchParams(location.search).get('q') === new URLSearchParams(typed).get('q');
}"""


def test_hostile_queries_are_shown_inert(page, base):
    explore(page, base)
    live = "() => document.querySelectorAll('img, script, iframe, object, [onerror], [onload]').length"
    before = page.evaluate(live)
    box = page.get_by_label("Search articles and statements")
    for query in HOSTILE:
        box.fill(query)
        box.press("Enter")
        page.wait_for_function(WRITTEN)
        settled(page)
        assert page.evaluate(PAYLOAD) is None, query
        assert page.evaluate(live) == before, query
        assert page.locator(".archive-explore__status").text_content().strip(), query
    box.fill("riabkov")  # and the page still searches
    box.press("Enter")
    page.wait_for_url("**/explore.html?q=riabkov")
    settled(page)
    assert shown(page) == [("d_riabkov", None)]


def test_markup_in_an_address_is_shown_as_text(page, base):
    explore(page, base, "<img src=x onerror=alert(1)>")
    assert page.evaluate("() => document.querySelectorAll('.archive-explore img, [onerror]').length") == 0
    expect(page.locator(".archive-explore__status")).to_contain_text("<img src=x onerror=alert(1)>")
    # The fixture's article with that text in it is found, and its text is shown as text too.
    assert ("f_markup", None) in shown(page)
    expect(page.locator(".archive-result[data-id=f_markup] .archive-result__snippet")).to_contain_text("</script><script>")


def test_header_search_types_ahead_and_enter_opens_explore(page, base):
    page.goto(base + "archive/articles/a_phrase.html")
    page.wait_for_load_state("load")
    loaded = [u for u in page.requests if "/assets/search/" in u or "/archive/search/" in u or "/vendor/lunr/" in u]
    assert loaded == [base + "assets/search/header.js"]  # nothing else until the reader types
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Riabkov", delay=30)
    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_have_text("1 matching document")
    assert items.locator("a").evaluate_all("links => links.map(a => a.href)") == [base + "archive/articles/d_riabkov.html"]
    box.press("Enter")
    page.wait_for_url("**/explore.html?q=Riabkov")
    settled(page)
    assert shown(page) == [("d_riabkov", None)]


def test_header_search_arrow_keys_reach_the_results(page, base):
    page.goto(base + "index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("osce", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    box.press("ArrowDown")
    expect(page.locator(".md-search-result__link").first).to_be_focused()
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.getElementById('__search').checked") is False
    page.keyboard.press("/")  # opens the box again, as Material's search does
    expect(box).to_be_focused()
    assert page.evaluate("() => document.getElementById('__search').checked") is True
