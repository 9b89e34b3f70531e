#!/bin/sh
# Runs one browser-suite script under ctest: exits 77 (ctest SKIP_RETURN_CODE)
# when Node.js, or Chromium for the scripts that need it, is not installed;
# fails when the npm packages are missing (scripts/test installs them).
# usage: run.sh [--chromium] script.mjs args...
here=$(cd "$(dirname "$0")" && pwd)
need_chromium=no
if [ "$1" = "--chromium" ]; then need_chromium=yes; shift; fi
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: node is not installed (scripts/install-deps --browser installs it)"
  exit 77
fi
chromium=${GONGKAI_CHROMIUM:-/usr/bin/chromium}
if [ "$need_chromium" = yes ] && [ ! -x "$chromium" ]; then
  echo "SKIP: no Chromium at $chromium (scripts/install-deps --browser installs Debian's chromium)"
  exit 77
fi
for package in playwright-core html-validate axe-core; do
  if [ ! -f "$here/node_modules/$package/package.json" ]; then
    echo "tests/browser/node_modules/$package is missing: run  npm ci --prefix tests/browser  (scripts/test does)" >&2
    exit 1
  fi
done
script=$1; shift
exec node "$here/$script" "$@"
