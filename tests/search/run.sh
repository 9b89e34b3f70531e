#!/bin/sh
# Runs one search test under ctest: exits 77 (ctest SKIP_RETURN_CODE) when
# Node.js, or Chromium for the tests that need it, is not installed; fails
# when playwright-core is missing (scripts/test installs it with the browser
# suite's packages, tests/browser/package.json).
# usage: run.sh [--chromium] test.mjs
here=$(cd "$(dirname "$0")" && pwd)
need_chromium=no
if [ "$1" = "--chromium" ]; then need_chromium=yes; shift; fi
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: node is not installed (scripts/install-deps --browser installs it)"
  exit 77
fi
if [ "$need_chromium" = yes ]; then
  chromium=${GONGKAI_CHROMIUM:-/usr/bin/chromium}
  if [ ! -x "$chromium" ]; then
    echo "SKIP: no Chromium at $chromium (scripts/install-deps --browser installs Debian's chromium)"
    exit 77
  fi
  if [ ! -f "$here/../browser/node_modules/playwright-core/package.json" ]; then
    echo "tests/browser/node_modules/playwright-core is missing: run  npm ci --prefix tests/browser  (scripts/test does)" >&2
    exit 1
  fi
fi
exec node --test --test-reporter=spec "$here/$1"
