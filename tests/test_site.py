"""The built static site: strict build, one page per seed, the archive's own search, nothing loaded from outside."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from conftest import ANNOTATIONS, FIXTURES, ROOT, copy_site_project

# <link rel=...> values that only name another document; every other rel makes the browser fetch.
NON_FETCHING_RELS = {"alternate", "author", "canonical", "help", "license", "next", "prev", "search", "bookmark"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class Resources(HTMLParser):
    """Collects every URL a page would load by itself (not links), and the links of the primary nav."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []  # (what, url)
        self.nav_links: list[str] = []
        self._nav_depth = 0  # >0 inside <nav class="md-nav--primary">
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "nav":
            if self._nav_depth:
                self._nav_depth += 1
            elif "md-nav--primary" in a.get("class", "").split():
                self._nav_depth = 1
        if tag == "a" and self._nav_depth and "href" in a:
            self.nav_links.append(a["href"])
        for attr in ("src", "poster", "data", "background"):
            if attr in a and tag != "a":
                self.loads.append((f"<{tag} {attr}>", a[attr]))
        for attr in ("srcset", "imagesrcset"):
            for candidate in a.get(attr, "").split(","):
                if candidate.strip():
                    self.loads.append((f"<{tag} {attr}>", candidate.split()[0]))
        if tag == "link" and "href" in a:
            rels = set(a.get("rel", "").lower().split())
            if not rels or rels - NON_FETCHING_RELS:
                self.loads.append((f"<link rel={a.get('rel', '')}>", a["href"]))
        if "style" in a:
            self.loads += [("style attribute", url) for url in css_urls(a["style"])]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.loads += [("<style>", url) for url in css_urls(data)]


def css_urls(css: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in CSS_URL.finditer(css)]


def parse(path: Path) -> Resources:
    parser = Resources()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def is_outside(url: str) -> bool:
    """True for a URL that would leave the site: any scheme or host, except inline data."""
    parts = urlsplit(url.strip())
    return parts.scheme.lower() not in ("", "data", "blob") or url.strip().startswith("//")


def test_strict_build_succeeds(built_site):
    assert built_site.archive.returncode == 0, built_site.report()
    assert built_site.mkdocs is not None and built_site.mkdocs.returncode == 0, built_site.report()


def test_every_seed_has_a_page(site_dir, seed_ids):
    assert seed_ids, "no seeds found"
    missing = [i for i in seed_ids if not (site_dir / "archive" / "articles" / f"{i}.html").is_file()]
    assert missing == []


def test_home_page_includes_the_generated_overview(site_dir, seed_ids):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    # The overview links to articles; a missing snippet would have failed the strict build anyway.
    assert re.search(r'href="archive/articles/[^"]+\.html"', html), "overview snippet with article links not on the home page"


def test_no_page_loads_anything_from_outside(site_dir):
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        for what, url in parse(page).loads:
            if is_outside(url):
                found.append(f"{page.relative_to(site_dir)}: {what} {url}")
    for sheet in sorted(site_dir.rglob("*.css")):
        for url in css_urls(sheet.read_text(encoding="utf-8")):
            if is_outside(url):
                found.append(f"{sheet.relative_to(site_dir)}: url() {url}")
    assert found == []


def test_material_search_is_gone_and_the_archives_is_on_every_page(site_dir):
    """No whole-site search/search_index.json: pages reference none, and the header box reads our index."""
    assert not (site_dir / "search").exists()
    for page in sorted(site_dir.rglob("*.html")):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        urls = [node.attributes.get(a) or "" for node in tree.css("[src], [href], form[action]") for a in ("src", "href", "action")]
        assert not [u for u in urls if "search_index" in u or "iframe-worker" in u], page
        if page.name != "404.html":
            assert [n.attributes["action"] for n in tree.css("form.md-search__form")] == [
                "../" * (len(page.relative_to(site_dir).parts) - 1) + "explore.html"], page
            assert tree.css_first("form.md-search__form").attributes.get("name") is None  # Material's bundle would fetch its index
        scripts = [n.attributes.get("src") for n in tree.css("script[src]")]
        assert any(s and s.endswith("assets/search/header.js") for s in scripts), page
    assert "explore.html" in parse(site_dir / "index.html").nav_links


def test_article_pages_are_not_in_the_sidebar(site_dir, seed_ids):
    home = parse(site_dir / "index.html").nav_links
    assert {"index.html", "archive/index.html", "about.html"} <= set(home)
    assert [href for href in home if "articles/" in href] == []
    article = parse(site_dir / "archive" / "articles" / f"{seed_ids[0]}.html").nav_links
    assert [href for href in article if "articles/" in href] == []


def test_generated_helper_files_are_not_pages(site_dir):
    assert not (site_dir / "archive" / "_overview.html").exists()
    assert not list((site_dir / "assets" / "vendor").rglob("*.html"))


def test_open_data_and_feeds_are_in_the_site_and_linked_from_home_about_and_nav(site_dir):
    for page in ("index.html", "about.html"):
        links = {a.attributes.get("href") for a in LexborHTMLParser((site_dir / page).read_text(encoding="utf-8")).css("article a")}
        assert {"data/index.html", "feeds/articles.xml", "feeds/statements.xml"} <= links, page
    assert "data/index.html" in parse(site_dir / "index.html").nav_links
    for table in ("articles", "people", "sources", "topics", "events", "statements", "links"):
        assert (site_dir / "data" / f"{table}.json").is_file() and (site_dir / "data" / f"{table}.csv").is_file()
    with sqlite3.connect(f"file:{site_dir / 'data' / 'archive.sqlite'}?mode=ro", uri=True) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (len(list((site_dir / "archive" / "articles").glob("*.html"))),)


def test_every_page_the_data_and_feeds_name_is_built(site_dir):
    for table in ("articles", "events", "statements"):
        rows = json.loads((site_dir / "data" / f"{table}.json").read_text(encoding="utf-8"))["rows"]
        missing = [r["page"] for r in rows if not (site_dir / r["page"].split("#")[0]).is_file()]
        assert rows and missing == [], table
    for feed in ("articles.xml", "statements.xml"):
        links = [link.get("href") for link in ET.parse(site_dir / "feeds" / feed).getroot().iter("{http://www.w3.org/2005/Atom}link")]
        missing = [href for href in links if not (site_dir / "feeds" / href.split("#")[0]).resolve().is_file()]
        assert len(links) > 2 and missing == [], feed


def test_every_page_names_the_feeds_in_its_head(site_dir):
    for page in (site_dir / "index.html", site_dir / "data" / "index.html", next((site_dir / "archive" / "articles").glob("*.html"))):
        head = LexborHTMLParser(page.read_text(encoding="utf-8")).css('head link[rel="alternate"][type="application/atom+xml"]')
        hrefs = [(page.parent / n.attributes["href"]).resolve() for n in head]
        assert hrefs == [(site_dir / "feeds" / name).resolve() for name in ("articles.xml", "statements.xml")], page


class Elements(HTMLParser):
    """Every start tag and its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def test_hostile_seed_is_shown_as_text_and_never_runs(tmp_path):
    """A seed full of HTML, script, snippet and attribute syntax builds strictly and renders inert."""
    seeds, annotations, docs = tmp_path / "seeds", tmp_path / "annotations", tmp_path / "docs"
    seeds.mkdir()
    annotations.mkdir()
    shutil.copy(FIXTURES / "seeds" / "hostile.txt", seeds)
    for registry in ("people.yml", "topics.yml", "sources.yml"):
        shutil.copy(ANNOTATIONS / registry, annotations)
    copy_site_project(tmp_path)
    run = [sys.executable, str(ROOT / "build_archive.py"), "build", "--seeds", str(seeds), "--annotations", str(annotations), "--docs", str(docs)]
    assert subprocess.run(run, capture_output=True, text=True).returncode == 0
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")], capture_output=True, text=True, cwd=tmp_path)
    assert mkdocs.returncode == 0, mkdocs.stderr
    html = (tmp_path / "site" / "archive" / "articles" / "hostile.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    elements = Elements()
    elements.feed(article)
    assert not {tag for tag, _ in elements.found} & {"script", "img", "iframe", "style"}
    attributes = [(name, value or "") for _, attrs in elements.found for name, value in attrs]
    assert not [a for a in attributes if a[0].startswith("on") or a[1].strip().lower().startswith("javascript:")]
    assert "root:" not in article  # the snippet line was not followed
    text = unescape(re.sub(r"<[^>]+>", "", article))
    for line in (FIXTURES / "seeds" / "hostile.txt").read_text(encoding="utf-8").splitlines()[2:]:
        assert " ".join(line.split()) in " ".join(text.split()), line
