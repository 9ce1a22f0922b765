#!/usr/bin/env python3
"""Benchmark: a reader's first search on a synthetic archive, in headless Chromium, cold.

Builds N synthetic articles (bench/build.py makes them from the real seeds) into a site,
then for each query opens the search page with `?q=` in a fresh browser context, over http
and from file://, and prints the bytes the page loaded until the first result was painted (all of
them, and those of the search: its scripts and index files), the time to it, and the page's JS
heap then (a search worker's heap is not in it); plus the index's size on disk.

Over http the site is served the way GitHub Pages serves it, text files gzip-compressed, so
"wire" is what crossed the network and "files" what the files weigh; from file:// nothing is
compressed and the two are the same.

Each size is built twice: `ours` measures the archive's Explore page (explore.html?q=..., with
a facet-filtered query too); `material` measures Material's default search (its whole-site
search_index.json, lunr in a worker) by building the site with Material's search and offline
plugins and its own partials instead. With both (the default) the ratios ours/material follow.
A query whose first result has not shown after --patience seconds is reported as such.
Usage: bench/search.py [--n 1000] [--large] [--engine both|ours|material] [--keep] [--reuse]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import multiprocessing
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from build import OUT, folder_size, make_corpus  # noqa: E402  (bench/build.py, beside this file)

CHROMIUM = "/usr/bin/chromium"
QUERIES = (
    ("common word", "treaty", {}),
    ("rare name", "sinirlioglu", {}),
    ("phrase", '"New START"', {}),
)
FILTERED = (("facet-filtered", "treaty", {"speaker": "maria-zakharova", "year": "2026"}),)  # Material's search has no filters
# What shows a result; ours also a no-result message, so that a query without results does not wait forever.
RESULT = {"material": ".md-search-result__item", "ours": ".archive-result, .archive-explore__none"}
PAGE = {"material": "index.html", "ours": "explore.html"}
# The files of the search itself, as opposed to the page around it (Material's bundle, CSS, fonts).
SEARCH_FILES = ("archive/search/", "assets/search/", "assets/vendor/lunr/", "search/")


def material_config(text: str) -> str:
    """The repository's mkdocs.yml with Material's search and offline plugins and partials instead of the archive's search."""
    text = text.replace("  custom_dir: overrides\n", "").replace("extra_javascript:\n  - assets/search/header.js\n", "")
    # The offline plugin is what makes Material's search work from file:// (an iframe-worker shim).
    return text.replace("plugins: []\n", "plugins:\n  - search\n  - offline\n")


def build_site(n: int, work: Path, engine: str) -> Path:
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
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(material_config(config) if engine == "material" else config, encoding="utf-8")
    shutil.copytree(ROOT / "tools", project / "tools")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    quiet = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run([sys.executable, str(ROOT / "build_archive.py"), "build", "--seeds", str(seeds), "--annotations", str(annotations),
                    "--docs", str(project / "docs"), "--today", "2026-11-29"], cwd=ROOT, **quiet)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")],
                   cwd=project, **quiet, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    return project / "site"


@functools.cache
def _browser():
    """One Chromium for the whole run; each query gets a fresh context of it (an empty cache, as a first visit)."""
    from playwright.sync_api import sync_playwright

    # No name resolves but the local server's: a reader offline, and the same figures on a machine with network.
    offline = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    return sync_playwright().start().chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage", offline])


# Tells the benchmark, through an exposed function, when the first result has been painted: once
# it is in the page, the next animation frame (which waits for render-blocking style sheets) and
# the task after that frame's paint. The request events that came before that call are the
# requests made before it.
WATCH = """new MutationObserver(function (changes, observer) {
  if (!document.querySelector(%s)) return;
  observer.disconnect();
  requestAnimationFrame(function () {
    setTimeout(function () {
      var nav = performance.getEntriesByType("navigation")[0];
      window.__firstResult(performance.now(), nav ? nav.domContentLoadedEventEnd : 0, nav ? nav.responseStart : 0);
    }, 0);
  });
}).observe(document, {childList: true, subtree: true});"""


@dataclass(frozen=True, slots=True)
class Measured:
    bytes: int  # the files the page loaded until the first result showed, as the files weigh
    wire: int  # the same, as sent: gzip-compressed over http
    search_bytes: int  # of `bytes`, the search's scripts and index files
    seconds: float  # from the start of navigation to the first result (a new tab's process start included)
    from_first_byte: float  # from the page's first byte to the first result: what the page itself takes
    after_page: float  # of those, after the page's DOMContentLoaded
    heap_mb: float


def first_result(site: Path, base: str, engine: str, query: str, filters: dict[str, str], sent: dict[str, int],
                 patience: float) -> tuple[Measured | None, list[str]]:
    """What a cold page of `engine` loads and takes until the first result for `query` shows (None if it does not in
    time), and the addresses outside the site it asked for (which fail: the browser is offline)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = _browser().new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        loaded: list[str] = []
        seen: list[tuple[int, float, float, float]] = []
        page.on("request", lambda request: loaded.append(request.url))
        page.expose_function("__firstResult", lambda now, ready, first: seen.append((len(loaded), now / 1e3, ready / 1e3, first / 1e3)))
        page.add_init_script(WATCH % json.dumps(RESULT[engine]))
        # Not waiting for "load": from file:// Material's page inlines its whole index, which at
        # thousands of articles holds the load event back for longer than Playwright's default.
        asked = "".join(f"&{facet}={quote(value)}" for facet, value in filters.items())
        page.goto(f"{base}/{PAGE[engine]}?q={quote(query)}{asked}", wait_until="commit", timeout=patience * 1e3)
        outside = lambda: [u for u in dict.fromkeys(loaded) if not u.startswith((base, "data:", "blob:", "about:"))]  # noqa: E731
        try:
            page.wait_for_selector(RESULT[engine], timeout=patience * 1e3)
        except PlaywrightTimeout:
            return None, outside()
        waited = 0.0
        while not seen and waited < patience:  # the result is in the page; its paint is reported a frame later
            page.wait_for_timeout(10)
            waited += 0.01
        if not seen:
            return None, outside()
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0") / 1e6
        count, seconds, ready, first = seen[0]
        urls = list(dict.fromkeys(loaded[:count]))
        search = [u for u in urls if u.startswith(base) and u[len(base):].lstrip("/").startswith(SEARCH_FILES)]
        sizes = {u: _size(site, base, u) for u in urls}
        return Measured(sum(sizes.values()), sum(sent.get(urlparse(u).path, sizes[u]) for u in urls), sum(sizes[u] for u in search),
                        seconds, seconds - first, seconds - ready if ready else float("nan"), heap), outside()
    finally:
        context.close()


def _size(site: Path, base: str, url: str) -> int:
    """The size on disk of a file of the site the page loaded; 0 for anything else."""
    if not url.startswith(base):
        return 0
    path = site / unquote(urlparse(url).path[len(urlparse(base).path):]).lstrip("/")
    return path.stat().st_size if path.is_file() else 0


COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")  # what GitHub Pages sends gzipped


def compressed(site: Path) -> dict[Path, bytes]:
    """Every text file of the site gzip-compressed, made before any page is timed (a static host keeps them so)."""
    return {path: gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            for path in site.rglob("*") if path.suffix in COMPRESSED and path.is_file()}


def serve(site: Path, sent: dict[str, int]) -> tuple[multiprocessing.Process, str]:
    """The site over http on a free local port, in a process of its own (so that neither the GIL nor Playwright's
    loop in this one slows it); text files gzip-compressed, their sizes as sent into `sent` by URL path."""
    bodies = compressed(site)
    sent.update({"/" + path.relative_to(site).as_posix(): len(body) for path, body in bodies.items()})

    class Compressing(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            path = Path(self.translate_path(self.path))
            body = bodies.get(path)
            if body is None or "gzip" not in self.headers.get("Accept-Encoding", ""):
                super().do_GET()
                return
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

        def handle(self) -> None:
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser closed a context while a file was on its way

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Compressing, directory=str(site)))
    # Forked, the child has the compressed files already; the parent keeps only the port.
    process = multiprocessing.get_context("fork").Process(target=server.serve_forever, daemon=True)
    process.start()
    server.socket.close()
    return process, f"http://127.0.0.1:{server.server_address[1]}"


def bench(n: int, engine: str, keep: bool, reuse: bool, patience: float) -> dict[tuple[str, str], Measured | None]:
    """Build (or reuse) the site of N articles for `engine`, print what each query costs, and return it by (where, query kind)."""
    work = OUT / f"search-n{n}-{engine}"
    start = time.perf_counter()
    site = work / "project" / "site"
    if not (reuse and site.is_dir()):
        site = build_site(n, work, engine)
    built = time.perf_counter() - start
    folder = site / ("search" if engine == "material" else "archive/search")
    index_bytes, index_files = folder_size(folder) if folder.exists() else (0, 0)
    site_bytes, site_files = folder_size(site)
    print(f"N={n} ({engine}): site {site_files} files, {site_bytes / 1e6:.1f} MB, built in {built:.0f} s; "
          f"index {folder.relative_to(site)}/ {index_bytes / 1e6:.1f} MB in {index_files} files")
    sent: dict[str, int] = {}
    server, http_base = serve(site, sent)
    results: dict[tuple[str, str], Measured | None] = {}
    try:
        for where, base in (("http", http_base), ("file", site.as_uri())):
            for what, query, filters in QUERIES + (FILTERED if engine == "ours" else ()):
                m, outside = first_result(site, base, engine, query, filters, sent if where == "http" else {}, patience)
                results[where, what] = m
                shown = query + "".join(f" {f}={v}" for f, v in filters.items())
                asked = f"; asked outside the site for {', '.join(outside)}" if outside else ""
                if m is None:
                    print(f"  {where:4} {what:14} {shown!r:45} no result shown in {patience:.0f} s{asked}")
                    continue
                print(f"  {where:4} {what:14} {shown!r:45} wire {m.wire / 1e3:6.0f} KB, files {m.bytes / 1e3:6.0f} KB "
                      f"(search {m.search_bytes / 1e3:4.0f} KB)  {m.seconds:6.2f} s, {m.from_first_byte:5.2f} s from the page's first byte "
                      f"({m.after_page:5.2f} s after its DOMContentLoaded)  heap {m.heap_mb:6.1f} MB{asked}")
    finally:
        server.terminate()
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return results


def print_ratios(n: int, ours: dict[tuple[str, str], Measured | None], material: dict[tuple[str, str], Measured | None]) -> None:
    """Ours over Material's, per place and query, measured in this run."""
    print(f"N={n}: ours / material")
    for (where, what), mine in ours.items():
        theirs = material.get((where, what))
        if mine is None or theirs is None:
            if (where, what) in material:
                print(f"  {where:4} {what:14} {'ours' if mine is None else 'material'} showed no result in time")
            continue
        print(f"  {where:4} {what:14} wire {mine.wire / theirs.wire:6.3f}  files {mine.bytes / theirs.bytes:6.3f}  "
              f"time {mine.seconds / theirs.seconds:6.3f}  from first byte {mine.from_first_byte / theirs.from_first_byte:6.3f}  "
              f"heap {mine.heap_mb / theirs.heap_mb:6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="synthetic articles (repeatable; default 1000 and 5000)")
    parser.add_argument("--large", action="store_true", help="also 10,000 articles")
    parser.add_argument("--engine", choices=sorted(RESULT) + ["both"], default="both")
    parser.add_argument("--keep", action="store_true", help="keep the built sites under bench/out/")
    parser.add_argument("--reuse", action="store_true", help="measure the site a run with --keep left, without building it again")
    parser.add_argument("--patience", type=float, default=120, help="seconds to wait for a first result (default 120)")
    args = parser.parse_args()
    engines = ["ours", "material"] if args.engine == "both" else [args.engine]
    for n in (args.n or [1000, 5000]) + ([10_000] if args.large else []):
        measured = {engine: bench(n, engine, args.keep or args.reuse, args.reuse, args.patience) for engine in engines}
        if len(measured) == 2:
            print_ratios(n, measured["ours"], measured["material"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
