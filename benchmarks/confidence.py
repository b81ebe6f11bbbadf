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
"""

import argparse
import os
import statistics

from track import REPO, measure


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="/work/bench-data")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--resamples", type=int, default=50)
    ap.add_argument("--champions", default=os.path.join(REPO, "build", "examples", "champions"))
    args = ap.parse_args()
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
