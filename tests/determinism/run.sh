#!/bin/sh
# Builds one content folder several ways and requires byte-identical sites:
#   --jobs 1, --jobs 4 and --jobs 3 (threads finishing pages in different
#   orders), and --jobs 4 from a copy of the content whose files were
#   created in reverse order (on file systems that list a folder in creation
#   order -- tmpfs, btrfs -- the listing order changes).
# Every file is compared but .gongkai-manifest, which records the output
# files' inodes and times for incremental builds (docs/incremental.md).
# Usage: run.sh GONGKAI CONTENT_DIR THEME_DIR SCRATCH_DIR
# With CONTENT_DIR "synthetic:D:Y" it first generates D departments x Y
# years with bench/gen_corpus.py (skips, exit 77, without python3).
set -eu
gongkai=$1 content=$2 theme=$3 scratch=$4
rm -rf "$scratch"
mkdir -p "$scratch"

case $content in
synthetic:*)
    command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
    spec=${content#synthetic:}
    content=$scratch/content
    python3 "$(dirname "$0")/../../bench/gen_corpus.py" --departments "${spec%%:*}" --years "${spec#*:}" \
        --out "$content" --seed 7 >/dev/null
    ;;
esac

build() {  # build NAME CONTENT JOBS
    "$gongkai" build --content "$2" --out "$scratch/$1" --theme "$theme" --jobs "$3" --quiet
}

# The copy in reverse order: folders first (sorted), then files newest-name first.
reversed=$scratch/reversed-content
(cd "$content" && find . -type d | LC_ALL=C sort) | while read -r d; do mkdir -p "$reversed/$d"; done
(cd "$content" && find . -type f | LC_ALL=C sort -r) | while read -r f; do cp "$content/$f" "$reversed/$f"; done

build jobs-1 "$content" 1
build jobs-4 "$content" 4
build jobs-3 "$content" 3
build reversed "$reversed" 4

pages=$(find "$scratch/jobs-1" -name '*.html' | wc -l)
if [ "$pages" -lt 10 ]; then
    echo "only $pages pages were built: nothing to compare"
    exit 1
fi
status=0
for other in jobs-4 jobs-3 reversed; do
    if ! diff -r --exclude=.gongkai-manifest "$scratch/jobs-1" "$scratch/$other" >"$scratch/$other.diff" 2>&1; then
        echo "the site built as '$other' differs from the one built with --jobs 1:"
        head -n 40 "$scratch/$other.diff"
        status=1
    fi
done
# Departments load in parallel too: the report of a broken copy (a key no
# file may have, in every department file) is the same whatever --jobs.
broken=$scratch/broken-content
cp -r "$content" "$broken"
find "$broken/departments" -name '*.toml' | while read -r f; do printf '\nnot_a_key = 1\n' >>"$f"; done
for jobs in 1 4; do
    "$gongkai" build --content "$broken" --out "$scratch/broken-$jobs" --theme "$theme" --jobs "$jobs" --quiet \
        >"$scratch/broken-$jobs.txt" 2>&1 && { echo "the broken copy built"; status=1; }
done
if [ "$(grep -c 'not_a_key' "$scratch/broken-1.txt")" -lt 2 ]; then
    echo "the broken copy was not reported file by file:"; head -n 5 "$scratch/broken-1.txt"; status=1
elif ! cmp -s "$scratch/broken-1.txt" "$scratch/broken-4.txt"; then
    echo "the report of the broken copy differs between --jobs 1 and --jobs 4:"
    diff "$scratch/broken-1.txt" "$scratch/broken-4.txt" | head -n 20
    status=1
fi
[ $status -eq 0 ] && echo "$pages pages, identical in all four builds; the same report at --jobs 1 and 4"
exit $status
