"""Shared fixtures. Add yours below; keep each fixture independent of the others' internals."""

from __future__ import annotations

import datetime
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

# Property tests check what holds, not how fast: CI machines are shared, and a deadline made them flaky.
# Speed is the benchmarks' business (bench/).
settings.register_profile("archive", deadline=None)
settings.load_profile("archive")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ANNOTATIONS = ROOT / "annotations"
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
GENERATED_DOCS = ("archive", "data", "feeds")  # the folders of docs/ that build_archive.py writes
LEFTOVERS = tuple(f".{folder}-" for folder in GENERATED_DOCS)  # their staging folders and those an interrupted swap left
TODAY = datetime.date(2026, 11, 29)  # the build's "today" in tests, so relative dates resolve the same every run
# The seeds whose extraction tests pin value by value, by number (ids are permanent, so these stay).
# A seed added later is covered by its golden page and by the tests that hold for every seed.
PINNED = {
    "000": "000_958310810f9c2547",
    "001": "001_21e0508c1e5625e4",
    "002": "002_3a7575835685a05e",
    "003": "003_8ee5cbf78979a153",
    "004": "004_3c915cf34bc33e91",
}

# Tests import the build package (`from archive.model import ...`) without installing it.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from archive.dates import extract_date  # noqa: E402  (the package is importable only from here on)
from archive.model import DateFinding, Document, Line, RawSeed, Removal, SeedText  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True with --update-golden: golden tests write their expectations instead of comparing."""
    return bool(request.config.getoption("--update-golden"))


@dataclass(frozen=True, slots=True)
class Step:
    """One command of the site build, with what it printed."""

    command: tuple[str, ...]
    returncode: int
    output: str

    def report(self) -> str:
        return f"$ {' '.join(self.command)}\n(exit {self.returncode})\n{self.output}"


@dataclass(frozen=True, slots=True)
class BuiltSite:
    """The repository's mkdocs.yml and docs/ copied to a temporary folder and built there."""

    root: Path
    docs: Path
    site: Path
    archive: Step
    mkdocs: Step | None  # None when the archive step failed and MkDocs was not run

    @property
    def ok(self) -> bool:
        return self.archive.returncode == 0 and self.mkdocs is not None and self.mkdocs.returncode == 0

    def report(self) -> str:
        return "\n\n".join(step.report() for step in (self.archive, self.mkdocs) if step)


def _run(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> Step:
    """`command` run in `cwd`; the caller's SITE_URL never leaks into a test's build, `env` adds variables."""
    env = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    return Step(tuple(str(part) for part in command), done.returncode, done.stdout + done.stderr)


def copy_site_project(root: Path) -> Path:
    """mkdocs.yml, the hooks it names, the theme's overrides/ and docs/ (without generated pages) copied into `root`; returns root/docs."""
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "tools").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "tools" / "mkdocs_hooks.py", root / "tools" / "mkdocs_hooks.py")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    # The generated folders and any leftovers of an interrupted swap stay behind: the build makes its own.
    shutil.copytree(
        ROOT / "docs",
        root / "docs",
        ignore=lambda folder, names: [n for n in names if Path(folder) == ROOT / "docs" and (n in GENERATED_DOCS or n.startswith(LEFTOVERS))],
    )
    return root / "docs"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """build_archive.py and `mkdocs build --strict` on a copy of mkdocs.yml and docs/ (never the real docs/archive)."""
    root = tmp_path_factory.mktemp("built-site")
    docs, site = copy_site_project(root), root / "site"
    # The working directory is the temporary folder, so neither command can lean on the repository's.
    archive = _run(
        [sys.executable, ROOT / "build_archive.py", "build",
         "--seeds", SEEDS, "--annotations", ANNOTATIONS, "--docs", docs, "--today", TODAY.isoformat()],
        cwd=root,
    )
    mkdocs = None
    if archive.returncode == 0:
        mkdocs = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", root / "mkdocs.yml", "-d", site], cwd=root)
    return BuiltSite(root, docs, site, archive, mkdocs)


@pytest.fixture(scope="session")
def site_dir(built_site: BuiltSite) -> Path:
    """The built site/ folder; fails (with the build's output) when the build did not succeed."""
    if not built_site.ok:
        pytest.fail(f"the site did not build:\n{built_site.report()}", pytrace=False)
    return built_site.site


@pytest.fixture(scope="session")
def seed_ids() -> list[str]:
    """Every article id: a seed file's name without its extension."""
    return sorted(p.name.rsplit(".", 1)[0] for p in SEEDS.glob("*.txt") if p.is_file() and not p.name.startswith("."))


def expected(text: str) -> list[str]:
    """The `# expect:` lines of a fixture; a following `#   ` line continues the message on an indented line."""
    found: list[str] = []
    continuing = False
    for line in text.splitlines():
        if line.startswith("# expect: "):
            found.append(line[len("# expect: "):])
            continuing = True
        elif continuing and line.startswith("#   "):
            found[-1] += "\n" + line[2:]
        else:
            continuing = False
    return found


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """`directory` served on 127.0.0.1 at a free port; yields its base URL, ending in a slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def site_page(browser, base: str, requests: list[str]) -> Iterator:
    """A desktop-sized page of the site at `base` that records every request in `requests` and refuses any that
    would leave the site; on closing, fails on such a request, a JavaScript error or a dialog (alert, confirm)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    outside: list[str] = []

    def inside(url: str) -> bool:
        return url.startswith(base) or urlsplit(url).scheme in ("data", "blob", "about")

    def route(r):
        if inside(r.request.url):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.on("request", lambda r: requests.append(r.url))
    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    context.close()
    left = sorted({u for u in requests if not inside(u)} | set(outside))
    assert left == [], f"requests left the site ({base}): {left}"
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the session; the test is skipped, saying how to get it, where it is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -r requirements.txt")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        pytest.skip(f"chromium not found at {CHROMIUM}: `make browser` installs it (as root), or set CHROMIUM=/path/to/chromium")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def markdown_converter():
    """Python-Markdown with the extensions and settings mkdocs.yml gives the site, for pages rendered in memory."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


SEARCH_FIXTURE = FIXTURES / "search"


def build_fixture_site(root: Path, fixture: Path, env: dict[str, str] | None = None) -> Path:
    """A fixture corpus (seeds/ and annotations/) built into root/site with the repository's mkdocs.yml, --strict."""
    docs = copy_site_project(root)
    steps = [
        _run([sys.executable, ROOT / "build_archive.py", "build", "--seeds", fixture / "seeds",
              "--annotations", fixture / "annotations", "--docs", docs, "--today", TODAY.isoformat()], cwd=root, env=env),
        _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", root / "mkdocs.yml", "-d", root / "site"], cwd=root, env=env),
    ]
    for step in steps:
        assert step.returncode == 0, step.report()
    return root / "site"


@pytest.fixture(scope="session")
def explore_site(tmp_path_factory) -> Path:
    """The archive of tests/fixtures/search/ built into a site."""
    return build_fixture_site(tmp_path_factory.mktemp("explore-site"), SEARCH_FIXTURE)


@pytest.fixture(scope="session")
def search_archive():
    """The small archive of tests/fixtures/search/ (see its README), built in memory."""
    from archive.annotations import load_annotations
    from archive.pipeline import build_archive
    from archive.registry import load_registry
    from archive.seeds import read_seeds

    registry, _ = load_registry(SEARCH_FIXTURE / "annotations")
    annotations, _ = load_annotations(SEARCH_FIXTURE / "annotations")
    seeds, _ = read_seeds(SEARCH_FIXTURE / "seeds")
    archive, problems = build_archive(seeds, registry, TODAY, annotations)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return archive


# Starts like a spreadsheet formula, holds markup, a CDATA end, controls, lone surrogates and a non-character.
HOSTILE_TEXT = '=HYPERLINK("x") <script>alert(1)</script> ]]> & \x00\x07\x1b\ud800\udfff\ufffe end'


@pytest.fixture(scope="session")
def hostile_archive(search_archive):
    """The search fixture with HOSTILE_TEXT in a title, every quote, every name, an alias (with a line break), a role and a link's note."""
    from dataclasses import replace

    from archive.model import Link, Location, Role

    first = search_archive.articles[0]
    articles = (replace(first, title=replace(first.title, value=HOSTILE_TEXT)),) + search_archive.articles[1:]
    one, other = search_archive.statements[0].statement, search_archive.statements[1].statement
    link = Link(one.id, other.id, "context", f"Note {HOSTILE_TEXT}", one.location)
    statements = tuple(
        replace(s, statement=replace(s.statement, quote=f"Quote {HOSTILE_TEXT}", links=(link,) if s.statement is one else ()))
        for s in search_archive.statements
    )
    role = Role(f"Role {HOSTILE_TEXT}", "2004-03-09", None, Location("people.yml", 1))
    people = tuple(replace(p, name=f"Name {HOSTILE_TEXT}", aliases=("@SUM(1)", "two\nlines", *p.aliases), roles=(role,))
                   for p in search_archive.registry.people)
    return replace(search_archive, articles=articles, statements=statements, registry=replace(search_archive.registry, people=people))


@pytest.fixture(scope="session")
def search_site(search_archive, tmp_path_factory) -> Path:
    """A site folder with the fixture's index, the search engine and lunr's files.

    The index has tiny chunks, so that lookups and prefixes cross from one to the next.
    """
    from archive.search_index import render_search_index

    site = tmp_path_factory.mktemp("search-site")
    for path, text in render_search_index(search_archive, chunk_bytes=400, docs_per_chunk=3).items():
        (site / "archive" / "search" / path).parent.mkdir(parents=True, exist_ok=True)
        (site / "archive" / "search" / path).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets" / "search", site / "assets" / "search")
    shutil.copytree(ROOT / "docs" / "assets" / "vendor" / "lunr", site / "assets" / "vendor" / "lunr")
    return site


def text_document(text: str, name: str = "fixture.txt", removed: tuple[int, ...] = ()) -> Document:
    """A Document holding every line of `text`, numbered from 1; `removed` lists boilerplate line numbers."""
    data = text.encode("utf-8")
    lines = tuple(Line(number, line) for number, line in enumerate(text.split("\n"), start=1))
    seed = SeedText(RawSeed(f"tests/{name}", name, data), "utf-8", hashlib.sha256(data).hexdigest(), lines)
    removals = tuple(Removal(line.number, line.text, "test") for line in lines if line.number in removed)
    return Document(seed, None, (), removals)


def extract_lines(*lines: str, removed: tuple[int, ...] = ()) -> DateFinding:
    """The date finding for a text given line by line, so a test's line numbers are the argument positions."""
    return extract_date(text_document("\n".join(lines), removed=removed), TODAY)


# A sentence with no date in it, to stand for a story's text in the date tests.
BODY = "Russia is ready to talk, the minister said."
