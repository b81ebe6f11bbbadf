#!/usr/bin/python3
"""Benchmark of issue 12: tracking the champions month by month.

    benchmarks/track.py [--data /work/bench-data] [--repeat 3] [--champions PATH]

On M.json (benchmarks/generate.py --size M: 100k people, 2M interactions over
the 12 months of 2025), medians of --repeat runs, each a child process
whose wall time and peak memory (ru_maxrss) are taken from os.wait4:

  rank          champions rank --format json --top 1 M.json: one full ranking
                (the output cut to one person, so that writing 100k records
                does not count)
  track         champions track --format json M.json: the 12 months, read once
  rank x 12     champions rank --since P --until P' --top 1, once per month:
                what tracking saves against a shell loop (summed per round)
  peer          peer_igraph.py --track month --no-bridging M.json: the same
                12 rankings with python-igraph and pandas, the export read
                once, bridging left out as in the M comparison of
                docs/performance.md (python-igraph cannot sample sources)

It prints one table, the ratio the issue asks about (track / rank, target
at most 4) and the peer's ratio (peer / track).
"""

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def measure(cmd):
    """(wall seconds, peak MiB) of one child, its output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024


def months_of(year):
    starts = [dt.datetime(year, m, 1, tzinfo=dt.timezone.utc) for m in range(1, 13)]
    starts.append(dt.datetime(year + 1, 1, 1, tzinfo=dt.timezone.utc))
    return [(a.strftime("%Y-%m-%dT%H:%M:%SZ"), b.strftime("%Y-%m-%dT%H:%M:%SZ"))
            for a, b in zip(starts, starts[1:])]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="/work/bench-data")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--champions", default=os.path.join(REPO, "build", "examples", "champions"))
    a = ap.parse_args()
    export = os.path.join(a.data, "M.json")
    if not os.path.exists(export):
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "generate.py"), "--size", "M",
                        export], check=True)
    exe = a.champions
    peer = ["/usr/bin/python3", os.path.join(HERE, "peer_igraph.py"), "--track", "month",
            "--no-bridging", export]
    runs = {"rank": [], "track": [], "rank x 12": [], "peer": []}
    for r in range(a.repeat):
        runs["rank"].append(measure([exe, "rank", "--format", "json", "--top", "1", export]))
        runs["track"].append(measure([exe, "track", "--format", "json", export]))
        loop = [measure([exe, "rank", "--format", "json", "--top", "1", "--since", s,
                         "--until", u, export]) for s, u in months_of(2025)]
        runs["rank x 12"].append((sum(w for w, _ in loop), max(m for _, m in loop)))
        runs["peer"].append(measure(peer))
        print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1][0]:.2f} s" for k, v in runs.items()),
              file=sys.stderr)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v))
           for k, v in runs.items()}
    print(f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, M.json "
          f"({os.path.getsize(export) / 1e6:.0f} MB), medians of {a.repeat}\n")
    print("| what | wall | peak MiB | ÷ rank | ÷ track |")
    print("|---|---|---|---|---|")
    for k, (w, m) in med.items():
        print(f"| {k} | {w:.2f} s | {m:,.0f} | {w / med['rank'][0]:.2f}× | "
              f"{w / med['track'][0]:.2f}× |")
    print(f"\ntrack / rank = {med['track'][0] / med['rank'][0]:.2f} (target <= 4)")


if __name__ == "__main__":
    main()
