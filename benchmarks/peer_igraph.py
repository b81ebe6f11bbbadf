#!/usr/bin/python3
"""Peer pipeline: the SPEC 4 ranking with python-igraph + numpy/pandas.

    peer_igraph.py FILE [--no-bridging] [--out OUT.json]
    peer_igraph.py FILE --track month [--no-bridging] [--out OUT.json]

Written the way a good analyst would: the export is read with the standard
json module (the JSON document with `json.load`, JSON Lines line by line
with `json.loads`), the columns go into pandas, ids are numbered with
`pd.factorize`, w(u,v) and the tie pairs are aggregated with pandas
groupby, and every metric is a numpy expression (bincount, unique) - no
Python loop over interactions or ties.  PageRank is
`Graph.pagerank(weights=..., implementation="prpack")` and bridging is
`Graph.betweenness(directed=False)` on the undirected simple tie graph,
divided by (n-1)(n-2)/2 (SPEC 4.5).  Percentiles, score and output are in
peer_common.py.

Default options only (SPEC 3): no window, no type weights, champion group
"staff", min_activity 1, prior 2.  Times are therefore not parsed (nothing
in the default ranking uses them) - the library does parse and validate
them.  Input is assumed valid (the library validates every field).

Bridging is always exact here: python-igraph 0.10 cannot sample sources
(`betweenness` has no `sources`/`subset` argument; only a path-length
cutoff, which is a different measure).  Where the library samples (people x
ties > 10^9) exact betweenness would take hours, so `--no-bridging` leaves
the criterion out: bridging is null, its percentile is null and the score
uses the other four criteria (weights renormalised).  The output then
carries "peer": {"bridging": "left out ..."}.

`--track month` is the peer of `champions track --period month` (SPEC 9.2):
the export is read once, the times parsed (numbers as Unix seconds, strings
with pandas), and each calendar month (UTC) from the first timed
interaction to the last is ranked as above on its rows; the output is one
record per month with its summary and its top 10 eligible ids.
"""

import argparse
import json
import sys
import time
import os

import numpy as np
import pandas as pd
import igraph as ig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402


def load(path):
    """-> people DataFrame (id, team, group) or None, interactions DataFrame (from, to, weight)."""
    if path.endswith((".jsonl", ".ndjson")):
        people, inter = [], []
        with open(path, "rb") as f:
            for line in f:
                if not line.strip():
                    continue
                obj = json.loads(line)
                (inter if "from" in obj else people).append(obj)
        has_people = bool(people)
    else:
        with open(path, "rb") as f:
            doc = json.load(f)
        people = doc.get("people")
        has_people = people is not None
        inter = doc.get("interactions") or []
        del doc
    pdf = pd.DataFrame.from_records(people, columns=["id", "team", "group"]) if has_people else None
    columns = ["from", "to", "weight", "time"] if TIMES else ["from", "to", "weight"]
    idf = pd.DataFrame.from_records(inter, columns=columns)
    return pdf, idf


TIMES = False  # load() keeps the time column (--track)


def unix_seconds(column):
    """A time column as Unix seconds: numbers as they are, RFC 3339 strings
    parsed by pandas; NaN for none."""
    numbers = pd.to_numeric(column, errors="coerce")
    text = column[numbers.isna() & column.notna()]
    if len(text):
        parsed = pd.to_datetime(text, utc=True)
        numbers[text.index] = (parsed - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds()
    return numbers.to_numpy(dtype=float)


def track_months(pdf, idf, bridging):
    """Each calendar month ranked on its rows: [{since, until, summary, champions}]."""
    seconds = unix_seconds(idf["time"])
    timed = seconds[~np.isnan(seconds)]
    first = pd.Timestamp(timed.min(), unit="s").to_period("M").start_time.tz_localize("UTC")
    out = []
    start = first
    while start.timestamp() <= timed.max():
        until = start + pd.offsets.MonthBegin(1)
        mask = (seconds >= start.timestamp()) & (seconds < until.timestamp())
        res, _ = rank(pdf, idf[mask].reset_index(drop=True), bridging=bridging)
        eligible = [p["id"] for p in res["people"] if p["eligible"]][:10]
        out.append({"since": start.isoformat(), "until": until.isoformat(),
                    "summary": res["summary"], "champions": eligible})
        start = until
    return out


def rank(pdf, idf, bridging=True):
    t0 = time.perf_counter()
    # ---- people and ids
    if pdf is not None:
        listed_ids = pdf["id"]
        # null, "" (and absent) team: unknown; group: "staff"
        team = [t if isinstance(t, str) and t else None for t in pdf["team"].tolist()]
        group = [g if isinstance(g, str) and g else "staff" for g in pdf["group"].tolist()]
    else:
        listed_ids = pd.Series([], dtype=object)
    self_mask = (idf["from"] == idf["to"]).to_numpy()
    dropped_self = int(self_mask.sum())
    kept = idf[~self_mask]
    m = len(kept)
    P = len(listed_ids)
    codes, uniques = pd.factorize(pd.concat([listed_ids, kept["from"], kept["to"]],
                                            ignore_index=True))
    n = len(uniques)
    src = codes[P:P + m].astype(np.int64)
    dst = codes[P + m:].astype(np.int64)
    w = kept["weight"].fillna(1.0).to_numpy(dtype=float)
    ids = uniques.tolist() if hasattr(uniques, "tolist") else list(uniques)

    if pdf is not None:
        teams = team + [None] * (n - P)
        groups = group + [None] * (n - P)
        listed = np.arange(n) < P
    else:
        teams = [None] * n
        groups = ["staff"] * n
        listed = np.ones(n, dtype=bool)

    # ---- w(u,v): one row per directed edge
    agg = pd.Series(w).groupby(src * n + dst, sort=False).sum()
    key = agg.index.to_numpy()
    ew = agg.to_numpy()
    eu, ev = key // n, key % n

    activity = np.bincount(eu, weights=ew, minlength=n)
    received = np.bincount(ev, weights=ew, minlength=n)

    # ---- tie pairs (a < b): volume and whether both directions exist
    pair = pd.DataFrame({"k": np.minimum(eu, ev) * n + np.maximum(eu, ev), "w": ew})
    pg = pair.groupby("k", sort=False)["w"].agg(["sum", "size"])
    pk = pg.index.to_numpy()
    ta, tb = pk // n, pk % n
    tvol = pg["sum"].to_numpy()
    tmut = pg["size"].to_numpy() == 2
    n_ties, n_mutual = len(pk), int(tmut.sum())
    R = n_mutual / n_ties if n_ties else 0.0
    ties = np.bincount(ta, minlength=n) + np.bincount(tb, minlength=n)
    mutual = np.bincount(ta[tmut], minlength=n) + np.bincount(tb[tmut], minlength=n)
    den = ties + pc.ALPHA
    recip = (mutual + pc.ALPHA * R) / den

    # ---- reach and cross_share over both directions of every tie
    tcodes, tnames = pd.factorize(pd.Series(teams, dtype=object))   # NaN/None -> -1
    tc = tcodes.astype(np.int64)
    T = len(tnames)
    dv = np.concatenate([ta, tb])
    du = np.concatenate([tb, ta])
    dvol = np.concatenate([tvol, tvol])
    tv, tu = tc[dv], tc[du]
    other = (tu >= 0) & (tu != tv)
    vt = pd.unique(dv[other] * (T + 1) + tu[other])
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

    # ---- influence: PageRank on G (PRPACK)
    g = ig.Graph(n=n, edges=list(zip(eu.tolist(), ev.tolist())), directed=True)
    influence = np.array(g.pagerank(weights=ew.tolist(), damping=0.85, directed=True,
                                    implementation="prpack"))
    del g
    t2 = time.perf_counter()

    # ---- bridging: exact betweenness of the undirected tie graph
    if bridging and n >= 3:
        ug = ig.Graph(n=n, edges=list(zip(ta.tolist(), tb.tolist())), directed=False)
        bridging_v = np.array(ug.betweenness(directed=False)) / ((n - 1) * (n - 2) / 2.0)
        del ug
    elif bridging:
        bridging_v = np.zeros(n)
    else:
        bridging_v = None
    t3 = time.perf_counter()

    eligible = listed & np.array([g_ == "staff" for g_ in groups]) & (activity >= 1)
    values = {"reciprocity": recip, "reach": reach.astype(float), "bridging": bridging_v,
              "influence": influence, "activity": activity}
    summary = {"people": n, "listed": int(listed.sum()), "eligible": int(eligible.sum()),
               "interactions": m, "dropped_self": dropped_self, "dropped_window": 0,
               "ties": n_ties, "mutual_ties": n_mutual, "reciprocity": R, "teams": T,
               "cross_team_share": cross_team_share}
    note = {"tool": "python-igraph %s + pandas %s" % (ig.__version__, pd.__version__),
            "bridging": ("exact" if bridging else
                         "left out (python-igraph 0.10 cannot sample sources); "
                         "the score uses the other four criteria")}
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
    ap.add_argument("--no-bridging", action="store_true",
                    help="leave bridging out (python-igraph 0.10 cannot sample sources)")
    ap.add_argument("--out", help="write the JSON here (default: standard output)")
    ap.add_argument("--phases", action="store_true", help="phase times on stderr")
    ap.add_argument("--track", choices=["month"],
                    help="rank every calendar month instead (the peer of champions track)")
    a = ap.parse_args(argv)
    if a.track:
        global TIMES
        TIMES = True
        pdf, idf = load(a.file)
        months = track_months(pdf, idf, bridging=not a.no_bridging)
        text = json.dumps({"periods": months})
        if a.out:
            with open(a.out, "w", encoding="utf-8") as f:
                f.write(text)
        else:
            sys.stdout.write(text)
        return 0
    t0 = time.perf_counter()
    pdf, idf = load(a.file)
    t1 = time.perf_counter()
    res, phases = rank(pdf, idf, bridging=not a.no_bridging)
    t2 = time.perf_counter()
    pc.write(res, a.out)
    t3 = time.perf_counter()
    if a.phases:
        ph = {"load": t1 - t0, **phases, "write": t3 - t2}
        print(" ".join("%s=%.2fs" % kv for kv in ph.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
