#!/usr/bin/python3
"""Peer pipeline: the SPEC 4 ranking with networkx.

    peer_networkx.py FILE [--out OUT.json] [--samples K] [--seed S]

The way a networkx user writes it: the export is read with the json module,
people become nodes with attributes, interactions are added to an
`nx.DiGraph` whose edge attribute "weight" accumulates w(u,v), and the
metrics come from the graph: weighted out/in degree for activity/received,
successor/predecessor sets for ties, mutual ties and reach, `nx.pagerank`
(alpha 0.85, weight "weight") for influence and `nx.betweenness_centrality`
of the undirected simple tie graph (`nx.Graph(G)`, unweighted,
normalized=True, which for an undirected graph is exactly SPEC 4.5's
division by (n-1)(n-2)/2) for bridging.  Percentiles, score and output are
shared with the igraph peer (peer_common.py).

Unlike python-igraph, networkx can sample sources (`k=`, `seed=`), so this
peer follows the library's automatic mode: exact betweenness when people x
ties <= 10^9, otherwise 256 sampled sources (networkx's own sampler, so the
sampled values are not the library's; its normalisation n/k is the same as
SPEC 4.5).  --samples K forces K sources (0: automatic).

PageRank: networkx stops when the L1 change is below n * tol; the default
tol 1e-6 leaves errors around 1e-6 relative, enough to reorder people with
nearly equal influence, so tol=1e-12 is passed (PRPACK solves to machine
precision).

Default options only (no window, no type weights, group "staff",
min_activity 1, prior 2); times are not parsed.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

SAMPLES_AUTO = 256


def load(path):
    """-> (people list or None, interactions iterable of dicts)"""
    if path.endswith((".jsonl", ".ndjson")):
        people, inter = [], []
        with open(path, "rb") as f:
            for line in f:
                if line.strip():
                    obj = json.loads(line)
                    (inter if "from" in obj else people).append(obj)
        return (people or None), inter
    with open(path, "rb") as f:
        doc = json.load(f)
    return doc.get("people"), doc.get("interactions") or []


def build(people, interactions):
    G = nx.DiGraph()
    if people is not None:
        for p in people:
            G.add_node(p["id"], team=p.get("team") or None, group=p.get("group") or "staff",
                       listed=True)
    dropped_self = kept = 0
    for it in interactions:
        u, v = it["from"], it["to"]
        if u == v:
            dropped_self += 1
            continue
        kept += 1
        w = it.get("weight", 1)
        for x in (u, v):
            if x not in G:
                G.add_node(x, team=None, group=None if people is not None else "staff",
                           listed=people is None)
        if G.has_edge(u, v):
            G[u][v]["weight"] += w
        else:
            G.add_edge(u, v, weight=w)
    return G, kept, dropped_self


def rank(G, kept, dropped_self, samples=0, seed=1):
    nodes = list(G.nodes)
    n = len(nodes)
    team = [G.nodes[v]["team"] for v in nodes]
    group = [G.nodes[v]["group"] for v in nodes]
    listed = np.array([G.nodes[v]["listed"] for v in nodes], dtype=bool)
    team_of = dict(zip(nodes, team))

    activity = np.array([d for _, d in G.out_degree(nodes, weight="weight")], dtype=float)
    received = np.array([d for _, d in G.in_degree(nodes, weight="weight")], dtype=float)
    ties = np.zeros(n, dtype=np.int64)
    mutual = np.zeros(n, dtype=np.int64)
    reach = np.zeros(n, dtype=np.int64)
    cross_share = np.full(n, np.nan)
    for i, v in enumerate(nodes):
        succ = set(G.successors(v))
        pred = set(G.predecessors(v))
        T = succ | pred
        ties[i] = len(T)
        mutual[i] = len(succ & pred)
        tv = team[i]
        reach[i] = len({team_of[u] for u in T if team_of[u] is not None and team_of[u] != tv})
        if tv is not None and T:
            vol = cross = 0.0
            for u in T:
                x = (G[v][u]["weight"] if u in succ else 0) + (G[u][v]["weight"] if u in pred else 0)
                vol += x
                if team_of[u] is not None and team_of[u] != tv:
                    cross += x
            cross_share[i] = cross / vol
    n_ties = int(ties.sum()) // 2
    n_mutual = int(mutual.sum()) // 2
    R = n_mutual / n_ties if n_ties else 0.0
    recip = (mutual + pc.ALPHA * R) / (ties + pc.ALPHA)

    UG = nx.Graph()
    UG.add_nodes_from(nodes)
    UG.add_edges_from(G.edges())
    both = [team_of[u] is not None and team_of[v] is not None for u, v in UG.edges()]
    nb = sum(both)
    cross_pairs = sum(1 for (u, v), b in zip(UG.edges(), both) if b and team_of[u] != team_of[v])
    cross_team_share = cross_pairs / nb if nb else None
    teams = len({t for t in team if t is not None})

    t0 = time.perf_counter()
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    influence = np.array([pr[v] for v in nodes])
    t1 = time.perf_counter()

    k = samples if samples else (None if n * n_ties <= pc.EXACT_LIMIT else SAMPLES_AUTO)
    if k is not None and k >= n:
        k = None
    if n >= 3:
        bc = nx.betweenness_centrality(UG, k=k, normalized=True, weight=None, seed=seed)
        bridging = np.array([bc[v] for v in nodes])
    else:
        bridging = np.zeros(n)
    t2 = time.perf_counter()

    eligible = listed & np.array([g == "staff" for g in group]) & (activity >= 1)
    values = {"reciprocity": recip, "reach": reach.astype(float), "bridging": bridging,
              "influence": influence, "activity": activity}
    summary = {"people": n, "listed": int(listed.sum()), "eligible": int(eligible.sum()),
               "interactions": kept, "dropped_self": dropped_self, "dropped_window": 0,
               "ties": n_ties, "mutual_ties": n_mutual, "reciprocity": R, "teams": teams,
               "cross_team_share": cross_team_share}
    note = {"tool": "networkx %s" % nx.__version__,
            "bridging": "exact" if k is None else "%d sampled sources (networkx's sampler)" % k}
    res = pc.ranking(nodes, team, group, listed, eligible, values,
                     {"received": received, "ties": ties, "mutual": mutual,
                      "cross_share": cross_share}, summary, note=note)
    return res, {"pagerank": t1 - t0, "betweenness": t2 - t1}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--out")
    ap.add_argument("--samples", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--phases", action="store_true", help="phase times on stderr")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    people, inter = load(a.file)
    t1 = time.perf_counter()
    G, kept, dropped_self = build(people, inter)
    del people, inter
    t2 = time.perf_counter()
    res, ph = rank(G, kept, dropped_self, a.samples, a.seed)
    t3 = time.perf_counter()
    pc.write(res, a.out)
    t4 = time.perf_counter()
    if a.phases:
        ph = {"load": t1 - t0, "build": t2 - t1, "metrics_and_rank": t3 - t2 - sum(ph.values()),
              **ph, "write": t4 - t3}
        print(" ".join("%s=%.2fs" % kv for kv in ph.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
