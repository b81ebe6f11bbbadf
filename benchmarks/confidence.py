#!/usr/bin/python3
"""Benchmark of issue 13: what confidence costs against one ranking.

    benchmarks/confidence.py [--data /work/bench-data] [--repeat 3] [--resamples 50]
                             [--champions PATH]

For the bundled email-Eu-core export and M.json (benchmarks/generate.py
--size M: 100k people, 2M interactions), medians of --repeat runs of a
child process (wall time and peak memory from os.wait4, as track.py):

  rank          champions rank --format json --top 1 FILE
  confidence    champions rank --format json --top 1 --confidence B FILE

and the ratio confidence / rank (the issue's target: at most 10 with B = 50).

    benchmarks/confidence.py --compare BASELINE [--data ...] [--resamples 50]

compares what the resamples' bridging sources do to the intervals, on M:
BASELINE is a champions demo built with every resample taking all of the
ranking's sources, e.g.

    meson setup /tmp/b256 -Dc_args=-DRESAMPLE_SOURCES_SHARE=1 && ninja -C /tmp/b256

For the top 50 of our ranking it prints the mean change of rank_low and
rank_high, and of top_share, from ours (seed 1) to BASELINE with seed 1
(the same draws of interactions, 256 sources per resample) and to BASELINE
with seed 2 (other draws: what drawing 50 resamples itself moves).
"""

import argparse
import json
import os
import statistics
import subprocess

from track import REPO, measure


def intervals(champions, path, resamples, seed):
    """{id: (rank, rank_low, rank_high, top_share)} of the eligible people."""
    out = subprocess.run([champions, "rank", "--format", "json", "--confidence", str(resamples),
                          "--seed", str(seed), path], check=True, capture_output=True).stdout
    return {p["id"]: (p["rank"], p["confidence"]["rank_low"], p["confidence"]["rank_high"],
                      p["confidence"]["top_share"])
            for p in json.loads(out)["people"] if p["eligible"]}


def compare(args):
    path = os.path.join(args.data, "M.json")
    ours = intervals(args.champions, path, args.resamples, 1)
    top = sorted(ours, key=lambda i: ours[i][0])[:50]
    print(f"top 50 of M, B = {args.resamples}: median width of ours "
          f"{statistics.median(ours[i][2] - ours[i][1] for i in top):.0f} ranks")
    print(f"{'against':32} {'|d low|':>8} {'|d high|':>9} {'|d share|':>10}")
    for name, seed in (("BASELINE, seed 1 (256 sources)", 1), ("BASELINE, seed 2", 2)):
        other = intervals(args.compare, path, args.resamples, seed)
        d = [statistics.mean(abs(ours[i][k] - other[i][k]) for i in top) for k in (1, 2, 3)]
        print(f"{name:32} {d[0]:8.1f} {d[1]:9.1f} {d[2]:10.3f}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="/work/bench-data")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--resamples", type=int, default=50)
    ap.add_argument("--champions", default=os.path.join(REPO, "build", "examples", "champions"))
    ap.add_argument("--compare", metavar="BASELINE",
                    help="a champions demo whose resamples take all of the ranking's sources")
    args = ap.parse_args()
    if args.compare:
        return compare(args)
    files = [("email-eu-core", os.path.join(REPO, "examples", "email-eu-core.json")),
             ("M (100k/2M)", os.path.join(args.data, "M.json"))]
    print(f"{'network':16} {'rank s':>8} {'MiB':>6} {'B=' + str(args.resamples) + ' s':>8} "
          f"{'MiB':>6} {'ratio':>6}")
    for name, path in files:
        base = [args.champions, "rank", "--format", "json", "--top", "1", path]
        rank = [measure(base) for _ in range(args.repeat)]
        conf = [measure(base + ["--confidence", str(args.resamples)])
                for _ in range(args.repeat)]
        r, c = (statistics.median(w for w, _ in runs) for runs in (rank, conf))
        rm, cm = (max(m for _, m in runs) for runs in (rank, conf))
        print(f"{name:16} {r:8.2f} {rm:6.0f} {c:8.2f} {cm:6.0f} {c / r:6.1f}", flush=True)


if __name__ == "__main__":
    main()
