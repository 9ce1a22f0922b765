"""Every kind of page of the built site passes axe-core's audit (vendored in tests/vendor/axe-core/), from file://."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, site_page

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind the site has, as paths under site/ with a query where the page reads one."""
    articles = sorted((site / "archive" / "articles").glob("*.html"))
    events = sorted((site / "archive" / "events").glob("*.html"))
    kinds = {"home": "index.html", "about": "about.html", "explore": "explore.html?q=treaty", "explore, empty": "explore.html",
             "open data": "data/index.html"}
    if articles:
        kinds["article"] = articles[0].relative_to(site).as_posix()
    if events:
        kinds["event"] = events[0].relative_to(site).as_posix()
    for family in ("people", "topics", "sources", "timeline"):
        folder = site / "archive" / family
        if (folder / "index.html").is_file():
            kinds[f"{family} index"] = f"archive/{family}/index.html"
        pages = sorted(p for p in folder.glob("*.html") if p.name != "index.html")
        if pages:
            kinds[f"{family} page"] = pages[0].relative_to(site).as_posix()
    return kinds


def test_the_kinds_of_page_are_found(site_dir: Path) -> None:
    assert {"home", "about", "explore", "article", "open data", "people index", "topics index", "sources index", "timeline index"} <= set(page_kinds(site_dir))


@pytest.mark.parametrize("width", [1280, 390])
def test_every_kind_of_page_has_no_accessibility_violation(site_dir: Path, browser, width: int) -> None:
    base = site_dir.as_uri() + "/"
    found = {}
    for kind, path in page_kinds(site_dir).items():
        with site_page(browser, base, []) as page:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(base + path)
            if "?q=" in path:
                page.wait_for_selector(".archive-explore__results li, .archive-explore__results p", timeout=15_000)
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']}))"
                ".violations.map(v => [v.impact, v.id, v.nodes.length, v.nodes[0].target.join(' ')])"
            )
            if violations:
                found[kind] = violations
    assert found == {}
