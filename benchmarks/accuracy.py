#!/usr/bin/python3
"""Sampled bridging against exact, on a network where exact is affordable.

    benchmarks/accuracy.py FILE [--samples 64,256,1024] [--seeds 1,2]
                           [--estimates pivots,linear]

Ranks FILE once with exact bridging and then with k sampled sources for each
k, seed and estimate of sampled bridging, and prints for each: the Spearman correlation of bridging with
the exact values, the overlap of the top 50 by bridging, the Spearman
correlation of the scores of eligible people, and the overlap of the top 50
champions. Uses the Python binding (set PYTHONPATH=bindings/python and
CHAMPIONS_LIBRARY=build/lib/libchampions.so.0 from a build tree).
"""

import argparse

from scipy.stats import spearmanr

import champions


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--samples", default="64,256,1024")
    ap.add_argument("--seeds", default="1,2")
    ap.add_argument("--estimates", default="pivots",
                    help="comma-separated, from champions.ESTIMATES")
    a = ap.parse_args()
    with champions.load(a.file) as net:
        exact = net.rank(samples=0)
        if not exact.bridging_exact:
            raise SystemExit(f"{a.file}: too large for exact bridging (people x ties > 1e9)")
        e = exact.to_pandas().set_index("id")
        eligible = e["eligible"]
        top_bridging = set(e["bridging"].nlargest(50).index)
        top_champions = set(e[eligible].nsmallest(50, "rank").index)
        print(f"{a.file}: {len(e)} people, exact bridging from all of them")
        print(f"{'estimate':>8} {'k':>6} {'seed':>5} {'bridging rho':>13} "
              f"{'top-50 bridging':>16} {'score rho':>10} {'top-50 champions':>17}")
        for estimate, k, seed in ((x, int(k), int(seed)) for x in a.estimates.split(",")
                                  for k in a.samples.split(",") for seed in a.seeds.split(",")):
            with net.rank(samples=k, seed=seed, estimate=estimate) as ranking:
                s = ranking.to_pandas().set_index("id").loc[e.index]
            rho = spearmanr(e["bridging"], s["bridging"]).correlation
            score_rho = spearmanr(e.loc[eligible, "score"], s.loc[eligible, "score"]).correlation
            overlap = len(top_bridging & set(s["bridging"].nlargest(50).index))
            champs = len(top_champions & set(s[eligible].nsmallest(50, "rank").index))
            print(f"{estimate:>8} {k:>6} {seed:>5} {rho:>13.4f} {overlap:>13}/50 "
                  f"{score_rho:>10.4f} {champs:>14}/50", flush=True)


if __name__ == "__main__":
    main()
