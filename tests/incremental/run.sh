#!/usr/bin/env bash
# One incremental-build case: build the demo site, make one kind of edit,
# build again into the same folder, and require
#   - the incremental output to equal a clean build of the edited content,
#     byte for byte, file for file (the manifest aside: it records times);
#   - every file whose bytes did not change to be the same file as before
#     (same inode, same mtime): kept, not written again;
#   - the files the edit must change to have changed, so the case tests
#     something.
#
#   run.sh <gongkai> <source root> <scratch folder> <case>
#
# Cases: see the `case` below and docs/incremental.md.
set -euo pipefail
export LC_ALL=C

gongkai=$1 source=$2 work=$3 name=$4

fail() { echo "FAIL ($name): $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/themes"
cp -r "$source/content" "$work/content"
cp -r "$source/themes/default" "$work/themes/default"  # found beside the content
cd "$work"
# A file changed within two seconds of a build is read again by the next
# (its change time could still move within the same tick, and a change
# time cannot be set back): after this wait the first build trusts every
# file's stamp, so that the rebuilds take what is unchanged without
# reading it, as they would in a webmaster's folder.
sleep 2.1
touch .set-up  # budget files changed after it are the case's

build() {  # build <out> [more arguments]: prints gongkai's stdout
    local out=$1
    shift
    "$gongkai" build --content content --out "$out" "$@" 2>"$work/stderr" || fail "gongkai build --out $out: status $?; $(cat "$work/stderr")"
}

# "path inode mtime sha1" of every file of the site, one line each, sorted
# (few processes: the machine may be busy).
identify() {
    (cd "$1" && find . -type f ! -name .gongkai-manifest -printf '%P %i %T@\n' | sort >"$work/ids" &&
        find . -type f ! -name .gongkai-manifest -print0 | xargs -0 sha1sum | sed 's|^\([0-9a-f]*\)  \./\(.*\)|\2 \1|' |
            sort >"$work/sums")
    join "$work/ids" "$work/sums"
}

# Changes an output file by hand: the same size, other bytes, the mtime
# set back; the inode is new (written by a program that replaces files).
edit_by_hand() {
    cp -p "site/$1" page.tmp
    sed -i 's/</>/' page.tmp
    touch -r "site/$1" page.tmp
    mv page.tmp "site/$1"
}

# What a case needs in the content before the first build.
case "$name" in
    narrative-uses-a-term)  # a glossary term that no page uses yet
        printf '\n[[term]]\nid         = "self-evaluation"\nname       = "绩效自评"\ndefinition = "指预算部门对本部门绩效目标完成情况的自我评价。"\n' \
            >>content/glossary.toml
        ;;
esac

build site >/dev/null
cp -a site before  # to compare bytes with
identify site >identity.before

must_change=()   # output files the edit must change
up_to_date=no    # the rebuild must be skipped as a whole
exempt=-         # an output file changed by hand: it is written again
replayed=        # the warnings the skipped build must print again
build_args=()
reused=0         # files taken from the previous output instead of made: a number, "some", or all-but-finance-bureau-disclosures
narrative=no     # the rebuild is a narrative edit: "yes" it loads one department's figures, "fallback" it starts so and then needs them all
spare=no         # the rebuild kept most files, so the site it replaced must be kept as the spare
folder_touched=no  # a folder of the site was changed by hand: as the spare, it must not be taken
case "$name" in
    edited-figure)
        sed -i 's/^amount = 70.43$/amount = 71.43/' content/departments/finance-bureau/2021.toml
        must_change=(departments/finance-bureau/2021/index.html data/departments/finance-bureau/2021.json data/2021.csv)
        spare=yes
        ;;
    edited-narrative)
        printf '\n本年度新增一段说明文字，用于测试增量构建。\n' >>content/departments/finance-bureau/2021.md
        reused=all-but-finance-bureau-disclosures
        narrative=yes
        # The demo's pages are all in the first search pack; pages.idx holds its text's size.
        must_change=(departments/finance-bureau/2021/index.html search/pages/0.bin search/pages.idx)
        ;;
    narrative-uses-a-term)
        # The term's page must list the disclosure now; every other term's
        # page is taken from the previous output (its list is the same).
        printf '\n本年度开展了绩效自评。\n' >>content/departments/finance-bureau/2021.md
        reused=all-but-finance-bureau-disclosures-and-a-term-page
        narrative=yes
        must_change=(departments/finance-bureau/2021/index.html glossary/self-evaluation/index.html)
        ;;
    added-department)
        cp -r content/departments/finance-bureau content/departments/audit-bureau
        sed -i 's/^name *=.*/name = "张家口市桥西区审计局"/; s/^short *=.*/short = "区审计局"/; s/^code *=.*/code = "118999"/' \
            content/departments/audit-bureau/department.toml
        must_change=(index.html 2021/index.html departments/audit-bureau/2021/index.html sitemap.xml)
        ;;
    removed-department)
        rm -rf content/departments/finance-bureau
        must_change=(index.html 2021/index.html sitemap.xml)
        ;;
    edited-template)
        sed -i '0,/<\/main>/s//<p>增量构建测试<\/p><\/main>/' themes/default/templates/base.mustache
        grep -q '增量构建测试' themes/default/templates/base.mustache || fail "the template edit did not apply"
        must_change=(index.html departments/finance-bureau/2021/index.html)
        ;;
    edited-glossary-term)
        sed -i 's/^definition = "指区级财政当年拨付的资金。"$/definition = "指区级财政当年拨付给本部门的资金。"/' content/glossary.toml
        must_change=(glossary/general-public-income/index.html)
        ;;
    edited-label)
        sed -i '0,/= "/s//= "改：/' themes/default/labels/zh-CN.toml
        must_change=(index.html)
        ;;
    edited-asset)
        printf '\n/* incremental test */\n' >>themes/default/assets/style.css
        must_change=(assets/style.css)
        ;;
    touched-files)
        find content themes -type f -exec touch {} +
        up_to_date=yes
        ;;
    comment-only)
        # A content change that affects nothing: no output may be rewritten.
        printf '\n# 仅为注释\n' >>content/departments/finance-bureau/2021.toml
        ;;
    new-base-url)
        build_args=(--base-url https://example.org/budget/)
        must_change=(sitemap.xml feed.xml)
        ;;
    stray-output-file)
        # Nothing in the content changed, but the output is not as the build
        # left it: a file added by hand deep inside goes away again.
        printf 'by hand\n' >site/departments/finance-bureau/2021/notes.txt
        reused=some
        folder_touched=yes
        ;;
    deleted-output-file)
        rm site/departments/finance-bureau/2021/index.html
        exempt=departments/finance-bureau/2021/index.html
        reused=some  # all department pages but the deleted one
        folder_touched=yes
        ;;
    edited-output-file)
        # Same size, other bytes, the mtime set back: the new inode shows.
        edit_by_hand index.html
        exempt=index.html
        reused=some
        ;;
    edited-output-page)
        # The same for a disclosure, which could be reused: it must be
        # rendered again, not taken as the hand left it.
        page=departments/finance-bureau/2021/index.html
        edit_by_hand $page
        exempt=$page
        folder_touched=yes
        reused=some
        ;;
    narrative-and-edited-output)
        # A narrative edit loads one department's figures, but the overview,
        # changed by hand, must be made again from all of them: the build
        # starts over with every figure.
        printf '\n本年度新增一段说明文字。\n' >>content/departments/finance-bureau/2021.md
        edit_by_hand index.html
        exempt=index.html
        reused=some
        narrative=fallback
        must_change=(departments/finance-bureau/2021/index.html)
        ;;
    warnings-replayed)
        # A build with warnings, then one that is skipped: it prints them again.
        sed -i 's/^tolerance = 0$/tolerance = 0.01/' content/site.toml
        sed -i '0,/^total *= 803.26$/s//total = 803.27/' content/departments/finance-bureau/2021.toml
        build site >/dev/null
        replayed=$(cat stderr)
        [[ $replayed == *"warning: 'total' in [income] is 803.27"* ]] || fail "no warning from the edit: $replayed"
        up_to_date=yes
        ;;
    warnings-after-edit)
        # A build with warnings, then another department's narrative edited:
        # the rebuild leaves the file with the warnings unread until the
        # report quotes its line, and prints the same warnings.
        sed -i 's/^tolerance = 0$/tolerance = 0.01/' content/site.toml
        sed -i '0,/^total *= 803.26$/s//total = 803.27/' content/departments/finance-bureau/2021.toml
        sleep 2.1  # so that the build trusts the file's stamp: it was not written just before
        build site >/dev/null
        replayed=$(cat stderr)
        [[ $replayed == *"37 | total = 803.27"* ]] || fail "no quoted line in the warnings: $replayed"
        printf '\n本年度新增一段说明文字。\n' >>content/departments/education-bureau/2021.md
        reused=some
        narrative=yes
        must_change=(departments/education-bureau/2021/index.html)
        ;;
    failed-then-fixed)
        # A build that fails changes nothing; once the error is undone, the
        # site is up to date again.
        cp content/site.toml site.toml.good
        printf 'title = 1\n' >>content/site.toml
        if "$gongkai" build --content content --out site >/dev/null 2>&1; then fail "the broken content built"; fi
        cp site.toml.good content/site.toml
        up_to_date=yes
        ;;
    *) fail "unknown case" ;;
esac

summary=$(GONGKAI_TIMINGS=1 build site "${build_args[@]}")
cp stderr timings
printed=$(grep -v '^gongkai: ' timings || true)  # the warnings, without the timings
if [[ -n $replayed && "$printed" != "$replayed" ]]; then
    fail "the rebuild printed other warnings: $printed"
fi
# A narrative edit loads the figures of the edited department only.
took_narrative=no
grep -q '^gongkai: narrative edit: the figures of 1 of the departments loaded$' timings && took_narrative=yes
gave_way=no
grep -q '^gongkai: narrative edit: .*; building with every figure$' timings && gave_way=yes
unread=$(sed -n 's/^gongkai: load: [0-9]* budget files loaded, \([0-9]*\) left unread$/\1/p' timings)
case "$narrative" in
    yes) [[ $took_narrative == yes && $gave_way == no && ${unread:-0} -gt 0 ]] ||
             fail "not built as a narrative edit, other departments' budget files left unread: $(cat timings)" ;;
    fallback) [[ $took_narrative == yes && $gave_way == yes ]] || fail "the narrative edit did not give way: $(cat timings)" ;;
    no) [[ $took_narrative == no ]] || fail "built as a narrative edit: $(cat timings)" ;;
esac
build clean "${build_args[@]}" >/dev/null

diff -r -x .gongkai-manifest clean site >diff.txt || fail "the incremental build differs from a clean build: $(head -20 diff.txt)"

if [[ $up_to_date == yes ]]; then
    [[ $summary == *"is up to date"* ]] || fail "expected the build to be skipped, got: $summary"
else
    [[ $summary != *"is up to date"* ]] || fail "the build was skipped, but the input changed"
fi

# Which files were taken from the previous output ("N files not made again").
if [[ $up_to_date != yes ]]; then
    [[ $summary =~ \(([0-9]+)\ files\ not\ made\ again\) ]] || fail "no reuse count in: $summary"
    count=${BASH_REMATCH[1]}
    reusable=$(grep -c '^reusable' site/.gongkai-manifest)
    if [[ $reused == some ]]; then
        [[ $count -gt 0 ]] || fail "no file was taken from the previous output"
    elif [[ $reused == all-but-finance-bureau-disclosures* ]]; then
        # Every reusable file but the disclosures that show the narrative
        # (the glossary's term pages among them), and the one term page
        # whose list of pages changed when the case says so.
        disclosures=$(grep -c $'^reusable.*\tdepartments/finance-bureau/[0-9][^/]*/index.html$' site/.gongkai-manifest)
        terms=$(grep -c $'^reusable.*\tglossary/[^/]*/index.html$' site/.gongkai-manifest)
        also=0
        [[ $reused == *-and-a-term-page ]] && also=1
        [[ $disclosures -gt 0 && $terms -gt 0 && $count -eq $((reusable - disclosures - also)) ]] ||
            fail "$count files were taken from the previous output, expected $reusable - $disclosures - $also"
    elif [[ $count != "$reused" ]]; then
        fail "$count files were taken from the previous output, expected $reused"
    fi
fi

for path in "${must_change[@]}"; do
    [[ -f site/$path ]] || fail "missing $path"
    if [[ -f before/$path ]] && cmp -s "before/$path" "site/$path"; then fail "the edit did not change $path"; fi
done

# Every file with the bytes it had must be the very file it was.
identify site >identity.after
join identity.before identity.after >both
rewritten=$(awk -v exempt="$exempt" '$1 != exempt && $4 == $7 && ($2 != $5 || $3 != $6) { print $1 }' both)
[[ -z $rewritten ]] || fail "same bytes, but written again: $(echo "$rewritten" | head -5)"
kept=$(awk '$4 == $7 && $2 == $5' both | wc -l)
[[ $kept -gt 0 ]] || fail "no file was kept"

# One more edit. When the case's build kept most files (in the demo a
# figure, label or asset edit, a new base URL, nothing at all; not a
# narrative edit, which rewrites most of the demo's few search shards),
# the site it replaced is the spare (write/spare_site.h) and this build
# must take it as its staging folder (GONGKAI_TIMINGS says so), unless a
# folder of that site was changed by hand; and again give the same bytes
# as a clean build, and the same files where the bytes are the same.
identify site >identity.before
had_spare=no
[[ -d .site.gongkai-spare ]] && had_spare=yes
[[ $spare == no || $had_spare == yes ]] || fail "the rebuild kept most files but no spare was kept"
printf '\n再一次修改，用于测试备用文件夹。\n' >>content/departments/education-bureau/2020.md
again=$(GONGKAI_TIMINGS=1 build site)
took=$(grep -c 'staging folder (the spare)' stderr || true)
[[ $again != *"is up to date"* ]] || fail "the second edit was skipped"
# Only a narrative changed: every budget file it loads comes from the load
# cache, and (unless the options differ from the case's build: then every
# page may change) those are its department's, and the one the case
# edited when that one's stamp was too recent to trust; every other is
# left unread.
from_cache=$(sed -n 's/^gongkai: load cache: \([0-9]*\) budget files taken from it, \([0-9]*\) parsed into it$/\1 \2/p' stderr)
loaded=$(sed -n 's/^gongkai: load: \([0-9]*\) budget files loaded, \([0-9]*\) left unread$/\1 \2/p' stderr)
[[ -n $from_cache && ${from_cache#* } == 0 && ${from_cache% *} == "${loaded% *}" ]] ||
    fail "the second edit parsed budget files the load cache had (taken, parsed: '$from_cache'; loaded, unread: '$loaded'): $(cat stderr)"
if [[ ${#build_args[@]} -eq 0 ]]; then
    grep -q '^gongkai: narrative edit: the figures of 1 of the departments loaded$' stderr ||
        fail "the second edit was not built as a narrative edit: $(cat stderr)"
    own=$(find content/departments/education-bureau -name '[0-9]*.toml' | wc -l)
    all=$(find content/departments -name '[0-9]*.toml' | wc -l)
    changed=$(find content/departments -name '[0-9]*.toml' -cnewer .set-up | wc -l)
    [[ $((${loaded% *} + ${loaded#* })) == "$all" && ${loaded% *} -ge $own && ${loaded% *} -le $((own + changed)) ]] ||
        fail "the second edit loaded other budget files than its department's $own and the $changed the case changed, of $all (loaded, unread: '$loaded')"
fi
! grep -q 'building with every figure$' stderr || fail "the second edit needed every figure: $(cat stderr)"
if [[ $had_spare == yes && $folder_touched == no ]]; then
    grep -q 'staging folder (the spare)' stderr || fail "the second edit did not take the spare: $(cat stderr)"
elif [[ $had_spare == yes ]]; then
    # The spare is the site as the hand left it, not as its manifest says.
    ! grep -q 'staging folder (the spare)' stderr || fail "the second edit took a spare changed by hand"
fi
rm -rf clean .clean.gongkai-*  # clean: no caches either
build clean >/dev/null
diff -r -x .gongkai-manifest clean site >diff.txt || fail "after a second edit, the build differs from a clean build: $(head -20 diff.txt)"
identify site >identity.after
join identity.before identity.after >both
rewritten=$(awk '$4 == $7 && ($2 != $5 || $3 != $6) { print $1 }' both)
[[ -z $rewritten ]] || fail "after a second edit, same bytes but written again: $(echo "$rewritten" | head -5)"
# The manifest records the output as it is (its folders' stamps too, most
# of them taken from the spare's when it was the staging folder): nothing
# changed since, so the next build is skipped.
[[ $(build site) == *"is up to date"* ]] || fail "after the second edit, a build with nothing changed was not skipped"
echo "$name: $summary; $kept files kept as they were; then (spare kept: $had_spare, taken: $took; budget files from the load cache: ${from_cache% *}) $again"
