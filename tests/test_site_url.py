"""A project site under a sub-path (SITE_URL=https://user.github.io/archive/): sitemap, canonical links and the 404 page
point under it, every other link stays relative, and the site served under /archive/ loads whole in Chromium."""

from __future__ import annotations

import shutil
from xml.etree import ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import SEARCH_FIXTURE, build_fixture_site, serving, site_page

SITE_URL = "https://user.github.io/archive/"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("sub-path"), SEARCH_FIXTURE, env={"SITE_URL": SITE_URL})


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def test_the_sitemap_lists_every_page_under_the_sub_path(sub_path_site):
    sitemap = LexborHTMLParser((sub_path_site / "sitemap.xml").read_text(encoding="utf-8"))
    listed = {node.text() for node in sitemap.css("loc")}
    wanted = {SITE_URL + p.relative_to(sub_path_site).as_posix() for p in pages(sub_path_site) if p.name != "404.html"}
    assert listed == wanted


def test_each_page_names_its_canonical_address_and_links_relatively(sub_path_site):
    for page in pages(sub_path_site):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        where = page.relative_to(sub_path_site).as_posix()
        if page.name != "404.html":
            assert [n.attributes["href"] for n in tree.css("link[rel=canonical]")] == [SITE_URL + where], where
        urls = [n.attributes.get(a) or "" for n in tree.css("[href], [src]") for a in ("href", "src") if n.attributes.get(a)]
        # Links into the site itself that are not relative: root-relative ones, or ones naming its host.
        absolute = [u for u in urls if u.startswith("/") or urlsplit(u).netloc == urlsplit(SITE_URL).netloc]
        if page.name == "404.html":
            # Served for any missing address, the 404 page cannot link relatively: it links under the sub-path.
            assert absolute and all(u.startswith(("/archive/", SITE_URL)) for u in absolute), absolute
        else:
            assert [u for u in absolute if not u.startswith(SITE_URL)] == [], where


def test_the_feeds_link_under_the_sub_path(sub_path_site):
    for feed in ("articles", "statements"):
        tree = ElementTree.parse(sub_path_site / "feeds" / f"{feed}.xml")
        hrefs = [link.attrib["href"] for link in tree.iter("{http://www.w3.org/2005/Atom}link")]
        assert hrefs and all(h.startswith(SITE_URL) for h in hrefs), feed
        for href in hrefs:  # each names a file of the site
            assert (sub_path_site / urlsplit(href).path.removeprefix("/archive/")).is_file(), href


@pytest.mark.browser
def test_served_under_the_sub_path_the_404_page_and_the_home_page_load_whole(sub_path_site, browser, tmp_path):
    host = tmp_path / "host"
    shutil.copytree(sub_path_site, host / "archive")
    with serving(host) as root:
        base = root + "archive/"
        requests: list[str] = []
        with site_page(browser, base, requests) as page:  # fails on a request outside /archive/
            for address in ("404.html", "index.html"):
                page.goto(base + address)
                page.wait_for_load_state("load")
                # Material's stylesheet loaded: its header sticks to the top.
                assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
        failed = [u for u in requests if not u.startswith(base)]
        assert failed == []
