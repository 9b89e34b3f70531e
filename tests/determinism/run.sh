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
[ $status -eq 0 ] && echo "$pages pages, identical in all four builds"
exit $status
