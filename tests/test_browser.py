"""The built site in headless Chromium, served over http and opened from file://: pages, search, no outside requests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, serving, site_page

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "tests" / "screenshots"
TRANSCRIPT = "002_3a7575835685a05e"  # a ministry transcript in which Maria Zakharova speaks
TRANSCRIPT_TEXT = "We concluded our discussions here with an agreement to maintain contact."

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -r requirements.txt")
sync_api.expect.set_options(timeout=15_000)  # search builds its index in a worker first; CI machines are slow


@pytest.fixture(scope="session")
def http_base(site_dir: Path):
    """The built site served on 127.0.0.1 at a free port, for the session."""
    with serving(site_dir) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def mode(request) -> str:
    return request.param


@pytest.fixture
def base(mode: str, request, site_dir: Path) -> str:
    """Where the site's index.html lives in this mode, ending in a slash."""
    return request.getfixturevalue("http_base") if mode == "http" else site_dir.as_uri() + "/"


@pytest.fixture
def requests() -> list[str]:
    """Every URL the test's page requested, in order."""
    return []


@pytest.fixture
def page(browser, base: str, requests: list[str]):
    """A desktop-sized page that records every request and refuses any that would leave the site."""
    with site_page(browser, base, requests) as page:
        yield page


def shot(page, name: str, mode: str, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{mode}.png"), full_page=full_page, animations="disabled")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path} has no front matter"
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


def test_home_page(page, base, mode):
    page.goto(base + "index.html")
    assert page.title() == "Statement Archive"
    sync_api.expect(page.locator("article h1")).to_contain_text("Statement Archive")  # then a ¶ permalink
    sync_api.expect(page.get_by_role("heading", name="What is in the archive")).to_be_visible()
    sync_api.expect(page.locator("article a[href^='archive/articles/']").first).to_be_visible()
    shot(page, "home", mode, full_page=True)


def test_transcript_page(page, base, mode, built_site):
    title = front_matter(built_site.docs / "archive" / "articles" / f"{TRANSCRIPT}.md")["title"]
    page.goto(f"{base}archive/articles/{TRANSCRIPT}.html")
    assert page.title() == f"{title} - Statement Archive"
    sync_api.expect(page.locator("article h1")).to_contain_text(title)
    shot(page, "article", mode)
    sync_api.expect(page.get_by_text(TRANSCRIPT_TEXT)).to_be_visible()
    # Her transcript turn: a speaker label, whether rendered as a label paragraph or a bold lead-in.
    turn = page.locator("article").locator(".turn__speaker, p > strong:first-child").filter(has_text="Maria Zakharova").first
    turn.evaluate("label => label.scrollIntoView({block: 'center'})")
    sync_api.expect(turn).to_be_in_viewport()
    shot(page, "article-turn", mode)


def test_header_search_finds_the_transcript(page, base, mode, requests):
    page.goto(base + "index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Zakharova", delay=30)
    results = page.locator(".md-search-result__item")
    sync_api.expect(results.first).to_be_visible()
    links = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert any(f"archive/articles/{TRANSCRIPT}.html" in href for href in links), links
    # The archive's own index, in small script files; Material's whole-site index is gone.
    assert base + "archive/search/index.js" in requests
    assert not [u for u in requests if "search_index" in u]
    shot(page, "search", mode)


WIRE = "000_958310810f9c2547"


def test_quotes_are_highlighted_and_links_lead_to_the_record(page, base, mode, built_site):
    wire = front_matter(built_site.docs / "archive" / "articles" / f"{WIRE}.md")
    linked = next(s for s in wire["statements"] if any(link["article"] == TRANSCRIPT for link in s["links"]))
    target = next(link["to"] for link in linked["links"] if link["article"] == TRANSCRIPT)
    page.goto(f"{base}archive/articles/{WIRE}.html")
    mark = page.locator(f"mark.quote#quote-{linked['id']}")
    mark.scroll_into_view_if_needed()
    sync_api.expect(mark).to_be_visible()
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(page, "quote", mode)
    # The statement card lists its link; following it opens the record at the linked statement.
    page.locator(f"#statement-{linked['id']}").scroll_into_view_if_needed()
    page.locator(f"a[href$='{TRANSCRIPT}.html#statement-{target}']").first.click()
    page.wait_for_url(f"**/{TRANSCRIPT}.html#statement-{target}")
    sync_api.expect(page.locator(f"#statement-{target}")).to_be_in_viewport()
    shot(page, "statement-link", mode)


def test_event_page_shows_coverage(page, base, mode):
    page.goto(f"{base}archive/events/index.html")
    page.locator("article a[href$='.html']").first.click()
    sync_api.expect(page.get_by_role("heading", name="Coverage")).to_be_visible()
    sync_api.expect(page.get_by_role("heading", name="The record and its renderings")).to_be_visible()
    shot(page, "event", mode, full_page=True)


def test_event_page_marks_the_words_a_report_changes(page, base, mode, browser):
    page.goto(f"{base}archive/events/index.html")
    page.locator("article a[href$='.html']").first.click()
    pair = page.locator("div.wording").first
    record, report = pair.locator(".wording__text--record del").first, pair.locator(".wording__text--report ins").first
    sync_api.expect(record).to_be_visible()
    sync_api.expect(report).to_be_visible()
    sync_api.expect(pair.locator(".wording__summary")).to_contain_text("% of words in common; words that differ are marked.")
    style = "m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).textDecorationLine, getComputedStyle(m).textDecorationStyle]"
    (record_bg, record_line, record_rule), (report_bg, report_line, report_rule) = record.evaluate(style), report.evaluate(style)
    assert "rgba(0, 0, 0, 0)" not in (record_bg, report_bg) and record_bg != report_bg
    # Told apart without colour too, and the record's words are never struck out.
    assert (record_line, report_line) == ("underline", "underline") and record_rule != report_rule
    # "record:" and "report:" are in the text a screen reader reads, and take no room on the screen.
    assert record.text_content().startswith("record: ") and report.text_content().startswith("report: ")
    # Copied, the record's words are the quote alone.
    text = pair.locator(".wording__text--record")
    copied = text.evaluate("p => { const s = getSelection(); s.selectAllChildren(p); const t = s.toString(); s.removeAllRanges(); return t; }")
    assert copied == text.text_content().replace("record: ", "")
    assert record.locator(".wording__sr").bounding_box()["width"] <= 1
    pair.scroll_into_view_if_needed()
    shot(page, "event-wording", mode)
    page.emulate_media(color_scheme="dark")
    # The theme's script switches the palette on the media change, in a task of its own: wait for it.
    page.wait_for_function("([m, before]) => getComputedStyle(m).backgroundColor !== before", arg=[record.element_handle(), record_bg])
    shot(page, "event-wording-dark", mode)
    page.set_viewport_size({"width": 390, "height": 844})
    pair.scroll_into_view_if_needed()
    shot(page, "event-wording-390", mode)
    # Readable without JavaScript: the marks are in the page as served.
    quiet = browser.new_context(java_script_enabled=False)
    static = quiet.new_page()
    static.goto(page.url)
    sync_api.expect(static.locator(".wording__text--record del").first).to_be_visible()
    sync_api.expect(static.locator(".wording__text--report ins").first).to_be_visible()
    quiet.close()


def test_article_page_cites_itself_and_describes_itself_in_json_ld(page, base, mode, built_site):
    matter = front_matter(built_site.docs / "archive" / "articles" / f"{TRANSCRIPT}.md")
    page.goto(f"{base}archive/articles/{TRANSCRIPT}.html")
    data = json.loads(page.locator("head script[type='application/ld+json']").text_content())
    assert data == matter["jsonld"] and data["@type"] == "Report"
    assert [q["identifier"] for q in data["hasPart"]] == [s["id"] for s in matter["statements"]]
    blocks = page.locator("details.archive-cite")
    assert blocks.count() == 1 + len(matter["statements"])
    cite = blocks.first
    sync_api.expect(cite.locator("summary")).to_have_text("Cite this article")
    sync_api.expect(cite.locator("pre").first).to_be_hidden()  # collapsed until asked for
    cite.locator("summary").click()
    sync_api.expect(cite.locator("p").nth(1)).to_contain_text(f"Statement Archive, article {TRANSCRIPT}")
    sync_api.expect(cite.locator("pre code").nth(0)).to_contain_text(f"@misc{{{TRANSCRIPT},")
    assert json.loads(cite.locator("pre code").nth(1).text_content())[0]["id"] == TRANSCRIPT
    cite.evaluate("block => { block.scrollIntoView({block: 'start'}); window.scrollBy(0, -64); }")
    shot(page, "cite", mode)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_link_to_a_paragraph_lands_on_it_and_says_who_speaks(page, base, mode, width):
    page.set_viewport_size({"width": width, "height": 800})
    address = f"{base}archive/articles/{TRANSCRIPT}.html"
    page.goto(address)
    later = page.locator("article p.turn--cont")
    assert later.count() > 0
    # Every later paragraph of a turn carries the turn's rule and its speaker, read out though not shown.
    assert later.evaluate_all("ps => ps.every(p => getComputedStyle(p).borderLeftStyle === 'solid' && "
                              "p.querySelector('.turn__again').textContent.endsWith(':'))")
    assert later.first.locator(".turn__again").evaluate("s => s.getBoundingClientRect().width") <= 1
    anchor = later.nth(later.count() // 2).get_attribute("id")
    page.goto(f"{base}index.html")
    page.goto(f"{address}#{anchor}")
    landed = page.locator(f"#{anchor}")
    sync_api.expect(landed).to_be_in_viewport()
    assert landed.evaluate("p => p.getBoundingClientRect().top") >= page.locator("header.md-header").evaluate("h => h.getBoundingClientRect().bottom")
    sync_api.expect(landed.locator(".turn__again")).to_be_visible()  # shown on the paragraph a link lands on
    shot(page, f"paragraph-link-{width}", mode)
