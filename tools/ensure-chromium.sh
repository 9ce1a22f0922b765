#!/bin/sh
# Browser tests drive Debian's chromium with Playwright (never Playwright's own browser download).
# Installs it with apt when missing and running as root; otherwise says how, and the browser tests skip.
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium with apt-get for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
    echo "apt-get could not install chromium; browser tests will be skipped." >&2
    exit 0
fi
echo "chromium is not installed: browser tests will be skipped." >&2
echo "  To run them: sudo apt-get install chromium   (Debian/Ubuntu)" >&2
exit 0
