#!/usr/bin/env bash
# Search benchmark (prints figures; not a test, not run by CI): generates a
# synthetic corpus of D departments x Y years (default 1000 x 3 = 3,000
# department-years), builds it with gongkai (index stage timed by
# GONGKAI_TIMINGS=1), indexes the same site with Pagefind, and compares
# index build time, size on disk, bytes per query and query time in
# headless Chromium, and recall on Chinese substring queries.
# Usage: bench/search_bench.sh [departments] [years]
# SKIP_PAGEFIND=1: gongkai alone. The site is served by nginx when Debian's
# nginx is installed (apt-get install nginx-light; the benchmark only), else
# by the search tests' Node server; SERVER=node|nginx forces one.
set -euo pipefail
cd "$(dirname "$0")/.."
departments=${1:-1000}
years=${2:-3}
out=bench/out/search-$departments-$years
corpus=bench/corpus/$departments-$years
gongkai=${GONGKAI:-build/gongkai}
mkdir -p bench/out
[[ -x $gongkai ]] || scripts/build
[[ -d bench/node_modules/pagefind ]] || npm install --prefix bench --no-audit --no-fund
echo "== corpus: $departments departments x $years years"
python3 bench/gen_corpus.py --departments "$departments" --years "$years" --out "$corpus" --seed 1
# A full build: no site and none of the caches a build keeps beside it.
rm -rf "$out" "bench/out/.search-$departments-$years.gongkai-"*
echo "== gongkai build"
start=$(date +%s%N)
GONGKAI_TIMINGS=1 "$gongkai" build --content "$corpus" --out "$out" --theme themes/default 2>&1 | tee bench/out/build.log
end=$(date +%s%N)
echo "gongkai build wall time: $(( (end - start) / 1000000 )) ms"
indexes="search search/d search/p search/pages search/docs"
if [[ ${SKIP_PAGEFIND:-0} != 1 ]]; then
  echo "== pagefind"
  start=$(date +%s%N)
  (cd bench && npx pagefind --site "../$out" --root-selector main --quiet) || (cd bench && npx pagefind --site "../$out" --root-selector main)
  end=$(date +%s%N)
  echo "pagefind index wall time: $(( (end - start) / 1000000 )) ms"
  indexes+=" pagefind"
fi
echo "== index size on disk (bytes)"
for d in $indexes; do
  printf '%-14s %12s bytes %7s files\n' "$d" "$(du -sb "$out/$d" | cut -f1)" "$(find "$out/$d" -type f | wc -l)"
done
if [[ -z ${SERVER:-} ]]; then
  if [[ -x /usr/sbin/nginx ]]; then export SERVER=nginx; else export SERVER=node; fi
fi
echo "== queries in headless Chromium, site served by: $SERVER"
node bench/search_bench.mjs "$out"
