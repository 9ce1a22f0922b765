"""The Atom feeds: well-formed whatever the text, Atom's required elements, ids and dates from the data only."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from archive.feeds import Site, feed_day, read_site, render_feeds, stable_id
from build_archive import main
from conftest import SEARCH_FIXTURE, TODAY

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)")


def parse(text: str) -> ET.Element:
    """The feed as an XML parser reads it; a feed that is not well-formed fails here."""
    return ET.fromstring(text.encode("utf-8"))


def timestamp(element: ET.Element) -> datetime.datetime:
    """An RFC 3339 date-time with its offset, as Atom requires."""
    text = element.findtext(f"{ATOM}updated")
    assert RFC3339.fullmatch(text), text
    return datetime.datetime.fromisoformat(text)


def once(element: ET.Element, *names: str) -> None:
    """Each of Atom's required elements stands exactly once (RFC 4287, 4.1.1 and 4.1.2)."""
    for name in names:
        assert len(element.findall(f"{ATOM}{name}")) == 1, name


@pytest.mark.parametrize("name", ["articles.xml", "statements.xml"])
@pytest.mark.parametrize("url", [None, "https://user.github.io/archive"])
def test_every_feed_parses_and_has_what_atom_requires(hostile_archive, name, url):
    feed = parse(render_feeds(hostile_archive, Site("Statement Archive", url and url + "/"))[name])
    assert feed.tag == f"{ATOM}feed"
    once(feed, "id", "title", "updated")
    assert feed.findtext(f"{ATOM}id").startswith("urn:uuid:")
    assert feed.findtext(f"{ATOM}title")
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Statement Archive"
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        once(entry, "id", "title", "updated", "summary")
        # Without content, an entry must link to its alternate (a link without rel is one).
        assert [link.get("rel", "alternate") for link in entry.findall(f"{ATOM}link")] == ["alternate"]
        assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
        assert entry.findtext(f"{ATOM}title")
        assert entry.find(f"{ATOM}link").get("href")
        timestamp(entry)
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)
    days = [timestamp(e) for e in entries]
    assert days == sorted(days, reverse=True)
    assert timestamp(feed) == days[0]
    self_link = next(link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link == (f"{url}/feeds/{name}" if url else name)


def test_hostile_text_is_text(hostile_archive):
    feeds = render_feeds(hostile_archive, Site("Statement Archive"))
    articles, statements = parse(feeds["articles.xml"]), parse(feeds["statements.xml"])
    shown = '=HYPERLINK("x") <script>alert(1)</script> ]]> & end'
    assert shown in [e.findtext(f"{ATOM}title") for e in articles.iter(f"{ATOM}entry")]
    assert all(f"Quote {shown}" in e.findtext(f"{ATOM}title") for e in statements.iter(f"{ATOM}entry"))
    assert any(f"In “{shown}”" in e.findtext(f"{ATOM}summary") for e in statements.iter(f"{ATOM}entry"))
    assert not list(articles.iter("script")) and not list(articles.iter(f"{ATOM}script"))


def test_links_are_relative_to_the_feed_without_a_site_url_and_under_it_with_one(search_archive):
    relative = parse(render_feeds(search_archive, Site("A"))["articles.xml"])
    absolute = parse(render_feeds(search_archive, Site("A", "https://user.github.io/archive/"))["articles.xml"])
    first = search_archive.articles[0].id
    assert relative.find(f"{ATOM}entry/{ATOM}link").get("href") == f"../archive/articles/{first}.html"
    assert absolute.find(f"{ATOM}entry/{ATOM}link").get("href") == f"https://user.github.io/archive/archive/articles/{first}.html"


def test_ids_and_bytes_come_from_the_data_only(search_archive):
    site = Site("Statement Archive")
    assert render_feeds(search_archive, site) == render_feeds(search_archive, site)
    first = search_archive.articles[0]
    retitled = replace(search_archive, articles=(replace(first, title=replace(first.title, value="Another title")),) + search_archive.articles[1:])
    ids = [e.findtext(f"{ATOM}id") for e in parse(render_feeds(retitled, site)["articles.xml"]).iter(f"{ATOM}entry")]
    assert ids[0] == stable_id("article", first.id)
    assert stable_id("article", "x") != stable_id("statement", "x")


@pytest.mark.parametrize("date, day", [
    ("2026-02-06", "2026-02-06"),
    ("2026-02", "2026-02-28"),  # the latest day the month allows
    ("2021-02-19?", "2021-02-19"),
    ("2021/2022-03", "2022-03-31"),
    ("2021-05/..", "2021-05-01"),  # open at its end: its earliest day
    ("../2021-05", "2021-05-31"),
])
def test_an_entry_is_dated_by_its_latest_possible_day(date, day):
    assert feed_day(date) == datetime.datetime.fromisoformat(day + "T00:00:00+00:00")


@pytest.mark.parametrize("date", ["unknown", "../..", "not a date"])
def test_an_entry_of_unknown_date_is_left_out(search_archive, date):
    assert feed_day(date) is None
    first = search_archive.articles[0]
    undated = replace(search_archive, articles=(replace(first, date=replace(first.date, published=date)),) + search_archive.articles[1:])
    ids = [e.findtext(f"{ATOM}id") for e in parse(render_feeds(undated, Site("A"))["articles.xml"]).iter(f"{ATOM}entry")]
    assert stable_id("article", first.id) not in ids
    assert len(ids) == len(search_archive.articles) - 1


def test_the_newest_entries_only_and_an_empty_feed_is_still_valid(search_archive):
    feed = parse(render_feeds(search_archive, Site("A"), entries=2)["articles.xml"])
    assert [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")] == [stable_id("article", a.id) for a in search_archive.articles[:2]]
    empty = parse(render_feeds(replace(search_archive, articles=(), statements=()), Site("A"))["statements.xml"])
    assert empty.findtext(f"{ATOM}updated").startswith("1970-01-01T00:00:00")
    assert empty.findall(f"{ATOM}entry") == []


def test_site_settings_are_read_from_mkdocs_yml_with_its_own_tags(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Mine\nsite_url: https://user.github.io/archive\nmarkdown_extensions:\n  - x:\n      base_path: !relative $config_dir/docs\n"
                      "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    assert read_site(config) == Site("Mine", "https://user.github.io/archive/")
    config.write_text("site_name: Mine\n")
    assert read_site(config) == Site("Mine", None)
    assert read_site(tmp_path / "missing.yml") == Site("Statement Archive", None)


def test_site_url_from_the_environment_is_read_as_mkdocs_reads_it(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Mine\nsite_url: !ENV [SITE_URL]\n")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert read_site(config) == Site("Mine", None)
    monkeypatch.setenv("SITE_URL", "https://user.github.io/archive")
    assert read_site(config) == Site("Mine", "https://user.github.io/archive/")


def test_the_build_takes_the_site_from_the_mkdocs_yml_beside_docs(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\nsite_url: https://user.github.io/archive/\n", encoding="utf-8")
    code = main(["build", "--seeds", str(SEARCH_FIXTURE / "seeds"), "--annotations", str(SEARCH_FIXTURE / "annotations"),
                 "--docs", str(tmp_path / "docs"), "--today", TODAY.isoformat()])
    assert code == 0, capsys.readouterr().err
    feed = parse((tmp_path / "docs" / "feeds" / "statements.xml").read_text(encoding="utf-8"))
    assert feed.findtext(f"{ATOM}title") == "Mine: statements"
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert len(links) > 2 and all(href.startswith("https://user.github.io/archive/") for href in links)
