#!/usr/bin/env python3
"""Two gongkai programs compared: full builds of one corpus, A and B in turn.

On this VM the same build varies by a third from one minute to the next
(bench/README.md, "What this machine charges"), so a change is judged by
builds of the old and the new program alternated in the same minutes, not
by two benchmark runs taken apart. For each run it prints wall time, CPU
time (system apart), peak resident memory and the search index's figures
(GONGKAI_TIMINGS: CPU reading pages, wall of the end of the index, and the
share the benchmark reports), then the medians; and it checks that the two
programs wrote the same site, byte for byte (the manifest aside: it names
the program).

    bench/ab_bench.py OLD_GONGKAI NEW_GONGKAI [--size 9000] [--runs 3]
                      [--rich-text N] [--scratch DIR]

A tmpfs scratch folder (/dev/shm/...) takes the disk out of the figures.
"""
import argparse
import filecmp
import os
import statistics
import sys

from build_bench import ROOT, Trash, YEARS, corpus, timed


def differences(a, b):
    """Paths that differ between two sites (the manifest aside), at most ten."""
    found = []

    def walk(cmp, prefix):
        for name in cmp.left_only + cmp.right_only + cmp.funny_files:
            found.append(prefix + name)
        for name in cmp.common_files:
            if name == ".gongkai-manifest":
                continue
            if not filecmp.cmp(os.path.join(cmp.left, name), os.path.join(cmp.right, name), shallow=False):
                found.append(prefix + name)
        for name, sub in sorted(cmp.subdirs.items()):
            if len(found) < 10:
                walk(sub, prefix + name + "/")

    walk(filecmp.dircmp(a, b), "")
    return found[:10]


def run(gongkai, content, out, trash, scratch):
    for path in [out] + [os.path.join(scratch, f".{os.path.basename(out)}.gongkai-{what}")
                         for what in ("search-cache", "load-cache", "spare")]:
        trash.put(path)
    cmd = [gongkai, "build", "--content", content, "--out", out, "--theme", os.path.join(ROOT, "themes", "default"),
           "--quiet"]
    wall, cpu, rss, _, index, system, _ = timed(cmd, dict(os.environ, GONGKAI_TIMINGS="1"))
    reading, writing = index if index else (0.0, 0.0)
    share = reading / cpu + writing / wall
    return {"wall": wall, "cpu": cpu, "system": system, "rss": rss, "reading": reading, "writing": writing,
            "share": share}


def show(label, r):
    print(f"  {label:<4} {r['wall']:6.2f} s {r['cpu']:6.2f} s ({r['system']:5.2f}) {r['rss']:6.0f} MB "
          f"{r['reading']:7.2f} s {r['writing']:7.2f} s {100 * r['share']:6.1f} %", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--size", type=int, default=9000, help="department-years")
    parser.add_argument("--runs", type=int, default=3, help="builds of each program")
    parser.add_argument("--rich-text", type=int, default=0, metavar="N",
                        help="narratives with N more characters of a large vocabulary (gen_corpus.py --rich-text)")
    parser.add_argument("--scratch", default=os.path.join(ROOT, "bench", "out"))
    args = parser.parse_args()
    for program in (args.old, args.new):
        if not os.access(program, os.X_OK):
            sys.exit(f"not a program: {program}")
    content = corpus(args.size, args.rich_text)
    os.makedirs(args.scratch, exist_ok=True)
    trash = Trash(args.scratch)
    load = os.getloadavg()
    print(f"A: {args.old}\nB: {args.new}\n{args.size} department-years ({args.size // YEARS} departments x {YEARS} "
          f"years), {args.runs} builds each, A and B in turn; load average {load[0]:.1f} at the start")
    print(f"  {'':<4} {'wall':>8} {'CPU (system)':>17} {'peak':>9} {'reading':>9} {'end':>9} {'share':>8}")
    sites = {"A": os.path.join(args.scratch, "ab-a"), "B": os.path.join(args.scratch, "ab-b")}
    results = {"A": [], "B": []}
    try:
        for _ in range(args.runs):
            for label, program in (("A", args.old), ("B", args.new)):
                results[label].append(run(program, content, sites[label], trash, args.scratch))
                show(label, results[label][-1])
        print("  medians (peak: the highest)")
        for label in ("A", "B"):
            runs = results[label]
            median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            median["rss"] = max(r["rss"] for r in runs)
            show(label, median)
        different = differences(sites["A"], sites["B"])
        print("  the two sites are byte for byte the same" if not different
              else "  the sites differ: " + ", ".join(different))
    finally:
        for site in sites.values():
            trash.put(site)
        trash.empty()
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
