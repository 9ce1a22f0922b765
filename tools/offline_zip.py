#!/usr/bin/env python3
"""Zip the built site for reading offline: dist/statement-archive-<date of the newest article>.zip.

Unzipped anywhere, its folder's index.html opens from file:// with navigation and search working:
the site loads nothing from outside and links relatively. The zip holds one folder named like
the zip; entries are sorted and dated SOURCE_DATE_EPOCH (else 1980-01-01), so the same site gives
the same bytes. Source maps are left out (they serve debugging, not reading). The zip is written
beside its final name and renamed into place, so a failure leaves an earlier zip as it was.
The newest article is read from the site's own open data (data/articles.json).
Usage: tools/offline_zip.py [--site site] [--out dist]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "statement-archive-{date}"
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
LEFT_OUT = (".map",)


def newest_day(dates: list[str]) -> str | None:
    """The latest day an article is known to be published on; uncertain dates (ranges, sets, "unknown") do not count."""
    return max((d for d in dates if DAY.fullmatch(d)), default=None)


def article_dates(site: Path) -> list[str]:
    """The `date` of every article in the site's open data (data/articles.json, written by build_archive.py)."""
    table = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    return [str(row["date"]) for row in table["rows"]]


def zip_stamp() -> tuple[int, int, int, int, int, int]:
    """Every entry's time: SOURCE_DATE_EPOCH when set (reproducible builds), else the earliest a zip can hold."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return (1980, 1, 1, 0, 0, 0)
    moment = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    return max((1980, 1, 1, 0, 0, 0), moment.timetuple()[:6])


def write_zip(site: Path, target: Path, folder: str, stamp: tuple[int, int, int, int, int, int]) -> int:
    """site/ zipped into `target` under `folder`/; returns the number of files."""
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink() and p.suffix not in LEFT_OUT)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/offline_zip.py", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the zip goes (default: %(default)s)")
    args = parser.parse_args(argv)
    for needed in ("index.html", "data/articles.json"):
        if not (args.site / needed).is_file():
            print(f"{args.site}/{needed} not found: build the site first (make site)", file=sys.stderr)
            return 2
    folder = NAME.format(date=newest_day(article_dates(args.site)) or "undated")
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{folder}.zip"
    handle, partial = tempfile.mkstemp(prefix=f".{folder}-", suffix=".zip", dir=args.out)
    os.close(handle)
    try:
        count = write_zip(args.site, Path(partial), folder, zip_stamp())
        os.chmod(partial, 0o644)
        os.replace(partial, target)
    finally:
        Path(partial).unlink(missing_ok=True)
    print(f"{target}: {count} files, {target.stat().st_size / 1e6:.1f} MB; unzip it and open {folder}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
