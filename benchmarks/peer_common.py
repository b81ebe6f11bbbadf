"""Shared tail of the peer pipelines: percentiles, score, rank, SPEC 5 JSON.

Both peers (peer_igraph.py, peer_networkx.py) compute the per-person values
their own way and hand numpy arrays to `ranking()`, which does what an
analyst would do with numpy/scipy: mid-rank percentiles (SPEC 4.8) with
scipy.stats.rankdata(method="average"), the weighted score, the order
(score descending, id ascending) and the output records.

Percentile ties: the library puts values within a relative 1e-9 of each
other in one group, so that last-bit differences of floating-point sums
(PageRank, betweenness) do not split ties.  `rankdata` needs exactly equal
values, so the values are first snapped to their group: sorted, a new group
starts where the gap to the previous value exceeds 1e-9 relative, and every
member takes the group's smallest value.  That is one vectorised pass; it
differs from the library only for chains of values each within 1e-9 of the
next but further apart end to end, which does not happen with real data.
"""

import json
import math
import sys

import numpy as np
from scipy.stats import rankdata

VERSION = "0.1.0"
CRITERIA = ("reciprocity", "reach", "bridging", "influence", "activity")
DEFAULT_WEIGHTS = {"reciprocity": 0.30, "reach": 0.25, "bridging": 0.15,
                   "influence": 0.15, "activity": 0.15}
ALPHA = 2.0
EXACT_LIMIT = 1e9       # the library computes exact betweenness when people x ties <= this
TIE_TOL = 1e-9


def snap(values):
    """Replace each value by the smallest value of its 1e-9 (relative) group."""
    v = np.asarray(values, dtype=float)
    if len(v) < 2:
        return v
    order = np.argsort(v, kind="stable")
    s = v[order]
    new = np.empty(len(s), dtype=bool)
    new[0] = True
    new[1:] = (s[1:] - s[:-1]) > TIE_TOL * np.maximum(np.abs(s[1:]), np.abs(s[:-1]))
    first = np.flatnonzero(new)
    out = np.empty_like(v)
    out[order] = s[first[np.cumsum(new) - 1]]
    return out


def percentiles(values):
    """SPEC 4.8 mid-rank percentile: (L + (E-1)/2) / (N-1) = (avg rank - 1) / (N-1)."""
    n = len(values)
    if n == 0:
        return np.zeros(0)
    if n == 1:
        return np.ones(1)
    return (rankdata(snap(values), method="average") - 1.0) / (n - 1)


def _num(x):
    x = float(x)
    return int(x) if x.is_integer() and abs(x) < 2 ** 53 else x


def ranking(ids, team, group, listed, eligible, values, extra, summary, weights=None,
            left_out=(), note=None):
    """Build the SPEC 5 object.

    ids, team, group: lists (team/group None when unknown); listed, eligible:
    bool arrays; values: {criterion: float array over all people, or None when
    left out}; extra: {"received", "ties", "mutual", "cross_share"} arrays
    (cross_share a float array with NaN for null); summary: dict of SPEC 4.9.
    Criteria in left_out get no percentile and do not enter the score."""
    W = dict(DEFAULT_WEIGHTS)
    W.update(weights or {})
    used = [c for c in CRITERIA if c not in left_out]
    el = np.flatnonzero(eligible)
    pct = {c: percentiles(values[c][el]) for c in used}
    wsum = sum(W[c] for c in used)
    score = np.zeros(len(el))
    for c in used:
        score += W[c] * pct[c]
    score /= wsum

    idarr = np.array(ids, dtype=object)
    # Python str order is code point order = bytewise UTF-8 order
    order_el = np.lexsort((np.array(ids, dtype=str)[el], -score)) if len(el) else np.zeros(0, int)
    others = np.flatnonzero(~eligible)
    others = others[np.argsort(np.array(ids, dtype=str)[others], kind="stable")]

    rank_of = np.full(len(ids), -1, dtype=np.int64)     # position within el
    rank_of[el[order_el]] = order_el

    cols = {c: (values[c].tolist() if values[c] is not None else None) for c in CRITERIA}
    received = extra["received"].tolist()
    ties = extra["ties"].tolist()
    mutual = extra["mutual"].tolist()
    cs = extra["cross_share"]
    cross = [None if math.isnan(x) else x for x in cs.tolist()]
    score_l = score.tolist()
    pct_l = {c: pct[c].tolist() for c in used}
    listed_l = listed.tolist()

    people = []
    r = 0
    for i in np.concatenate([el[order_el], others]).tolist():
        k = int(rank_of[i])
        if k >= 0:
            r += 1
        rec = {"id": idarr[i], "team": team[i], "group": group[i], "listed": listed_l[i],
               "eligible": k >= 0, "rank": r if k >= 0 else None,
               "score": score_l[k] if k >= 0 else None,
               "activity": _num(cols["activity"][i]), "reciprocity": cols["reciprocity"][i],
               "reach": int(cols["reach"][i]),
               "bridging": cols["bridging"][i] if cols["bridging"] is not None else None,
               "influence": cols["influence"][i], "received": _num(received[i]),
               "ties": ties[i], "mutual": mutual[i], "cross_share": cross[i],
               "percentiles": ({c: (pct_l[c][k] if c in pct_l else None) for c in CRITERIA}
                               if k >= 0 else None)}
        people.append(rec)
    out = {"version": VERSION, "summary": summary, "people": people}
    if note:
        out["peer"] = note
    return out


def write(obj, path=None):
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    if path:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
            f.write("\n")
    else:
        sys.stdout.write(text)
        sys.stdout.write("\n")
