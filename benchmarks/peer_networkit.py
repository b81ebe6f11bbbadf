#!/work/venv-bench/bin/python3
"""Peer pipeline: the SPEC 4 ranking with NetworKit + polars.

    peer_networkit.py FILE [--no-bridging] [--samples K] [--sampler estimate|kadabra]
                      [--seed S] [--threads 2] [--out OUT.json] [--phases]

What a performance-minded analyst would pick: polars reads the export
(the JSON document with `pl.read_json` and a schema naming only the members
the ranking needs, so `time` and `type` are skipped; JSON Lines with
`pl.read_ndjson`, multi-threaded), ids are numbered with a polars Enum
(listed people first, then the unlisted in order of appearance), w(u,v)
and the tie pairs are polars `group_by` aggregations on integer keys, every
metric is a numpy/polars expression, and both graphs are NetworKit graphs
built from numpy arrays (`nk.graph.GraphFromCoo`).  NetworKit runs on
--threads OpenMP threads (default 2: both cores of the benchmark machine);
polars uses its own pool (POLARS_MAX_THREADS, default all cores).
Percentiles, score and output are peer_common.py's, as for the other peers.
Needs NetworKit and polars: run it with the venv of benchmarks/README.md
(/work/venv-bench, which also sees Debian's numpy and scipy).  Memory:
`pl.read_json` builds the whole document's value tree before the columns
(1.98 GB peak for the 176 MB M.json); `pl.read_ndjson` does not.

Influence: `nk.centrality.PageRank(G, damp=0.85, tol=1e-12,
distributeSinks=DISTRIBUTE_SINKS)` with the L1 norm on the directed graph
weighted by w(u,v).  Differences from igraph's PRPACK (SPEC 4.6) and what
is done about them:
  - sinks (people who send nothing): NetworKit's default
    (NO_SINK_HANDLING, the 1998 paper's formula) lets their mass leak in
    every iteration and rescales the result to sum 1 at the end;
    DISTRIBUTE_SINKS spreads a sink's mass uniformly over all people in
    every iteration, PRPACK's (and SPEC 4.6's) Markov chain.  With a uniform
    teleport the two fixed points are proportional (both are multiples of
    (I - 0.85 A)^-1 1), so after the rescaling they are the same vector:
    measured on S (47 sinks), both within 6e-11 relative of the library.
    DISTRIBUTE_SINKS is used as the literal match (no rescaling needed).
  - `normalized=True` is something else (Berberich et al.'s normalisation,
    PageRank divided by its lower bound, not summing to 1): left off.
  - stopping: NetworKit's power iteration (Jacobi, parallel over the
    nodes) stops when the change between two iterates is <= tol, by
    default in the L2 norm with tol 1e-8: on S that leaves errors up to
    2e-5 relative and moves 46-86 of the 8,780 eligible to another
    influence percentile.  Here the L1 norm and tol 1e-12 (99 iterations on
    S): within 6e-11 relative of the library, no percentile moves.  (igraph
    runs PRPACK's Gauss-Seidel with a fixed tolerance of 1e-10.)
  - the result is divided by its sum (it is 1 up to rounding).
Weights: NetworKit divides by the weighted out-degree, as PRPACK does.

Bridging (SPEC 4.5) on the undirected simple tie graph, unweighted, with
the library's automatic mode: exact when people x ties <= 10^9, else 256
sampled sources (--samples K forces K; K >= people is exact).
  - exact: `nk.centrality.Betweenness(U, normalized=True)`, Brandes over
    all sources in parallel; for an undirected graph it counts ordered
    pairs and divides by (n-1)(n-2): SPEC 4.5's value.  The parallel
    atomic sums differ in the last bits from run to run (the percentiles
    group values within 1e-9, so the ranking does not move).
  - sampled, --sampler estimate (default): `nk.centrality.
    EstimateBetweenness(U, K, normalized=True, parallel=True)`, source
    sampling like the library's, seeded with nk.setSeed(--seed).  It is
    not the same estimator: NetworKit draws K+1 sources (its loop runs
    i <= K) *with* replacement while the library draws K distinct ones;
    it weights each dependency by d(s,v)/d(s,t) (the "linear scaling" of
    Geisberger, Sanders and Schultes 2008, which removes the bias towards
    people near a sampled source) where the library uses plain Brandes
    pivots delta_s(v)/2; and it scales by 2n/K.  So the values have the
    same expectation up to the factor (K+1)/K (a constant: percentiles do
    not see it) but different samples and variance: the sampled values are
    not the library's and neither are the scores built on them.
  - sampled, --sampler kadabra: `nk.centrality.KadabraBetweenness(U, err,
    delta)` (Borassi and Natale 2016), the adaptive alternative: it samples
    random *pairs* (s,t) and one uniform shortest path between them by a
    balanced bidirectional BFS, and stops once every person's estimate is
    within the additive error err with probability 1-delta (or, with k > 0,
    once the top k are certain).  Its output is the fraction of sampled
    pairs whose path crosses v, i.e. normalised by n(n-1) including pairs
    ending at v; it is multiplied by n/(n-2) here to be on SPEC 4.5's
    scale.  The guarantee is additive, made for top-k questions: at S the
    eligible's bridging runs from 0 to 0.029 (median 1.3e-4), so err 0.01
    (its default) says nothing about most people, and nothing bounds the
    error of the mid-rank percentiles SPEC 4.8 scores.  Measured at S, it
    still ranks well: err 0.003 took 3.7 s, bridging Spearman 0.981 against
    the exact values (EstimateBetweenness with 256 sources: 0.968; the
    library with --samples 256: 0.931).  --kadabra-err sets err (default
    0.001), --kadabra-delta delta (default 0.1); seeded with
    nk.setSeed(seed, useThreadId=True) as its documentation asks, and
    not repeatable across thread counts (deterministic=False).

--no-bridging leaves bridging out (null, no percentile, the score uses the
other four criteria), for comparisons where the library samples.

Default options only (SPEC 3): no window, no type weights, champion group
"staff", min_activity 1, prior 2.  Times are not read (nothing in the
default ranking uses them); input is assumed valid (the library validates).
"""

import argparse
import os
import sys
import time

import numpy as np
import polars as pl
import networkit as nk

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

SAMPLES_AUTO = 256
PR_TOL = 1e-12
# NetworKit 11.3's binding names SinkHandling.DISTRIBUTE_SINKS "L2_NORM" (a typo in
# centrality.pyx; the docstring's name raises AttributeError); the old alias works.
DISTRIBUTE_SINKS = getattr(nk.centrality.SinkHandling, "DISTRIBUTE_SINKS",
                           nk.centrality.SinkHandling.DistributeSinks)

PEOPLE = pl.Struct({"id": pl.String, "team": pl.String, "group": pl.String})
INTERACTION = pl.Struct({"from": pl.String, "to": pl.String, "weight": pl.Float64})
DOC_SCHEMA = {"people": pl.List(PEOPLE), "interactions": pl.List(INTERACTION)}
LINE_SCHEMA = {"id": pl.String, "team": pl.String, "group": pl.String,
               "from": pl.String, "to": pl.String, "weight": pl.Float64}


def load(path):
    """-> people DataFrame (id, team, group) or None, interactions DataFrame (from, to, weight)."""
    if path.endswith((".jsonl", ".ndjson")):
        lines = pl.read_ndjson(path, schema=LINE_SCHEMA)
        is_inter = lines["from"].is_not_null()
        inter = lines.filter(is_inter).select("from", "to", "weight")
        people = lines.filter(~is_inter & lines["id"].is_not_null()).select("id", "team", "group")
        return (people if people.height else None), inter
    doc = pl.read_json(path, schema=DOC_SCHEMA)
    has_people = doc["people"][0] is not None
    inter = doc.select(pl.col("interactions").explode()).unnest("interactions") \
        .filter(pl.col("from").is_not_null())      # "interactions": [] explodes to one null row
    people = doc.select(pl.col("people").explode()).unnest("people") \
        .filter(pl.col("id").is_not_null()) if has_people else None
    return people, inter


def numbered(column, enum):
    """The ids of a string column as node numbers (int64 numpy array)."""
    return column.cast(enum).to_physical().to_numpy().astype(np.int64)


def rank(people, inter, bridging=True, samples=0, sampler="estimate", seed=1,
         kadabra_err=0.001, kadabra_delta=0.1):
    t0 = time.perf_counter()
    # ---- people and ids: listed first, then the unlisted in order of appearance
    kept = inter.filter(pl.col("from") != pl.col("to"))
    dropped_self = inter.height - kept.height
    m = kept.height
    if people is not None:
        listed_ids = people["id"]
        team = [t if t else None for t in people["team"].to_list()]     # null, "": unknown
        group = [g if g else "staff" for g in people["group"].to_list()]
    else:
        listed_ids = pl.Series("id", [], dtype=pl.String)
    P = len(listed_ids)
    uniq = pl.concat([listed_ids, kept["from"], kept["to"]]).unique(maintain_order=True)
    n = len(uniq)
    ids = uniq.to_list()
    enum = pl.Enum(uniq)
    src = numbered(kept["from"], enum)
    dst = numbered(kept["to"], enum)
    w = kept["weight"].fill_null(1.0).to_numpy()

    if people is not None:
        teams = team + [None] * (n - P)
        groups = group + [None] * (n - P)
        listed = np.arange(n) < P
    else:
        teams = [None] * n
        groups = ["staff"] * n
        listed = np.ones(n, dtype=bool)

    # ---- w(u,v): one row per directed edge (integer key u*n+v)
    E = pl.DataFrame({"k": src * n + dst, "w": w}).group_by("k").agg(pl.col("w").sum())
    key = E["k"].to_numpy()
    ew = E["w"].to_numpy()
    eu, ev = key // n, key % n
    activity = np.bincount(eu, weights=ew, minlength=n)
    received = np.bincount(ev, weights=ew, minlength=n)

    # ---- tie pairs (a < b): volume and whether both directions exist
    T2 = pl.DataFrame({"k": np.minimum(eu, ev) * n + np.maximum(eu, ev), "w": ew}) \
        .group_by("k").agg(pl.col("w").sum().alias("vol"), pl.len().alias("dirs"))
    pk = T2["k"].to_numpy()
    ta, tb = pk // n, pk % n
    tvol = T2["vol"].to_numpy()
    tmut = T2["dirs"].to_numpy() == 2
    n_ties, n_mutual = len(pk), int(tmut.sum())
    R = n_mutual / n_ties if n_ties else 0.0
    ties = np.bincount(ta, minlength=n) + np.bincount(tb, minlength=n)
    mutual = np.bincount(ta[tmut], minlength=n) + np.bincount(tb[tmut], minlength=n)
    recip = (mutual + pc.ALPHA * R) / (ties + pc.ALPHA)

    # ---- reach and cross_share over both directions of every tie
    known = sorted({t for t in teams if t is not None})
    T = len(known)
    tc = pl.Series(teams, dtype=pl.String).cast(pl.Enum(known)).to_physical() \
        .cast(pl.Int64).fill_null(-1).to_numpy() if T else np.full(n, -1, dtype=np.int64)
    dv = np.concatenate([ta, tb])
    du = np.concatenate([tb, ta])
    dvol = np.concatenate([tvol, tvol])
    tv, tu = tc[dv], tc[du]
    other = (tu >= 0) & (tu != tv)
    vt = pl.Series(dv[other] * (T + 1) + tu[other]).unique().to_numpy()
    reach = np.bincount(vt // (T + 1), minlength=n)
    cross = other & (tv >= 0)
    cross_vol = np.bincount(dv[cross], weights=dvol[cross], minlength=n)
    tot_vol = np.bincount(dv, weights=dvol, minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        cross_share = np.where((tc >= 0) & (ties > 0), cross_vol / tot_vol, np.nan)
    both = (tc[ta] >= 0) & (tc[tb] >= 0)
    nb = int(both.sum())
    cross_team_share = float((both & (tc[ta] != tc[tb])).sum() / nb) if nb else None
    t1 = time.perf_counter()

    # ---- influence: NetworKit PageRank on G, sinks spread uniformly as in PRPACK
    G = nk.graph.GraphFromCoo((ew.astype(np.float64), (eu.astype(np.uint64), ev.astype(np.uint64))),
                              n=n, weighted=True, directed=True)
    pr = nk.centrality.PageRank(G, damp=0.85, tol=PR_TOL,
                                distributeSinks=DISTRIBUTE_SINKS)
    pr.norm = nk.centrality.Norm.L1_NORM
    pr.run()
    influence = np.asarray(pr.scores())
    influence /= influence.sum()
    pr_iterations = pr.numberOfIterations()
    del G, pr
    t2 = time.perf_counter()

    # ---- bridging: betweenness of the undirected tie graph
    k = samples if samples else (0 if n * n_ties <= pc.EXACT_LIMIT else SAMPLES_AUTO)
    if k >= n:
        k = 0
    mode = "left out" if not bridging else ("exact" if k == 0 else sampler)
    if bridging and n >= 3:
        U = nk.graph.GraphFromCoo((ta.astype(np.uint64), tb.astype(np.uint64)), n=n,
                                  weighted=False, directed=False)
        if k == 0:
            bc = nk.centrality.Betweenness(U, normalized=True)
            bc.run()
            bridging_v = np.asarray(bc.scores())
        elif sampler == "estimate":
            nk.setSeed(seed, False)
            bc = nk.centrality.EstimateBetweenness(U, k, normalized=True, parallel=True)
            bc.run()
            bridging_v = np.asarray(bc.scores())
        else:
            nk.setSeed(seed, True)
            bc = nk.centrality.KadabraBetweenness(U, kadabra_err, kadabra_delta)
            bc.run()
            bridging_v = np.asarray(bc.scores()) * (n / (n - 2.0))
        del U, bc
    elif bridging:
        bridging_v = np.zeros(n)
    else:
        bridging_v = None
    t3 = time.perf_counter()

    eligible = listed & np.array([g_ == "staff" for g_ in groups], dtype=bool) & (activity >= 1)
    values = {"reciprocity": recip, "reach": reach.astype(float), "bridging": bridging_v,
              "influence": influence, "activity": activity}
    summary = {"people": n, "listed": int(listed.sum()), "eligible": int(eligible.sum()),
               "interactions": m, "dropped_self": dropped_self, "dropped_window": 0,
               "ties": n_ties, "mutual_ties": n_mutual, "reciprocity": R, "teams": T,
               "cross_team_share": cross_team_share}
    bridging_note = {
        "exact": "exact (nk.centrality.Betweenness)",
        "estimate": "%d sampled sources (nk.centrality.EstimateBetweenness, seed %d; "
                    "not the library's sample or estimator)" % (k, seed),
        "kadabra": "KADABRA, err %g, delta %g (nk.centrality.KadabraBetweenness, seed %d)"
                   % (kadabra_err, kadabra_delta, seed),
        "left out": "left out; the score uses the other four criteria"}[mode]
    note = {"tool": "networkit %s + polars %s" % (nk.__version__, pl.__version__),
            "threads": nk.getMaxNumberOfThreads(), "bridging": bridging_note,
            "pagerank_iterations": pr_iterations}
    res = pc.ranking(ids, teams, groups, listed, eligible, values,
                     {"received": received, "ties": ties, "mutual": mutual,
                      "cross_share": cross_share},
                     summary, left_out=() if bridging else ("bridging",), note=note)
    t4 = time.perf_counter()
    phases = {"metrics": t1 - t0, "pagerank": t2 - t1, "betweenness": t3 - t2,
              "rank_and_records": t4 - t3}
    return res, phases


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--no-bridging", action="store_true", help="leave bridging out")
    ap.add_argument("--samples", type=int, default=0,
                    help="K sampled sources (0: automatic, as the library: exact when "
                         "people x ties <= 1e9, else 256)")
    ap.add_argument("--sampler", choices=["estimate", "kadabra"], default="estimate",
                    help="where bridging is sampled: EstimateBetweenness (source sampling, "
                         "default) or KadabraBetweenness (adaptive)")
    ap.add_argument("--kadabra-err", type=float, default=0.001)
    ap.add_argument("--kadabra-delta", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2, help="NetworKit's OpenMP threads")
    ap.add_argument("--out", help="write the JSON here (default: standard output)")
    ap.add_argument("--phases", action="store_true", help="phase times on stderr")
    a = ap.parse_args(argv)
    nk.setNumberOfThreads(a.threads)
    nk.engineering.setLogLevel("ERROR")
    t0 = time.perf_counter()
    people, inter = load(a.file)
    t1 = time.perf_counter()
    res, phases = rank(people, inter, bridging=not a.no_bridging, samples=a.samples,
                       sampler=a.sampler, seed=a.seed, kadabra_err=a.kadabra_err,
                       kadabra_delta=a.kadabra_delta)
    t2 = time.perf_counter()
    pc.write(res, a.out)
    t3 = time.perf_counter()
    if a.phases:
        ph = {"load": t1 - t0, **phases, "write": t3 - t2}
        print(" ".join("%s=%.2fs" % kv for kv in ph.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
