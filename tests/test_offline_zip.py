"""tools/offline_zip.py: the site as one zip, the same bytes twice, unzipped and read from file:// in Chromium (navigation, picture, search)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, site_page

sys.path.insert(0, str(ROOT / "tools"))
from offline_zip import newest_day  # noqa: E402  (tools/ is scripts, not a package)

SCRIPT = ROOT / "tools" / "offline_zip.py"


def zip_site(site: Path, out: Path, epoch: str | None = "1764547200") -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", **({"SOURCE_DATE_EPOCH": epoch} if epoch else {})}
    return subprocess.run([sys.executable, SCRIPT, "--site", site, "--out", out],
                          capture_output=True, text=True, env=env, timeout=300)


def tiny_site(root: Path, dates: list[str]) -> Path:
    """A site of three files and open data whose articles carry `dates`."""
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "data").mkdir()
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "assets" / "app.js").write_text("1;", encoding="utf-8")
    (site / "assets" / "app.js.map").write_text("{}", encoding="utf-8")
    rows = [{"id": f"a{n}", "date": date} for n, date in enumerate(dates)]
    (site / "data" / "articles.json").write_text(json.dumps({"schema_version": 1, "table": "articles", "rows": rows}), encoding="utf-8")
    return site


def test_the_newest_day_counts_only_known_days():
    assert newest_day(["2021-05-19", "2026-02-06", "2025-01-01"]) == "2026-02-06"
    assert newest_day(["2023-02/2026-02-06", "XXXX-12-31", "unknown", "2022-03-01"]) == "2022-03-01"
    assert newest_day(["unknown", "[2021-05-19,2022-05-19]"]) is None


def test_the_zip_is_named_for_the_newest_article_and_holds_one_folder(tmp_path):
    site = tiny_site(tmp_path, ["2021-05-19", "2026-02-06", "2027-01/2027-03"])
    done = zip_site(site, tmp_path / "dist")
    assert done.returncode == 0, done.stderr
    made = tmp_path / "dist" / "statement-archive-2026-02-06.zip"
    with zipfile.ZipFile(made) as z:
        assert z.namelist() == ["statement-archive-2026-02-06/assets/app.js", "statement-archive-2026-02-06/data/articles.json",
                                "statement-archive-2026-02-06/index.html"]
        assert {info.date_time for info in z.infolist()} == {(2025, 12, 1, 0, 0, 0)}  # SOURCE_DATE_EPOCH
    assert [p.name for p in (tmp_path / "dist").iterdir()] == [made.name]  # no partial file left behind


def test_an_archive_without_a_known_day_is_undated(tmp_path):
    site = tiny_site(tmp_path, ["unknown"])
    assert zip_site(site, tmp_path / "dist", epoch=None).returncode == 0
    with zipfile.ZipFile(tmp_path / "dist" / "statement-archive-undated.zip") as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_same_site_gives_the_same_bytes(tmp_path):
    site = tiny_site(tmp_path, ["2026-02-06"])
    digests = []
    for out in ("one", "two"):
        assert zip_site(site, tmp_path / out).returncode == 0
        digests.append(hashlib.sha256((tmp_path / out / "statement-archive-2026-02-06.zip").read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_no_site_is_a_clear_error_and_an_earlier_zip_stays(tmp_path):
    site = tiny_site(tmp_path, ["2026-02-06"])
    assert zip_site(site, tmp_path / "dist").returncode == 0
    before = (tmp_path / "dist" / "statement-archive-2026-02-06.zip").read_bytes()
    (site / "index.html").unlink()
    done = zip_site(site, tmp_path / "dist")
    assert done.returncode == 2 and "index.html not found" in done.stderr and "make site" in done.stderr
    assert (tmp_path / "dist" / "statement-archive-2026-02-06.zip").read_bytes() == before


@pytest.mark.browser
def test_unzipped_anywhere_it_reads_and_searches_from_file(explore_site, browser, tmp_path):
    pytest.importorskip("playwright.sync_api")
    done = zip_site(explore_site, tmp_path / "dist")
    assert done.returncode == 0, done.stderr
    (made,) = (tmp_path / "dist").glob("statement-archive-*.zip")
    with zipfile.ZipFile(made) as z:
        z.extractall(tmp_path / "elsewhere")
    base = (tmp_path / "elsewhere" / made.stem).as_uri() + "/"
    requests: list[str] = []
    with site_page(browser, base, requests) as page:  # fails on any request outside the unzipped folder
        page.goto(base + "index.html")
        picture = page.locator("figure.archive-chart img")
        picture.scroll_into_view_if_needed()
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0")  # the picture, from the zip
        page.get_by_role("link", name="Articles").first.click()
        page.wait_for_url(base + "archive/index.html")
        page.locator("article a[href^='articles/']").first.click()
        page.wait_for_url(base + "archive/articles/*.html")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("Riabkov", delay=30)
        page.locator(".md-search-result__item").first.wait_for()
        box.press("Enter")
        page.wait_for_url(base + "explore.html?q=Riabkov")
        page.locator(".archive-result").first.wait_for()
        assert page.locator(".archive-result").evaluate_all("items => items.map(i => i.dataset.id)") == ["d_riabkov"]
