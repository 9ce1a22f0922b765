#!/usr/bin/env python3
"""Build the static site with `mkdocs build --strict` in a temporary folder; swap it in only when MkDocs succeeded.

A failed build leaves the previous site/ exactly as it was. Usage: tools/build_site.py [-f mkdocs.yml] [-d site]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.write import swap_in  # noqa: E402  (the repository is not installed as a package)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/build_site.py", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs configuration (default: %(default)s)")
    parser.add_argument("-d", "--site-dir", type=Path, default=ROOT / "site", help="the built site (default: %(default)s)")
    args = parser.parse_args(argv)
    site = args.site_dir.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        # Not --quiet: it hides warnings from the counter --strict checks, so a broken link would pass.
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(args.config_file), "-d", str(staging)],
            check=False,
        )
        if done.returncode != 0:
            print(f"mkdocs build failed (exit {done.returncode}); {site} is left as it was", file=sys.stderr)
            return done.returncode
        staging.chmod(0o755)
        swap_in(staging, site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
