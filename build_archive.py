#!/usr/bin/env python3
"""Build the statement archive: seeds/ + annotations/ -> docs/archive/ (with docs/data/ and docs/feeds/), check them without writing, add a seed, or search.

Exit codes: 0 ok, 1 problems found (search: no result), 2 usage error, 3 internal error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from archive.annotations import annotations_from_files
from archive.exports import DATA_DIR, render_exports
from archive.feeds import FEEDS_DIR, Site, read_site, render_feeds
from archive.model import ERROR, WARNING, Problem
from archive.needs import needs_summary
from archive.pipeline import build_archive
from archive.registry import registry_from_files
from archive.render import render_site
from archive.search import read_index, resolve_filters, search
from archive.search_index import FACETS, render_search_index
from archive.seeds import add_seed, read_seeds
from archive.suggestions import MIN_SCORE, render_json, render_yaml, suggest
from archive.write import WriteRefused, write_generated
from archive.yamlio import closest, read_yaml_files

ROOT = Path(__file__).resolve().parent


def site_url(value: str) -> str:
    """An http(s) address with a host, ending in a slash: the folder the site's index.html is published in."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment or any(c.isspace() for c in value):
        raise argparse.ArgumentTypeError(f"{value!r} is not an http(s) address like https://user.github.io/archive/")
    return value if value.endswith("/") else value + "/"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build_archive.py",
        description="Turn raw seed articles and curated annotations into the archive's Markdown pages.",
        epilog="Problems are printed as path:line: severity: message, all at once. "
        "Exit codes: 0 ok, 1 problems found, 2 usage error, 3 internal error.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of raw seed .txt files (default: %(default)s)")
    common.add_argument("--annotations", type=Path, default=ROOT / "annotations", help="folder of curated YAML (default: %(default)s)")
    common.add_argument("--docs", type=Path, default=ROOT / "docs", help="MkDocs docs folder; only its archive/, data/ and feeds/ subfolders are written, "
                        "and site_name and site_url are read from the mkdocs.yml beside it (default: %(default)s)")
    common.add_argument("--strict", action="store_true", help="treat warnings as errors")
    common.add_argument("--today", type=datetime.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="the date relative dates are resolved against (default: SOURCE_DATE_EPOCH or today, UTC)")
    common.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="processes that parse seeds in parallel (default: the number of CPUs, %(default)s)")
    common.add_argument("--github", action="store_true", default=bool(os.environ.get("GITHUB_ACTIONS")),
                        help="also print problems as GitHub Actions annotations (default: on inside GitHub Actions)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{add,build,check,search,suggest}")
    add = commands.add_parser("add", help="copy collected articles into seeds/ under their permanent names",
                              description="Copy each FILE into seeds/ byte for byte, named <next number>_<16 hex digits of its SHA-256>.txt; "
                              "an article already there is refused. Then run check.")
    add.add_argument("files", type=Path, nargs="+", metavar="FILE", help="an article's text as collected (UTF-8 .txt)")
    add.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of raw seed .txt files (default: %(default)s)")
    build = commands.add_parser("build", parents=[common], help="validate everything, then write docs/archive/, docs/data/ and docs/feeds/",
                                description="Validate seeds and annotations, then write the pages (docs/archive/), the open data (docs/data/) "
                                "and the feeds (docs/feeds/), swapped in only when all are complete.")
    build.add_argument("--site-url", type=site_url, default=None, metavar="URL",
                       help="where the site is published, e.g. https://user.github.io/archive/: feeds, citations and JSON-LD then "
                       "give absolute addresses (default: site_url of the mkdocs.yml beside --docs, which reads SITE_URL; "
                       "without either, addresses are relative)")
    commands.add_parser("check", parents=[common], help="validate seeds and annotations; write nothing",
                        description="Validate seeds and annotations and report every problem; write nothing.")
    find = commands.add_parser(
        "search", help="search the built index, as the site's search does",
        description='Search the index the build wrote, with the query language of the site\'s search: words, "exact phrase", '
        "prefix*, +required, -excluded. Filters take ids, names or aliases; a filter given twice matches either value.",
        epilog="Exit codes: 0 results, 1 no result, 2 a bad query or option.")
    find.add_argument("query", help='e.g. \'"New START" -nato\'; an empty query lists every document the filters keep')
    for facet in FACETS:
        if facet != "kind":
            find.add_argument(f"--{facet}", action="append", default=[], metavar="VALUE", help=f"only documents with this {facet}")
    find.add_argument("--kind", action="append", default=[], choices=("article", "statement"), help="only articles or only statements")
    find.add_argument("--limit", type=int, default=10, metavar="N", help="show the best N results (default: %(default)s)")
    find.add_argument("--format", choices=("text", "json"), default="text", help="text, or JSON: a list of {id, title, kind, score[, statement]}")
    find.add_argument("--site", type=Path, default=ROOT / "site", metavar="DIR",
                      help="the built site, or the docs folder right after `build` (default: %(default)s)")
    offer = commands.add_parser(
        "suggest", parents=[common], help="propose events for duplicate stories and same-statement links for wire quotes",
        description="Find articles that cover the same event (copies, rewrites, a report and its transcript) and align each "
        "report's quotations and reported speech with the record passage they render. Prints annotation files to review "
        "and paste into annotations/ (yaml), or every suggestion with its score and evidence (json). Writes nothing.",
        epilog="Exit codes: 0 ok (with or without suggestions), 1 annotations that do not load, 2 a bad option.")
    offer.add_argument("--kind", choices=("duplicate", "quote"), action="append", default=[],
                       help="only duplicate stories or only quote alignments (default: both)")
    offer.add_argument("--min-score", type=float, default=MIN_SCORE, metavar="S",
                       help="show suggestions scoring at least S, from 0 to 1 (default: %(default)s)")
    offer.add_argument("--format", choices=("yaml", "json"), default="yaml",
                       help="yaml: annotation files, each headed by its path; json: a list of {kind, score, curated, evidence, a, b}")
    offer.add_argument("--all", action="store_true", help="also list what the annotations already link, marked as curated")
    return parser.parse_args(argv)


def reference_date(given: datetime.date | None) -> datetime.date:
    """The build's 'today': --today, else SOURCE_DATE_EPOCH (reproducible builds), else the UTC date."""
    if given:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.datetime.now(datetime.timezone.utc).date()


def display(path: Path) -> str:
    """A path as messages show it: relative to the repository when inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def run_add(args: argparse.Namespace) -> int:
    """Add each file as a new seed; every refusal is printed, and the others are still added."""
    refused = 0
    for file in args.files:
        added, problem = add_seed(file, args.seeds, display(args.seeds))
        if problem is not None:
            print(problem.format(), file=sys.stderr)
            refused += 1
        else:
            print(f"added {added} (from {file})")
    if len(args.files) > refused:
        print("next: run `make check` and add what it asks for to annotations/")
    return 1 if refused else 0


def run_search(args: argparse.Namespace) -> int:
    """Print the best results of a query over the built index; 0 with results, 1 with none, 2 for a bad query or option."""
    folder = args.site / "archive" / "search"
    if not (folder / "index.js").is_file():
        print(f"{display(args.site)}: error: no search index in it (archive/search/index.js); run `make site`, "
              "or `build_archive.py build` and pass --site docs", file=sys.stderr)
        return 2
    if args.limit < 1:
        print(f"error: --limit must be 1 or more, not {args.limit}", file=sys.stderr)
        return 2
    index = read_index(folder)
    filters, unknown = resolve_filters(index, {facet: getattr(args, facet) for facet in FACETS if getattr(args, facet)})
    for facet, value in unknown:
        names = {n: v["id"] for f in index.facets() if f["name"] == facet for v in f["values"] for n in (v["id"], v["label"], *v["aliases"])}
        close = list(dict.fromkeys(names[n] for n in closest(value, names)))
        hint = "; did you mean " + " or ".join(f"`{c}`" for c in close) + "?" if close else ""
        print(f"error: --{facet} {value!r} names no {facet}{hint}", file=sys.stderr)
    if unknown:
        return 2
    results = search(index, args.query, filters, counts=args.format == "text")
    if not results.query.clauses and not results.query.blank:
        ignored = f" ({', '.join(results.query.ignored)}: too common to search)" if results.query.ignored else ""
        print(f"error: nothing to search for in {args.query!r}{ignored}", file=sys.stderr)
        return 2
    shown = [(hit, index.document(hit.doc)) for hit in results.hits[:args.limit]]
    if args.format == "json":
        listed = [{"id": d["id"], "title": d["title"], "kind": d["kind"], "score": hit.score} | ({"statement": d["statement"]} if "statement" in d else {})
                  for hit, d in shown]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
    else:
        for hit, d in shown:
            which = f"{d['id']}#{d['statement']}" if "statement" in d else d["id"]
            print(f"{hit.score:6d}  {d['date']:<12} {d['kind']:<9}  {which}  {d['title']}")
        print(f"{len(results.hits)} result(s)" + (f", the best {len(shown)} shown" if len(shown) < len(results.hits) else ""))
        for facet, counts in results.facets:
            if counts:
                print(f"  {facet}: " + ", ".join(f"{value} {n}" for value, n in counts))
    if results.query.ignored:
        print(f"ignored: {', '.join(results.query.ignored)}", file=sys.stderr)
    return 0 if results.hits else 1


def run_suggest(args: argparse.Namespace, seeds, registry, annotations, problems: tuple[Problem, ...]) -> int:
    """Print suggestions; 0 ok (some or none), 1 for annotations that do not load, 2 for a bad option."""
    if not 0 <= args.min_score <= 1:
        print(f"error: --min-score must be from 0 to 1, not {args.min_score}", file=sys.stderr)
        return 2
    errors = [p for p in problems if p.severity == ERROR]
    for problem in errors:
        print(problem.format(), file=sys.stderr)
    if errors:
        print("no suggestions: fix the errors above (`make check` lists them all)", file=sys.stderr)
        return 1
    kinds = frozenset(args.kind or ("duplicate", "quote"))
    found, proposals = suggest(seeds, registry, annotations, reference_date(args.today), kinds, args.min_score, max(1, args.jobs))
    shown = render_json(found, args.all)
    if args.format == "json":
        print(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        print(render_yaml(proposals, found, args.all), end="")
    print(f"{len(shown)} suggestion(s): {sum(s['kind'] == 'duplicate' for s in shown)} duplicate pair(s), "
          f"{sum(s['kind'] == 'quote' for s in shown)} quote pair(s); {len(proposals)} annotation file(s) proposed", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    if args.command == "search":
        return run_search(args)
    for name in ("seeds",) if args.command == "add" else ("seeds", "annotations"):
        folder = getattr(args, name)
        if folder.is_symlink():
            print(f"{display(folder)}: error: --{name} folder is a symbolic link; the build reads only what is in it, not what it points to", file=sys.stderr)
            return 2
        if not folder.is_dir():
            print(f"{display(folder)}: error: --{name} folder does not exist", file=sys.stderr)
            return 2
    if args.command == "add":
        return run_add(args)
    # One read of the folder serves the registry and the annotations, so a file refused is reported once.
    files, unread = read_yaml_files(args.annotations, display(args.annotations))
    registry, registry_problems = registry_from_files(files, display(args.annotations))
    annotations, annotation_problems = annotations_from_files(files, display(args.annotations))
    seeds, seed_problems = read_seeds(args.seeds, display(args.seeds))
    if args.command == "suggest":
        return run_suggest(args, seeds, registry, annotations, unread + registry_problems + annotation_problems)
    archive, found = build_archive(seeds, registry, reference_date(args.today), annotations, jobs=max(1, args.jobs))
    problems = tuple(sorted(unread + registry_problems + annotation_problems + seed_problems + found, key=Problem.sort_key))
    if args.strict:
        problems = tuple(Problem(p.location, ERROR, p.message) for p in problems)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
        if args.github:
            print(problem.github())
    errors = sum(p.severity == ERROR for p in problems)
    warnings = sum(p.severity == WARNING for p in problems)
    summary = needs_summary(archive.articles)
    if summary:
        print(summary, file=sys.stderr)
    if problems:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    if errors:
        print("nothing written: fix the errors above" if args.command == "build" else "check failed", file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"checked {len(seeds)} seed(s): {len(archive.articles)} article(s), {len(archive.events)} event(s), "
              f"{len(archive.statements)} anchored statement(s), {sum(len(s.statement.links) for s in archive.statements)} link(s)")
        return 0
    try:
        index = {f"search/{path}": text for path, text in render_search_index(archive).items()}
        site = read_site(args.docs.parent / "mkdocs.yml")
        site = Site(site.name, args.site_url or site.url)
        generated = {DATA_DIR: render_exports(archive), FEEDS_DIR: render_feeds(archive, site)}
        target = write_generated(args.docs, render_site(archive, site.url or "") | index, protected=(args.seeds, args.annotations),
                                 alongside=generated)
    except (WriteRefused, OSError) as exc:
        print(f"{display(args.docs)}: error: {exc}", file=sys.stderr)
        return 1
    print(f"built {len(archive.articles)} article page(s) and {len(archive.events)} event page(s) in {display(target)}, "
          f"open data in {display(args.docs / DATA_DIR)}, feeds in {display(args.docs / FEEDS_DIR)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("interrupted: nothing was written", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not bad input: say so without a traceback
        print(f"internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in build_archive.py, not in your files; please report it. "
              "Set BUILD_ARCHIVE_TRACEBACK=1 to see where it happened.", file=sys.stderr)
        if os.environ.get("BUILD_ARCHIVE_TRACEBACK"):
            raise
        return 3


if __name__ == "__main__":
    sys.exit(main())
