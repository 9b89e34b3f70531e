#!/bin/sh
# A failed build leaves the previous output byte for byte as it was.
#
#   run.sh <gongkai> <repo root> <scratch folder>
#
# Builds the demo portal, snapshots it, then runs three builds that fail at
# different stages into the same folder — content errors (validate), a
# theme whose template asks for a missing name (render, after files were
# already being written) and a theme that does not exist — and requires
# after each: exit status 1, the message that nothing was written, and the
# folder identical to the snapshot (same files, same bytes, same mtimes).
set -eu
gongkai=$1 repo=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
site=$scratch/site

"$gongkai" build --content "$repo/content" --out "$site" --quiet
cp -a "$site" "$scratch/before"
listing() { (cd "$1" && find . -printf '%p %s %T@ %m\n' | LC_ALL=C sort); }
listing "$site" > "$scratch/before.list"

# A broken theme: a copy of the default theme whose page template asks for
# a name no page provides.
cp -r "$repo/themes/default" "$scratch/broken-theme"
printf '{{no_such_name}}\n' >> "$scratch/broken-theme/templates/pages/year.mustache"

expect_failure() {
  what=$1; shift
  status=0
  "$gongkai" build --out "$site" --quiet "$@" 2> "$scratch/stderr" || status=$?
  if [ "$status" -ne 1 ]; then
    echo "FAIL ($what): exit status $status, expected 1"; cat "$scratch/stderr"; exit 1
  fi
  if ! grep -q "previous output is unchanged" "$scratch/stderr"; then
    echo "FAIL ($what): stderr does not say the previous output is unchanged:"; cat "$scratch/stderr"; exit 1
  fi
  if ! diff -r "$scratch/before" "$site" > "$scratch/diff"; then
    echo "FAIL ($what): the output folder changed:"; head -40 "$scratch/diff"; exit 1
  fi
  listing "$site" > "$scratch/after.list"
  if ! cmp -s "$scratch/before.list" "$scratch/after.list"; then
    echo "FAIL ($what): files, sizes or mtimes changed:"; diff "$scratch/before.list" "$scratch/after.list" | head -20; exit 1
  fi
  leftovers=$(find "$scratch" -maxdepth 1 \( -name '.site.gongkai-new-*' -o -name '.site.gongkai-search-cache.new-*' -o -name '.site.gongkai-load-cache.new-*' \))
  if [ -n "$leftovers" ]; then
    echo "FAIL ($what): a staging folder or cache was left behind: $leftovers"; exit 1
  fi
  echo "ok: $what"
}

expect_failure "content errors" --content "$repo/tests/invalid/total-mismatch/content"
expect_failure "template error while rendering" --content "$repo/content" --theme "$scratch/broken-theme"
expect_failure "missing theme" --content "$repo/content" --theme "$scratch/no-such-theme"
