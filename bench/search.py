#!/usr/bin/env python3
"""Benchmark: a reader's first search on a synthetic archive, in headless Chromium, cold.

Builds N synthetic articles (bench/build.py makes them from the real seeds) into a site,
then for each query opens the search page with `?q=` in a fresh browser context, over http
and from file://, and prints the bytes the page loaded until the first result showed, the
time to it, and the page's JS heap then (a search worker's heap is not in it); plus the
index's size on disk.

`--engine material` measures Material's default search (its whole-site search_index.json,
lunr in a worker); the archive's own engine is measured with `--engine ours` once its
Explore page exists. Usage: bench/search.py [--n 1000] [--engine material] [--keep]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from build import OUT, folder_size, make_corpus  # noqa: E402  (bench/build.py, beside this file)

CHROMIUM = "/usr/bin/chromium"
QUERIES = (
    ("common word", "treaty"),
    ("rare name", "sinirlioglu"),
    ("phrase", '"New START"'),
)
RESULT = {"material": ".md-search-result__item"}


def build_site(n: int, work: Path) -> Path:
    """N synthetic seeds built into docs/ and then into site/ with the repository's mkdocs.yml."""
    seeds, project = work / "seeds", work / "project"
    make_corpus(n, seeds)
    annotations = work / "annotations"
    shutil.rmtree(annotations, ignore_errors=True)
    annotations.mkdir()
    for registry in ("people.yml", "topics.yml", "sources.yml"):
        shutil.copy(ROOT / "annotations" / registry, annotations)
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("archive", ".archive-*"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "tools", project / "tools")
    quiet = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run([sys.executable, str(ROOT / "build_archive.py"), "build", "--seeds", str(seeds), "--annotations", str(annotations),
                    "--docs", str(project / "docs"), "--today", "2026-11-29"], cwd=ROOT, **quiet)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")],
                   cwd=project, **quiet, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    return project / "site"


@functools.cache
def _playwright():
    from playwright.sync_api import sync_playwright

    return sync_playwright().start()


def first_result(site: Path, base: str, query: str, selector: str) -> tuple[int, float, float]:
    """Bytes loaded, seconds and JS heap (MB) until the first result shows, for `query` on a cold page."""
    browser = _playwright().chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        loaded: list[str] = []
        page.on("request", lambda request: loaded.append(request.url))
        start = time.perf_counter()
        # Not waiting for "load": from file:// Material's page inlines its whole index, which at
        # thousands of articles holds the load event back for longer than Playwright's default.
        page.goto(f"{base}/index.html?q={quote(query)}", wait_until="commit", timeout=600_000)
        page.wait_for_selector(selector, timeout=600_000)
        elapsed = time.perf_counter() - start
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0") / 1e6
        return sum(_size(site, base, url) for url in dict.fromkeys(loaded)), elapsed, heap
    finally:
        browser.close()


def _size(site: Path, base: str, url: str) -> int:
    """The size on disk of a file of the site the page loaded; 0 for anything else."""
    if not url.startswith(base):
        return 0
    path = site / unquote(urlparse(url).path[len(urlparse(base).path):]).lstrip("/")
    return path.stat().st_size if path.is_file() else 0


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """The site over http on a free local port, in a thread."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def bench(n: int, engine: str, keep: bool) -> None:
    work = OUT / f"search-n{n}"
    start = time.perf_counter()
    site = build_site(n, work)
    built = time.perf_counter() - start
    index = [p for p in (site / "search").glob("*") if p.is_file()] if (site / "search").exists() else []
    site_bytes, site_files = folder_size(site)
    print(f"N={n} ({engine}): site {site_files} files, {site_bytes / 1e6:.1f} MB, built in {built:.0f} s; "
          f"search/ {sum(p.stat().st_size for p in index) / 1e6:.1f} MB in {len(index)} files")
    server, http_base = serve(site)
    try:
        for where, base in (("http", http_base), ("file", site.as_uri())):
            for what, query in QUERIES:
                size, seconds, heap = first_result(site, base, query, RESULT[engine])
                print(f"  {where:4} {what:12} {query!r:16} {size / 1e3:9.0f} KB  {seconds:6.2f} s  heap {heap:6.1f} MB")
    finally:
        server.shutdown()
    if not keep:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="synthetic articles (repeatable; default 1000 and 5000)")
    parser.add_argument("--large", action="store_true", help="also 10,000 articles")
    parser.add_argument("--engine", choices=sorted(RESULT), default="material")
    parser.add_argument("--keep", action="store_true", help="keep the built sites under bench/out/")
    args = parser.parse_args()
    for n in (args.n or [1000, 5000]) + ([10_000] if args.large else []):
        bench(n, args.engine, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
