#!/usr/bin/env python3
"""Build benchmark (prints figures; not a test, not run by CI).

For each size (department-years) it generates the synthetic corpus with
gen_corpus.py (3 years per department), then measures with /usr/bin/time -v:

  full       a clean build into an empty folder
  unchanged  the same build again, nothing changed
  edited     again after one department's narrative was edited
  cp -r      copying the finished site: the floor for writing that many bytes

and prints wall time, CPU time (user + system), peak resident memory,
files and HTML pages written, bytes, and pages per second. Each measurement
is repeated (--runs, default 3) and the median is shown, with the fastest and
slowest run, because the machine is shared and timings are noisy.

    bench/build_bench.py [--sizes 300,3000,9000] [--runs 3] [--jobs N]

GONGKAI (default build/gongkai, the RelWithDebInfo build scripts/build
makes, as users get it) names the binary to measure.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YEARS = 3


def sh(*args, **kw):
    return subprocess.run(args, check=True, **kw)


def corpus(size, rich_text=0):
    """The corpus of `size` department-years, generated once (same bytes each
    time); with `rich_text`, narratives with a large vocabulary too
    (gen_corpus.py --rich-text)."""
    departments = size // YEARS
    name = f"{departments}-{YEARS}" + (f"-rich{rich_text}" if rich_text else "")
    path = os.path.join(ROOT, "bench", "corpus", name)
    if not os.path.isdir(os.path.join(path, "departments")):
        sh(sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), "--departments", str(departments),
           "--years", str(YEARS), "--out", path, "--seed", "1", "--rich-text", str(rich_text),
           stdout=subprocess.DEVNULL)
    return path


class Trash:
    """Sites and copies the benchmark is done with, moved aside and removed
    only when it ends.

    On ext4 without a journal (this machine's disk) the inode allocator
    skips every inode freed in the last minute, or the last six while its
    inode-table block is still dirty (recently_deleted() in ext4's
    ialloc.c), and looks each one up on the way: after removing a 9,000
    department-year site (24,500 files, 15,000 folders) a fifth of the next
    full build's CPU went to find_inode_bit and recently_deleted, still 68 s
    after the removal and a sync; seven minutes later none did. Removing
    nothing until the end measures every full build and copy as on a
    machine that did not just delete a site (a second benchmark started
    within six minutes of the first one's end still pays for its removal)."""

    def __init__(self, scratch):
        self.folder = os.path.join(scratch, "trash")  # an interrupted run's is emptied with this one's
        self.count = 0

    def put(self, path):
        if os.path.lexists(path):
            os.makedirs(self.folder, exist_ok=True)
            self.count += 1
            os.rename(path, os.path.join(self.folder, f"{os.getpid()}-{self.count}"))

    def empty(self):
        shutil.rmtree(self.folder, ignore_errors=True)


SETTLED = [0.0]  # seconds spent waiting for the disk, all runs


def settle_disk():
    """Writes back what earlier runs left in the page cache before the next
    run starts: a full build writes 1.3 GB at 9,000 department-years, and
    a run that starts while the disk is still writing the previous one's
    waits with it (a run at 12.5 s with 7.2 s of system CPU, ten minutes
    later 10.0 s and 3.5 s; /proc/pressure/io told the two apart)."""
    start = time.monotonic()
    os.sync()
    time.sleep(1)
    SETTLED[0] += time.monotonic() - start


def io_pressure():
    """The share of the last ten seconds some task waited on I/O, or None."""
    try:
        with open("/proc/pressure/io") as f:
            return float(re.search(r"some avg10=([\d.]+)", f.read()).group(1))
    except (OSError, AttributeError):
        return None


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v once the disk is settled; returns
    (wall s, cpu s, peak RSS MB, the summary line's figures, the search
    index's timings, system cpu s)."""
    settle_disk()
    result = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr}")
    text = result.stderr

    def field(name):
        return re.search(re.escape(name) + r": (.*)", text).group(1).strip()

    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    system = float(field("System time (seconds)"))
    cpu = float(field("User time (seconds)")) + system
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    # Without --quiet the build ends with "wrote N files (X MB), kept M
    # unchanged, to …: P pages (R files not made again)".
    written = re.search(r"wrote (\d+) files \(([\d.]+) MB\), kept (\d+) unchanged.*\((\d+) files not made again\)",
                        result.stdout)
    # GONGKAI_TIMINGS=1: "search index: N pages (…), X s reading pages, Y s
    # writing shards" (X: CPU summed over threads; Y: wall).
    index = re.search(r"search index: .*?([\d.]+) s reading pages, ([\d.]+) s writing shards", text)
    # GONGKAI_TIMINGS=1: "stage: NAME X s wall, …" for each stage.
    stages = re.findall(r"gongkai: stage: (.*?) ([\d.]+) s wall", text)
    return (wall, cpu, rss, written.groups() if written else None, tuple(map(float, index.groups())) if index else None,
            system, stages)


def site_size(path):
    files = pages = size = 0
    for folder, _, names in os.walk(path):
        for name in names:
            files += 1
            pages += name.endswith(".html")
            size += os.path.getsize(os.path.join(folder, name))
    return files, pages, size


def edit_narrative(content, undo=None):
    """Appends a sentence to the first department's first narrative; with
    `undo` (the original text) puts it back."""
    dept = sorted(os.listdir(os.path.join(content, "departments")))[0]
    folder = os.path.join(content, "departments", dept)
    md = os.path.join(folder, sorted(n for n in os.listdir(folder) if n.endswith(".md"))[0])
    with open(md, encoding="utf-8") as f:
        original = f.read()
    with open(md, "w", encoding="utf-8") as f:
        f.write(undo if undo is not None else original + "\n本段为基准测试所加的修改。\n")
    return original


def median_row(name, runs, files, pages, size):
    walls = [r[0] for r in runs]
    wall = statistics.median(walls)
    cpu = statistics.median(r[1] for r in runs)
    # The kernel's part apart: on this VM it moves most from run to run
    # (new memory, new page cache, ext4 after a deletion).
    system = statistics.median(r[5] for r in runs)
    rss = max(r[2] for r in runs)
    rate = f"{pages / wall:8.0f}" if pages else "       -"
    print(f"  {name:<10} {wall:7.2f} s ({min(walls):6.2f}-{max(walls):6.2f}) {cpu:7.2f} s ({system:5.2f}) {rss:8.0f} MB "
          f"{files:7d} {pages:6d} {size / 1e6:8.1f} MB {rate}", flush=True)


def bench(size, gongkai, runs, jobs, scratch, trash, rich_text=0):
    content = corpus(size, rich_text)
    out = os.path.join(scratch, f"site-{size}")
    copy = os.path.join(scratch, f"copy-{size}")
    build = [gongkai, "build", "--content", content, "--out", out, "--theme", os.path.join(ROOT, "themes", "default"),
             "--quiet"] + (["--jobs", str(jobs)] if jobs else [])
    vocabulary = f", narratives with {rich_text} more characters of a large vocabulary" if rich_text else ""
    print(f"\n{size} department-years ({size // YEARS} departments x {YEARS} years{vocabulary}), {runs} runs each, "
          "median (range)")
    print(f"  {'':<10} {'wall':>23} {'CPU (system)':>17} {'peak RSS':>11} {'files':>7} {'pages':>6} {'bytes':>11} "
          f"{'pages/s':>8}")

    full = []
    timings = dict(os.environ, GONGKAI_TIMINGS="1")
    # The caches beside the output (search index, load): a full build has none.
    beside = [os.path.join(scratch, f".site-{size}.gongkai-{what}") for what in ("search-cache", "load-cache", "spare")]
    for _ in range(runs):
        for path in [out, copy] + beside:
            trash.put(path)
        full.append(timed(build, timings))
    files, pages, nbytes = site_size(out)
    median_row("full", full, files, pages, nbytes)
    per_dy = statistics.median(r[0] for r in full) / size * 1000
    print(f"  {'':<10} {per_dy:7.2f} ms wall per department-year")

    full_wall = statistics.median(r[0] for r in full)
    full_cpu = statistics.median(r[1] for r in full)

    index = [r[4] for r in full if r[4]]
    if index:
        reading = statistics.median(i[0] for i in index)
        writing = statistics.median(i[1] for i in index)
        print(f"  {'':<10} search index: {reading:.2f} s CPU reading pages ({reading / full_cpu * 100:.1f} % of the "
              f"full build's CPU) + {writing:.2f} s writing shards ({writing / full_wall * 100:.1f} % of its wall): "
              f"{reading / full_cpu * 100 + writing / full_wall * 100:.1f} %")

    def share(rows):  # of the full build, by wall time and by CPU time (steadier on a shared machine)
        return (f"{statistics.median(r[0] for r in rows) / full_wall * 100:7.1f} % of the full build's wall time, "
                f"{statistics.median(r[1] for r in rows) / full_cpu * 100:.1f} % of its CPU time")

    unchanged = [timed(build) for _ in range(runs)]
    median_row("unchanged", unchanged, 0, 0, 0)
    print(f"  {'':<10} {share(unchanged)}")

    edited = []
    for _ in range(runs):
        original = edit_narrative(content)
        try:
            edited.append(timed([a for a in build if a != "--quiet"], timings))
        finally:
            edit_narrative(content, undo=original)
        timed(build)  # back to the unedited site before the next run
    median_row("edited", edited, 0, 0, 0)
    # Where each edit's time went (the first has no spare site yet).
    for run in edited:
        print(f"  {'':<10} {run[0]:.2f} s: " + ", ".join(f"{name} {float(t):.3f}" for name, t in run[6]))
    written = edited[-1][3]
    print(f"  {'':<10} {share(edited)}" +
          (f"; {written[0]} files ({written[1]} MB) rewritten, {written[2]} kept, {written[3]} not made again"
           if written else ""))

    floor = []
    for _ in range(runs):
        trash.put(copy)
        floor.append(timed(["cp", "-r", out, copy]))
    median_row("cp -r", floor, files, pages, nbytes)
    for path in [out, copy] + beside:
        trash.put(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="300,3000,9000", help="department-years, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="gongkai --jobs (default: its own, one per core)")
    parser.add_argument("--scratch", default=os.path.join(ROOT, "bench", "out"))
    parser.add_argument("--rich-text", type=int, default=0, metavar="N",
                        help="narratives with N more characters of a large vocabulary (gen_corpus.py --rich-text)")
    args = parser.parse_args()
    gongkai = os.environ.get("GONGKAI", os.path.join(ROOT, "build", "gongkai"))
    if not os.access(gongkai, os.X_OK):
        sh(os.path.join(ROOT, "scripts", "build"))
    os.makedirs(args.scratch, exist_ok=True)
    load = os.getloadavg()
    pressure = io_pressure()
    print(f"gongkai: {gongkai}; {os.cpu_count()} cores; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
          + (f"; waiting on I/O {pressure:.0f}% of the last 10 s" if pressure is not None else ""))
    trash = Trash(args.scratch)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            bench(size, gongkai, args.runs, args.jobs, args.scratch, trash, args.rich_text)
    finally:
        trash.empty()
    load = os.getloadavg()
    print(f"\nload average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
          f"{SETTLED[0]:.0f} s spent writing back to disk between runs (not timed)")


if __name__ == "__main__":
    main()
